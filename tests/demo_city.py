"""The demo city for tests, as `make run` serves it: seeded once, restored for each test.

Seeding the demo city takes seconds; many tests (every browser story, the URL walk) need
it. The first test that asks for it seeds it and keeps a snapshot of the database, the
search index and the uploaded files; each later test gets that snapshot back in a
fraction of a second:

- SQLite: a copy of the whole database through SQLite's backup API.
- PostgreSQL: every table's rows (COPY … TO STDOUT, binary) and every sequence's value;
  a restore empties every table (DELETE), copies the rows back in one transaction and
  sets the sequences back. The PostgreSQL search backend's tables are tables of the same
  database, so they come back with the rest.
- The folders a test may change (MEDIA_ROOT, SEARCH_INDEX_DIR: the Whoosh index) are
  copied aside and back.

The snapshot is restored over the whole database, so tests that use it must run outside
a transaction: request `transactional_db`, as the `demo` fixture does.
"""

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from guardian.shortcuts import clear_ct_cache

_snapshot = {}


FOLDERS = ("MEDIA_ROOT", "SEARCH_INDEX_DIR")  # settings naming the folders a test may change


def _close_search():
    from search import backends

    backends.close_all()


def _seed():
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", stdout=quiet)


# --- the database ---------------------------------------------------------------------


def _sqlite_take():
    database = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(database)
    return {"database": database}


def _sqlite_restore():
    _snapshot["database"].backup(connection.connection)
    return True


def _tables(cursor):
    return connection.introspection.table_names(cursor)


def _postgresql_take():
    tables = {}
    with connection.cursor() as cursor:
        for table in _tables(cursor):
            copy_sql = f"COPY {connection.ops.quote_name(table)} TO STDOUT (FORMAT BINARY)"
            with cursor.cursor.copy(copy_sql) as copy:
                tables[table] = b"".join(bytes(block) for block in copy)
        cursor.execute(
            "SELECT format('%I.%I', schemaname, sequencename), last_value FROM pg_sequences"
            " WHERE schemaname = current_schema()"
        )
        sequences = cursor.fetchall()
    return {"tables": tables, "sequences": sequences}


def _postgresql_restore():
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        present = _tables(cursor)
        if not set(_snapshot["tables"]) <= set(present):
            return False  # a test dropped a table the snapshot has: seed afresh
        # DELETE, not TRUNCATE: a TRUNCATE gives every table a new file, which takes a
        # second or more; a DELETE of the few rows a test leaves takes milliseconds.
        # Django's foreign keys are deferred: checked once, at the commit.
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table in present:
            cursor.execute(f"DELETE FROM {quote(table)}")
        for table, rows in _snapshot["tables"].items():
            if len(rows) > 21:  # more than the binary format's header and trailer
                with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN (FORMAT BINARY)") as copy:
                    copy.write(rows)
        for sequence, value in _snapshot["sequences"]:
            if value is None:
                cursor.execute("SELECT setval(%s, 1, false)", [sequence])
            else:
                cursor.execute("SELECT setval(%s, %s)", [sequence, value])
    return True


DATABASE = {
    "sqlite": (_sqlite_take, _sqlite_restore),
    "postgresql": (_postgresql_take, _postgresql_restore),
}


# --- the snapshot ---------------------------------------------------------------------


def _take_snapshot():
    connection.ensure_connection()
    take, _ = DATABASE[connection.vendor]
    _close_search()
    _snapshot.update(take())
    folder = Path(tempfile.mkdtemp(prefix="overens-demo-snapshot-"))
    for name in FOLDERS:
        if Path(getattr(settings, name)).exists():
            shutil.copytree(getattr(settings, name), folder / name, symlinks=True)
    _snapshot["folder"] = folder


def _restore_snapshot():
    _close_search()
    connection.ensure_connection()
    _, restore = DATABASE[connection.vendor]
    if not restore():
        return False
    for name in FOLDERS:
        _restore_folder(_snapshot["folder"] / name, Path(getattr(settings, name)))
    _close_search()  # nothing opened meanwhile may keep the old index
    _forget_content_types()
    return True


def _forget_content_types():
    """Content types are cached per process, shared with the live server's thread; the database
    under them was just swapped, so no id cached before may serve. Django caches them by model,
    guardian by permission (cleared on post_migrate only, so a test database flushed and filled
    again between two restores left it holding the ids of the flushed one: guardian then
    refused every permission question with MixedContentTypeError, a 500 on every page)."""
    ContentType.objects.clear_cache()
    clear_ct_cache()


def _restore_folder(source, target):
    """Put a copy of `source` at `target` in one rename: a reader never sees it half copied.

    Copying in place (rmtree, then copytree) left a window in which an index file existed
    but was still empty: a search from another thread in that window (the browser tests'
    live server) reads Whoosh's "FileFormatError: Unknown file header b''"."""
    staging = target.with_name(target.name + ".restoring")
    old = target.with_name(target.name + ".replaced")
    for folder in (staging, old):
        shutil.rmtree(folder, ignore_errors=True)
    if source.exists():
        shutil.copytree(source, staging, symlinks=True)
    if target.exists():
        os.rename(target, old)
    if source.exists():
        os.rename(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def load_demo_city():
    """Fill the (empty, non-transactional) test database with the demo city."""
    if connection.vendor not in DATABASE:
        _seed()
    elif not (_snapshot and _restore_snapshot()):
        _seed()
        _take_snapshot()
    _forget_content_types()
