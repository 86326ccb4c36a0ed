"""Forums and meetings through the API: the pages' rules, role by role; outsiders get 404."""

import datetime

import pytest
from django.utils import timezone

from dialogues.models import Forum, Meeting
from tests.api.conftest import as_user
from tests.dialogues.factories import (
    approve,
    make_approver,
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
    """Members only, organised by the municipality; the association is a member."""
    return make_forum(
        municipality, members=[association], visibility=Forum.Visibility.MEMBERS, slug="styrgrupp"
    )


@pytest.fixture
def meeting(forum):
    return make_meeting(forum, title="Vårmöte")


def client_for(request, role):
    return as_user(request.getfixturevalue(role) if role else None)


def url(meeting, tail=""):
    return f"/api/v1/meetings/{meeting.pk}/{tail}"


# --- reading ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_forum_list_shows_each_role_the_forums_the_page_shows(request, role, forum):
    public = make_forum(forum.organiser, visibility=Forum.Visibility.PUBLIC, slug="oppet")

    response = client_for(request, role).get("/api/v1/forums/")

    slugs = {f["slug"] for f in response.json()["results"]}
    assert response.status_code == 200
    assert slugs == ({forum.slug, public.slug} if role in READERS else {public.slug})


@pytest.mark.parametrize("role", ROLES)
def test_a_members_only_forum_is_read_by_its_readers_and_not_found_for_others(request, role, forum):
    response = client_for(request, role).get("/api/v1/forums/styrgrupp/")

    assert response.status_code == (200 if role in READERS else 404)
    if role in READERS:
        assert response.json()["members"] == [{"organisation": "testhamns-if", "role": "member"}]


def test_the_forum_list_filters_by_kind_and_refuses_an_unknown_kind(forum, member):
    client = as_user(member)

    kept = client.get("/api/v1/forums/", {"kind": "dialogue_forum"})
    gone = client.get("/api/v1/forums/", {"kind": "steering_group"})
    bad = client.get("/api/v1/forums/", {"kind": "planet", "theme": "finns-inte"})

    assert [f["slug"] for f in kept.json()["results"]] == ["styrgrupp"]
    assert gone.json()["results"] == []
    assert bad.status_code == 400
    assert set(bad.json()["errors"]) == {"kind", "theme"}


@pytest.mark.parametrize("role", ROLES)
def test_a_meeting_is_read_by_the_forums_readers_only(request, role, meeting):
    listed = client_for(request, role).get("/api/v1/meetings/")
    response = client_for(request, role).get(url(meeting))

    ids = [m["id"] for m in listed.json()["results"]]
    assert response.status_code == (200 if role in READERS else 404)
    assert ids == ([meeting.pk] if role in READERS else [])


@pytest.mark.parametrize("role", ROLES)
def test_draft_minutes_are_shown_to_the_organisers_coordinators_only(request, role, meeting):
    meeting.write_minutes("## Utkast")

    response = client_for(request, role).get(url(meeting))

    if role in READERS:
        expected = "## Utkast" if role in MANAGERS else None
        assert response.json()["minutes"] == expected


def test_a_public_forums_approved_minutes_are_read_by_anyone(municipality, association):
    forum = make_forum(municipality, members=[association], visibility=Forum.Visibility.PUBLIC)
    meeting = make_checked_meeting(forum, association, minutes="## Justerat")
    approve(meeting, association)

    response = as_user(None).get(url(meeting))

    assert response.json()["minutes"] == "## Justerat"
    assert response.json()["minutes_status"] == "approved"


def test_the_meeting_list_filters_and_refuses_bad_values(forum, member):
    make_meeting(forum, status=Meeting.Status.CANCELLED)
    client = as_user(member)

    cancelled = client.get("/api/v1/meetings/", {"forum": "styrgrupp", "status": "cancelled"})
    bad = client.get("/api/v1/meetings/", {"status": "maybe", "year": "soon"})

    assert [m["status"] for m in cancelled.json()["results"]] == ["cancelled"]
    assert bad.status_code == 400
    assert set(bad.json()["errors"]) == {"status", "year"}


# --- creating and changing meetings --------------------------------------------------------

NEW_MEETING = {
    "forum": "styrgrupp",
    "title": "Höstmöte",
    "starts_at": "2026-10-01T18:00:00+02:00",
    "ends_at": "2026-10-01T20:00:00+02:00",
    "place": "Stadshuset",
}


@pytest.mark.parametrize("role", ROLES)
def test_only_the_forums_managers_create_meetings(request, role, forum):
    response = client_for(request, role).post("/api/v1/meetings/", NEW_MEETING, format="json")

    expected = {None: 401, "admin": 201, "coordinator": 201}.get(role, 404)
    assert response.status_code == expected
    assert Meeting.objects.filter(title="Höstmöte").exists() == (expected == 201)


def test_a_new_meeting_gets_its_number_and_reference(forum, coordinator):
    response = as_user(coordinator).post("/api/v1/meetings/", NEW_MEETING, format="json")

    assert response.json()["reference"] == "1/2026"
    assert response.json()["forum"] == "styrgrupp"


def test_a_meeting_that_ends_before_it_starts_is_a_400_with_the_field(forum, coordinator):
    body = {**NEW_MEETING, "ends_at": "2026-10-01T17:00:00+02:00", "starts_at": "no"}

    response = as_user(coordinator).post("/api/v1/meetings/", body, format="json")

    assert response.status_code == 400
    assert "starts_at" in response.json()["errors"]
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("starts_at", ["0675-03-22T09:30:26-15:59", "2101-01-01T10:00:00+01:00"])
def test_a_meeting_in_an_implausible_year_is_a_400_with_the_field(forum, coordinator, starts_at):
    body = {**NEW_MEETING, "starts_at": starts_at}

    response = as_user(coordinator).post("/api/v1/meetings/", body, format="json")

    assert response.status_code == 400
    assert "1900" in response.json()["errors"]["starts_at"][0]
    assert not Meeting.objects.exists()


def test_a_meeting_needs_a_forum(coordinator, forum):
    response = as_user(coordinator).post(
        "/api/v1/meetings/", {**NEW_MEETING, "forum": ""}, format="json"
    )

    assert response.status_code == 400
    assert "forum" in response.json()["errors"]


def test_a_manager_changes_a_meeting_partially(meeting, coordinator, member):
    changed = as_user(coordinator).patch(url(meeting), {"place": "Stadshuset"}, format="json")
    refused = as_user(member).patch(url(meeting), {"title": "Mitt möte"}, format="json")

    meeting.refresh_from_db()
    assert changed.status_code == 200
    assert meeting.place == "Stadshuset" and meeting.title == "Vårmöte"
    assert refused.status_code == 404


def test_the_status_moves_through_its_verb_only(meeting, coordinator):
    client = as_user(coordinator)

    ignored = client.patch(url(meeting), {"status": "cancelled"}, format="json")
    called_off = client.post(url(meeting, "status/"), {"status": "cancelled"}, format="json")
    held = client.post(url(meeting, "status/"), {"status": "held"}, format="json")

    assert ignored.json()["status"] == "planned"
    assert called_off.json()["status"] == "cancelled"
    assert held.status_code == 400 and "status" in held.json()["errors"]


def test_the_notice_is_sent_through_the_api(
    meeting, coordinator, member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(coordinator).post(url(meeting, "notice/"))

    assert response.status_code == 200
    assert response.json()["notice_sent_at"]
    assert [m.to for m in mailoutbox] == [[member.email]]


# --- minutes ------------------------------------------------------------------------------


def test_a_coordinator_writes_and_sends_the_minutes_and_the_approver_approves(
    meeting, coordinator, member, association
):
    make_approver(meeting, association, user=member)
    item = meeting.agenda_items.create(title="Lokaler")
    organiser = as_user(coordinator)
    deadline = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    approval = {"version": 1, "confirm": True}

    written = organiser.put(
        url(meeting, "minutes/"),
        {"minutes": "## Protokoll", f"item-{item.pk}-outcome": "Noterades."},
        format="json",
    )
    sent = organiser.post(url(meeting, "minutes/send/"), {"deadline": deadline}, format="json")
    not_theirs = organiser.post(url(meeting, "minutes/approve/"), approval, format="json")
    approved = as_user(member).post(url(meeting, "minutes/approve/"), approval, format="json")
    frozen = organiser.put(url(meeting, "minutes/"), {"minutes": "Ändrat"}, format="json")

    meeting.refresh_from_db()
    assert written.json()["minutes"] == "## Protokoll"
    assert written.json()["agenda"][0]["outcome"] == "Noterades."
    assert sent.json()["minutes_status"] == "checking"
    assert sent.json()["approval_deadline"] == deadline
    assert not_theirs.status_code == 409
    assert not_theirs.json()["code"] == "not_an_approver"
    assert approved.json()["minutes_status"] == "approved"
    assert frozen.status_code == 409
    assert frozen.json() == {
        "code": "minutes_frozen",
        "message": "Justerade minnesanteckningar kan inte ändras. Lägg till ett tillägg i stället.",
    }
    assert meeting.minutes == "## Protokoll"


def test_minutes_without_approvers_cannot_be_sent(meeting, coordinator):
    meeting.write_minutes("Text")
    deadline = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()

    response = as_user(coordinator).post(
        url(meeting, "minutes/send/"), {"deadline": deadline}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["code"] == "no_approvers"


@pytest.mark.parametrize("role", ["staff", "member", "outsider"])
def test_others_cannot_write_the_minutes(request, role, meeting):
    response = client_for(request, role).put(
        url(meeting, "minutes/"), {"minutes": "Mitt"}, format="json"
    )

    assert response.status_code == 404
    meeting.refresh_from_db()
    assert meeting.minutes == ""


def test_an_addendum_corrects_approved_minutes_only(forum, association, coordinator):
    meeting = make_checked_meeting(forum, association)
    client = as_user(coordinator)

    early = client.post(url(meeting, "addenda/"), {"text": "Rättelse"}, format="json")
    approve(meeting)
    empty = client.post(url(meeting, "addenda/"), {"text": ""}, format="json")
    added = client.post(url(meeting, "addenda/"), {"text": "Rättelse"}, format="json")

    assert early.status_code == 409
    assert empty.status_code == 400 and "text" in empty.json()["errors"]
    assert added.status_code == 201
    assert added.json()["author"] == "samordnare"


def test_a_json_body_that_is_not_an_object_is_a_400(meeting, coordinator):
    response = as_user(coordinator).put(url(meeting, "minutes/"), ["a"], format="json")

    assert response.status_code == 400


# --- query counts ----------------------------------------------------------------------------


def test_the_list_queries_do_not_grow_with_forums_or_meetings(
    forum, municipality, member, django_assert_max_num_queries
):
    for _number in range(5):
        other = make_forum(municipality, visibility=Forum.Visibility.PUBLIC)
        for _meeting in range(4):
            make_meeting(other)
    client = as_user(member)

    with django_assert_max_num_queries(8):
        forums = client.get("/api/v1/forums/")
    with django_assert_max_num_queries(8):
        meetings = client.get("/api/v1/meetings/")

    assert len(forums.json()["results"]) == 6
    assert meetings.json()["count"] == 20


def test_a_meeting_is_read_in_a_fixed_number_of_queries(
    meeting, association, coordinator, django_assert_max_num_queries
):
    for number in range(5):
        make_attendance(meeting, association, participant_role=f"Roll {number}")
    client = as_user(coordinator)

    with django_assert_max_num_queries(14):
        response = client.get(url(meeting))

    assert len(response.json()["attendance"]) == 5


def test_a_forums_agreement_is_named_only_to_those_who_may_read_it(forum, coordinator, member):
    from tests.agreements.factories import adopt, consult, make_agreement

    draft = make_agreement(forum.organiser, by=coordinator, slug="lo-utkast", title="Utkast")
    Forum.objects.filter(pk=forum.pk).update(agreement=draft)

    assert as_user(coordinator).get("/api/v1/forums/styrgrupp/").json()["agreement"] == "lo-utkast"
    assert as_user(member).get("/api/v1/forums/styrgrupp/").json()["agreement"] == ""

    adopt(draft, consult(draft, by=coordinator), by=coordinator)
    assert as_user(member).get("/api/v1/forums/styrgrupp/").json()["agreement"] == "lo-utkast"
