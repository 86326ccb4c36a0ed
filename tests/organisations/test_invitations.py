"""Invitations: single-use, expiring links; who may invite; leaving an organisation."""

import threading
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connections
from django.utils import timezone

from organisations.invitations import InvitationUsed
from organisations.models import Invitation, Membership
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db

NEW_PERSON = {
    "first_name": "Lisa",
    "last_name": "Berg",
    "password1": "mitt-eget-lösenord-7",
    "password2": "mitt-eget-lösenord-7",
    "accept_terms": "on",
}


def invite(organisation, email="lisa@example.org", role=Membership.Role.MEMBER, by=None):
    return Invitation.issue(organisation=organisation, email=email, role=role, by=by)


def test_a_coordinator_of_the_organisation_invites_by_e_mail(
    client, association, association_coordinator
):
    client.force_login(association_coordinator)

    response = client.post(
        "/organisations/testhamns-if/invitations/",
        {"email": "lisa@example.org", "name": "Lisa", "role": "coordinator"},
    )

    invitation = Invitation.objects.get()
    assert response.status_code == 302
    assert (invitation.organisation, invitation.role) == (association, "coordinator")
    assert mail.outbox[-1].to == ["lisa@example.org"]
    assert f"/organisations/invitations/{invitation.key}/" in mail.outbox[-1].body
    assert not get_user_model().objects.filter(email="lisa@example.org").exists()


@pytest.mark.parametrize("role", ["member", "coordinator", "staff", "outsider"])
def test_nobody_else_may_invite(client, request, association, role):
    client.force_login(request.getfixturevalue(role))

    response = client.post(
        "/organisations/testhamns-if/invitations/", {"email": "x@example.org", "role": "member"}
    )

    assert response.status_code == 404
    assert not Invitation.objects.exists()


def test_a_bad_e_mail_address_is_refused_with_a_message(
    client, association, association_coordinator
):
    client.force_login(association_coordinator)

    response = client.post(
        "/organisations/testhamns-if/invitations/",
        {"email": "inte-en-adress", "role": "member"},
        follow=True,
    )

    assert "giltig mejladress" in response.text
    assert not Invitation.objects.exists()


def test_the_invited_person_chooses_their_password_and_becomes_a_member(client, association):
    invitation = invite(association)

    response = client.post(f"/organisations/invitations/{invitation.key}/", NEW_PERSON)

    person = get_user_model().objects.get(email="lisa@example.org")
    assert response.status_code == 302
    assert person.check_password("mitt-eget-lösenord-7")
    assert person.get_full_name() == "Lisa Berg"
    assert Membership.objects.filter(user=person, organisation=association).exists()
    assert client.get("/organisations/mine/").status_code == 200  # signed in


def test_without_accepting_the_terms_no_account_is_made(client, association):
    invitation = invite(association)

    response = client.post(
        f"/organisations/invitations/{invitation.key}/",
        {**NEW_PERSON, "accept_terms": ""},
    )

    assert response.status_code == 200
    assert "användarvillkoren" in response.text
    assert not get_user_model().objects.filter(email="lisa@example.org").exists()


def test_a_weak_or_mistyped_password_is_refused(client, association):
    invitation = invite(association)

    weak = client.post(
        f"/organisations/invitations/{invitation.key}/",
        {**NEW_PERSON, "password1": "123", "password2": "123"},
    )
    mistyped = client.post(
        f"/organisations/invitations/{invitation.key}/", {**NEW_PERSON, "password2": "annat"}
    )

    assert weak.status_code == mistyped.status_code == 200
    assert "inte likadana" in mistyped.text
    assert not get_user_model().objects.filter(email="lisa@example.org").exists()


def test_the_link_works_once(client, association):
    invitation = invite(association)
    client.post(f"/organisations/invitations/{invitation.key}/", NEW_PERSON)
    client.logout()

    again = client.post(
        f"/organisations/invitations/{invitation.key}/", {**NEW_PERSON, "first_name": "Mallory"}
    )

    assert again.status_code == 410
    assert "redan använts" in again.text
    assert get_user_model().objects.filter(email="lisa@example.org").count() == 1


def test_an_expired_link_is_refused(client, association):
    invitation = invite(association)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    response = client.post(f"/organisations/invitations/{invitation.key}/", NEW_PERSON)

    assert response.status_code == 410
    assert "gått ut" in response.text
    assert not get_user_model().objects.filter(email="lisa@example.org").exists()


def test_an_unknown_link_is_404(client):
    assert client.get("/organisations/invitations/gissad-nyckel/").status_code == 404


def test_someone_with_an_account_signs_in_and_accepts(client, association, outsider):
    invitation = invite(association, email=outsider.email)

    anonymous = client.get(f"/organisations/invitations/{invitation.key}/")
    client.force_login(outsider)
    accepted = client.post(f"/organisations/invitations/{invitation.key}/", {"accept_terms": "on"})

    assert "Logga in" in anonymous.text
    assert 'name="password1"' not in anonymous.text
    assert accepted.status_code == 302
    assert Membership.objects.filter(user=outsider, organisation=association).exists()


@pytest.mark.django_db(transaction=True)
def test_the_same_link_used_twice_at_once_makes_one_account():
    association = make_organisation(name="Samtidiga föreningen")
    invitation = invite(association)
    barrier, outcomes = threading.Barrier(5), []

    def accept():
        try:
            barrier.wait()
            Invitation.objects.get(pk=invitation.pk).accept_as_new_person(
                first_name="Lisa", last_name="Berg", password="mitt-eget-lösenord-7"
            )
            outcomes.append("won")
        except InvitationUsed:
            outcomes.append("used")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["used"] * 4 + ["won"]
    assert get_user_model().objects.filter(email="lisa@example.org").count() == 1


# --- leaving ----------------------------------------------------------------------


def test_a_member_leaves_an_organisation(client, association, member, association_coordinator):
    client.force_login(member)

    confirm = client.get("/organisations/testhamns-if/leave/")
    response = client.post("/organisations/testhamns-if/leave/")

    assert confirm.status_code == 200
    assert response.status_code == 302
    assert not Membership.objects.filter(user=member, organisation=association).exists()
    assert not member.groups.filter(organisation_role__organisation=association).exists()


def test_the_last_coordinator_cannot_leave(client, association, association_coordinator):
    client.force_login(association_coordinator)

    response = client.post("/organisations/testhamns-if/leave/", follow=True)

    assert "sista samordnare" in response.text
    assert Membership.objects.filter(user=association_coordinator).exists()


def test_someone_who_is_not_a_member_cannot_leave(client, association, outsider):
    client.force_login(outsider)

    assert client.post("/organisations/testhamns-if/leave/").status_code == 404


def test_invitations_are_not_made_for_an_inactive_organisation(client):
    closed = make_organisation(name="Nedlagd", is_active=False)
    boss = make_user("nedlagd-ordf", closed, Membership.Role.COORDINATOR)
    client.force_login(boss)

    response = client.post(
        "/organisations/nedlagd/invitations/", {"email": "x@example.org", "role": "member"}
    )

    assert response.status_code == 404
