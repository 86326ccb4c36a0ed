"""Keeping the index equal to the database, after each transaction commits.

Changes are collected per thread as (record type, pk) and, when the transaction
commits (`transaction.on_commit`), put on the job queue as one job, so a
rolled-back change never reaches the index and a save never waits for it.
Writing is state-based: the worker reads each pending record again from the
database and replaces its documents, or removes them when the record is gone.
That makes the job idempotent, and a change undone by a rolled-back savepoint
harmless.

One writer at a time: the engine serialises its own writes (a locked file
with retry and backoff); `sync` additionally holds a lock around "read from
the database, then write", so two threads saving the same record cannot
write an older state after a newer one.
"""

import threading
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import translation

from jobs import queue
from search import backends, registry
from search.engine import locking

_local = threading.local()


def schedule(obj):
    """Reindex `obj` (and the records depending on it) once the transaction commits."""
    for adapter in registry.adapters_for(obj):
        _pending().add((adapter.type, str(obj.pk)))
        _schedule_related(adapter.related(obj))
    transaction.on_commit(flush)


def schedule_removal(obj, pk):
    """Reindex a deleted record by its old pk (Django has cleared `obj.pk`): its documents go."""
    for adapter in registry.adapters_for(obj):
        _pending().add((adapter.type, str(pk)))
    transaction.on_commit(flush)


def schedule_records(records):
    _schedule_related(records)
    transaction.on_commit(flush)


def _schedule_related(records):
    for record in records:
        for adapter in registry.adapters_for(record):
            _pending().add((adapter.type, str(record.pk)))


def _pending():
    if not hasattr(_local, "pending"):
        _local.pending = set()
    return _local.pending


def flush():
    """Put the pending records on the job queue: a worker writes them (`sync`).

    The request that saved does not wait for the index. If the job fails for good, the
    database change still stands, and the nightly verification repairs the index.
    """
    pending, _local.pending = _pending(), set()
    if pending:
        queue.enqueue(sync, sorted(pending))


def sync(keys):
    """Make the index hold exactly the current documents of these (type, pk) records."""
    by_type = {}
    for type_, pk in keys:
        by_type.setdefault(type_, set()).add(pk)
    with locking.exclusive(_sync_lock_path()):
        for type_, pks in by_type.items():
            _sync_type(registry.adapters()[type_], pks)


def _sync_type(adapter, pks):
    found = {str(obj.pk): obj for obj in adapter.get_queryset().filter(pk__in=pks)}
    # A deleted record loses all its documents; a record whose sections can come and
    # go loses its old ones, in the same commit that writes the current ones.
    gone = [adapter.prefix(pk) for pk in sorted(pks) if pk not in found or adapter.sectioned]
    docs = [doc for obj in found.values() for doc in documents(adapter, obj)]
    backends.backend().replace(gone, docs)


def rebuild():
    """The job that rebuilds the index from the database (a schema change queues it)."""
    engine = backends.backend()
    if engine.status().get("rebuilding"):
        return "a rebuild is already running"
    return engine.rebuild(all_documents())


def optimize():
    """The nightly job: merge the index's segments (off-peak)."""
    backends.backend().optimize()


def documents(adapter, obj):
    """The record's documents, written in the site's language whatever the request's."""
    with translation.override(settings.LANGUAGE_CODE):
        return adapter.documents(obj)


def all_documents(progress=None):
    """Every document the database calls for, record type by record type."""
    for adapter in registry.adapters().values():
        for obj in adapter.get_queryset().iterator(chunk_size=500):
            yield from documents(adapter, obj)
            if progress:
                progress()


def record_count():
    return sum(adapter.get_queryset().count() for adapter in registry.adapters().values())


def _sync_lock_path():
    directory = Path(settings.SEARCH_INDEX_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    return str(directory / "sync.lock")
