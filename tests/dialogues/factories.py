"""make_x(**overrides) helpers for dialogue records."""

import datetime
import itertools

from django.utils import timezone

from dialogues.models import ActionItem, Attendance, Forum, ForumMember, Meeting
from tests.factories import make_user

_numbers = itertools.count(1)


def make_forum(organiser, members=(), **overrides):
    number = next(_numbers)
    values = {
        "name": f"Forum {number}",
        "slug": f"forum-{number}",
        "kind": Forum.Kind.DIALOGUE_FORUM,
        "organiser": organiser,
    }
    values.update(overrides)
    forum = Forum.objects.create(**values)
    for organisation in members:
        ForumMember.objects.create(forum=forum, organisation=organisation)
    return forum


def make_meeting(forum, **overrides):
    starts = overrides.pop(
        "starts_at", timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=7)
    )
    values = {
        "forum": forum,
        "title": f"Möte {next(_numbers)}",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
    }
    values.update(overrides)
    return Meeting.objects.create(**values)


def make_attendance(meeting, organisation, **overrides):
    values = {
        "meeting": meeting,
        "organisation": organisation,
        "participant_role": "Representant",
        "meeting_role": Attendance.Role.MEMBER,
    }
    values.update(overrides)
    return Attendance.objects.create(**values)


def make_approver(meeting, organisation, user=None, **overrides):
    """A present attendee who approves the minutes: `user`, or a new member of `organisation`."""
    user = user or make_user(organisation=organisation)
    return make_attendance(meeting, organisation, user=user, is_approver=True, **overrides)


def make_checked_meeting(forum, checker_organisation, minutes="## Minnesanteckningar", **kw):
    """A meeting whose minutes were sent for approval to a new member of
    `checker_organisation` (`meeting.approver`)."""
    meeting = make_meeting(forum, **kw)
    meeting.approver = make_approver(meeting, checker_organisation).user
    meeting.write_minutes(minutes)
    meeting.send_minutes_for_approval(deadline=timezone.localdate() + datetime.timedelta(days=14))
    return meeting


def approve(meeting, organisation=None):
    """Every named approver approves."""
    for row in meeting.attendances.filter(is_approver=True, approved_at__isnull=True):
        meeting.approve_minutes(by=row.user)


def make_action_item(meeting, owner, **overrides):
    values = {
        "meeting": meeting,
        "title": f"Åtgärd {next(_numbers)}",
        "owner": owner,
        "due_date": timezone.localdate() + datetime.timedelta(days=30),
    }
    values.update(overrides)
    return ActionItem.objects.create(**values)
