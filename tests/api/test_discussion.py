"""A forum's discussion through the API: the topic pages' rules, role by role. Readers of the
discussion read topics; members and the organiser's coordinators post on behalf of their own
organisations; the author corrects a post within the edit window; coordinators hide posts.
Everyone else gets 404; anonymous writers 401."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dialogues.models import Forum, Post, Topic
from tests.api.conftest import as_user
from tests.dialogues.factories import make_forum
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ROLES = [None, "admin", "coordinator", "staff", "member", "outsider"]
READERS = {"admin", "coordinator", "staff", "member"}  # staff: the forum is open to staff
POSTERS = {"admin", "coordinator", "member"}
MANAGERS = {"admin", "coordinator"}
BASE = "/api/v1/forums/dialog"


def client_for(request, role):
    return as_user(request.getfixturevalue(role) if role else None)


@pytest.fixture
def forum(municipality, department, association):
    return make_forum(
        municipality, members=[association], visibility=Forum.Visibility.STAFF, slug="dialog"
    )


@pytest.fixture
def topic(forum, member, association):
    topic = Topic.objects.create(forum=forum, title="Lokaler i höst")
    topic.add_post("Vi behöver fler tider.", association, member)
    return topic


@pytest.fixture
def post(topic):
    return topic.posts.get()


def expected(role, allowed, success=200):
    if role in allowed:
        return success
    return 401 if role is None else 404


# --- reading -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_discussions_readers_list_and_read_topics_and_others_get_404(request, role, topic):
    client = client_for(request, role)

    listed = client.get(f"{BASE}/topics/")
    read = client.get(f"{BASE}/topics/{topic.pk}/")

    status = 200 if role in READERS else 404
    assert (listed.status_code, read.status_code) == (status, status)
    if role in READERS:
        assert listed.json()["results"] == [
            {**listed.json()["results"][0], "title": "Lokaler i höst", "post_count": 1}
        ]
        assert read.json()["posts"][0]["organisation"] == "testhamns-if"


def test_a_public_forums_discussion_stays_with_its_members(municipality, association, topic):
    topic.forum.visibility = Forum.Visibility.PUBLIC
    topic.forum.save()

    response = as_user(None).get(f"{BASE}/topics/{topic.pk}/")

    assert response.status_code == 404


def test_a_topic_of_another_forum_is_not_found_here(forum, member, association):
    other = make_forum(forum.organiser, members=[association], slug="annat")
    elsewhere = Topic.objects.create(forum=other, title="Annat")

    response = as_user(member).get(f"{BASE}/topics/{elsewhere.pk}/")

    assert response.status_code == 404


# --- posting -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_members_and_the_organisers_coordinators_start_topics(request, role, forum):
    user = request.getfixturevalue(role) if role else None
    organisation = {"coordinator": "testhamns-stad"}.get(role, "testhamns-if")

    response = client_for(request, role).post(
        f"{BASE}/topics/", {"title": "Ny tråd", "organisation": organisation, "body": "Hej!"}
    )

    assert response.status_code == expected(role, POSTERS, 201)
    assert Topic.objects.filter(title="Ny tråd").exists() == (role in POSTERS)
    if role in POSTERS:
        assert response.json()["posts"][0]["author"] == user.username


@pytest.mark.parametrize("role", ROLES)
def test_members_and_the_organisers_coordinators_reply(request, role, topic):
    organisation = {"coordinator": "testhamns-stad"}.get(role, "testhamns-if")

    response = client_for(request, role).post(
        f"{BASE}/topics/{topic.pk}/posts/", {"organisation": organisation, "body": "Instämmer."}
    )

    assert response.status_code == expected(role, POSTERS, 201)
    assert topic.posts.count() == (2 if role in POSTERS else 1)


def test_a_post_on_behalf_of_someone_elses_organisation_is_400(topic, coordinator):
    response = as_user(coordinator).post(
        f"{BASE}/topics/{topic.pk}/posts/", {"organisation": "testhamns-if", "body": "Hej"}
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"organisation"}
    assert topic.posts.count() == 1


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"title", "organisation", "body"}),
        ({"title": "x" * 201, "organisation": "testhamns-if", "body": "Hej"}, {"title"}),
        ({"title": "T", "organisation": "testhamns-if", "body": {"nested": 1}}, {"body"}),
    ],
)
def test_a_bad_topic_is_400_per_field_and_nothing_is_stored(forum, member, body, fields):
    response = as_user(member).post(f"{BASE}/topics/", body, format="json")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == fields
    assert not Topic.objects.exists()


def test_a_new_reply_moves_the_topic_to_the_top(forum, topic, member, association):
    older = Topic.objects.create(forum=forum, title="Äldre")
    older.add_post("Först.", association, member)

    as_user(member).post(
        f"{BASE}/topics/{topic.pk}/posts/", {"organisation": "testhamns-if", "body": "Upp!"}
    )

    titles = [t["title"] for t in as_user(member).get(f"{BASE}/topics/").json()["results"]]
    assert titles == ["Lokaler i höst", "Äldre"]


# --- editing and hiding --------------------------------------------------------------------


@pytest.fixture
def colleague(association):
    return make_user("kollega", association)


@pytest.mark.parametrize("role", [*ROLES, "colleague"])
def test_only_the_author_corrects_a_post(request, role, post):
    response = client_for(request, role).patch(
        f"{BASE}/posts/{post.pk}/", {"body": "Rättat."}, format="json"
    )

    assert response.status_code == expected(role, {"member"})
    assert Post.objects.get(pk=post.pk).body == ("Rättat." if role == "member" else post.body)


@pytest.mark.parametrize(
    ("language", "message"),
    [("sv", "Tiden för att ändra inlägget har gått ut."),
     ("en", "The time for editing this post has passed.")],
)  # fmt: skip
def test_after_the_edit_window_a_correction_is_409(post, member, language, message):
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timedelta(hours=1))

    response = as_user(member).patch(
        f"{BASE}/posts/{post.pk}/", {"body": "Sent."}, format="json",
        HTTP_ACCEPT_LANGUAGE=language,
    )  # fmt: skip

    assert response.status_code == 409
    assert response.json() == {"code": "edit_window_closed", "message": message}
    assert Post.objects.get(pk=post.pk).body == "Vi behöver fler tider."


@pytest.mark.parametrize("role", ROLES)
def test_only_the_forums_coordinators_hide_a_post(request, role, post):
    response = client_for(request, role).post(
        f"{BASE}/posts/{post.pk}/hide/", {"reason": "Personuppgifter"}
    )

    assert response.status_code == expected(role, MANAGERS)
    assert Post.objects.get(pk=post.pk).is_hidden == (role in MANAGERS)


def test_a_hidden_post_shows_the_reason_not_the_text_and_cannot_be_edited(
    topic, post, coordinator, member
):
    as_user(coordinator).post(f"{BASE}/posts/{post.pk}/hide/", {"reason": "Personuppgifter"})

    shown = as_user(member).get(f"{BASE}/topics/{topic.pk}/").json()["posts"][0]
    edited = as_user(member).patch(f"{BASE}/posts/{post.pk}/", {"body": "X"}, format="json")

    assert (shown["hidden"], shown["body"], shown["hidden_reason"]) == (
        True, None, "Personuppgifter",
    )  # fmt: skip
    assert (edited.status_code, edited.json()["code"]) == (409, "hidden_post")


def test_hiding_needs_a_reason(post, coordinator):
    response = as_user(coordinator).post(f"{BASE}/posts/{post.pk}/hide/", {"reason": " "})

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"reason"}
    assert not Post.objects.get(pk=post.pk).is_hidden


def test_reading_topics_costs_the_same_with_many_posts(
    forum, topic, member, association, django_assert_max_num_queries
):
    for number in range(10):
        other = Topic.objects.create(forum=forum, title=f"Tråd {number}")
        for _post in range(3):
            other.add_post("Inlägg.", association, member)
            topic.add_post("Svar.", association, member)
    client = as_user(member)

    with django_assert_max_num_queries(12):
        listed = client.get(f"{BASE}/topics/")
    with django_assert_max_num_queries(12):
        read = client.get(f"{BASE}/topics/{topic.pk}/")

    assert listed.json()["count"] == 11
    assert len(read.json()["posts"]) == 31
