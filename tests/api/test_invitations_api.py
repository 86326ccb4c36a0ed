"""Invited bodies, declines, questions and answers through the API: the page's rules and
verbs; outsiders 404, an illegal step 409 with its message, bad input 400, nothing changed."""

import pytest

from agreements.models import Answer, Invitation, Invited, Readers
from organisations.models import Organisation
from tests.agreements.factories import closes_in, make_agreement, make_party
from tests.api.conftest import as_user
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db

BASE = "/api/v1/agreements/lo/revisions/1"


@pytest.fixture
def umbrella(db):
    return make_organisation(name="Kullahamns paraply", kind=Organisation.Kind.UMBRELLA)


@pytest.fixture
def umbrella_member(umbrella):
    return make_user("paraply", umbrella)


@pytest.fixture
def revision(municipality, department, coordinator, association, umbrella):
    agreement = make_agreement(municipality, by=coordinator, slug="lo", title="Testhamns LÖ")
    make_party(agreement, association)
    invited = Invited(organisations=[association, umbrella], questions=["Vad saknas?"],
                      readers=Readers.PARTIES)  # fmt: skip
    return agreement.open_consultation(closes_at=closes_in(30), by=coordinator, invited=invited)


@pytest.fixture
def question(revision):
    return revision.questions.get()


@pytest.mark.parametrize("role", ["coordinator", "staff", "member", "umbrella_member"])
def test_readers_see_the_invited_bodies_and_questions(request, revision, role):
    client = as_user(request.getfixturevalue(role))

    bodies = client.get(f"{BASE}/invitations/")
    questions = client.get(f"{BASE}/questions/")

    assert bodies.status_code == 200 and questions.status_code == 200
    assert {row["status"] for row in bodies.json()} == {"waiting"}
    assert questions.json()[0]["text"] == "Vad saknas?"


@pytest.mark.parametrize("suffix", ["invitations/", "questions/"])
def test_outsiders_and_the_anonymous_get_404(revision, outsider, client, suffix):
    assert as_user(outsider).get(f"{BASE}/{suffix}").status_code == 404
    assert client.get(f"{BASE}/{suffix}").status_code in (401, 404)


def test_an_invited_body_answers_once_then_gets_a_409(question, umbrella, umbrella_member):
    client = as_user(umbrella_member)
    url = f"{BASE}/questions/{question.pk}/answers/"

    first = client.post(url, {"organisation": umbrella.slug, "body": "Lokaler."}, format="json")
    second = client.post(url, {"organisation": umbrella.slug, "body": "Igen."}, format="json")

    assert first.status_code == 201
    assert second.status_code == 409
    assert second.json()["code"] == "already_answered"
    assert "redan svarat" in second.json()["message"]
    assert list(Answer.objects.values_list("body", flat=True)) == ["Lokaler."]


def test_a_decline_after_an_answer_is_a_409(question, umbrella, umbrella_member):
    client = as_user(umbrella_member)
    client.post(f"{BASE}/questions/{question.pk}/answers/",
                {"organisation": umbrella.slug, "body": "Svar."}, format="json")  # fmt: skip

    response = client.post(f"{BASE}/decline/", {"organisation": umbrella.slug}, format="json")

    assert response.status_code == 409
    assert Invitation.objects.get(organisation=umbrella).declined_at is None


def test_an_invited_body_declines_with_a_reason(revision, umbrella, umbrella_member):
    response = as_user(umbrella_member).post(
        f"{BASE}/decline/", {"organisation": umbrella.slug, "reason": "Ingen tid"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    assert response.json()["decline_reason"] == "Ingen tid"


def test_a_reader_who_is_not_invited_cannot_answer(question, staff, department):
    response = as_user(staff).post(
        f"{BASE}/questions/{question.pk}/answers/",
        {"organisation": department.slug, "body": "Hej"}, format="json",
    )  # fmt: skip

    assert response.status_code == 409
    assert not Answer.objects.exists()


def test_an_empty_answer_is_a_400(question, umbrella, umbrella_member):
    response = as_user(umbrella_member).post(
        f"{BASE}/questions/{question.pk}/answers/", {"organisation": umbrella.slug, "body": ""},
        format="json",
    )  # fmt: skip

    assert response.status_code == 400
    assert "body" in response.json()["errors"]


def test_a_question_of_no_such_id_is_a_404(revision, umbrella, umbrella_member):
    response = as_user(umbrella_member).post(
        f"{BASE}/questions/999999/answers/", {"organisation": umbrella.slug, "body": "x"},
        format="json",
    )  # fmt: skip

    assert response.status_code == 404


def test_the_coordinator_invites_by_slug_and_twice_is_a_400(
    revision, coordinator, other_association
):
    client = as_user(coordinator)

    first = client.post(f"{BASE}/invitations/", {"organisation": other_association.slug},
                        format="json")  # fmt: skip
    second = client.post(f"{BASE}/invitations/", {"organisation": other_association.slug},
                         format="json")  # fmt: skip

    assert first.status_code == 201 and first.json()["status"] == "waiting"
    assert second.status_code == 400  # no longer among those that can be invited
    assert revision.invitations.filter(organisation=other_association).count() == 1


@pytest.mark.parametrize("role", ["member", "staff", "umbrella_member"])
def test_only_the_coordinators_invite_and_remind(request, revision, role, other_association):
    client = as_user(request.getfixturevalue(role))

    invite = client.post(f"{BASE}/invitations/", {"organisation": other_association.slug},
                         format="json")  # fmt: skip
    remind = client.post(f"{BASE}/invitations/remind/")

    assert invite.status_code == 404 and remind.status_code == 404


def test_the_coordinator_reminds_those_waiting(revision, coordinator):
    response = as_user(coordinator).post(f"{BASE}/invitations/remind/")

    assert response.status_code == 202
    assert response.json() == {"reminded": 2}


def test_the_report_lists_the_invited_bodies_and_the_answers(
    question, umbrella, umbrella_member, coordinator
):
    question.answer(organisation=umbrella, body="Fler lokaler.", by=umbrella_member)

    report = as_user(coordinator).get(f"{BASE}/report/").json()

    statuses = {row["organisation"]: row["status"] for row in report["invited"]}
    assert statuses == {umbrella.slug: "answered", "testhamns-if": "waiting"}
    assert report["questions"][0]["answers"][0]["body"] == "Fler lokaler."
