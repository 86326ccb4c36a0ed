import datetime

import pytest
from django.utils import timezone

from dialogues.models import Attendance, Meeting
from tests.dialogues.factories import (
    approve,
    make_approver,
    make_attendance,
    make_checked_meeting,
    make_meeting,
)

IN_TWO_WEEKS = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()


def url(meeting, rest=""):
    return f"/forums/{meeting.forum.slug}/meetings/{meeting.year}/{meeting.number}/{rest}"


def test_the_coordinator_creates_a_meeting(client, coordinator, forum):
    client.force_login(coordinator)

    response = client.post(
        f"/forums/{forum.slug}/meetings/new/",
        {
            "title": "Vårmöte",
            "starts_at": "2030-03-01T17:00",
            "ends_at": "2030-03-01T19:00",
            "place": "Stadshuset",
            "status": "planned",
        },
    )

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert (meeting.title, meeting.year, meeting.number) == ("Vårmöte", 2030, 1)


def test_a_meeting_that_ends_before_it_starts_is_refused(client, coordinator, forum):
    client.force_login(coordinator)

    response = client.post(
        f"/forums/{forum.slug}/meetings/new/",
        {"title": "X", "starts_at": "2030-03-01T17:00", "ends_at": "2030-03-01T16:00"},
    )

    assert response.status_code == 200
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("role", ["member", "staff", "outsider"])
def test_only_the_organisers_coordinators_create_meetings(client, forum, role, request):
    client.force_login(request.getfixturevalue(role))

    response = client.get(f"/forums/{forum.slug}/meetings/new/")

    assert response.status_code == 404


def test_agenda_items_are_added_in_order_and_can_be_moved(client, coordinator, forum):
    meeting = make_meeting(forum)
    client.force_login(coordinator)
    for title in ["Öppnande", "Lokalfrågan"]:
        client.post(url(meeting, "agenda/new/"), {"title": title, "outcome_type": "note"})
    second = meeting.agenda_items.get(title="Lokalfrågan")

    client.post(url(meeting, f"agenda/{second.pk}/move/"), {"direction": "up"})

    assert [i.title for i in meeting.agenda_items.all()] == ["Lokalfrågan", "Öppnande"]


def test_the_meeting_page_groups_attendance_by_organisation(client, member, forum, association):
    meeting = make_meeting(forum)
    make_attendance(meeting, association, participant_role="Ordförande")
    make_attendance(meeting, association, participant_role="Kassör")
    client.force_login(member)

    html = client.get(url(meeting)).content.decode()

    assert html.count(f"<dt>{association.name}</dt>") == 1
    assert "Ordförande" in html and "Kassör" in html


def test_the_full_minutes_flow_through_the_pages(client, coordinator, member, forum, association):
    meeting = make_meeting(forum, starts_at=timezone.now() - datetime.timedelta(days=1))
    item = meeting.agenda_items.create(title="Lokaler", outcome_type="information")
    client.force_login(coordinator)
    client.post(
        url(meeting, "attendance/"),
        {
            f"presence-u{member.pk}": "present",
            "approvers": [f"u{member.pk}"],
            "guest_presence": "present",
        },
    )
    client.post(
        url(meeting, "minutes/"),
        {
            "minutes": "Nästa möte i maj.",
            "version": "0",
            f"item-{item.pk}-discussion_summary": "Diskuterades.",
            f"item-{item.pk}-outcome_type": "information",
            f"item-{item.pk}-outcome": "",
        },
    )
    client.post(url(meeting, "minutes/send/"), {"deadline": IN_TWO_WEEKS})
    client.force_login(member)

    confirm = client.get(url(meeting, "minutes/approve/"))
    client.post(url(meeting, "minutes/approve/"), {"version": "1", "confirm": "on"})

    meeting.refresh_from_db()
    assert "Diskuterades." in confirm.text
    assert meeting.minutes_status == Meeting.MinutesStatus.APPROVED
    assert meeting.minutes_approved_by == member


def test_approval_without_confirming_changes_nothing(client, forum, association):
    meeting = make_checked_meeting(forum, association)
    client.force_login(meeting.approver)

    response = client.post(url(meeting, "minutes/approve/"), {"version": "1"})

    assert response.status_code == 200
    assert "Kryssa i rutan" in response.text
    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.MinutesStatus.CHECKING


def test_changing_approved_minutes_through_the_page_is_refused(
    client, coordinator, forum, association
):
    meeting = make_checked_meeting(forum, association, minutes="Original")
    approve(meeting)
    client.force_login(coordinator)

    response = client.post(url(meeting, "minutes/"), {"minutes": "Ändrad"}, follow=True)

    assert Meeting.objects.get(pk=meeting.pk).minutes == "Original"
    assert "tillägg" in response.content.decode()


def test_the_coordinator_adds_an_addendum_to_approved_minutes(
    client, coordinator, forum, association
):
    meeting = make_checked_meeting(forum, association)
    approve(meeting)
    client.force_login(coordinator)

    client.post(url(meeting, "minutes/addenda/"), {"text": "Rättelse av §2."})

    assert meeting.addenda.get().author == coordinator


def test_the_writer_cannot_approve_through_the_page(client, coordinator, forum, association):
    meeting = make_checked_meeting(forum, association)
    client.force_login(coordinator)

    response = client.post(
        url(meeting, "minutes/approve/"), {"version": "1", "confirm": "on"}, follow=True
    )

    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.MinutesStatus.CHECKING
    assert "Endast de justerare" in response.text


def test_sending_without_approvers_explains_why(client, coordinator, forum):
    meeting = make_meeting(forum)
    meeting.write_minutes("Text")
    client.force_login(coordinator)

    response = client.post(url(meeting, "minutes/send/"), {"deadline": IN_TWO_WEEKS}, follow=True)

    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.MinutesStatus.DRAFT
    assert "justerare" in response.content.decode()


def test_a_deadline_before_the_meeting_is_explained_and_changes_nothing(
    client, coordinator, forum, association
):
    meeting = make_meeting(forum, starts_at=timezone.now() + datetime.timedelta(days=30))
    meeting.write_minutes("Text")
    make_approver(meeting, association)
    client.force_login(coordinator)

    response = client.post(url(meeting, "minutes/send/"), {"deadline": IN_TWO_WEEKS}, follow=True)

    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.MinutesStatus.DRAFT
    assert "före mötet" in response.text


def test_draft_minutes_are_not_shown_to_members(client, member, forum):
    meeting = make_meeting(forum)
    meeting.write_minutes("Hemligt utkast")
    client.force_login(member)

    response = client.get(url(meeting))

    assert "Hemligt utkast" not in response.content.decode()


def test_anonymous_visitors_read_approved_minutes_of_a_public_forum(
    client, public_forum, association
):
    meeting = make_checked_meeting(public_forum, association, minutes="Godkänd text")
    approve(meeting)

    response = client.get(url(meeting))

    assert "Godkänd text" in response.content.decode()


def test_anonymous_visitors_never_see_minutes_being_checked(client, public_forum, association):
    meeting = make_checked_meeting(public_forum, association, minutes="Under justering")

    response = client.get(url(meeting))

    assert response.status_code == 200
    assert "Under justering" not in response.content.decode()


def test_outsiders_get_404_for_a_members_only_meeting(client, outsider, forum):
    meeting = make_meeting(forum)
    client.force_login(outsider)

    assert client.get(url(meeting)).status_code == 404


def test_attendance_cannot_change_after_approval(client, coordinator, forum, association):
    meeting = make_checked_meeting(forum, association)
    approve(meeting)
    row = meeting.attendances.get()
    client.force_login(coordinator)

    client.post(url(meeting, "attendance/"), {f"presence-u{row.user_id}": "absent"})

    assert Attendance.objects.get(pk=row.pk).presence == "present"


def _meeting_with(forum, organisations, size):
    meeting = make_meeting(forum)
    for index in range(size):
        organisation = organisations[index % len(organisations)]
        make_attendance(meeting, organisation, participant_role=f"Roll {index}")
        meeting.agenda_items.create(title=f"Punkt {index}", presenter=organisation)
        meeting.action_items.create(
            title=f"Åtgärd {index}", owner=organisation, due_date="2020-01-01"
        )
    return meeting


@pytest.mark.parametrize("size", [1, 12])
def test_the_meeting_page_runs_a_constant_number_of_queries(
    client, member, forum, association, municipality, django_assert_max_num_queries, size
):
    meeting = _meeting_with(forum, [association, municipality], size)
    client.force_login(member)

    with django_assert_max_num_queries(16):
        response = client.get(url(meeting))

    assert response.status_code == 200


def test_the_agenda_cannot_change_after_approval(client, coordinator, forum, association):
    meeting = make_checked_meeting(forum, association)
    item = meeting.agenda_items.create(title="Lokaler", outcome="Rekommendation A")
    approve(meeting)
    client.force_login(coordinator)

    response = client.post(
        url(meeting, f"agenda/{item.pk}/"), {"title": "Ändrad", "outcome": "B"}, follow=True
    )

    item.refresh_from_db()
    assert (item.title, item.outcome) == ("Lokaler", "Rekommendation A")
    assert list(response.context["messages"])


def test_a_meeting_without_agenda_says_so_outside_a_numbered_list(client, coordinator, forum):
    meeting = make_meeting(forum)
    client.force_login(coordinator)

    page = client.get(url(meeting)).text

    assert "<p>Ingen dagordning ännu.</p>" in page  # not item "1." of an empty agenda
    assert 'class="agenda"' not in page
