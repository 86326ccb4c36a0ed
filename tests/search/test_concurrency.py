"""Many writers at once: no save fails, no update is lost.

The engine lets one writer in at a time (a locked file, waited for with
backoff); `indexing.sync` holds a second lock around "read the record, write
its documents", so an older state can never overwrite a newer one.
"""

import threading

import pytest
from django.db import connection

from organisations.models import Organisation
from search import indexing
from tests.factories import make_organisation
from tests.search.helpers import titles

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 8


def in_threads(work, count=THREADS):
    start, errors = threading.Barrier(count), []

    def run(number):
        try:
            start.wait()
            work(number)
        except Exception as error:  # collected: a thread's exception would vanish
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_concurrent_index_writes_never_fail_and_none_is_lost():
    clubs = [make_organisation(name=f"Klubb {n}", description="Paddling") for n in range(THREADS)]
    Organisation.objects.update(description="Segling")  # no signals: the index is stale

    errors = in_threads(lambda n: indexing.sync({("organisations.organisation", str(clubs[n].pk))}))

    assert errors == []
    assert len(titles(None, "segling")) == THREADS
    assert titles(None, "paddling") == []


def test_concurrent_writes_of_one_record_leave_its_latest_state():
    club = make_organisation(name="Kanotklubben", description="Paddling")
    Organisation.objects.filter(pk=club.pk).update(description="Segling")
    key = {("organisations.organisation", str(club.pk))}

    errors = in_threads(lambda n: indexing.sync(key))

    assert errors == []
    assert titles(None, "segling") == ["Kanotklubben"]


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's in-memory test database locks tables against a second writing thread",
)
def test_concurrent_saves_through_the_orm_are_all_indexed():
    clubs = [make_organisation(name=f"Klubb {n}", description="Paddling") for n in range(THREADS)]

    def save(number):
        club = Organisation.objects.get(pk=clubs[number].pk)
        club.description = "Segling"
        club.save()

    errors = in_threads(save)

    assert errors == []
    assert len(titles(None, "segling")) == THREADS
