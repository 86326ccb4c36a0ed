"""The notification list asks each record type's rule once per page, not once per row."""

import itertools
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications.models import Notification
from tests.agreements.factories import make_agreement, make_party, publish
from tests.dialogues.factories import make_action_item, make_forum, make_meeting
from tests.startpage.conftest import comment


@pytest.fixture
def records(municipality, coordinator, association, member):
    """Five records of five types: four visible to `member`, and an agreement that is not."""
    agreement = make_agreement(municipality, by=coordinator, title="Testhamns LÖ")
    make_party(agreement, association)
    revision = publish(agreement, by=coordinator)
    forum = make_forum(municipality, members=[association])
    hidden = make_agreement(municipality, by=coordinator, title="Hemligt utkast")

    def more():
        meeting = make_meeting(forum)
        yield from (revision, comment(revision, member, association), meeting)
        yield from (make_action_item(meeting, association), hidden)

    return more


def notify(user, records, count):
    made = itertools.islice(itertools.chain.from_iterable(records() for _ in range(count)), count)
    Notification.objects.bulk_create(
        Notification(
            user=user,
            kind="consultation.opened",
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            event_key=uuid.uuid4().hex,
        )
        for record in made
    )


def queries_for_the_list(client, user):
    client.get("/notifications/")  # fills the process's caches (content types)
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/notifications/").text
    return len(queries), page


def test_the_list_costs_the_same_at_5_and_50_rows(client, member, records):
    client.force_login(member)
    notify(member, records, 5)
    few, _page = queries_for_the_list(client, member)
    notify(member, records, 45)

    many, page = queries_for_the_list(client, member)

    assert many == few
    assert page.count("Testhamns LÖ (version 1)") == 10
    assert "Hemligt utkast" not in page
    assert page.count("inte längre tillgänglig") == 10  # every fifth row: the hidden draft
