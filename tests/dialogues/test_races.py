"""State changes that race: each thread opens its own database connection, and the row locks
(the forum's for numbering, the meeting's for minutes and approval, the item's for its
status) make them take turns. SQLite serialises writers when its transactions take the
write lock as they begin (transaction_mode IMMEDIATE, with a busy timeout)."""

import threading

import pytest
from django.db import connections

from dialogues import exceptions
from dialogues.models import ActionItem, Meeting
from tests.dialogues.factories import (
    make_action_item,
    make_checked_meeting,
    make_forum,
    make_meeting,
)

THREADS = 10


pytestmark = pytest.mark.django_db(transaction=True)


def run_together(work, count=THREADS):
    """Run `work(index)` in `count` threads released at once; [(index, result or error)]."""
    barrier, outcomes = threading.Barrier(count), []

    def run(index):
        try:
            barrier.wait()
            outcomes.append((index, work(index)))
        except Exception as error:  # noqa: BLE001 - the test reports every outcome
            outcomes.append((index, error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_ten_meetings_created_at_once_get_ten_distinct_numbers(municipality):
    forum = make_forum(municipality)

    outcomes = run_together(lambda index: make_meeting(forum, title=f"Möte {index}").number)

    errors = [result for _index, result in outcomes if isinstance(result, Exception)]
    assert errors == []
    assert sorted(Meeting.objects.values_list("number", flat=True)) == list(range(1, 11))


def test_a_minutes_save_racing_the_approval_leaves_the_approved_text(municipality, association):
    forum = make_forum(municipality, members=[association])
    meeting = make_checked_meeting(forum, association, minutes="Justerad text")
    approver = meeting.approver

    def work(index):
        stale = Meeting.objects.get(pk=meeting.pk)
        if index % 2:
            return stale.approve_minutes(by=approver)
        stale.take_back_minutes()
        return stale.write_minutes("Ändrad efteråt")

    outcomes = run_together(work, count=2)

    meeting.refresh_from_db()
    errors = [result for _index, result in outcomes if isinstance(result, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], exceptions.DialogueError), errors
    if meeting.minutes_approved:
        assert meeting.minutes == "Justerad text"
    else:
        assert meeting.minutes == "Ändrad efteråt"


def test_two_status_changes_at_once_leave_one_history_row(municipality, association, coordinator):
    forum = make_forum(municipality, members=[association])
    item = make_action_item(make_meeting(forum), association)

    def work(index):
        stale = ActionItem.objects.get(pk=item.pk)
        return stale.change_status("done" if index % 2 else "cancelled", by=coordinator).to_status

    outcomes = run_together(work, count=2)

    item.refresh_from_db()
    moved = [result for _index, result in outcomes if isinstance(result, str)]
    refused = [result for _index, result in outcomes if isinstance(result, Exception)]
    assert len(moved) == 1 and item.status == moved[0]
    assert len(refused) == 1 and isinstance(refused[0], exceptions.InvalidTransition)
    assert item.history.count() == 1
