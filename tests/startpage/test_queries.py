"""The start page asks the database the same number of times whatever a person's number of
organisations and records."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from organisations.models import Membership
from tests.agreements.factories import make_agreement, make_party, publish
from tests.dialogues.factories import make_action_item, make_approver, make_forum, make_meeting
from tests.factories import make_organisation
from tests.startpage.conftest import comment

MAX_QUERIES = 30


def grow(municipality, coordinator, member, size):
    """`size` more organisations of `member`, each party to an agreement out for consultation
    (commented on and answered) and member of a forum with a coming meeting, minutes to approve
    and an overdue action item."""
    for _ in range(size):
        organisation = make_organisation()
        Membership.objects.create(user=member, organisation=organisation)
        agreement = make_agreement(municipality, by=coordinator)
        make_party(agreement, organisation)
        revision = publish(agreement, by=coordinator)
        comment(revision, member, organisation).answer(
            disposition="noted", reason="Tack.", by=coordinator
        )
        comment(revision, member, organisation, body="Obesvarad.")
        forum = make_forum(municipality, members=[organisation])
        make_meeting(forum)
        past = make_meeting(forum, starts_at=timezone.now() - datetime.timedelta(days=2))
        make_approver(past, organisation, user=member)
        past.write_minutes("Anteckningar")
        past.send_minutes_for_approval(deadline=timezone.localdate())
        make_action_item(
            past, organisation, due_date=timezone.localdate() - datetime.timedelta(days=1)
        )


def queries_for(client, user):
    client.force_login(user)
    client.get("/")  # fills the process's caches (content types), as any earlier page would
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries), response.context


@pytest.mark.parametrize("role", ["member", "coordinator"])
def test_the_start_page_runs_the_same_queries_for_six_and_for_ten_organisations(
    client, municipality, coordinator, member, role, request
):
    user = request.getfixturevalue(role)
    grow(municipality, coordinator, member, 6)  # more than a block shows: its count is asked
    small, before = queries_for(client, user)
    grow(municipality, coordinator, member, 4)

    large, after = queries_for(client, user)

    assert large == small <= MAX_QUERIES
    assert after["consultations"].count == before["consultations"].count + 4


def test_the_counts_go_beyond_the_rows_shown(client, municipality, coordinator, member):
    grow(municipality, coordinator, member, 8)

    _, member_page = queries_for(client, member)
    _, coordinator_page = queries_for(client, coordinator)

    assert member_page["consultations"].count == 8
    assert len(member_page["consultations"].items) == 5
    assert member_page["to_approve"].count == 8
    assert member_page["action_items"].count == 8
    assert member_page["answers"].count == 8
    assert coordinator_page["unanswered"].count == 8
    assert coordinator_page["overdue"].count == 8
