import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from dialogues.models import Attendance
from tests.dialogues.factories import make_attendance, make_meeting
from tests.factories import make_organisation


def test_a_minutes_checker_who_sent_apologies_is_refused(forum, association):
    meeting = make_meeting(forum)
    row = Attendance(
        meeting=meeting,
        organisation=association,
        participant_role="Ordförande",
        meeting_role=Attendance.Role.MINUTES_CHECKER,
        presence=Attendance.Presence.APOLOGIES,
    )

    with pytest.raises(ValidationError) as error:
        row.full_clean()

    assert "presence" in error.value.message_dict


def test_a_meeting_has_only_one_minutes_checker(forum, association):
    meeting = make_meeting(forum)
    make_attendance(meeting, association, meeting_role=Attendance.Role.MINUTES_CHECKER)
    second = Attendance(
        meeting=meeting,
        organisation=make_organisation(),
        participant_role="Kassör",
        meeting_role=Attendance.Role.MINUTES_CHECKER,
    )

    with pytest.raises(ValidationError) as error:
        second.full_clean()

    assert "meeting_role" in error.value.message_dict


def test_the_database_also_refuses_a_second_chair(forum, association, municipality):
    meeting = make_meeting(forum)
    make_attendance(meeting, association, meeting_role=Attendance.Role.CHAIR)

    with pytest.raises(IntegrityError):
        make_attendance(meeting, municipality, meeting_role=Attendance.Role.CHAIR)


def test_a_checker_who_sent_apologies_does_not_count(forum, association):
    meeting = make_meeting(forum)
    make_attendance(meeting, association, meeting_role=Attendance.Role.MINUTES_CHECKER)
    Attendance.objects.update(presence=Attendance.Presence.APOLOGIES)

    assert meeting.minutes_checker() is None


def test_a_role_title_is_enough_and_a_name_is_optional(forum, association):
    meeting = make_meeting(forum)
    row = Attendance(meeting=meeting, organisation=association, participant_role="Kassör")

    row.full_clean()
