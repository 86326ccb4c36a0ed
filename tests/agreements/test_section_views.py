"""The section editor pages: who reaches them, saving one section, conflicts, and adding,
moving and removing sections through the pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.agreements.factories import consult

pytestmark = pytest.mark.django_db

ROLES = ["coordinator", "drafter", "member", "staff", "outsider", "anonymous"]
URLS = [
    "/agreements/lo/draft/sections/inledning/",
    "/agreements/lo/draft/sections/inledning/remove/",
    "/agreements/lo/draft/new-section/?after=inledning",
]


def status_as(client, request, role, url):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(url)
    if role == "anonymous" and response.status_code == 302:
        return "login" if response["Location"].startswith("/accounts/login/") else 302
    return response.status_code


def section(agreement, anchor):
    draft = agreement.revisions.drafts().get()
    return next(s for s in draft.draft_sections() if s.anchor == anchor)


def save(client, agreement, anchor, body, fingerprint=None, heading=None):
    current = section(agreement, anchor)
    data = {
        "heading": current.heading if heading is None else heading,
        "body": body,
        "fingerprint": fingerprint or current.fingerprint,
    }
    return client.post(f"/agreements/lo/draft/sections/{anchor}/", data)


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize(
    ("role", "expected"),
    [("coordinator", 200), ("drafter", 200), ("member", 404), ("staff", 404),
     ("outsider", 404), ("anonymous", "login")],
)  # fmt: skip
def test_the_section_pages_are_for_the_drafters_as_the_draft_editor_is(
    client, request, agreement, role, expected, url
):
    assert status_as(client, request, role, url) == expected


@pytest.mark.parametrize("role", ["member", "outsider"])
def test_others_cannot_change_a_section(client, request, agreement, role):
    client.force_login(request.getfixturevalue(role))
    before = agreement.revisions.drafts().get().body

    responses = [
        save(client, agreement, "inledning", "Intrång."),
        client.post("/agreements/lo/draft/sections/inledning/move/", {"direction": "down"}),
        client.post("/agreements/lo/draft/new-section/", {"heading": "X", "level": 1}),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404]
    assert agreement.revisions.drafts().get().body == before


def test_the_draft_page_lists_each_section_with_its_edit_link(client, agreement, drafter):
    client.force_login(drafter)

    response = client.get("/agreements/lo/draft/")

    assert response.text.count("Redigera avsnittet") == 5
    assert 'href="/agreements/lo/draft/sections/dialog/"' in response.text


def test_the_section_editor_shows_only_that_section(client, agreement, drafter):
    client.force_login(drafter)

    response = client.get("/agreements/lo/draft/sections/principer/")

    assert 'value="2 Principer"' in response.text
    assert "Parterna utgår från de sex principerna." in response.text
    assert "Staden åtar sig" not in response.text


def test_the_section_editor_page_reads_a_fixed_number_of_queries(
    client, agreement, drafter, django_assert_max_num_queries
):
    client.force_login(drafter)

    # 6 when the session's cached lookups are cold, 5 after another test warmed them.
    with django_assert_max_num_queries(6):
        response = client.get("/agreements/lo/draft/sections/principer/")

    assert response.status_code == 200


def test_the_draft_page_reads_as_many_queries_for_forty_sections_as_for_five(
    client, agreement, drafter, django_assert_num_queries
):
    client.force_login(drafter)
    with CaptureQueriesContext(connection) as five:
        client.get("/agreements/lo/draft/")
    draft = agreement.revisions.drafts().get()
    body = "\n\n".join(f"# {n} Del {n}\nText {n}." for n in range(40))
    draft.save_text(title=draft.title, body=body, change_summary="",
                    base_version=draft.version, by=None)  # fmt: skip

    with django_assert_num_queries(len(five.captured_queries)):
        response = client.get("/agreements/lo/draft/")

    assert response.text.count("Redigera avsnittet") == 40


def test_a_drafter_saves_one_section(client, agreement, drafter):
    client.force_login(drafter)

    response = save(client, agreement, "principer", "Sex principer gäller.")

    assert response.status_code == 302
    assert response["Location"] == "/agreements/lo/draft/#section-principer"
    assert section(agreement, "principer").body == "Sex principer gäller."
    assert section(agreement, "ataganden").body.startswith("Staden åtar sig")


def test_two_people_editing_different_sections_both_succeed(
    client, agreement, drafter, coordinator
):
    first, second = section(agreement, "inledning"), section(agreement, "ataganden")
    client.force_login(coordinator)
    save(client, agreement, "inledning", "Samordnarens inledning.", first.fingerprint)
    client.force_login(drafter)

    response = save(client, agreement, "ataganden", "Skribentens åtaganden.", second.fingerprint)

    assert response.status_code == 302
    assert section(agreement, "inledning").body == "Samordnarens inledning."
    assert section(agreement, "ataganden").body == "Skribentens åtaganden."


def test_the_same_section_edited_twice_shows_the_conflict_page_with_both_texts(
    client, agreement, drafter, coordinator
):
    read = section(agreement, "inledning")
    client.force_login(coordinator)
    save(client, agreement, "inledning", "Samordnarens inledning.", read.fingerprint)
    client.force_login(drafter)

    response = save(client, agreement, "inledning", "Skribentens inledning.", read.fingerprint)

    assert response.status_code == 409
    assert "Samordnarens inledning." in response.text
    assert "Skribentens inledning.</textarea>" in response.text
    assert f'value="{section(agreement, "inledning").fingerprint}"' in response.text
    assert section(agreement, "inledning").body == "Samordnarens inledning."


def test_a_renamed_section_shows_the_conflict_page_and_offers_to_add_the_text(
    client, agreement, drafter, coordinator
):
    read = section(agreement, "inledning")
    client.force_login(coordinator)
    save(client, agreement, "inledning", read.body, read.fingerprint, heading="1 Bakgrund")
    client.force_login(drafter)

    response = client.post(
        "/agreements/lo/draft/sections/inledning/",
        {"heading": "1 Inledning", "body": "Min text.", "fingerprint": read.fingerprint},
    )

    assert response.status_code == 409
    assert "Min text.</textarea>" in response.text
    assert 'action="/agreements/lo/draft/new-section/"' in response.text


def test_a_heading_inside_the_text_is_refused_with_a_message_and_the_text_kept(
    client, agreement, drafter
):
    client.force_login(drafter)
    before = agreement.revisions.drafts().get().body

    response = save(client, agreement, "inledning", "Text.\n\n# 1.5 Ny del")

    assert response.status_code == 400
    assert "Använd ### för en rubrik inuti avsnittet" in response.text
    assert "# 1.5 Ny del</textarea>" in response.text
    assert agreement.revisions.drafts().get().body == before


def test_an_empty_heading_is_refused(client, agreement, drafter):
    client.force_login(drafter)

    response = save(client, agreement, "inledning", "Text.", heading="")

    assert response.status_code == 400
    assert section(agreement, "inledning").body.startswith("Denna överenskommelse")


def test_a_section_saved_after_the_draft_was_published_gets_a_clear_message(
    client, agreement, drafter
):
    read = section(agreement, "inledning")
    consult(agreement)
    client.force_login(drafter)

    response = client.post(
        "/agreements/lo/draft/sections/inledning/",
        {"heading": "1 Inledning", "body": "Sent.", "fingerprint": read.fingerprint},
        follow=True,
    )

    assert "Det finns inget arbetsutkast" in response.text


def test_add_move_and_remove_through_the_pages(client, agreement, coordinator):
    client.force_login(coordinator)

    added = client.post(
        "/agreements/lo/draft/new-section/",
        {"after": "inledning", "level": 1, "heading": "1.5 Syfte", "body": "Ett."},
    )
    client.post("/agreements/lo/draft/sections/syfte/move/", {"direction": "down"})
    confirm = client.get("/agreements/lo/draft/sections/dialog/remove/")
    fingerprint = section(agreement, "dialog").fingerprint
    removed = client.post("/agreements/lo/draft/sections/dialog/remove/",
                          {"fingerprint": fingerprint})  # fmt: skip

    assert added.status_code == 302 and added["Location"].endswith("#section-syfte")
    assert "Parterna för en öppen dialog." in confirm.text
    assert removed.status_code == 302
    draft = agreement.revisions.drafts().get()
    assert [s.anchor for s in draft.draft_sections()] == [
        "ingress",
        "inledning",
        "principer",
        "syfte",
        "ataganden",
    ]
    assert draft.version == 4 and draft.updated_by == coordinator


def test_moving_past_the_end_explains_itself(client, agreement, coordinator):
    client.force_login(coordinator)

    response = client.post(
        "/agreements/lo/draft/sections/ataganden/move/", {"direction": "down"}, follow=True
    )

    assert "Avsnittet kan inte flyttas längre åt det hållet." in response.text


def test_removing_a_section_changed_since_the_confirmation_is_refused(
    client, agreement, coordinator
):
    client.force_login(coordinator)
    seen = section(agreement, "dialog").fingerprint
    save(client, agreement, "dialog", "Ändrad dialog.")

    response = client.post("/agreements/lo/draft/sections/dialog/remove/", {"fingerprint": seen})

    assert response.status_code == 409
    assert "Ändrad dialog." in response.text
    assert "dialog" in [s.anchor for s in agreement.revisions.drafts().get().draft_sections()]
