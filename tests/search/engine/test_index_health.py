"""One writer at a time, no lost updates, rebuilds and corrupt indexes."""

import multiprocessing
import threading
import time
from pathlib import Path

import pytest

from search.engine.backend import Viewer, get_backend
from search.engine.errors import IndexCorrupt
from tests.search.engine.conftest import doc

STAFF = Viewer.of([100])
# PostgreSQL's writers and rebuilds commit, so its cases are transactional: test_pg.py.
WHOOSH_ONLY = pytest.mark.parametrize("backend", ["whoosh"], indirect=True)


def _write_many(kind, where, worker, count):
    b = get_backend("whoosh", path=where, procs=1)
    for i in range(count):
        b.update([doc(f"w{worker}:{i}", f"skrivare{worker} bidrag", groups=[100])])
    b.close()


def _where(backend):
    return str(backend.root)


@WHOOSH_ONLY
def test_concurrent_writer_threads_lose_nothing(backend):
    kind = "whoosh" if hasattr(backend, "root") else "postgres"
    threads = [
        threading.Thread(target=_write_many, args=(kind, _where(backend), w, 8)) for w in range(4)
    ]

    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert backend.search("bidrag", STAFF).total == 32


@WHOOSH_ONLY
def test_concurrent_writer_processes_lose_nothing(backend):
    kind = "whoosh" if hasattr(backend, "root") else "postgres"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_write_many, args=(kind, _where(backend), w, 6)) for w in range(3)]

    for p in procs:
        p.start()
    for p in procs:
        p.join(120)

    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert backend.search("bidrag", STAFF).total == 18


@WHOOSH_ONLY
def test_search_keeps_working_during_a_rebuild_and_sees_writes_made_meanwhile(backend):
    backend.update([doc(f"a:{i}", "bidrag gammal", groups=[100]) for i in range(20)])
    errors, counts, stop = [], [], threading.Event()

    def searcher():
        while not stop.is_set():
            try:
                counts.append(backend_copy.search("bidrag", STAFF).total)
            except Exception as exc:  # noqa: BLE001 - the test wants any failure
                errors.append(exc)

    backend_copy = make_reader(backend)
    t = threading.Thread(target=searcher)
    t.start()

    def new_docs():
        for i in range(200):
            if i == 100:  # a save arrives while the rebuild runs
                make_reader(backend).update([doc("late:1", "bidrag sen", groups=[100])])
            yield doc(f"n:{i}", "bidrag ny", groups=[100])

    backend.rebuild(new_docs())
    stop.set()
    t.join()

    assert not errors and counts and min(counts) >= 20
    assert backend.search("bidrag", STAFF).total == 201
    assert backend.search("sen", STAFF).total == 1


def make_reader(backend):
    return get_backend("whoosh", path=str(backend.root), procs=1)


def test_a_missing_index_is_created(tmp_path):
    b = get_backend("whoosh", path=str(tmp_path / "new"))

    assert b.status()["doc_count"] == 0


def test_a_corrupt_index_raises_a_named_error_and_rebuild_recovers(tmp_path):
    b = get_backend("whoosh", path=str(tmp_path / "ix"), procs=1)
    b.update([doc("a:1", "bidrag", groups=[100])])
    live = Path(b.root) / "current"
    for toc in live.resolve().glob("*.toc"):
        toc.write_bytes(b"garbage")

    with pytest.raises(IndexCorrupt):
        get_backend("whoosh", path=str(tmp_path / "ix"), procs=1).search("bidrag", STAFF)

    recovered = get_backend("whoosh", path=str(tmp_path / "ix"), procs=1)
    recovered.rebuild([doc("a:1", "bidrag", groups=[100])])
    assert recovered.search("bidrag", STAFF).total == 1


def test_optimize_keeps_every_document_searchable(backend):
    for i in range(5):
        backend.update([doc(f"a:{i}", "bidrag", groups=[100])])

    backend.optimize()

    assert backend.search("bidrag", STAFF).total == 5
    if hasattr(backend, "root"):
        assert backend.status()["segments"] == 1


def test_a_searcher_opened_before_a_merge_still_answers_and_the_next_search_sees_all(tmp_path):
    from search.engine import index

    whoosh = get_backend("whoosh", path=str(tmp_path / "ix"), procs=1)
    for i in range(3):
        whoosh.update([doc(f"a:{i}", f"bidrag nummer{i}", groups=[100])])
    stale = whoosh._searcher()  # opened on three small segments, no stored fields read yet
    for i in range(3, 3 + index.MAX_SMALL_SEGMENTS):  # enough to merge the small ones away
        whoosh.update([doc(f"a:{i}", f"bidrag nummer{i}", groups=[100])])
    assert not stale.up_to_date()

    assert len(stale.search(index.Term("text", "bidrag"))) == 3  # its segments still read
    results = whoosh.search("bidrag", STAFF)

    assert results.total == 3 + index.MAX_SMALL_SEGMENTS


def _replace_many(where, worker, count):
    b = get_backend("whoosh", path=where, procs=1)
    for i in range(count):
        b.replace(
            [f"w{worker}:"],
            [doc(f"w{worker}:{i % 3}#s{j}", "bidrag", groups=[100]) for j in (1, 2)],
        )
    b.close()


def test_writer_processes_replacing_records_while_others_read_raise_nothing(tmp_path):
    """Several job workers writing at once: no reader ever meets a half-written file
    ("FileFormatError: Unknown file header"), and each record ends with its two sections."""
    where = str(tmp_path / "ix")
    reader = get_backend("whoosh", path=where, procs=1)
    reader.update([doc("seed:1", "bidrag", groups=[100])])
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_replace_many, args=(where, w, 15)) for w in range(3)]
    errors, stop = [], threading.Event()

    def read():
        while not stop.is_set():
            try:
                for hit in reader.search("bidrag", STAFF, per_page=100).hits:
                    assert hit.snippet
            except Exception as exc:  # noqa: BLE001 - the test wants any failure
                errors.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    for p in procs:
        p.start()
    for p in procs:
        p.join(180)
    stop.set()
    thread.join()

    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert errors == []
    assert reader.search("bidrag", STAFF).total == 1 + 3 * 2


def test_a_rebuild_killed_halfway_leaves_the_old_index_serving_and_a_new_rebuild_may_start(
    tmp_path,
):
    where = str(tmp_path / "ix")
    ctx = multiprocessing.get_context("spawn")
    engine = get_backend("whoosh", path=where, procs=1)
    engine.update([doc("old:1", "bidrag gammal", groups=[100])])
    killed = ctx.Process(target=_rebuild_forever, args=(where,))
    killed.start()
    deadline = time.monotonic() + 60
    while not engine.status()["rebuilding"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert engine.status()["rebuilding"]
    assert engine.search("bidrag", STAFF).rebuilding

    killed.kill()
    killed.join()

    assert not engine.status()["rebuilding"]
    assert [h.id for h in engine.search("bidrag", STAFF).hits] == ["old:1"]
    engine.rebuild([doc("new:1", "bidrag ny", groups=[100])])
    assert [h.id for h in engine.search("bidrag", STAFF).hits] == ["new:1"]


def _rebuild_forever(where):
    def docs():
        yield doc("new:0", "bidrag", groups=[100])
        while True:
            time.sleep(1)
            yield doc("new:0", "bidrag", groups=[100])

    get_backend("whoosh", path=where, procs=1).rebuild(docs())
