"""The attendance page: everyone of the member organisations in one form, and the printable list."""

import pytest

from dialogues.models import Attendance, Forum
from tests.dialogues.factories import (
    make_attendance,
    make_checked_meeting,
    make_forum,
    make_meeting,
)
from tests.factories import make_user


def url(meeting, rest="attendance/"):
    return f"{meeting.get_absolute_url()}{rest}"


@pytest.fixture
def people(association):
    return make_user("Ada", organisation=association), make_user("Bo", organisation=association)


def test_the_page_lists_the_member_organisations_and_their_people(
    client, coordinator, forum, association, people
):
    client.force_login(coordinator)

    page = client.get(url(make_meeting(forum))).text

    assert f"<caption>{association.name}</caption>" in page
    assert "Ada" in page and "Bo" in page
    assert f"<caption>{forum.organiser.name}</caption>" in page


def test_one_post_records_everyone_with_chair_secretary_approver_and_a_guest(
    client, coordinator, forum, association, people
):
    ada, bo = people
    meeting = make_meeting(forum)
    client.force_login(coordinator)

    client.post(
        url(meeting),
        {
            f"presence-u{ada.pk}": "present",
            f"presence-u{bo.pk}": "apologies",
            f"presence-u{coordinator.pk}": "present",
            "chair": f"u{ada.pk}",
            "secretary": f"u{coordinator.pk}",
            "approvers": [f"u{ada.pk}"],
            "guest_name": "Gunnel Gäst",
            "guest_role": "Forskare",
            "guest_presence": "present",
        },
    )

    rows = {row.person_name: row for row in meeting.attendances.all()}
    assert set(rows) == {"Ada", "Bo", "samordnare", "Gunnel Gäst"}
    assert (rows["Ada"].meeting_role, rows["Ada"].is_approver) == ("chair", True)
    assert rows["Bo"].presence == "apologies"
    assert rows["samordnare"].meeting_role == "secretary"
    assert rows["Gunnel Gäst"].organisation is None and rows["Gunnel Gäst"].meeting_role == "guest"


def test_everyone_not_recorded_can_be_marked_present_at_once(
    client, coordinator, forum, association, people
):
    ada, bo = people
    meeting = make_meeting(forum)
    client.force_login(coordinator)

    client.post(url(meeting), {f"presence-u{bo.pk}": "absent", "all_present": "1"})

    presence = {row.person_name: row.presence for row in meeting.attendances.all()}
    assert presence == {"Ada": "present", "Bo": "absent", "samordnare": "present"}


def test_an_approver_marked_absent_is_explained_and_nothing_changes(
    client, coordinator, forum, association, people
):
    ada, _bo = people
    meeting = make_meeting(forum)
    make_attendance(meeting, association, user=ada)
    client.force_login(coordinator)

    response = client.post(
        url(meeting), {f"presence-u{ada.pk}": "absent", "approvers": [f"u{ada.pk}"]}
    )

    row = meeting.attendances.get()
    assert response.status_code == 200
    assert "En justerare måste ha varit närvarande vid mötet; det var inte Ada." in response.text
    assert (row.presence, row.is_approver) == ("present", False)


def test_a_role_for_someone_not_on_the_list_is_explained(
    client, coordinator, forum, association, people
):
    ada, _bo = people
    meeting = make_meeting(forum)
    client.force_login(coordinator)

    response = client.post(url(meeting), {"chair": f"u{ada.pk}"})

    assert response.status_code == 200
    assert "Ange närvaro för Ada" in response.text
    assert not meeting.attendances.exists()


def test_an_organisation_without_accounts_is_marked_through_its_representative(
    client, coordinator, municipality, other_association
):
    forum = make_forum(municipality, members=[other_association])
    meeting = make_meeting(forum)
    client.force_login(coordinator)

    page = client.get(url(meeting)).text
    client.post(url(meeting), {f"presence-n{other_association.pk}": "apologies"})

    row = meeting.attendances.get()
    assert "Representant utan konto" in page
    assert (row.organisation, row.participant_role, row.presence) == (
        other_association,
        "Representant",
        "apologies",
    )


def test_a_row_without_an_account_is_kept_and_can_be_removed(
    client, coordinator, forum, association
):
    meeting = make_meeting(forum)
    row = make_attendance(meeting, association, participant_role="Kassör")
    client.force_login(coordinator)

    client.post(url(meeting), {f"presence-r{row.pk}": "apologies"})
    kept = Attendance.objects.get(pk=row.pk).presence
    client.post(url(meeting), {f"presence-r{row.pk}": "present", f"remove-r{row.pk}": "on"})

    assert kept == "apologies"
    assert not meeting.attendances.exists()


def test_the_attendance_page_is_closed_while_the_minutes_are_out(
    client, coordinator, forum, association
):
    meeting = make_checked_meeting(forum, association)
    client.force_login(coordinator)

    response = client.get(url(meeting), follow=True)

    assert response.redirect_chain
    assert "Ta tillbaka dem" in response.text


@pytest.mark.parametrize("role", ["member", "staff", "outsider"])
def test_only_managers_record_attendance(client, forum, role, request):
    client.force_login(request.getfixturevalue(role))

    assert client.get(url(make_meeting(forum))).status_code == 404


def test_the_attendance_page_runs_a_constant_number_of_queries(
    client, coordinator, forum, association, django_assert_max_num_queries
):
    meeting = make_meeting(forum)
    for number in range(12):
        make_attendance(
            meeting, association, user=make_user(f"person{number}", organisation=association)
        )
    client.force_login(coordinator)

    with django_assert_max_num_queries(14):
        response = client.get(url(meeting))

    assert response.status_code == 200


# --- the printable list -----------------------------------------------------------------


def test_the_printable_list_names_everyone_for_the_forums_readers(
    client, member, forum, association, people
):
    meeting = make_meeting(forum)
    make_attendance(meeting, association, user=people[0], meeting_role="chair")
    client.force_login(member)

    page = client.get(url(meeting, "attendance/print/")).text

    assert "Ada (ordförande)" in page and "Bo" in page
    assert "Underskrift" in page


def test_the_public_gets_the_list_without_the_names_of_private_persons(
    client, municipality, association, coordinator
):
    forum = make_forum(municipality, members=[association], visibility=Forum.Visibility.PUBLIC)
    meeting = make_meeting(forum)
    private = make_user("Privat Person", organisation=association)
    make_attendance(meeting, association, user=private, participant_role="Ledamot")
    make_attendance(meeting, municipality, user=coordinator, participant_role="Sekreterare")

    page = client.get(url(meeting, "attendance/print/")).text

    assert "Privat Person" not in page and "Ledamot" in page
    assert "samordnare" in page  # acting for the municipality: an official, named
