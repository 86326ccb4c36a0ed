"""Agenda, attendance and action items through the API, with the pages' rules."""

import datetime

import pytest
from django.utils import timezone

from dialogues.models import ActionItem, AgendaItem, Attendance, Forum
from tests.api.conftest import as_user
from tests.dialogues.factories import (
    approve,
    make_action_item,
    make_attendance,
    make_checked_meeting,
    make_forum,
    make_meeting,
)

pytestmark = pytest.mark.django_db

ROLES = [None, "admin", "coordinator", "staff", "member", "outsider"]
READERS = {"admin", "coordinator", "staff", "member"}
MANAGERS = {"admin", "coordinator"}


@pytest.fixture
def forum(municipality, department, association):
    return make_forum(municipality, members=[association], visibility=Forum.Visibility.MEMBERS)


@pytest.fixture
def meeting(forum):
    return make_meeting(forum)


@pytest.fixture
def item(meeting, association):
    return make_action_item(meeting, association, title="Ta fram en plan")


def client_for(request, role):
    return as_user(request.getfixturevalue(role) if role else None)


def write_status(expected_for_managers, role):
    return {None: 401, **dict.fromkeys(MANAGERS, expected_for_managers)}.get(role, 404)


# --- agenda -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_agenda_is_read_by_readers_and_written_by_managers(request, role, meeting):
    AgendaItem.objects.create(meeting=meeting, title="Inledning")
    client = client_for(request, role)

    listed = client.get(f"/api/v1/meetings/{meeting.pk}/agenda/")
    added = client.post(
        f"/api/v1/meetings/{meeting.pk}/agenda/",
        {"title": "Trygghet", "presenter": "testhamns-if", "outcome_type": "recommendation"},
        format="json",
    )

    assert listed.status_code == (200 if role in READERS else 404)
    assert added.status_code == write_status(201, role)
    if added.status_code == 201:
        assert added.json()["presenter"] == "testhamns-if"
        assert added.json()["position"] == 2


def test_an_agenda_item_with_bad_fields_is_a_400(meeting, coordinator):
    response = as_user(coordinator).post(
        f"/api/v1/meetings/{meeting.pk}/agenda/",
        {"title": "", "presenter": "finns-inte", "outcome_type": "decision"},
        format="json",
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"title", "presenter", "outcome_type"}
    assert not AgendaItem.objects.exists()


def test_agenda_items_are_changed_and_moved(meeting, coordinator):
    first = AgendaItem.objects.create(meeting=meeting, title="Ett")
    second = AgendaItem.objects.create(meeting=meeting, title="Två")
    client = as_user(coordinator)
    base = f"/api/v1/meetings/{meeting.pk}/agenda"

    changed = client.patch(f"{base}/{first.pk}/", {"outcome_type": "note"}, format="json")
    moved = client.post(f"{base}/{second.pk}/move/", {"direction": "up"}, format="json")
    bad = client.post(f"{base}/{second.pk}/move/", {"direction": "sideways"}, format="json")

    assert changed.json()["title"] == "Ett" and changed.json()["outcome_type"] == "note"
    assert [i["title"] for i in moved.json()] == ["Två", "Ett"]
    assert bad.status_code == 400 and "direction" in bad.json()["errors"]


def test_the_agenda_and_attendance_of_approved_minutes_are_locked(forum, association, coordinator):
    meeting = make_checked_meeting(forum, association)
    approve(meeting)
    checker = meeting.attendances.get()
    client = as_user(coordinator)

    agenda = client.post(f"/api/v1/meetings/{meeting.pk}/agenda/", {"title": "Sent"}, format="json")
    removal = client.delete(f"/api/v1/meetings/{meeting.pk}/attendance/{checker.pk}/")

    assert agenda.status_code == 409
    assert agenda.json()["code"] == "agenda_frozen"
    assert removal.status_code == 409
    assert Attendance.objects.filter(pk=checker.pk).exists()


# --- attendance ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_attendance_is_recorded_by_organisation_by_managers(request, role, meeting, association):
    client = client_for(request, role)

    added = client.post(
        f"/api/v1/meetings/{meeting.pk}/attendance/",
        {"organisation": "testhamns-if", "participant_role": "Ordförande", "meeting_role": "chair"},
        format="json",
    )
    listed = client.get(f"/api/v1/meetings/{meeting.pk}/attendance/")

    assert added.status_code == write_status(201, role)
    assert listed.status_code == (200 if role in READERS else 404)
    if role in MANAGERS:
        assert listed.json()[0]["organisation"] == "testhamns-if"


def test_a_second_chair_an_absent_approver_or_a_stranger_is_refused(
    meeting, association, coordinator, member, outsider
):
    make_attendance(meeting, association, meeting_role=Attendance.Role.CHAIR)
    client = as_user(coordinator)
    base = f"/api/v1/meetings/{meeting.pk}/attendance/"

    chair = client.post(
        base,
        {"organisation": "testhamns-if", "participant_role": "X", "meeting_role": "chair"},
        format="json",
    )
    absent = client.post(
        base,
        {
            "organisation": "testhamns-if",
            "user": member.username,
            "presence": "apologies",
            "is_approver": True,
        },
        format="json",
    )
    stranger = client.post(
        base, {"organisation": "testhamns-if", "user": outsider.username}, format="json"
    )

    assert chair.status_code == 409 and chair.json()["code"] == "attendance_invalid"
    assert absent.status_code == 400
    assert absent.json()["errors"]["presence"] == [
        "En justerare måste ha varit närvarande vid mötet; det var inte forening."
    ]
    assert stranger.status_code == 400
    assert stranger.json()["errors"]["user"] == ["utomstaende är inte medlem i Testhamns IF."]
    assert meeting.attendances.count() == 1


def test_a_manager_names_an_approver_on_a_row(meeting, association, coordinator, member):
    row = make_attendance(meeting, association, user=member)

    response = as_user(coordinator).patch(
        f"/api/v1/meetings/{meeting.pk}/attendance/{row.pk}/", {"is_approver": True}, format="json"
    )

    assert response.status_code == 200
    assert response.json()[0]["is_approver"] is True
    assert Attendance.objects.get(pk=row.pk).is_approver


def test_a_manager_removes_an_attendance_row(meeting, association, coordinator, member):
    row = make_attendance(meeting, association)
    path = f"/api/v1/meetings/{meeting.pk}/attendance/{row.pk}/"

    refused = as_user(member).delete(path)
    removed = as_user(coordinator).delete(path)

    assert refused.status_code == 404
    assert removed.status_code == 204
    assert not Attendance.objects.exists()


# --- action items -------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_action_items_are_read_by_the_forums_readers(request, role, item):
    client = client_for(request, role)

    board = client.get("/api/v1/action-items/")
    detail = client.get(f"/api/v1/action-items/{item.pk}/")
    of_meeting = client.get(f"/api/v1/meetings/{item.meeting_id}/action-items/")

    assert [i["id"] for i in board.json()["results"]] == ([item.pk] if role in READERS else [])
    assert detail.status_code == (200 if role in READERS else 404)
    assert of_meeting.status_code == (200 if role in READERS else 404)


@pytest.mark.parametrize("role", ROLES)
def test_the_owner_and_the_organiser_change_the_status_with_history(request, role, item):
    response = client_for(request, role).post(
        f"/api/v1/action-items/{item.pk}/status/",
        {"status": "in_progress", "note": "Påbörjad"},
        format="json",
    )

    expected = {None: 401, "staff": 403, "outsider": 404}.get(role, 200)
    assert response.status_code == expected
    if expected == 200:
        assert response.json()["status"] == "in_progress"
        assert response.json()["history"][0]["note"] == "Påbörjad"
        assert response.json()["history"][0]["from_status"] == "open"


def test_a_status_the_item_cannot_move_to_is_a_400(item, member):
    item.change_status(ActionItem.Status.CANCELLED, by=member)

    response = as_user(member).post(
        f"/api/v1/action-items/{item.pk}/status/", {"status": "done"}, format="json"
    )

    item.refresh_from_db()
    assert response.status_code == 400
    assert "status" in response.json()["errors"]
    assert item.status == ActionItem.Status.CANCELLED


def test_the_board_filters_as_the_page_and_refuses_unknown_values(meeting, association, member):
    make_action_item(
        meeting, association, due_date=timezone.localdate() - datetime.timedelta(days=3)
    )
    make_action_item(meeting, association)
    client = as_user(member)

    overdue = client.get("/api/v1/action-items/", {"overdue": "true"})
    bad = client.get("/api/v1/action-items/", {"status": "someday", "organisation": "nobody"})

    assert [i["overdue"] for i in overdue.json()["results"]] == [True]
    assert bad.status_code == 400
    assert set(bad.json()["errors"]) == {"status", "organisation"}


def test_a_manager_adds_an_action_item_to_a_meeting(meeting, coordinator, member):
    body = {"title": "Kartlägg lokaler", "owner": "testhamns-if", "due_date": "2026-12-31"}
    path = f"/api/v1/meetings/{meeting.pk}/action-items/"

    refused = as_user(member).post(path, body, format="json")
    missing = as_user(coordinator).post(path, {"title": "X"}, format="json")
    added = as_user(coordinator).post(path, body, format="json")

    assert refused.status_code == 404
    assert missing.status_code == 400
    assert set(missing.json()["errors"]) == {"owner", "due_date"}
    assert added.status_code == 201
    assert added.json()["owner"] == "testhamns-if"


def test_the_board_queries_do_not_grow(meeting, association, member, django_assert_max_num_queries):
    for _number in range(30):
        make_action_item(meeting, association)
    client = as_user(member)

    with django_assert_max_num_queries(8):
        response = client.get("/api/v1/action-items/", {"page_size": 100})

    assert response.json()["count"] == 30


def test_an_items_history_is_read_in_a_fixed_number_of_queries(
    item, member, coordinator, django_assert_max_num_queries
):
    for status in ["in_progress", "open", "in_progress", "done"]:
        item.change_status(status, by=coordinator)
    client = as_user(member)

    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v1/action-items/{item.pk}/")

    assert len(response.json()["history"]) == 4
