import pytest

from dialogues import exceptions
from dialogues.models import Attendance, Meeting
from tests.dialogues.factories import approve, make_attendance, make_checked_meeting, make_meeting
from tests.factories import make_user


def test_minutes_start_as_a_draft(forum):
    meeting = make_meeting(forum)

    assert meeting.minutes_status == Meeting.MinutesStatus.DRAFT


def test_empty_minutes_cannot_be_sent_for_checking(forum, association):
    meeting = make_meeting(forum)
    make_attendance(meeting, association, meeting_role=Attendance.Role.MINUTES_CHECKER)

    with pytest.raises(exceptions.MinutesEmpty):
        meeting.send_minutes_for_checking()


def test_minutes_without_a_present_minutes_checker_cannot_be_sent(forum, association):
    meeting = make_meeting(forum)
    meeting.write_minutes("Text")
    make_attendance(meeting, association)

    with pytest.raises(exceptions.NoMinutesChecker):
        meeting.send_minutes_for_checking()

    meeting.refresh_from_db()
    assert meeting.minutes_status == Meeting.MinutesStatus.DRAFT


def test_a_member_of_the_checkers_organisation_approves_the_minutes(forum, association, member):
    meeting = make_checked_meeting(forum, association)

    meeting.approve_minutes(by=member, organisation_ids={association.pk})

    meeting.refresh_from_db()
    assert meeting.minutes_status == Meeting.MinutesStatus.APPROVED
    assert meeting.minutes_approved_by == member
    assert meeting.minutes_approved_at is not None


def test_someone_from_another_organisation_cannot_approve(forum, association, municipality):
    meeting = make_checked_meeting(forum, association)
    user = make_user(organisation=municipality)

    with pytest.raises(exceptions.NotMinutesChecker):
        meeting.approve_minutes(by=user, organisation_ids={municipality.pk})

    meeting.refresh_from_db()
    assert meeting.minutes_status == Meeting.MinutesStatus.CHECKING


def test_draft_minutes_must_be_sent_for_checking_before_approval(forum, association, member):
    meeting = make_meeting(forum)

    with pytest.raises(exceptions.MinutesNotSentForChecking):
        meeting.approve_minutes(by=member, organisation_ids={association.pk})


def test_approved_minutes_refuse_changes_at_the_model_level(forum, association):
    meeting = make_checked_meeting(forum, association, minutes="Original")
    approve(meeting, association)
    meeting = Meeting.objects.get(pk=meeting.pk)

    meeting.minutes = "Ändrad"
    with pytest.raises(exceptions.MinutesFrozen):
        meeting.save()

    assert Meeting.objects.get(pk=meeting.pk).minutes == "Original"


def test_write_minutes_after_approval_raises(forum, association):
    meeting = make_checked_meeting(forum, association)
    approve(meeting, association)

    with pytest.raises(exceptions.MinutesFrozen):
        meeting.write_minutes("Ny text")


def test_a_correction_after_approval_is_an_addendum_with_author_and_time(
    forum, association, coordinator
):
    meeting = make_checked_meeting(forum, association, minutes="Original")
    approve(meeting, association)

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

    approve(meeting, association)

    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.HELD


def test_meetings_are_numbered_per_forum_and_year(forum):
    first = make_meeting(forum)
    second = make_meeting(forum)

    assert (first.number, second.number) == (1, 2)
    assert first.year == second.year
