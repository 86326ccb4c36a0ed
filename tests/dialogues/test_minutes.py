import datetime

import pytest
from django.utils import timezone

from dialogues import exceptions
from dialogues.models import Meeting
from tests.dialogues.factories import (
    approve,
    make_approver,
    make_attendance,
    make_checked_meeting,
    make_meeting,
)
from tests.factories import make_user

IN_TWO_WEEKS = timezone.localdate() + datetime.timedelta(days=14)


def test_minutes_start_as_a_draft(forum):
    meeting = make_meeting(forum)

    assert meeting.minutes_status == Meeting.MinutesStatus.DRAFT


def test_empty_minutes_cannot_be_sent_for_approval(forum, association):
    meeting = make_meeting(forum)
    meeting.agenda_items.create(title="Lokaler")
    make_approver(meeting, association)

    with pytest.raises(exceptions.MinutesEmpty):
        meeting.send_minutes_for_approval(deadline=IN_TWO_WEEKS)


def test_a_paragraph_of_an_agenda_item_is_enough_to_send(forum, association, coordinator):
    meeting = make_meeting(forum)
    item = meeting.agenda_items.create(title="Lokaler")
    make_approver(meeting, association)
    paragraph = {"discussion_summary": "Diskuterades.", "outcome_type": "note", "outcome": ""}

    meeting.write_minutes("", by=coordinator, paragraphs={item.pk: paragraph})
    meeting.send_minutes_for_approval(by=coordinator, deadline=IN_TWO_WEEKS)

    item.refresh_from_db()
    assert item.discussion_summary == "Diskuterades."
    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.MinutesStatus.CHECKING


def test_minutes_without_named_approvers_cannot_be_sent(forum, association):
    meeting = make_meeting(forum)
    meeting.write_minutes("Text")
    make_attendance(meeting, association)

    with pytest.raises(exceptions.NoApprovers):
        meeting.send_minutes_for_approval(deadline=IN_TWO_WEEKS)

    meeting.refresh_from_db()
    assert meeting.minutes_status == Meeting.MinutesStatus.DRAFT


def test_a_deadline_before_the_meeting_is_refused(forum, association):
    meeting = make_meeting(forum)
    meeting.write_minutes("Text")
    make_approver(meeting, association)
    day_before = timezone.localtime(meeting.starts_at).date() - datetime.timedelta(days=1)

    with pytest.raises(exceptions.DeadlineBeforeMeeting):
        meeting.send_minutes_for_approval(deadline=day_before)

    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.MinutesStatus.DRAFT


def test_the_named_approver_approves_the_minutes(forum, association):
    meeting = make_checked_meeting(forum, association)

    complete = meeting.approve_minutes(by=meeting.approver)

    meeting.refresh_from_db()
    assert complete
    assert meeting.minutes_status == Meeting.MinutesStatus.APPROVED
    assert meeting.minutes_approved_by == meeting.approver
    assert meeting.minutes_approved_at is not None


def test_another_member_of_the_approvers_organisation_cannot_approve(forum, association):
    meeting = make_checked_meeting(forum, association)
    colleague = make_user(organisation=association)

    with pytest.raises(exceptions.NotAnApprover):
        meeting.approve_minutes(by=colleague)

    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.MinutesStatus.CHECKING


def test_the_writer_cannot_approve_their_own_minutes(forum, association, municipality):
    meeting = make_meeting(forum)
    writer = make_user(organisation=municipality)
    make_approver(meeting, municipality, user=writer)
    make_approver(meeting, association)
    meeting.write_minutes("Text", by=writer)

    with pytest.raises(exceptions.WriterCannotApprove):
        meeting.send_minutes_for_approval(by=writer, deadline=IN_TWO_WEEKS)

    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.MinutesStatus.DRAFT


def test_the_sender_who_is_also_named_cannot_approve(forum, association, coordinator):
    meeting = make_checked_meeting(forum, association)
    Meeting.objects.filter(pk=meeting.pk).update(minutes_written_by=meeting.approver)

    with pytest.raises(exceptions.WriterCannotApprove):
        meeting.approve_minutes(by=meeting.approver)


def test_the_minutes_freeze_only_when_every_approver_has_approved(forum, association):
    meeting = make_checked_meeting(forum, association)
    second = make_approver(meeting, association).user

    first_done = meeting.approve_minutes(by=meeting.approver)
    middle = Meeting.objects.get(pk=meeting.pk).minutes_status
    last_done = meeting.approve_minutes(by=second)

    assert (first_done, last_done) == (False, True)
    assert middle == Meeting.MinutesStatus.CHECKING
    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.MinutesStatus.APPROVED


def test_an_approver_approves_once(forum, association):
    meeting = make_checked_meeting(forum, association)
    make_approver(meeting, association)
    meeting.approve_minutes(by=meeting.approver)

    with pytest.raises(exceptions.AlreadyApproved):
        meeting.approve_minutes(by=meeting.approver)


def test_an_approval_of_a_version_that_changed_since_is_refused(forum, association):
    meeting = make_checked_meeting(forum, association)
    seen = Meeting.objects.get(pk=meeting.pk).minutes_version
    meeting.take_back_minutes()
    meeting.write_minutes("Rättad text")
    meeting.send_minutes_for_approval(deadline=IN_TWO_WEEKS)

    with pytest.raises(exceptions.MinutesChanged):
        meeting.approve_minutes(by=meeting.approver, seen_version=seen)


def test_minutes_out_for_approval_cannot_be_edited_until_taken_back(forum, association):
    meeting = make_checked_meeting(forum, association, minutes="Utskickad")
    make_approver(meeting, association)
    meeting.approve_minutes(by=meeting.approver)

    with pytest.raises(exceptions.MinutesSentForApproval):
        meeting.write_minutes("Ändrad")
    meeting.take_back_minutes()
    meeting.write_minutes("Ändrad")

    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.minutes == "Ändrad"
    assert meeting.minutes_status == Meeting.MinutesStatus.DRAFT
    assert not meeting.attendances.filter(approved_at__isnull=False).exists()


def test_a_save_based_on_an_older_version_is_refused(forum, coordinator):
    meeting = make_meeting(forum)
    meeting.write_minutes("Första", by=coordinator)
    opened = Meeting.objects.get(pk=meeting.pk).minutes_version
    meeting.write_minutes("Andra", by=coordinator)

    with pytest.raises(exceptions.MinutesEditConflict):
        meeting.write_minutes("Tredje", by=coordinator, base_version=opened)

    assert Meeting.objects.get(pk=meeting.pk).minutes == "Andra"


def test_draft_minutes_must_be_sent_before_approval(forum, association):
    meeting = make_meeting(forum)
    approver = make_approver(meeting, association).user

    with pytest.raises(exceptions.MinutesNotSentForChecking):
        meeting.approve_minutes(by=approver)


def test_approved_minutes_refuse_changes_at_the_model_level(forum, association):
    meeting = make_checked_meeting(forum, association, minutes="Original")
    approve(meeting)
    meeting = Meeting.objects.get(pk=meeting.pk)

    meeting.minutes = "Ändrad"
    with pytest.raises(exceptions.MinutesFrozen):
        meeting.save()

    assert Meeting.objects.get(pk=meeting.pk).minutes == "Original"


def test_write_minutes_after_approval_raises(forum, association):
    meeting = make_checked_meeting(forum, association)
    approve(meeting)

    with pytest.raises(exceptions.MinutesFrozen):
        meeting.write_minutes("Ny text")


def test_a_correction_after_approval_is_an_addendum_with_author_and_time(
    forum, association, coordinator
):
    meeting = make_checked_meeting(forum, association, minutes="Original")
    approve(meeting)

    addendum = meeting.add_addendum("Rättelse: fel datum i §2.", by=coordinator)

    assert addendum.author == coordinator
    assert addendum.created_at is not None
    assert Meeting.objects.get(pk=meeting.pk).minutes == "Original"


def test_addenda_are_refused_before_approval(forum, association, coordinator):
    meeting = make_checked_meeting(forum, association)

    with pytest.raises(exceptions.MinutesNotApproved):
        meeting.add_addendum("Rättelse", by=coordinator)


def test_approving_marks_a_planned_meeting_as_held(forum, association):
    meeting = make_checked_meeting(forum, association)

    approve(meeting)

    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.HELD


def test_meetings_are_numbered_per_forum_and_year(forum):
    first = make_meeting(forum)
    second = make_meeting(forum)

    assert (first.number, second.number) == (1, 2)
    assert first.year == second.year


def test_an_instance_read_before_the_approval_cannot_overwrite_the_minutes(forum, association):
    meeting = make_checked_meeting(forum, association, minutes="Justerad")
    stale = Meeting.objects.get(pk=meeting.pk)
    approve(meeting)

    stale.minutes = "Skriven på ett gammalt formulär"
    with pytest.raises(exceptions.MinutesFrozen):
        stale.save()

    assert Meeting.objects.get(pk=meeting.pk).minutes == "Justerad"
