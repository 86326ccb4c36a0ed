"""The invited-bodies page and its forms, as each role: who sees the status, who answers,
declines, invites and reminds; bad input gets a clear message and changes nothing."""

import pytest

from agreements.models import Answer, Invitation, Invited, Readers
from organisations.models import Organisation
from tests.agreements.factories import closes_in
from tests.factories import make_organisation, make_user

BASE = "/agreements/lo/revisions/1/consultation"


@pytest.fixture
def umbrella(db):
    return make_organisation(name="Kullahamns paraply", kind=Organisation.Kind.UMBRELLA)


@pytest.fixture
def umbrella_member(umbrella):
    return make_user("paraply", umbrella)


@pytest.fixture
def revision(agreement, coordinator, association, umbrella):
    invited = Invited(organisations=[association, umbrella], questions=["Vad saknas?"],
                      cover_letter="Välkomna att tycka till.", readers=Readers.PARTIES)  # fmt: skip
    return agreement.open_consultation(closes_at=closes_in(30), by=coordinator, invited=invited)


@pytest.fixture
def question(revision):
    return revision.questions.get()


@pytest.mark.parametrize(
    "role", ["admin_user", "coordinator", "staff", "member", "umbrella_member"]
)
def test_readers_see_the_invited_bodies_and_the_cover_letter(client, request, revision, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(f"{BASE}/invited/")

    assert response.status_code == 200
    assert "Välkomna att tycka till." in response.content.decode()
    assert "Kullahamns paraply" in response.content.decode()


def test_outsiders_get_404_and_the_anonymous_log_in(client, revision, outsider):
    assert client.get(f"{BASE}/invited/").status_code == 302
    client.force_login(outsider)
    assert client.get(f"{BASE}/invited/").status_code == 404


def test_the_page_costs_the_same_queries_however_many_bodies_answered(
    client, revision, coordinator, question, django_assert_max_num_queries
):
    for index in range(8):
        organisation = make_organisation(name=f"Förening {index}")
        Invitation.invite(revision, organisation, by=coordinator)
        question.answer(organisation=organisation, body="Svar.", by=coordinator)
    client.force_login(coordinator)

    with django_assert_max_num_queries(30):
        response = client.get(f"{BASE}/invited/")

    assert response.content.decode().count("Svar.") == 8


def test_an_invited_member_answers_and_a_second_answer_gets_a_message(
    client, question, umbrella, umbrella_member
):
    client.force_login(umbrella_member)
    url = f"{BASE}/questions/{question.pk}/answer/"
    data = {f"q{question.pk}-organisation": umbrella.pk, f"q{question.pk}-body": "Lokaler."}

    client.post(url, data)
    response = client.post(url, {**data, f"q{question.pk}-body": "Igen."}, follow=True)

    assert Answer.objects.get().body == "Lokaler."
    assert response.status_code == 200
    assert "already answered" in response.content.decode() or "redan svarat" in (
        response.content.decode()
    )


def test_a_decline_after_an_answer_gets_a_message(client, question, umbrella, umbrella_member):
    question.answer(organisation=umbrella, body="Svar.", by=umbrella_member)
    client.force_login(umbrella_member)

    response = client.post(f"{BASE}/decline/", {"organisation": umbrella.pk, "reason": "x"})

    assert response.status_code == 200
    assert Invitation.objects.get(organisation=umbrella).declined_at is None


def test_an_invited_member_declines_and_the_coordinator_sees_it(
    client, revision, umbrella, umbrella_member, coordinator
):
    client.force_login(umbrella_member)
    client.post(f"{BASE}/decline/", {"organisation": umbrella.pk, "reason": "Ingen tid i år"})
    client.force_login(coordinator)

    page = client.get(f"{BASE}/invited/").content.decode()

    assert "Ingen tid i år" in page
    assert Invitation.objects.get(organisation=umbrella).status == Invitation.Status.DECLINED


def test_an_empty_answer_gets_a_message_and_changes_nothing(
    client, question, umbrella, umbrella_member
):
    client.force_login(umbrella_member)

    response = client.post(
        f"{BASE}/questions/{question.pk}/answer/",
        {f"q{question.pk}-organisation": umbrella.pk, f"q{question.pk}-body": "  "},
    )

    assert response.status_code == 200
    assert not Answer.objects.exists()


@pytest.mark.parametrize("role", ["staff", "member", "umbrella_member"])
def test_only_the_coordinators_invite(client, request, revision, role, other_association):
    client.force_login(request.getfixturevalue(role))

    response = client.post(f"{BASE}/invited/new/", {"organisation": other_association.pk})

    assert response.status_code == 404
    assert not revision.invitations.filter(organisation=other_association).exists()


def test_the_coordinator_invites_an_outside_organisation(
    client, revision, coordinator, other_association, outsider
):
    client.force_login(coordinator)

    response = client.post(f"{BASE}/invited/new/", {"organisation": other_association.pk})

    assert response.status_code == 302
    client.force_login(outsider)
    assert client.get(f"{BASE}/invited/").status_code == 200


def test_opening_the_consultation_invites_the_parties_and_others(
    client, agreement, coordinator, association, umbrella
):
    client.force_login(coordinator)
    closes = closes_in(60).strftime("%Y-%m-%dT%H:%M")

    client.post("/agreements/lo/consultation/open/", {
        "closes_at": closes, "other_organisations": [umbrella.slug], "readers": "invited",
        "questions": "Vad saknas?\n\nHur når vi fler?", "cover_letter": "Hej!",
    })  # fmt: skip

    revision = agreement.revisions.get(number=1)
    assert set(revision.invitations.values_list("organisation__name", flat=True)) == {
        "Testhamns IF",
        "Kullahamns paraply",
    }
    assert list(revision.questions.values_list("text", flat=True)) == [
        "Vad saknas?",
        "Hur når vi fler?",
    ]
    assert revision.consultation_readers == "invited" and revision.cover_letter == "Hej!"


def test_a_party_left_out_is_not_invited(client, agreement, coordinator, association, umbrella):
    client.force_login(coordinator)

    client.post("/agreements/lo/consultation/open/", {
        "closes_at": closes_in(60).strftime("%Y-%m-%dT%H:%M"),
        "left_out_parties": [association.slug], "other_organisations": [umbrella.slug],
    })  # fmt: skip

    revision = agreement.revisions.get(number=1)
    assert list(revision.invitations.values_list("organisation__name", flat=True)) == [
        "Kullahamns paraply"
    ]


def test_the_report_lists_the_invited_bodies_and_the_answers(
    client, question, umbrella, umbrella_member, coordinator
):
    question.answer(organisation=umbrella, body="Fler lokaler.", by=umbrella_member)
    client.force_login(coordinator)

    page = client.get(f"{BASE}/report/").content.decode()

    assert "Vad saknas?" in page and "Fler lokaler." in page
    assert "Testhamns IF" in page
