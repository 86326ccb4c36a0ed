import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from dialogues import exceptions
from dialogues.models import Attendance
from dialogues.models.attendance import Entry, entry_of
from tests.dialogues.factories import make_attendance, make_checked_meeting, make_meeting
from tests.factories import make_user


def names(meeting):
    return sorted((row.person_name or row.participant_role) for row in meeting.attendances.all())


def test_the_whole_list_is_recorded_at_once(forum, association, municipality):
    meeting = make_meeting(forum)
    chair, approver = make_user(organisation=association), make_user(organisation=association)
    absent = make_user("Borta", organisation=municipality)

    meeting.record_attendance(
        [
            Entry(association, chair, meeting_role=Attendance.Role.CHAIR),
            Entry(association, approver, is_approver=True),
            Entry(municipality, absent, presence=Attendance.Presence.ABSENT),
            Entry(None, participant_name="Gäst Gästsson", meeting_role=Attendance.Role.GUEST),
        ]
    )

    rows = {row.person_name: row for row in meeting.attendances.all()}
    assert rows[chair.username].meeting_role == "chair"
    assert rows[approver.username].is_approver
    assert rows["Borta"].presence == "absent"
    assert rows["Gäst Gästsson"].organisation is None


def test_an_approver_who_is_not_present_is_refused_and_nothing_changes(forum, association):
    meeting = make_meeting(forum)
    make_attendance(meeting, association, participant_role="Kassör")
    approver = make_user("Ann", organisation=association)

    with pytest.raises(exceptions.AttendanceInvalid) as error:
        meeting.record_attendance(
            [Entry(association, approver, presence="apologies", is_approver=True)]
        )

    assert "Ann" in str(error.value)
    assert names(meeting) == ["Kassör"]


def test_a_person_named_for_an_organisation_they_do_not_belong_to_is_refused(
    forum, association, other_association
):
    meeting = make_meeting(forum)
    person = make_user("Bo", organisation=other_association)

    with pytest.raises(exceptions.AttendanceInvalid) as error:
        meeting.record_attendance([Entry(association, person)])

    assert str(error.value) == f"Bo är inte medlem i {association.name}."
    assert not meeting.attendances.exists()


def test_an_approver_needs_an_account(forum, association):
    meeting = make_meeting(forum)

    with pytest.raises(exceptions.AttendanceInvalid):
        meeting.record_attendance([Entry(association, participant_role="Kassör", is_approver=True)])


def test_an_approver_who_cannot_read_the_forum_is_refused(forum, other_association):
    meeting = make_meeting(forum)
    outsider = make_user(organisation=other_association)

    with pytest.raises(exceptions.AttendanceInvalid):
        meeting.record_attendance([Entry(other_association, outsider, is_approver=True)])


def test_a_meeting_has_one_chair(forum, association, municipality):
    meeting = make_meeting(forum)

    with pytest.raises(exceptions.AttendanceInvalid):
        meeting.record_attendance(
            [
                Entry(association, participant_role="A", meeting_role="chair"),
                Entry(municipality, participant_role="B", meeting_role="chair"),
            ]
        )


def test_the_chair_moves_to_another_row_in_one_save(forum, association, municipality):
    meeting = make_meeting(forum)
    first = make_attendance(meeting, association, meeting_role="chair")
    second = make_attendance(meeting, municipality)
    entries = [entry_of(first), entry_of(second)]
    entries[0].meeting_role, entries[1].meeting_role = "member", "chair"

    meeting.record_attendance(entries)

    assert meeting.attendances.get(meeting_role="chair").pk == second.pk


def test_the_database_also_refuses_a_second_chair(forum, association, municipality):
    meeting = make_meeting(forum)
    make_attendance(meeting, association, meeting_role=Attendance.Role.CHAIR)

    with pytest.raises(IntegrityError):
        make_attendance(meeting, municipality, meeting_role=Attendance.Role.CHAIR)


def test_the_attendance_is_locked_while_the_minutes_are_out_for_approval(forum, association):
    meeting = make_checked_meeting(forum, association)

    with pytest.raises(exceptions.MinutesSentForApproval):
        meeting.record_attendance([])

    assert meeting.attendances.count() == 1


def test_a_role_title_is_enough_and_a_name_is_optional(forum, association):
    meeting = make_meeting(forum)
    row = Attendance(meeting=meeting, organisation=association, participant_role="Kassör")

    row.full_clean()


def test_the_admin_form_check_names_the_rule(forum, association, other_association):
    meeting = make_meeting(forum)
    person = make_user("Bo", organisation=other_association)
    row = Attendance(meeting=meeting, organisation=association, user=person)

    with pytest.raises(ValidationError):
        row.full_clean()
