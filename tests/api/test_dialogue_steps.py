"""The new dialogue steps through the API, with the pages' rules: forums set up, changed and
closed; action items edited and given to a person; the board's new filters."""

import datetime

import pytest
from django.utils import timezone

from dialogues.models import Forum, Meeting
from tests.api.conftest import as_user
from tests.dialogues.factories import make_action_item, make_forum, make_meeting
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(municipality, association):
    return make_forum(municipality, members=[association], slug="styrgrupp")


def test_a_coordinator_sets_up_a_forum_by_slugs_and_usernames(
    coordinator, municipality, association, member
):
    response = as_user(coordinator).post(
        "/api/v1/forums/",
        {
            "name": "Temaforum idrott",
            "kind": "working_group",
            "visibility": "members",
            "organiser": municipality.slug,
            "members": [association.slug],
            "secretary": coordinator.username,
        },
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["slug"] == "temaforum-idrott"
    assert response.json()["members"] == [{"organisation": association.slug, "role": "member"}]
    assert Forum.objects.get(slug="temaforum-idrott").secretary == coordinator


@pytest.mark.parametrize("role", ["member", "staff", "outsider"])
def test_others_set_up_no_forum(request, role):
    response = as_user(request.getfixturevalue(role)).post(
        "/api/v1/forums/", {"name": "X", "kind": "working_group"}, format="json"
    )

    assert response.status_code == 404
    assert not Forum.objects.exists()


def test_a_manager_changes_and_closes_a_forum(coordinator, forum):
    client = as_user(coordinator)

    changed = client.patch("/api/v1/forums/styrgrupp/", {"purpose": "Leda."}, format="json")
    closed = client.post("/api/v1/forums/styrgrupp/close/")
    again = client.post("/api/v1/forums/styrgrupp/close/")

    assert changed.status_code == 200 and changed.json()["purpose"] == "Leda."
    assert changed.json()["members"]  # a partial change keeps the members
    assert closed.json()["closed_at"]
    assert again.status_code == 409 and again.json()["code"] == "forum_closed"


def test_a_closed_forum_gets_no_meeting(coordinator, forum):
    forum.close()

    response = as_user(coordinator).post(
        "/api/v1/meetings/",
        {
            "forum": "styrgrupp",
            "title": "Nytt",
            "starts_at": "2030-03-01T17:00:00+01:00",
            "ends_at": "2030-03-01T19:00:00+01:00",
        },
        format="json",
    )

    assert response.status_code == 409 and response.json()["code"] == "forum_closed"


def test_an_action_item_is_edited_and_given_to_a_member_of_its_owner(
    coordinator, forum, association, member, municipality
):
    item = make_action_item(make_meeting(forum), association, title="Gammal")
    official = make_user("tjansteman", organisation=municipality)
    client = as_user(coordinator)
    url = f"/api/v1/action-items/{item.pk}/"

    edited = client.patch(url, {"title": "Ny", "responsible": member.username}, format="json")
    refused = client.patch(url, {"responsible": official.username}, format="json")
    not_theirs = as_user(member).patch(url, {"title": "Min"}, format="json")

    item.refresh_from_db()
    assert edited.status_code == 200 and edited.json()["responsible"] == member.username
    assert refused.status_code == 400 and "responsible" in refused.json()["errors"]
    assert not_theirs.status_code == 404
    assert (item.title, item.responsible) == ("Ny", member)


def test_the_board_filters_by_forum_and_person(member, forum, association, municipality):
    other = make_forum(municipality, members=[association], slug="annat")
    make_action_item(make_meeting(forum), association, title="Mitt", responsible=member)
    make_action_item(make_meeting(other), association, title="Annat")
    client = as_user(member)

    by_forum = client.get("/api/v1/action-items/", {"forum": "annat"})
    by_person = client.get("/api/v1/action-items/", {"person": member.username})
    unknown = client.get("/api/v1/action-items/", {"forum": "finns-inte"})

    assert [i["title"] for i in by_forum.json()["results"]] == ["Annat"]
    assert [i["title"] for i in by_person.json()["results"]] == ["Mitt"]
    assert unknown.status_code == 400


def test_a_public_forums_responsible_person_is_not_named_to_the_public(
    municipality, association, member
):
    forum = make_forum(municipality, members=[association], visibility="public")
    item = make_action_item(make_meeting(forum), association, responsible=member)

    public = as_user(None).get(f"/api/v1/action-items/{item.pk}/").json()
    insider = as_user(member).get(f"/api/v1/action-items/{item.pk}/").json()

    assert public["responsible"] is None
    assert insider["responsible"] == member.username


def test_the_minutes_of_a_meeting_are_sent_with_a_deadline_not_before_it(
    coordinator, forum, association, member
):
    meeting = make_meeting(forum, starts_at=timezone.now() + datetime.timedelta(days=20))
    meeting.write_minutes("Text")
    client = as_user(coordinator)
    client.post(
        f"/api/v1/meetings/{meeting.pk}/attendance/",
        {"organisation": association.slug, "user": member.username, "is_approver": True},
        format="json",
    )

    early = client.post(
        f"/api/v1/meetings/{meeting.pk}/minutes/send/",
        {"deadline": (timezone.localdate() + datetime.timedelta(days=5)).isoformat()},
        format="json",
    )

    assert early.status_code == 409 and early.json()["code"] == "deadline_before_meeting"
    assert Meeting.objects.get(pk=meeting.pk).minutes_status == "draft"
