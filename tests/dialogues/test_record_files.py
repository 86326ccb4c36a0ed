"""Files on agenda items, action items and discussion posts follow the forum's rules."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from attachments.models import Attachment
from dialogues.models import AgendaItem, Topic
from tests.attachments import files
from tests.attachments.factories import make_attachment
from tests.dialogues.factories import (
    approve,
    make_action_item,
    make_checked_meeting,
    make_meeting,
)
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def agenda_item(meeting, title="Trygghet i centrum"):
    return AgendaItem.objects.create(meeting=meeting, title=title)


def post(forum, author, organisation, body="Vi bjuder in till föreningsdag."):
    topic = Topic.objects.create(forum=forum, title="Föreningsdagen")
    return topic.add_post(body, organisation, author)


def upload(client, user, record):
    client.force_login(user)
    return client.post(
        f"/attachments/{record._meta.label_lower}/{record.pk}/",
        {"file": SimpleUploadedFile("Underlag.pdf", files.pdf())},
    )


def status(client, request, role, attachment):
    if role:
        client.force_login(request.getfixturevalue(role))
    return client.get(f"/attachments/{attachment.pk}/").status_code


# --- who downloads ---------------------------------------------------------------------

MEMBERS_ONLY = [
    ("coordinator", 200), ("member", 200), ("staff", 200), ("outsider", 404), (None, 404),
]  # fmt: skip


@pytest.mark.parametrize(("role", "expected"), MEMBERS_ONLY)
def test_agenda_item_and_action_item_files_of_a_members_only_forum(
    client, request, forum, association, coordinator, role, expected
):
    meeting = make_meeting(forum)
    on_item = make_attachment(agenda_item(meeting), by=coordinator)
    on_action = make_attachment(make_action_item(meeting, association), by=coordinator)

    assert status(client, request, role, on_item) == expected
    assert status(client, request, role, on_action) == expected


@pytest.mark.parametrize("role", ["member", "outsider", None])
def test_anyone_downloads_the_files_of_a_public_forums_records(
    client, request, public_forum, association, coordinator, role
):
    meeting = make_meeting(public_forum)
    on_item = make_attachment(agenda_item(meeting), by=coordinator)
    on_action = make_attachment(make_action_item(meeting, association), by=coordinator)

    assert status(client, request, role, on_item) == 200
    assert status(client, request, role, on_action) == 200


@pytest.mark.parametrize(
    ("role", "expected"),
    [("coordinator", 200), ("member", 200), ("staff", 404), ("outsider", 404), (None, 404)],
)
def test_post_files_are_for_the_readers_of_the_discussion(
    client, request, forum, association, member, role, expected
):
    attachment = make_attachment(post(forum, member, association), by=member)

    assert status(client, request, role, attachment) == expected


def test_a_hidden_posts_files_are_kept_for_the_coordinators_only(
    client, forum, association, member, coordinator
):
    written = post(forum, member, association)
    attachment = make_attachment(written, by=member)
    written.hide(by=coordinator, reason="Personuppgifter")
    client.force_login(member)
    hidden_for_member = client.get(f"/attachments/{attachment.pk}/").status_code
    client.force_login(coordinator)

    assert hidden_for_member == 404
    assert client.get(f"/attachments/{attachment.pk}/").status_code == 200


# --- who attaches ------------------------------------------------------------------------


def test_only_the_organisers_coordinators_attach_to_an_agenda_item(
    client, forum, coordinator, member
):
    item = agenda_item(make_meeting(forum))

    assert upload(client, member, item).status_code == 404
    response = upload(client, coordinator, item)

    assert response.status_code == 302
    assert response["Location"] == f"{item.meeting.get_absolute_url()}#agenda-item-{item.pk}"
    assert Attachment.objects.for_object(item).count() == 1


def test_the_owner_of_an_action_item_attaches_a_report(
    client, forum, association, member, outsider
):
    item = make_action_item(make_meeting(forum), association)

    assert upload(client, outsider, item).status_code == 404
    assert upload(client, member, item).status_code == 302
    assert Attachment.objects.for_object(item).count() == 1


def test_the_author_attaches_to_their_post_and_other_members_cannot(
    client, forum, association, member
):
    written = post(forum, member, association)
    colleague = make_user("kollega", association)

    assert upload(client, colleague, written).status_code == 404
    response = upload(client, member, written)

    assert response["Location"] == f"{written.topic.get_absolute_url()}#post-{written.pk}"
    assert Attachment.objects.for_object(written).count() == 1


# --- frozen with the approved minutes -------------------------------------------------


def test_agenda_item_files_of_approved_minutes_can_only_be_superseded(
    client, forum, association, coordinator
):
    meeting = make_checked_meeting(forum, association)
    item = agenda_item(meeting)
    attachment = make_attachment(item, by=coordinator)
    approve(meeting, association)
    client.force_login(coordinator)

    page = client.get(meeting.get_absolute_url())
    removal = client.post(f"/attachments/{attachment.pk}/remove/")
    supersede = client.post(f"/attachments/{attachment.pk}/supersede/")

    assert f"/attachments/{attachment.pk}/remove/" not in page.text
    assert f"/attachments/{attachment.pk}/supersede/" in page.text
    assert removal.status_code == supersede.status_code == 302
    attachment.refresh_from_db()
    assert attachment.is_superseded


# --- pages with many records ---------------------------------------------------------


def test_the_meeting_page_costs_the_same_for_many_agenda_items_with_files(
    client, forum, coordinator, django_assert_max_num_queries
):
    meeting = make_meeting(forum)
    for number in range(2):
        make_attachment(agenda_item(meeting, f"Punkt {number}"), name="Bilaga.pdf")
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as few:
        client.get(meeting.get_absolute_url())
    for number in range(6):
        make_attachment(agenda_item(meeting, f"Fler {number}"), name="Bilaga.pdf")

    with django_assert_max_num_queries(len(few)):
        response = client.get(meeting.get_absolute_url())

    assert response.text.count("Bilaga.pdf") >= 8


def test_the_topic_page_costs_the_same_for_many_posts_with_files(
    client, forum, association, member, django_assert_max_num_queries
):
    written = post(forum, member, association)
    topic = written.topic
    make_attachment(written, name="Bilaga.pdf", by=member)
    client.force_login(member)
    with CaptureQueriesContext(connection) as few:
        client.get(topic.get_absolute_url())
    for number in range(6):
        make_attachment(topic.add_post(f"Inlägg {number}", association, member), name="Bilaga.pdf")

    with django_assert_max_num_queries(len(few)):
        response = client.get(topic.get_absolute_url())

    assert response.text.count("Bilaga.pdf") >= 7
