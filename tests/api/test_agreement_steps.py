"""The agreement's remaining steps through the API: status changes, parties joining and
withdrawing, a longer consultation, and authors editing and withdrawing their comments. Each
step is the page's: the same rule, form and model verb; outsiders get 404, an illegal step is
a 409 in the request's language and changes nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements.models import Agreement, Comment, Party
from tests.agreements.factories import adopt, make_agreement, make_party, publish
from tests.api.conftest import as_user
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db

ROLES = [None, "admin", "coordinator", "staff", "member", "outsider"]
BASE = "/api/v1/agreements/lo"


def client_for(request, role):
    return as_user(request.getfixturevalue(role) if role else None)


def in_days(days):
    return (timezone.now() + timedelta(days=days)).isoformat()


@pytest.fixture
def agreement(municipality, department, coordinator, association):
    """Published for consultation (so staff and party members read it); the association is a
    signatory party."""
    agreement = make_agreement(municipality, by=coordinator, slug="lo", title="Testhamns LÖ")
    make_party(agreement, association)
    publish(agreement, by=coordinator)
    return agreement


@pytest.fixture
def adopted(agreement, coordinator):
    agreement.close_consultation(by=coordinator, accept_unanswered=True)
    adopt(agreement, agreement.revisions.get(number=1), by=coordinator)
    return agreement


@pytest.fixture
def newcomer(db):
    return make_organisation(name="Kullahamns scouter")


@pytest.fixture
def comment(agreement, member, association):
    return Comment.post(
        revision=agreement.revisions.get(number=1), author=member, organisation=association,
        body="Bra början.",
    )  # fmt: skip


def status_of(agreement):
    return Agreement.objects.get(pk=agreement.pk).status


# --- who may take the steps ----------------------------------------------------------------


def expected_for_managers(role, success):
    return {None: 401, "admin": success, "coordinator": success}.get(role, 404)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_municipalitys_coordinators_change_the_status(request, role, adopted):
    response = client_for(request, role).post(f"{BASE}/status/", {"status": "in_force"})

    assert response.status_code == expected_for_managers(role, 200)
    assert status_of(adopted) == ("in_force" if role in {"admin", "coordinator"} else "adopted")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_municipalitys_coordinators_add_a_party(request, role, agreement, newcomer):
    response = client_for(request, role).post(
        f"{BASE}/parties/", {"organisation": newcomer.slug, "role": "signatory"}
    )

    added = agreement.parties.filter(organisation=newcomer).exists()
    assert response.status_code == expected_for_managers(role, 201)
    assert added == (role in {"admin", "coordinator"})


@pytest.mark.parametrize("role", ROLES)
def test_only_the_municipalitys_coordinators_record_a_withdrawal(request, role, agreement):
    party = agreement.parties.get(organisation__slug="testhamns-if")

    response = client_for(request, role).post(f"{BASE}/parties/{party.pk}/withdraw/")

    party.refresh_from_db()
    assert response.status_code == expected_for_managers(role, 200)
    assert (party.withdrawn_on is not None) == (role in {"admin", "coordinator"})


@pytest.mark.parametrize("role", ROLES)
def test_only_the_municipalitys_coordinators_extend_the_consultation(request, role, agreement):
    before = agreement.revisions.get(number=1).consultation_closes_at

    response = client_for(request, role).post(
        f"{BASE}/revisions/1/consultation/extend/", {"closes_at": in_days(60)}
    )

    after = agreement.revisions.get(number=1).consultation_closes_at
    assert response.status_code == expected_for_managers(role, 200)
    assert (after > before) == (role in {"admin", "coordinator"})


# --- what each step does, and refuses ------------------------------------------------------


def test_the_coordinator_puts_the_agreement_in_force_and_then_ends_it(adopted, coordinator):
    client = as_user(coordinator)
    successor = make_agreement(adopted.municipality, by=coordinator, slug="lo-2")

    in_force = client.post(f"{BASE}/status/", {"status": "in_force", "on": "2026-01-01"})
    ended = client.post(f"{BASE}/status/", {"status": "superseded", "superseded_by": "lo-2"})

    assert in_force.json()["valid_from"] == "2026-01-01"
    assert ended.json()["status"] == "superseded"
    assert Agreement.objects.get(pk=adopted.pk).superseded_by == successor


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("sv", "Överenskommelsen kan inte gå till den statusen från sin nuvarande status."),
        ("en", "The agreement cannot go to that status from its current status."),
    ],
)
def test_an_illegal_status_change_is_409_in_the_requests_language(
    agreement, coordinator, language, message
):
    response = as_user(coordinator).post(
        f"{BASE}/status/", {"status": "in_force"}, HTTP_ACCEPT_LANGUAGE=language
    )

    assert response.status_code == 409
    assert response.json() == {"code": "invalid_transition", "message": message}
    assert status_of(agreement) == "consultation"


def test_superseding_without_naming_the_successor_is_409(adopted, coordinator):
    response = as_user(coordinator).post(f"{BASE}/status/", {"status": "superseded"})

    assert response.status_code == 409
    assert response.json()["message"] == "Välj den överenskommelse som ersätter den här."
    assert status_of(adopted) == "adopted"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "planet"}, "status"),
        ({"status": "in_force", "on": "igår"}, "on"),
        ({"status": "superseded", "superseded_by": "finns-inte"}, "superseded_by"),
    ],
)
def test_a_bad_status_request_is_400_with_the_field(adopted, coordinator, body, field):
    response = as_user(coordinator).post(f"{BASE}/status/", body, format="json")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {field}
    assert status_of(adopted) == "adopted"


def test_a_new_party_is_a_drafter_when_asked_and_its_members_then_read(
    agreement, coordinator, newcomer
):
    scout = make_user("scout", newcomer)

    response = as_user(coordinator).post(
        f"{BASE}/parties/", {"organisation": newcomer.slug, "role": "umbrella", "is_drafter": True},
        format="json",
    )  # fmt: skip

    party = agreement.parties.get(organisation=newcomer)
    assert response.status_code == 201
    assert (party.role, party.is_drafter) == (Party.Role.UMBRELLA, True)
    assert as_user(scout).get(f"{BASE}/").status_code == 200


def test_adding_a_party_twice_is_409(agreement, coordinator, association):
    response = as_user(coordinator).post(
        f"{BASE}/parties/", {"organisation": association.slug, "role": "signatory"}
    )

    assert response.status_code == 409
    assert response.json()["code"] == "already_party"
    assert agreement.parties.filter(organisation=association).count() == 1


def test_adding_an_unknown_organisation_or_role_is_400(agreement, coordinator):
    response = as_user(coordinator).post(
        f"{BASE}/parties/", {"organisation": "finns-inte", "role": "kung"}
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"organisation", "role"}


def test_a_withdrawn_party_cannot_withdraw_again_and_the_municipality_never(
    agreement, coordinator, association
):
    client = as_user(coordinator)
    party = agreement.parties.get(organisation=association)
    own = agreement.parties.get(role=Party.Role.MUNICIPALITY)

    first = client.post(f"{BASE}/parties/{party.pk}/withdraw/", {"on": "2026-03-01"})
    again = client.post(f"{BASE}/parties/{party.pk}/withdraw/")
    municipality = client.post(f"{BASE}/parties/{own.pk}/withdraw/")

    party.refresh_from_db()
    assert first.status_code == 200
    assert str(party.withdrawn_on) == "2026-03-01"
    assert (again.status_code, again.json()["code"]) == (409, "party_withdrawn")
    assert (municipality.status_code, municipality.json()["code"]) == (409, "invalid_transition")
    assert agreement.parties.get(pk=own.pk).withdrawn_on is None


def test_a_party_of_another_agreement_is_not_found(agreement, coordinator):
    other = make_agreement(agreement.municipality, by=coordinator, slug="annat")
    party = make_party(other)

    response = as_user(coordinator).post(f"{BASE}/parties/{party.pk}/withdraw/")

    assert response.status_code == 404
    assert Party.objects.get(pk=party.pk).withdrawn_on is None


def test_the_closing_time_only_moves_later_and_only_while_consultation_is_open(
    agreement, coordinator
):
    client = as_user(coordinator)
    url = f"{BASE}/revisions/1/consultation/extend/"

    past = client.post(url, {"closes_at": in_days(-1)})
    earlier = client.post(url, {"closes_at": in_days(1)})
    agreement.close_consultation(by=coordinator, accept_unanswered=True)
    closed = client.post(url, {"closes_at": in_days(90)})

    assert (past.status_code, set(past.json()["errors"])) == (400, {"closes_at"})
    assert (earlier.status_code, earlier.json()["code"]) == (409, "closing_time_not_later")
    assert (closed.status_code, closed.json()["code"]) == (409, "extension_not_possible")


# --- comments: their authors edit and withdraw them while the consultation is open --------


COMMENT_ROLES = [None, "admin", "coordinator", "staff", "member", "outsider", "colleague"]


@pytest.fixture
def colleague(association):
    """Another member of the commenting organisation: not the author."""
    return make_user("kollega", association)


@pytest.mark.parametrize("role", COMMENT_ROLES)
def test_only_the_author_edits_a_comment(request, role, comment):
    url = f"{BASE}/revisions/1/comments/{comment.pk}/"

    response = client_for(request, role).patch(url, {"body": "Ändrad."}, format="json")

    comment.refresh_from_db()
    assert response.status_code == {None: 401, "member": 200}.get(role, 404)
    assert comment.body == ("Ändrad." if role == "member" else "Bra början.")


@pytest.mark.parametrize("role", COMMENT_ROLES)
def test_only_the_author_withdraws_a_comment(request, role, comment):
    url = f"{BASE}/revisions/1/comments/{comment.pk}/withdraw/"

    response = client_for(request, role).post(url)

    comment.refresh_from_db()
    assert response.status_code == {None: 401, "member": 200}.get(role, 404)
    assert comment.is_withdrawn == (role == "member")


def test_an_edit_shows_in_the_comment_and_an_empty_text_is_refused(comment, member):
    client = as_user(member)
    url = f"{BASE}/revisions/1/comments/{comment.pk}/"

    edited = client.patch(url, {"body": "  Bättre formulerat.  "}, format="json")
    empty = client.patch(url, {"body": ""}, format="json")

    assert edited.json()["body"] == "Bättre formulerat."
    assert edited.json()["edited_at"] is not None
    assert (empty.status_code, set(empty.json()["errors"])) == (400, {"body"})
    assert Comment.objects.get(pk=comment.pk).body == "Bättre formulerat."


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "sv",
            "Remisstiden för den här versionen har gått ut; det går inte längre att lämna "
            "synpunkter.",
        ),
        ("en", "The consultation on this revision is closed; comments can no longer be made."),
    ],
)
def test_a_comment_no_longer_changes_once_the_consultation_closes(
    agreement, comment, coordinator, member, language, message
):
    agreement.close_consultation(by=coordinator, accept_unanswered=True)
    client = as_user(member)
    url = f"{BASE}/revisions/1/comments/{comment.pk}/"

    edited = client.patch(url, {"body": "Sent."}, format="json", HTTP_ACCEPT_LANGUAGE=language)
    withdrawn = client.post(f"{url}withdraw/", HTTP_ACCEPT_LANGUAGE=language)

    assert edited.status_code == withdrawn.status_code == 409
    assert edited.json() == {"code": "consultation_closed", "message": message}
    comment.refresh_from_db()
    assert (comment.body, comment.withdrawn_at) == ("Bra början.", None)


def test_a_withdrawn_comment_is_not_edited_or_withdrawn_again(comment, member):
    client = as_user(member)
    url = f"{BASE}/revisions/1/comments/{comment.pk}/"
    client.post(f"{url}withdraw/")

    edited = client.patch(url, {"body": "Ångrar mig."}, format="json")
    again = client.post(f"{url}withdraw/")

    assert (edited.status_code, edited.json()["code"]) == (409, "comment_withdrawn")
    assert again.status_code == 409
    assert Comment.objects.get(pk=comment.pk).body == "Bra början."


def test_a_signed_in_session_must_send_the_csrf_token(comment, member):
    from rest_framework.test import APIClient

    session = APIClient(enforce_csrf_checks=True)
    session.force_login(member)
    url = f"{BASE}/revisions/1/comments/{comment.pk}/withdraw/"

    refused = session.post(url)

    assert refused.status_code == 403
    assert not Comment.objects.get(pk=comment.pk).is_withdrawn
