"""The permission rules: who views, edits the draft and manages, as the data changes."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from agreements import permissions
from agreements.models import Agreement
from tests.agreements.factories import adopt, consult, make_party
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


def matrix(agreement, users):
    """role -> (view, edit draft, manage)."""
    return {
        role: (
            permissions.can_view(user, agreement),
            permissions.can_edit_draft(user, agreement),
            permissions.can_manage(user, agreement),
        )
        for role, user in users.items()
    }


@pytest.fixture
def users(coordinator, drafter, member, staff, outsider):
    return {
        "coordinator": coordinator,
        "drafter": drafter,
        "member": member,
        "staff": staff,
        "outsider": outsider,
        "anonymous": AnonymousUser(),
    }


def test_a_never_published_agreement_is_seen_only_by_the_people_writing_it(agreement, users):
    assert matrix(agreement, users) == {
        "coordinator": (True, True, True),
        "drafter": (True, True, False),
        "member": (False, False, False),
        "staff": (False, False, False),
        "outsider": (False, False, False),
        "anonymous": (False, False, False),
    }


def test_once_published_all_parties_and_staff_read_it(agreement, users):
    consult(agreement)

    assert matrix(agreement, users) == {
        "coordinator": (True, True, True),
        "drafter": (True, True, False),
        "member": (True, False, False),
        "staff": (True, False, False),
        "outsider": (False, False, False),
        "anonymous": (False, False, False),
    }


def test_an_adopted_public_agreement_is_read_by_anyone(agreement, users):
    adopt(agreement, consult(agreement))
    agreement.refresh_from_db()

    result = matrix(agreement, users)

    assert result["outsider"] == (True, False, False)
    assert result["anonymous"] == (True, False, False)
    assert set(Agreement.objects.visible_to(AnonymousUser())) == {agreement}


def test_an_adopted_agreement_not_marked_public_stays_with_parties_and_staff(agreement, users):
    agreement.is_public = False
    agreement.save()
    adopt(agreement, consult(agreement))
    agreement.refresh_from_db()

    result = matrix(agreement, users)

    assert result["anonymous"] == result["outsider"] == (False, False, False)
    assert result["member"][0] and result["staff"][0]


def test_a_new_party_gains_access_and_a_withdrawn_one_loses_it(agreement, outsider):
    consult(agreement)
    party = make_party(agreement, outsider.memberships.get().organisation)
    assert permissions.can_view(outsider, agreement)

    party.withdraw(on=date(2025, 1, 1), by=None)

    outsider = type(outsider).objects.get(pk=outsider.pk)
    assert not permissions.can_view(outsider, agreement)


def test_drafting_rights_follow_the_drafter_flag(agreement, member):
    party = agreement.parties.get(organisation=member.memberships.get().organisation)

    party.is_drafter = True
    party.save()

    assert permissions.can_edit_draft(member, agreement)


def test_coordinators_of_another_municipality_do_not_manage_it(agreement):
    other_city = make_organisation(name="Annanstad", kind="municipality")
    stranger = make_user("annan", other_city, "coordinator")

    assert not permissions.can_view(stranger, agreement)
    assert not permissions.can_manage(stranger, agreement)


def test_a_new_department_brings_its_staff_in(agreement, municipality):
    consult(agreement)
    department = make_organisation(name="Ny förvaltning", kind="department", parent=municipality)

    newcomer = make_user("ny", department)

    assert permissions.can_view(newcomer, agreement)


def test_party_helpers_name_the_users_organisations(agreement, member, outsider, association):
    assert permissions.party_organisations_of(member, agreement) == [association]
    assert permissions.is_party_member(member, agreement)
    assert not permissions.is_party_member(outsider, agreement)
    assert not permissions.is_party_member(AnonymousUser(), agreement)


def test_the_draft_revision_is_for_editors_and_frozen_ones_for_readers(agreement, member, drafter):
    revision = consult(agreement)
    draft = agreement.start_draft(by=None)

    assert permissions.can_view_revision(member, revision)
    assert not permissions.can_view_revision(member, draft)
    assert permissions.can_view_revision(drafter, draft)


def test_visible_to_lists_only_what_each_user_may_read(agreement, coordinator, member, outsider):
    assert list(Agreement.objects.visible_to(coordinator)) == [agreement]
    assert list(Agreement.objects.visible_to(member)) == []

    consult(agreement)

    assert list(Agreement.objects.visible_to(member)) == [agreement]
    assert list(Agreement.objects.visible_to(outsider)) == []
