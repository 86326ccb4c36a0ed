"""The PostgreSQL engine on Django's connection: writers that commit, rebuilds, restarts.

These tests commit for real (transaction=True): other connections see only committed rows.
"""

import multiprocessing
import threading

import pytest
from django.db import connection, connections

from search.engine.backend import Viewer, get_backend
from tests.search.engine.conftest import POSTGRES, doc

pytestmark = [
    pytest.mark.skipif(not POSTGRES, reason="the PostgreSQL backend is tested on PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]
STAFF = Viewer.of([100])


@pytest.fixture
def engine():
    return get_backend("postgres")


def _write_many(worker, count):
    try:
        engine = get_backend("postgres")
        for i in range(count):
            engine.update([doc(f"w{worker}:{i}", f"skrivare{worker} bidrag", groups=[100])])
    finally:
        connection.close()  # this thread's own connection


def _write_in_process(database, worker, count):
    import django

    django.setup()
    connections["default"].settings_dict["NAME"] = database  # the test database
    _write_many(worker, count)


def test_concurrent_writer_threads_lose_nothing(engine):
    threads = [threading.Thread(target=_write_many, args=(w, 8)) for w in range(4)]

    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert engine.search("bidrag", STAFF).total == 32


def test_concurrent_writer_processes_lose_nothing(engine):
    ctx = multiprocessing.get_context("spawn")
    name = connection.settings_dict["NAME"]
    procs = [ctx.Process(target=_write_in_process, args=(name, w, 6)) for w in range(3)]

    for p in procs:
        p.start()
    for p in procs:
        p.join(120)

    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert engine.search("bidrag", STAFF).total == 18


def test_search_keeps_working_during_a_rebuild_and_sees_writes_made_meanwhile(engine):
    engine.update([doc(f"a:{i}", "bidrag gammal", groups=[100]) for i in range(20)])
    errors, counts, stop = [], [], threading.Event()

    def searcher():
        while not stop.is_set():
            try:
                counts.append(get_backend("postgres").search("bidrag", STAFF).total)
            except Exception as exc:  # noqa: BLE001 - the test wants any failure
                errors.append(exc)
        connection.close()

    def late_save():  # waits for the rebuild's commit, then applies on top
        _write_many("late", 1)

    saver = threading.Thread(target=late_save)
    reader = threading.Thread(target=searcher)
    reader.start()

    def new_docs():
        for i in range(200):
            if i == 100:  # a save arrives while the rebuild runs
                saver.start()
            yield doc(f"n:{i}", "bidrag ny", groups=[100])

    engine.rebuild(new_docs())
    saver.join()
    stop.set()
    reader.join()

    assert not errors and counts and min(counts) >= 20
    assert engine.search("bidrag", STAFF).total == 201
    assert engine.search("skrivarelate", STAFF).total == 1
    assert engine.search("gammal", STAFF).total == 0


def test_a_rebuild_that_fails_halfway_leaves_the_old_documents_serving(engine):
    engine.update([doc(f"a:{i}", "bidrag gammal", groups=[100]) for i in range(5)])

    def broken_docs():
        yield doc("n:1", "bidrag ny", groups=[100])
        raise RuntimeError("the database went away while reading records")

    with pytest.raises(RuntimeError):
        engine.rebuild(broken_docs())

    assert engine.search("gammal", STAFF).total == 5
    assert engine.search("ny", STAFF).total == 0


def test_searches_after_the_database_dropped_the_connection_still_answer(engine):
    engine.update([doc("a:1", "kanotklubben paddlar", groups=[100])])
    with connection.cursor() as cur:
        cur.execute("SELECT pg_backend_pid()")
        pid = cur.fetchone()[0]
    killer = threading.Thread(target=_terminate, args=(pid,))
    killer.start()
    killer.join()

    assert engine.search("kanotklubb", STAFF).total == 1
    engine.update([doc("a:2", "kanotklubben tävlar", groups=[100])])
    assert engine.search("kanotklubb", STAFF).total == 2


def _terminate(pid):
    try:
        with connection.cursor() as cur:
            cur.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        connection.close()


def test_completions_follow_document_frequencies_after_updates_and_deletes(engine):
    engine.update(
        [
            doc("a:1", "kanotklubb", groups=[100]),
            doc("a:2", "kanotklubb", groups=[100]),
            doc("a:3", "kanotled", groups=[100]),
        ]
    )
    assert engine.autocomplete("kanot", STAFF) == ["kanotklubb", "kanotled"]

    engine.update([doc("a:1", "kanotled", groups=[100])])
    assert engine.autocomplete("kanot", STAFF) == ["kanotled", "kanotklubb"]

    engine.delete(["a:2"])
    engine.delete_prefix("a:3")
    assert engine.autocomplete("kanot", STAFF) == ["kanotled"]
    assert _ndoc("kanotled") == 1 and _ndoc("kanotklubb") is None


def _ndoc(term):
    from search.models import SearchTerm

    return SearchTerm.objects.filter(term=term).values_list("ndoc", flat=True).first()
