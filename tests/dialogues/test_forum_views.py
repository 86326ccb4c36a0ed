import datetime

import pytest
from django.utils import timezone

from dialogues.models import ActionItem, Forum
from tests.dialogues.factories import make_action_item, make_forum, make_meeting


def test_the_forum_list_shows_only_forums_the_user_can_read(client, outsider, forum, public_forum):
    client.force_login(outsider)

    forums = list(client.get("/forums/").context["forums"])

    assert forums == [public_forum]


def test_staff_see_every_forum_of_the_municipality(client, staff, forum, public_forum):
    client.force_login(staff)

    forums = set(client.get("/forums/").context["forums"])

    assert forums == {forum, public_forum}


def test_the_forum_list_filters_by_theme(client, coordinator, forum, public_forum):
    theme = forum.themes.create(name="Trygghet", slug="trygghet")
    client.force_login(coordinator)

    forums = list(client.get("/forums/?theme=trygghet").context["forums"])

    assert forums == [forum] and theme.name == "Trygghet"


def test_staff_read_a_members_only_forum_but_not_its_discussion(client, staff, forum):
    client.force_login(staff)

    response = client.get(f"/forums/{forum.slug}/")

    assert response.status_code == 200
    assert "topics" not in response.context


def test_members_see_the_discussion_on_the_forum_page(client, member, forum):
    client.force_login(member)

    response = client.get(f"/forums/{forum.slug}/")

    assert "topics" in response.context


def test_the_forum_page_splits_upcoming_and_past_meetings(client, member, forum):
    past = make_meeting(forum, starts_at=timezone.now() - datetime.timedelta(days=30))
    upcoming = make_meeting(forum)
    client.force_login(member)

    context = client.get(f"/forums/{forum.slug}/").context

    assert context["upcoming"] == [upcoming] and context["past"] == [past]


def _fill(forum, organisations, size):
    for index in range(size):
        meeting = make_meeting(forum)
        make_action_item(meeting, organisations[index % len(organisations)])
        forum.topics.create(title=f"Ämne {index}")


@pytest.mark.parametrize("size", [1, 15])
def test_the_forum_page_runs_a_constant_number_of_queries(
    client, member, forum, association, municipality, django_assert_max_num_queries, size
):
    _fill(forum, [association, municipality], size)
    client.force_login(member)

    with django_assert_max_num_queries(16):
        response = client.get(f"/forums/{forum.slug}/")

    assert response.status_code == 200


# --- the action-item board ----------------------------------------------------


@pytest.fixture
def items(forum, association, municipality):
    meeting = make_meeting(forum)
    late = make_action_item(
        meeting, association, due_date=timezone.localdate() - datetime.timedelta(days=2)
    )
    mine = make_action_item(meeting, municipality)
    done = make_action_item(meeting, association)
    ActionItem.objects.filter(pk=done.pk).update(status=ActionItem.Status.DONE)
    return {"late": late, "mine": mine, "done": done}


def board(client, query=""):
    return list(client.get("/forums/action-items/" + query).context["page_obj"].object_list)


def test_the_board_shows_unfinished_items_by_default(client, member, items):
    client.force_login(member)

    assert board(client) == [items["late"], items["mine"]]


def test_the_board_filters_by_owner_status_and_overdue(client, member, items, municipality):
    client.force_login(member)

    assert board(client, f"?organisation={municipality.pk}") == [items["mine"]]
    assert board(client, "?status=done") == [items["done"]]
    assert board(client, "?overdue=on") == [items["late"]]


def test_overdue_items_are_marked_with_words_not_only_colour(client, member, items):
    client.force_login(member)

    html = client.get("/forums/action-items/").content.decode()

    assert html.count("Försenad") == 1


def test_outsiders_see_no_items_of_closed_forums(client, outsider, items):
    client.force_login(outsider)

    assert board(client) == []


def test_anonymous_visitors_see_public_forums_items(client, public_forum, association):
    item = make_action_item(make_meeting(public_forum), association)

    assert board(client) == [item]


def test_the_board_is_paginated(client, member, forum, association):
    meeting = make_meeting(forum)
    for _ in range(30):
        make_action_item(meeting, association)
    client.force_login(member)

    assert len(board(client)) == 25
    assert len(board(client, "?page=2")) == 5


@pytest.mark.parametrize("size", [2, 40])
def test_the_board_runs_a_constant_number_of_queries(
    client, member, association, municipality, django_assert_max_num_queries, size
):
    for index in range(size // 2):
        forum = make_forum(municipality, members=[association], visibility=Forum.Visibility.STAFF)
        meeting = make_meeting(forum)
        make_action_item(meeting, association)
        make_action_item(meeting, municipality, due_date=datetime.date(2020, 1, index % 28 + 1))
    client.force_login(member)

    with django_assert_max_num_queries(10):
        response = client.get("/forums/action-items/?status=all")

    assert response.status_code == 200


# --- action items ---------------------------------------------------------------


def test_the_owning_organisation_changes_the_status(client, member, forum, association):
    item = make_action_item(make_meeting(forum), association)
    client.force_login(member)

    client.post(
        f"/forums/{forum.slug}/action-items/{item.pk}/status/",
        {"status": "in_progress", "note": "Vi har börjat"},
    )

    assert ActionItem.objects.get(pk=item.pk).status == ActionItem.Status.IN_PROGRESS
    assert item.history.get().note == "Vi har börjat"


def test_staff_of_another_organisation_cannot_change_the_status(client, staff, forum, association):
    item = make_action_item(make_meeting(forum), association)
    client.force_login(staff)

    client.post(f"/forums/{forum.slug}/action-items/{item.pk}/status/", {"status": "done"})

    assert ActionItem.objects.get(pk=item.pk).status == ActionItem.Status.OPEN


def test_an_invalid_status_is_refused_with_a_message(client, coordinator, forum, association):
    item = make_action_item(make_meeting(forum), association)
    ActionItem.objects.filter(pk=item.pk).update(status=ActionItem.Status.DONE)
    client.force_login(coordinator)

    response = client.post(
        f"/forums/{forum.slug}/action-items/{item.pk}/status/", {"status": "cancelled"}, follow=True
    )

    assert ActionItem.objects.get(pk=item.pk).status == ActionItem.Status.DONE
    assert list(response.context["messages"])


def test_the_coordinator_adds_an_action_item_to_a_meeting(client, coordinator, forum, association):
    meeting = make_meeting(forum)
    client.force_login(coordinator)

    client.post(
        f"/forums/{forum.slug}/meetings/{meeting.year}/{meeting.number}/action-items/new/",
        {"title": "Boka hallen", "owner": association.pk, "due_date": "2030-01-31"},
    )

    assert meeting.action_items.get().title == "Boka hallen"


def test_outsiders_get_404_for_an_action_item_of_a_closed_forum(
    client, outsider, forum, association
):
    item = make_action_item(make_meeting(forum), association)
    client.force_login(outsider)

    assert client.get(f"/forums/{forum.slug}/action-items/{item.pk}/").status_code == 404
