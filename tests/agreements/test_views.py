"""Every agreements URL as each role of the matrix, and the workflow through the pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements.models import Agreement, Revision
from tests.agreements.factories import adopt, consult, publish

pytestmark = pytest.mark.django_db

ROLES = ["coordinator", "drafter", "member", "staff", "outsider", "anonymous"]
READERS = {"coordinator": 200, "drafter": 200, "member": 200, "staff": 200}
WRITERS = {"coordinator": 200, "drafter": 200}
MANAGER = {"coordinator": 200}


def status_as(client, request, role, url):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(url)
    if role == "anonymous" and response.status_code == 302:
        return "login" if response["Location"].startswith("/accounts/login/") else 302
    return response.status_code


@pytest.fixture
def consulted(agreement, coordinator):
    """Revision 1 consulted and a new working draft started."""
    consult(agreement, by=coordinator)
    agreement.start_draft(by=coordinator)
    return agreement


def party_id(agreement, name="Testhamns IF"):
    return agreement.parties.get(organisation__name=name).pk


PUBLISHED_MATRIX = [
    ("/agreements/lo/", READERS, 404),
    ("/agreements/lo/print/", READERS, 404),
    ("/agreements/lo/print.pdf", READERS, 404),
    ("/agreements/lo/print.docx", READERS, 404),
    ("/agreements/lo/compare/", READERS, 404),
    ("/agreements/lo/revisions/1/", READERS, 404),
    ("/agreements/lo/draft/", WRITERS, "login"),
    ("/agreements/lo/consultation/open/", MANAGER, "login"),
    ("/agreements/lo/consultation/close/", MANAGER, "login"),
    ("/agreements/lo/revisions/1/adopt/", MANAGER, "login"),
    ("/agreements/lo/status/", MANAGER, "login"),
    ("/agreements/lo/details/", MANAGER, "login"),
    ("/agreements/lo/parties/", MANAGER, "login"),
    ("/agreements/lo/parties/{party}/sign/", MANAGER, "login"),
    ("/agreements/lo/parties/{party}/withdraw/", MANAGER, "login"),
    ("/agreements/new/", MANAGER, "login"),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url", "allowed", "anonymous"), PUBLISHED_MATRIX)
def test_each_role_gets_what_the_matrix_says(
    client, request, consulted, role, url, allowed, anonymous
):
    url = url.format(party=party_id(consulted))

    status = status_as(client, request, role, url)

    expected = anonymous if role == "anonymous" else allowed.get(role, 404)
    assert status == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("coordinator", 200),
        ("drafter", 200),
        ("member", 404),
        ("staff", 404),
        ("outsider", 404),
        ("anonymous", 404),
    ],
)
def test_a_never_published_agreement_is_seen_only_by_its_drafters(
    client, request, agreement, role, expected
):
    assert status_as(client, request, role, "/agreements/lo/") == expected


@pytest.mark.parametrize("role", ROLES)
def test_an_adopted_public_agreement_is_read_by_everyone(client, request, agreement, role):
    adopt(agreement, consult(agreement))

    for url in ["/agreements/lo/", "/agreements/lo/revisions/1/", "/agreements/lo/print/",
                "/agreements/lo/print.pdf", "/agreements/lo/print.docx"]:  # fmt: skip
        assert status_as(client, request, role, url) == 200


def test_the_list_shows_only_what_the_user_may_read(client, agreement, member, coordinator):
    client.force_login(member)
    assert "Testhamns LÖ" not in client.get("/agreements/").text

    client.force_login(coordinator)
    assert "Testhamns LÖ" in client.get("/agreements/").text


def test_the_list_filters_and_shrugs_off_bad_input(client, agreement, coordinator):
    client.force_login(coordinator)

    assert "Testhamns LÖ" not in client.get("/agreements/?status=adopted").text
    assert "Testhamns LÖ" in client.get("/agreements/?status=draft").text
    assert client.get("/agreements/?year=abc&page=x&party=999").status_code == 200


# --- the draft editor --------------------------------------------------------------------


def draft_post(client, agreement, body, version, **extra):
    data = {"title": "Testhamns LÖ", "body": body, "change_summary": "", "version": version}
    return client.post("/agreements/lo/draft/", {**data, **extra})


def test_a_drafter_saves_the_draft(client, agreement, drafter):
    client.force_login(drafter)
    version = agreement.revisions.drafts().get().version

    response = draft_post(client, agreement, "Vår gemensamma text.", version)

    assert response.status_code == 302
    assert agreement.revisions.drafts().get().body == "Vår gemensamma text."


def test_preview_shows_the_text_without_saving(client, agreement, drafter):
    client.force_login(drafter)
    draft = agreement.revisions.drafts().get()

    response = draft_post(client, agreement, "# 1 Ny rubrik", draft.version, preview="1")

    assert '<h2 id="ny-rubrik">1 Ny rubrik</h2>' in response.text
    assert agreement.revisions.drafts().get().body == draft.body


def test_a_concurrent_save_shows_the_conflict_page_and_keeps_both_texts(
    client, agreement, drafter, coordinator
):
    started_from = agreement.revisions.drafts().get().version
    client.force_login(coordinator)
    draft_post(client, agreement, "Samordnarens text.", started_from)
    client.force_login(drafter)

    response = draft_post(client, agreement, "Skribentens text.", started_from)

    assert response.status_code == 409
    assert "Samordnarens text." in response.text
    assert (
        '<textarea name="body"' in response.text and "Skribentens text.</textarea>" in response.text
    )
    current = agreement.revisions.drafts().get()
    assert current.body == "Samordnarens text."
    assert f'name="version" value="{current.version}"' in response.text


def test_saving_again_from_the_conflict_page_keeps_the_users_text(
    client, agreement, drafter, coordinator
):
    started_from = agreement.revisions.drafts().get().version
    client.force_login(coordinator)
    draft_post(client, agreement, "Samordnarens text.", started_from)
    client.force_login(drafter)
    draft_post(client, agreement, "Skribentens text.", started_from)

    draft_post(client, agreement, "Sammanslagen text.", started_from + 1)

    assert agreement.revisions.drafts().get().body == "Sammanslagen text."


def test_without_a_draft_the_editor_sends_back_to_the_agreement(client, agreement, coordinator):
    consult(agreement)
    client.force_login(coordinator)

    response = client.get("/agreements/lo/draft/")

    assert response.status_code == 302 and response["Location"] == "/agreements/lo/"


# --- workflow through the pages -------------------------------------------------------------


def future(days=30):
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def test_the_coordinator_opens_and_closes_a_consultation(client, agreement, coordinator):
    client.force_login(coordinator)

    client.post("/agreements/lo/consultation/open/", {"closes_at": future()})
    assert agreement.revisions.get(number=1).state == Revision.State.PUBLISHED
    client.post("/agreements/lo/consultation/close/")

    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.DRAFT


def test_a_closing_time_in_the_past_is_refused_with_a_message(client, agreement, coordinator):
    client.force_login(coordinator)

    response = client.post("/agreements/lo/consultation/open/", {"closes_at": "2000-01-01T10:00"})

    assert response.status_code == 200
    assert "Remisstiden måste sluta vid en tidpunkt i framtiden." in response.text
    assert not agreement.revisions.published().exists()


def test_an_illegal_step_is_explained_and_nothing_changes(client, agreement, coordinator):
    publish(agreement)
    client.force_login(coordinator)

    response = client.post(
        "/agreements/lo/revisions/1/adopt/",
        {
            "body": "Kommunfullmäktige",
            "decided_on": "2025-01-15",
            "registration_number": "KS 2025/1",
            "minute_reference": "§ 1",
        },
    )

    assert "En remiss pågår. Avsluta den innan du tar det här steget." in response.text
    assert agreement.revisions.get(number=1).state == Revision.State.PUBLISHED


def test_adoption_and_signature_through_the_pages(client, agreement, coordinator):
    consult(agreement)
    client.force_login(coordinator)

    client.post(
        "/agreements/lo/revisions/1/adopt/",
        {
            "body": "Kommunfullmäktige",
            "decided_on": timezone.localdate().isoformat(),
            "registration_number": "KS 2025/0001",
            "minute_reference": "§ 12",
        },
    )
    client.post(
        f"/agreements/lo/parties/{party_id(agreement)}/sign/",
        {"name": "Anna Ek", "title": "Ordförande", "on": timezone.localdate().isoformat()},
    )

    page = client.get("/agreements/lo/").text
    assert "KS 2025/0001" in page
    assert "Anna Ek" in page


def test_a_coordinator_creates_an_agreement(client, municipality, coordinator):
    client.force_login(coordinator)

    response = client.post(
        "/agreements/new/",
        {"municipality": municipality.pk, "title": "IOP om simskola", "slug": "", "summary": ""},
    )

    assert (
        response.status_code == 302 and response["Location"] == "/agreements/iop-om-simskola/draft/"
    )
    assert Agreement.objects.get(slug="iop-om-simskola").municipality == municipality


def test_start_draft_answers_only_to_post(client, consulted, coordinator):
    client.force_login(coordinator)

    assert client.get("/agreements/lo/draft/start/").status_code == 405


# --- compare ---------------------------------------------------------------------------------


def test_compare_shows_word_changes_side_by_side_and_inline(client, agreement, coordinator):
    consult(agreement, body="# 1 Dialog\n\nStaden bjuder in två gånger per år.")
    agreement.start_draft(by=None)
    consult(agreement, body="# 1 Dialog\n\nStaden bjuder in fyra gånger per år.")
    client.force_login(coordinator)

    side = client.get("/agreements/lo/compare/?from=1&to=2")
    inline = client.get("/agreements/lo/compare/?from=1&to=2&view=inline")

    assert "<del>två</del>" in side.text and "<ins>fyra</ins>" in side.text
    assert "<del>två</del><ins>fyra</ins>" in inline.text


@pytest.mark.parametrize("query", ["?from=1&to=9", "?from=x&to=1", "?from=1&to=1", "?from=1"])
def test_compare_explains_bad_parameters(client, consulted, coordinator, query):
    client.force_login(coordinator)

    response = client.get("/agreements/lo/compare/" + query)

    assert response.status_code == 400
    assert 'class="errorlist' in response.text


def test_compare_says_when_only_a_heading_changed(client, agreement, coordinator):
    consult(agreement, body="# 1 Mål\n\nText.\n\n# 2 Dialog\n\nSamma text.")
    agreement.start_draft(by=None)
    consult(agreement, body="# 1 Dialog\n\nSamma text.")
    client.force_login(coordinator)

    response = client.get("/agreements/lo/compare/?from=1&to=2")

    assert "Tidigare: 2 Dialog" in response.text
    assert "Bara rubriken har ändrats." in response.text


def test_compare_renders_lists_and_headings_with_the_changes_marked(client, agreement, coordinator):
    consult(agreement, body="# 1 Dialog\n\n### Möten\n\n- två möten per år\n- en **rapport**")
    agreement.start_draft(by=None)
    consult(agreement, body="# 1 Dialog\n\n### Mötena\n\n- fyra möten per år\n- en **rapport**")
    client.force_login(coordinator)

    side = client.get("/agreements/lo/compare/?from=1&to=2").text
    inline = client.get("/agreements/lo/compare/?from=1&to=2&view=inline").text

    assert "<li><del>två</del> möten per år</li>" in side
    assert "<li><ins>fyra</ins> möten per år</li>" in side
    assert "<strong>rapport</strong>" in side and "**" not in side
    assert "<h4><del>Möten</del><ins>Mötena</ins></h4>" in inline
    assert "- två" not in inline and "###" not in inline


def test_compare_marks_a_changed_number_inside_a_sentence(client, agreement, coordinator):
    consult(agreement, body="# 1 Mål\n\nSenast år 2024. Sedan varje år.")
    agreement.start_draft(by=None)
    consult(agreement, body="# 1 Mål\n\nSenast år 2025. Sedan varje år.")
    client.force_login(coordinator)

    inline = client.get("/agreements/lo/compare/?from=1&to=2&view=inline").text

    assert "<del>2024</del><ins>2025</ins>" in inline
