import pytest

from organisations import permissions
from organisations.models import LastCoordinator, Membership
from tests.factories import make_user


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


def test_a_new_member_joins_the_group_of_their_organisation_and_role(association):
    user = make_user("anna")

    association.add_member(user, Membership.Role.MEMBER)

    assert group_names(user) == {f"org-{association.pk}-member"}


def test_changing_the_role_moves_the_user_between_groups(association, association_coordinator):
    membership = association.add_member(make_user("anna"), Membership.Role.MEMBER)

    membership.change_role(Membership.Role.COORDINATOR)

    assert group_names(membership.user) == {f"org-{association.pk}-coordinator"}


def test_removing_a_membership_removes_the_group(association, association_coordinator):
    membership = association.add_member(make_user("anna"), Membership.Role.MEMBER)

    membership.remove()

    assert group_names(membership.user) == set()


def test_other_groups_of_the_user_are_left_alone(association):
    from django.contrib.auth.models import Group

    user = make_user("anna")
    user.groups.add(Group.objects.create(name="redaktion"))

    association.add_member(user, Membership.Role.MEMBER)

    assert group_names(user) == {"redaktion", f"org-{association.pk}-member"}


def test_a_user_in_several_organisations_is_in_each_group(association, other_association):
    user = make_user("anna", association)

    other_association.add_member(user, Membership.Role.COORDINATOR)

    assert group_names(user) == {
        f"org-{association.pk}-member",
        f"org-{other_association.pk}-coordinator",
    }


def test_the_last_coordinator_cannot_step_down_or_leave(association, association_coordinator):
    membership = association_coordinator.memberships.get()

    with pytest.raises(LastCoordinator):
        membership.change_role(Membership.Role.MEMBER)
    with pytest.raises(LastCoordinator):
        membership.remove()

    assert association.memberships.filter(role=Membership.Role.COORDINATOR).count() == 1


def test_members_and_municipal_coordinators_see_the_member_list(
    association, member, coordinator, outsider, staff
):
    def sees(user):
        return permissions.has_perm(user, "organisations.view_members", association)

    assert (sees(member), sees(coordinator), sees(outsider), sees(staff)) == (
        True,
        True,
        False,
        False,
    )


def test_a_new_municipality_gives_its_coordinators_every_member_list(association):
    from organisations.models import Organisation
    from tests.factories import make_organisation

    city = make_organisation(name="Nystad", kind=Organisation.Kind.MUNICIPALITY)
    city_coordinator = make_user("nystad", city, Membership.Role.COORDINATOR)

    assert permissions.has_perm(city_coordinator, "organisations.view_members", association)
