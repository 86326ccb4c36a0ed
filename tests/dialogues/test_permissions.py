import pytest
from django.contrib.auth.models import AnonymousUser

from dialogues.models import Forum, ForumMember, Meeting
from dialogues.permissions import access, can_read_minutes, readable_forums
from tests.dialogues.factories import approve, make_checked_meeting, make_forum, make_meeting
from tests.factories import make_organisation, make_user

Visibility = Forum.Visibility


def rights(user, forum):
    return access(user, Forum.objects.get(pk=forum.pk))


@pytest.mark.parametrize("visibility", Visibility.values)
def test_member_organisations_read_and_post_whatever_the_visibility(member, forum, visibility):
    forum.visibility = visibility
    forum.save()

    result = rights(member, forum)

    assert (result.view, result.discussion, result.post, result.manage) == (
        True,
        True,
        True,
        False,
    )


@pytest.mark.parametrize("visibility", Visibility.values)
def test_staff_of_the_municipality_read_every_forum_record(staff, forum, visibility):
    forum.visibility = visibility
    forum.save()

    result = rights(staff, forum)

    assert result.view and not result.post and not result.manage


def test_staff_read_the_discussion_only_when_the_forum_is_open_to_staff(staff, forum):
    assert not rights(staff, forum).discussion

    forum.visibility = Visibility.STAFF
    forum.save()

    assert rights(staff, forum).discussion


def test_the_organisers_coordinators_manage_the_forum(coordinator, forum):
    result = rights(coordinator, forum)

    assert result.manage and result.view and result.post


@pytest.mark.parametrize("visibility", [Visibility.MEMBERS, Visibility.STAFF])
def test_outsiders_see_nothing_of_a_closed_forum(outsider, forum, visibility):
    forum.visibility = visibility
    forum.save()

    assert not rights(outsider, forum).any
    assert forum not in readable_forums(outsider)


def test_anyone_reads_a_public_forum_but_not_its_discussion(outsider, public_forum):
    for user in (outsider, AnonymousUser()):
        result = rights(user, public_forum)
        assert result.any and not result.view and not result.discussion and not result.post
        assert public_forum in readable_forums(user)


def test_adding_a_member_organisation_recomputes_the_grants(outsider, other_association, forum):
    ForumMember.objects.create(forum=forum, organisation=other_association)

    assert rights(outsider, forum).post


def test_removing_a_member_organisation_takes_the_grants_away(member, association, forum):
    ForumMember.objects.filter(forum=forum, organisation=association).delete()

    assert not rights(member, forum).any


def test_changing_the_organiser_moves_the_management(coordinator, association_coordinator, forum):
    forum.organiser = association_coordinator.memberships.get().organisation
    forum.save()

    assert not rights(coordinator, forum).manage
    assert rights(association_coordinator, forum).manage


def test_staff_of_another_municipality_do_not_read_the_forum(forum):
    other_city = make_organisation(name="Grannstad", kind="municipality")
    department = make_organisation(name="Grannstads kultur", kind="department", parent=other_city)
    user = make_user(organisation=department)

    assert not rights(user, forum).any


def test_draft_minutes_are_for_the_organisers_coordinators_only(coordinator, member, forum):
    meeting = make_meeting(forum)
    meeting.write_minutes("Utkast")

    assert can_read_minutes(coordinator, rights(coordinator, forum), meeting)
    assert not can_read_minutes(member, rights(member, forum), meeting)


def test_minutes_sent_for_checking_are_read_by_the_present_organisations(
    member, staff, forum, association
):
    meeting = make_checked_meeting(forum, association)
    meeting = Meeting.objects.prefetch_related("attendances").get(pk=meeting.pk)

    assert can_read_minutes(member, rights(member, forum), meeting)
    assert not can_read_minutes(staff, rights(staff, forum), meeting)


def test_approved_minutes_are_read_by_every_reader_of_a_public_forum(public_forum, association):
    meeting = make_checked_meeting(public_forum, association)
    approve(meeting, association)

    assert can_read_minutes(AnonymousUser(), rights(AnonymousUser(), public_forum), meeting)


def test_unapproved_minutes_of_a_public_forum_stay_hidden(public_forum, association):
    meeting = make_checked_meeting(public_forum, association)

    assert not can_read_minutes(AnonymousUser(), rights(AnonymousUser(), public_forum), meeting)


def test_a_forum_organised_by_a_department_is_read_by_all_municipal_staff(
    staff, municipality, department
):
    sibling = make_organisation(name="Socialförvaltningen", kind="department", parent=municipality)
    forum = make_forum(sibling)

    assert rights(staff, forum).view
