import datetime

import pytest
from django.utils import timezone

from dialogues import exceptions
from dialogues.models import ActionItem
from tests.dialogues.factories import make_action_item, make_meeting

Status = ActionItem.Status


@pytest.fixture
def item(forum, association):
    return make_action_item(make_meeting(forum), association)


def test_a_status_change_is_kept_in_the_history(item, coordinator):
    item.change_status(Status.IN_PROGRESS, by=coordinator, note="Påbörjad")

    change = item.history.get()
    assert (change.from_status, change.to_status, change.by, change.note) == (
        Status.OPEN,
        Status.IN_PROGRESS,
        coordinator,
        "Påbörjad",
    )
    assert ActionItem.objects.get(pk=item.pk).status == Status.IN_PROGRESS


@pytest.mark.parametrize(
    ("start", "to"),
    [(Status.DONE, Status.CANCELLED), (Status.DONE, Status.OPEN), (Status.CANCELLED, Status.DONE)],
)
def test_invalid_transitions_are_refused_and_change_nothing(item, coordinator, start, to):
    ActionItem.objects.filter(pk=item.pk).update(status=start)
    item.refresh_from_db()

    with pytest.raises(exceptions.InvalidTransition):
        item.change_status(to, by=coordinator)

    assert ActionItem.objects.get(pk=item.pk).status == start
    assert not item.history.exists()


def test_a_done_item_can_be_reopened_as_in_progress(item, coordinator):
    item.change_status(Status.DONE, by=coordinator)

    item.change_status(Status.IN_PROGRESS, by=coordinator)

    assert item.history.count() == 2


def test_an_unfinished_item_past_its_due_date_is_overdue(item):
    item.due_date = timezone.localdate() - datetime.timedelta(days=1)

    assert item.is_overdue
    assert item.days_overdue == 1


def test_an_item_due_today_is_not_overdue(item):
    item.due_date = timezone.localdate()

    assert not item.is_overdue


@pytest.mark.parametrize("status", [Status.DONE, Status.CANCELLED])
def test_finished_items_are_never_overdue(item, status):
    ActionItem.objects.filter(pk=item.pk).update(
        status=status, due_date=timezone.localdate() - datetime.timedelta(days=30)
    )

    assert not ActionItem.objects.overdue().exists()
    assert not ActionItem.objects.with_overdue_flag().get().is_overdue


def test_the_queryset_and_the_flag_agree_on_overdue(forum, association):
    meeting = make_meeting(forum)
    late = make_action_item(
        meeting, association, due_date=timezone.localdate() - datetime.timedelta(days=3)
    )
    make_action_item(meeting, association)

    flagged = {i.pk for i in ActionItem.objects.with_overdue_flag() if i.is_overdue}

    assert set(ActionItem.objects.overdue().values_list("pk", flat=True)) == {late.pk} == flagged
