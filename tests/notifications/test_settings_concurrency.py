"""Twenty saves of one person's settings at once: one choice per kind remains, no error."""

import threading

import pytest
from django.db import connections

from notifications import preferences
from notifications.models import Setting
from tests.factories import make_user

pytestmark = [pytest.mark.django_db(transaction=True)]

THREADS = 20
WAYS = ["at_once", "daily", "weekly", "off"]


def save(user, way, barrier, errors):
    try:
        barrier.wait()
        preferences.save(user, {"comment.received": way, "minutes.approved": way})
    except Exception as error:  # noqa: BLE001 - the test reports any error
        errors.append(error)
    finally:
        connections.close_all()


def test_twenty_saves_at_once_leave_one_choice_per_kind():
    user = make_user()
    barrier, errors = threading.Barrier(THREADS), []
    threads = [
        threading.Thread(target=save, args=(user, WAYS[n % 4], barrier, errors))
        for n in range(THREADS)
    ]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    rows = list(Setting.objects.filter(user=user).values_list("kind", "delivery"))
    assert errors == []
    assert sorted(kind for kind, _way in rows) == ["comment.received", "minutes.approved"]
    assert len({way for _kind, way in rows}) == 1  # both from the same save
