import datetime

import pytest
from django.utils import timezone

from dialogues import exceptions
from dialogues.markdown import render
from dialogues.models import EDIT_WINDOW, Post, Topic


@pytest.fixture
def topic(forum):
    return Topic.objects.create(forum=forum, title="Lokaler")


def test_a_member_starts_a_topic_on_behalf_of_their_association(client, member, forum, association):
    client.force_login(member)

    client.post(
        f"/forums/{forum.slug}/topics/new/",
        {"title": "Hallar", "organisation": association.pk, "body": "Hur gör ni?"},
    )

    post = Post.objects.get()
    assert (post.topic.title, post.organisation, post.author) == ("Hallar", association, member)


def test_nobody_posts_on_behalf_of_an_organisation_they_do_not_belong_to(
    client, member, forum, topic, municipality
):
    client.force_login(member)

    client.post(
        f"/forums/{forum.slug}/topics/{topic.pk}/posts/",
        {"organisation": municipality.pk, "body": "Från staden"},
    )

    assert not Post.objects.exists()


@pytest.mark.parametrize("role", ["staff", "outsider"])
def test_only_members_and_the_organiser_post(client, forum, topic, role, request):
    client.force_login(request.getfixturevalue(role))

    response = client.post(f"/forums/{forum.slug}/topics/{topic.pk}/posts/", {"body": "Hej"})

    assert response.status_code == 404
    assert not Post.objects.exists()


def test_the_author_edits_within_the_window(topic, member, association):
    post = topic.add_post("Första", association, member)

    post.edit("Rättad", by=member)

    assert Post.objects.get(pk=post.pk).body == "Rättad"


def test_the_author_cannot_edit_after_the_window(topic, member, association):
    post = topic.add_post("Första", association, member)
    later = post.created_at + EDIT_WINDOW + datetime.timedelta(seconds=1)

    with pytest.raises(exceptions.EditWindowClosed):
        post.edit("Rättad", by=member, now=later)


def test_nobody_else_edits_a_post(client, topic, member, association_coordinator, association):
    post = topic.add_post("Första", association, member)
    client.force_login(association_coordinator)

    response = client.post(f"/forums/{topic.forum.slug}/posts/{post.pk}/edit/", {"body": "X"})

    assert response.status_code == 404
    assert Post.objects.get(pk=post.pk).body == "Första"


def test_a_coordinator_hides_a_post_with_a_reason_and_the_text_is_kept(
    client, coordinator, member, topic, association
):
    post = topic.add_post("Olämpligt", association, member)
    client.force_login(coordinator)

    client.post(f"/forums/{topic.forum.slug}/posts/{post.pk}/hide/", {"reason": "Personangrepp"})

    post.refresh_from_db()
    assert post.is_hidden and post.hidden_reason == "Personangrepp"
    assert post.body == "Olämpligt"
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "Personangrepp" in html and "Olämpligt" not in html


def test_hiding_needs_a_reason(topic, member, coordinator, association):
    post = topic.add_post("Text", association, member)

    with pytest.raises(exceptions.ReasonRequired):
        post.hide(by=coordinator, reason="  ")


def test_members_cannot_hide_posts(client, member, topic, association):
    post = topic.add_post("Text", association, member)
    client.force_login(member)

    response = client.post(f"/forums/{topic.forum.slug}/posts/{post.pk}/hide/", {"reason": "x"})

    assert response.status_code == 404


def test_markdown_is_rendered_and_scripts_are_removed():
    html = render("**fet** <script>alert(1)</script> [länk](javascript:alert(1))")

    assert "<strong>fet</strong>" in html
    assert "<script" not in html and 'href="javascript' not in html


def test_posting_moves_the_topic_to_the_top(topic, forum, member, association):
    older = Topic.objects.create(
        forum=forum, title="Äldre", last_post_at=timezone.now() - datetime.timedelta(days=1)
    )

    topic.add_post("Nytt", association, member)

    assert list(forum.topics.all()) == [topic, older]
