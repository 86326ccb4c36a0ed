"""A municipality with one agreement out for consultation and one forum, seen by each role.

- coordinator: coordinates the municipality, which owns the agreement and organises the forum
- member: member of `association`, a signatory party and member of the forum
- staff: member of a municipal department
- outsider: member of an association that is party to nothing and in no forum
"""

import datetime

import pytest
from django.utils import timezone

from agreements.models import Comment
from tests.agreements.factories import make_agreement, make_party, publish
from tests.dialogues.factories import make_action_item, make_approver, make_forum, make_meeting


@pytest.fixture
def agreement(municipality, department, coordinator, association):
    agreement = make_agreement(municipality, by=coordinator, slug="lo", title="Testhamns LÖ")
    make_party(agreement, association)
    return agreement


@pytest.fixture
def consultation(agreement, coordinator):
    """Revision 1 of the agreement, open for comments for 30 days."""
    return publish(agreement, by=coordinator)


@pytest.fixture
def forum(municipality, association):
    return make_forum(municipality, members=[association], name="Trygghetsforum", slug="trygghet")


@pytest.fixture
def minutes_for_member(forum, association, member):
    """A past meeting whose minutes wait for `member`'s approval."""
    meeting = make_meeting(
        forum, title="Höstmötet", starts_at=timezone.now() - datetime.timedelta(days=3)
    )
    make_approver(meeting, association, user=member)
    meeting.write_minutes("## Minnesanteckningar")
    meeting.send_minutes_for_approval(deadline=timezone.localdate() + datetime.timedelta(days=14))
    return meeting


@pytest.fixture
def overdue_item(minutes_for_member, association):
    return make_action_item(
        minutes_for_member,
        association,
        title="Ta fram lokalförteckning",
        due_date=timezone.localdate() - datetime.timedelta(days=2),
    )


def comment(revision, author, organisation, body="Vi vill ha fler mötesplatser."):
    return Comment.post(revision=revision, author=author, organisation=organisation, body=body)
