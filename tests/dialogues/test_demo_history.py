"""The demo's dialogue records tell one story in time (issue 18, item 8)."""

import datetime

import pytest
from django.utils import timezone

from dialogues.models import ActionItem, ActionItemStatusChange, Attendance, Meeting

pytestmark = pytest.mark.usefixtures("demo")


def test_approved_minutes_were_approved_days_after_their_meeting_by_the_named_approvers():
    approved = Meeting.objects.filter(forum__is_demo=True, minutes_status="approved")

    assert approved.count() >= 10
    for meeting in approved:
        rows = meeting.attendances.filter(is_approver=True)
        assert rows.exists() and not rows.filter(approved_at=None).exists()
        assert meeting.minutes_approved_at - meeting.ends_at > datetime.timedelta(days=2)
        assert meeting.minutes_sent_at > meeting.ends_at
        assert all(meeting.minutes_sent_at < row.approved_at for row in rows)
        assert meeting.minutes_written_by not in {row.user for row in rows}


def test_the_notice_went_out_before_each_past_meeting():
    past = Meeting.objects.filter(forum__is_demo=True, ends_at__lt=timezone.now())

    assert all(m.notice_sent_at and m.notice_sent_at < m.starts_at for m in past)


def test_action_items_move_after_their_meeting_and_never_in_the_future():
    now = timezone.now()
    changes = ActionItemStatusChange.objects.select_related("item__meeting")

    assert changes.exists()
    for change in changes:
        assert change.item.meeting.ends_at < change.at <= now
    for item in ActionItem.objects.select_related("meeting"):
        assert item.created_at >= item.meeting.starts_at


def test_one_recent_meeting_waits_for_forenings_approval():
    waiting = Meeting.objects.awaiting_approval_by(
        Attendance.objects.filter(user__username="forening").first().user
    )

    assert waiting.count() == 1
    assert waiting.get().approval_deadline >= timezone.localdate()
