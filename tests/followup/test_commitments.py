"""A commitment's status and progress: the rules, the history, and twenty at once."""

import threading

import pytest
from django.db import connections

from followup import exceptions as errors
from followup.models import Commitment

S = Commitment.Status


def test_it_keeps_who_when_and_why_for_every_change(commitment, coordinator):
    commitment.update_progress(
        status=S.IN_PROGRESS, progress=40, note="Kursen bokad", by=coordinator
    )
    commitment.update_progress(status=S.DONE, progress=100, by=coordinator)

    history = list(
        commitment.changes.values_list("from_status", "to_status", "to_progress", "note")
    )
    assert history == [
        (S.NOT_STARTED, S.IN_PROGRESS, 40, "Kursen bokad"),
        (S.IN_PROGRESS, S.DONE, 100, ""),
    ]
    assert commitment.changes.last().by == coordinator
    commitment.refresh_from_db()
    assert (commitment.status, commitment.progress) == (S.DONE, 100)


@pytest.mark.parametrize("progress", [-1, 101, 250])
def test_it_refuses_progress_outside_0_to_100(commitment, coordinator, progress):
    with pytest.raises(errors.InvalidProgress):
        commitment.update_progress(status=S.IN_PROGRESS, progress=progress, by=coordinator)

    commitment.refresh_from_db()
    assert (commitment.status, commitment.progress, commitment.changes.count()) == (
        S.NOT_STARTED,
        0,
        0,
    )


def test_done_means_complete_and_not_started_means_no_progress(commitment, coordinator):
    with pytest.raises(errors.InvalidProgress):
        commitment.update_progress(status=S.DONE, progress=80, by=coordinator)
    with pytest.raises(errors.InvalidProgress):
        commitment.update_progress(status=S.NOT_STARTED, progress=10, by=coordinator)


def test_delay_and_cancellation_need_a_reason(commitment, coordinator):
    with pytest.raises(errors.InvalidTransition):
        commitment.update_progress(status=S.DELAYED, progress=10, note="  ", by=coordinator)

    commitment.update_progress(status=S.DELAYED, progress=10, note="Lokalen brann", by=coordinator)

    assert commitment.changes.get().note == "Lokalen brann"


def test_a_done_commitment_is_only_reopened(commitment, coordinator):
    commitment.update_progress(status=S.DONE, progress=100, by=coordinator)

    with pytest.raises(errors.InvalidTransition):
        commitment.update_progress(status=S.NOT_STARTED, progress=0, by=coordinator)
    commitment.update_progress(
        status=S.IN_PROGRESS, progress=90, note="Mer att göra", by=coordinator
    )

    assert commitment.changes.count() == 2


def test_linking_an_action_item_twice_is_refused(commitment, coordinator, municipality):
    from tests.dialogues.factories import make_action_item, make_forum, make_meeting

    forum = make_forum(municipality, agreement=commitment.plan.agreement)
    item = make_action_item(make_meeting(forum), municipality)
    commitment.link_action_item(item, by=coordinator)

    with pytest.raises(errors.AlreadyLinked):
        commitment.link_action_item(item, by=coordinator)

    assert list(commitment.action_items.all()) == [item]


THREADS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_at_once_finish_it_once(municipality, association, department):
    from tests.agreements.factories import make_agreement
    from tests.followup.factories import make_commitment, make_plan

    commitment = make_commitment(make_plan(make_agreement(municipality)), [association])
    commitment.update_progress(status=S.IN_PROGRESS, progress=50, by=None)
    barrier, outcomes = threading.Barrier(THREADS), []

    def finish():
        try:
            barrier.wait()
            Commitment.objects.get(pk=commitment.pk).update_progress(
                status=S.DONE, progress=100, by=None
            )
            outcomes.append("done")
        except errors.FollowUpError as error:
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=finish) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # Done → done is a report of the same state, so every one succeeds in turn, and the
    # history shows exactly one move from in progress to done.
    moves = commitment.changes.filter(from_status=S.IN_PROGRESS, to_status=S.DONE)
    assert moves.count() == 1
    assert len(outcomes) == THREADS
    assert commitment.changes.count() == 1 + THREADS
