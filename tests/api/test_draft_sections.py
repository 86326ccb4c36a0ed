"""/api/v1/agreements/<slug>/draft/sections/: the working draft's sections for its drafters,
saved with the fingerprint read (409 with the section as it is now), added, moved, removed."""

import pytest

from agreements.models import Party
from tests.agreements.factories import consult, make_agreement, make_party
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db

URL = "/api/v1/agreements/lo/draft/sections/"


@pytest.fixture
def agreement(municipality, coordinator, association):
    agreement = make_agreement(municipality, by=coordinator, slug="lo")
    make_party(agreement, association)
    return agreement


@pytest.fixture
def drafter(agreement):
    organisation = make_organisation(name="Skrivarförbundet")
    make_party(agreement, organisation, role=Party.Role.UMBRELLA, is_drafter=True)
    return make_user("skribent", organisation)


def listed(client):
    return {s["anchor"]: s for s in client.get(URL).json()}


def test_the_sections_are_listed_with_their_fingerprints(client, drafter):
    client.force_login(drafter)

    response = client.get(URL)

    assert response.status_code == 200
    sections = response.json()
    assert [s["anchor"] for s in sections] == ["ingress", "inledning", "principer", "dialog",
                                               "ataganden"]  # fmt: skip
    assert sections[3] == {
        "anchor": "dialog", "heading": "2.1 Dialog", "level": 2,
        "body": "Parterna för en öppen dialog.",
        "text": "## 2.1 Dialog\nParterna för en öppen dialog.",
        "fingerprint": sections[3]["fingerprint"],
    }  # fmt: skip


@pytest.mark.parametrize("role", ["member", "staff", "outsider"])
def test_others_get_404_and_change_nothing(client, request, agreement, role):
    client.force_login(request.getfixturevalue(role))
    before = agreement.revisions.drafts().get().body

    responses = [
        client.get(URL),
        client.patch(
            f"{URL}inledning/", {"body": "x", "fingerprint": "y"}, content_type="application/json"
        ),  # fmt: skip
        client.post(URL, {"heading": "Ny", "level": 1}, content_type="application/json"),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404]
    assert agreement.revisions.drafts().get().body == before


def test_anonymous_gets_what_the_draft_endpoint_answers(client, agreement):
    assert client.get(URL).status_code == client.get("/api/v1/agreements/lo/draft/").status_code
    assert client.get(URL).status_code == 404


def test_a_section_is_saved_with_its_fingerprint(client, drafter):
    client.force_login(drafter)
    read = listed(client)["principer"]

    response = client.put(
        f"{URL}principer/",
        {"heading": "2 Principerna", "body": "Sex.", "fingerprint": read["fingerprint"]},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert response.json()["anchor"] == "principerna"
    assert listed(client)["principerna"]["body"] == "Sex."


def test_a_stale_fingerprint_is_409_with_the_current_section(client, drafter):
    client.force_login(drafter)
    read = listed(client)["dialog"]
    client.patch(f"{URL}dialog/", {"body": "Först.", "fingerprint": read["fingerprint"]},
                 content_type="application/json")  # fmt: skip

    response = client.patch(
        f"{URL}dialog/", {"body": "Sedan.", "fingerprint": read["fingerprint"]},
        content_type="application/json",
    )  # fmt: skip

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "section_conflict"
    assert body["current"]["body"] == "Först." and body["yours"]["body"] == "Sedan."


def test_a_section_whose_anchor_is_gone_is_409_with_no_current(client, drafter):
    client.force_login(drafter)
    read = listed(client)["dialog"]
    client.patch(f"{URL}dialog/", {"heading": "2.1 Samtal", "fingerprint": read["fingerprint"]},
                 content_type="application/json")  # fmt: skip

    response = client.patch(
        f"{URL}dialog/", {"body": "Min.", "fingerprint": read["fingerprint"]},
        content_type="application/json",
    )  # fmt: skip

    assert response.status_code == 404  # the anchor names nothing now: PATCH reads it first
    response = client.put(
        f"{URL}dialog/", {"heading": "2.1 Dialog", "body": "Min.",
                          "fingerprint": read["fingerprint"]},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 409 and response.json()["current"] is None


def test_a_heading_in_the_text_is_409_with_a_message_and_nothing_changes(client, drafter):
    client.force_login(drafter)
    read = listed(client)["dialog"]

    response = client.patch(
        f"{URL}dialog/", {"body": "Text.\n\n# Ny", "fingerprint": read["fingerprint"]},
        content_type="application/json",
    )  # fmt: skip

    assert response.status_code == 409
    assert response.json()["code"] == "section_text_splits"
    assert listed(client)["dialog"]["fingerprint"] == read["fingerprint"]


def test_add_move_and_remove(client, drafter):
    client.force_login(drafter)

    added = client.post(URL, {"after": "inledning", "level": 2, "heading": "1.1 Syfte",
                              "body": "Ett."}, content_type="application/json")  # fmt: skip
    moved = client.post(f"{URL}syfte/move/", {"direction": "down"},
                        content_type="application/json")  # fmt: skip
    fingerprint = listed(client)["dialog"]["fingerprint"]
    stale = client.delete(f"{URL}dialog/?fingerprint=old")
    removed = client.delete(f"{URL}dialog/?fingerprint={fingerprint}")

    assert added.status_code == 201 and added.json()["text"] == "## 1.1 Syfte\n\nEtt."
    assert [s["anchor"] for s in moved.json()][1:4] == ["inledning", "principer", "syfte"]
    assert stale.status_code == 409
    assert removed.status_code == 204
    assert list(listed(client)) == ["ingress", "inledning", "principer", "syfte", "ataganden"]


def test_bad_input_is_400(client, drafter):
    client.force_login(drafter)

    responses = [
        client.post(URL, {"heading": "", "level": 1}, content_type="application/json"),
        client.post(URL, {"heading": "X", "level": 7}, content_type="application/json"),
        client.post(
            f"{URL}dialog/move/", {"direction": "sideways"}, content_type="application/json"
        ),  # fmt: skip
        client.put(f"{URL}dialog/", {"heading": "X"}, content_type="application/json"),
        client.delete(f"{URL}dialog/"),
    ]

    assert [r.status_code for r in responses] == [400] * 5


def test_a_published_draft_has_no_sections_to_edit(client, agreement, drafter):
    consult(agreement)
    client.force_login(drafter)

    assert client.get(URL).status_code == 404
