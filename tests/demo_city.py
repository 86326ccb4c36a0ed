"""The demo city for tests, as `make run` serves it: seeded once, restored for each test.

Seeding the demo city takes seconds; many tests (every browser story, the URL walk) need
it. On SQLite the first test seeds it and keeps a snapshot of the database (through
SQLite's backup API), the search index and the uploaded files; each later test gets that
snapshot back in milliseconds. On other databases every test seeds it.

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
from django.db import connection

_snapshot = {}


FOLDERS = ("MEDIA_ROOT", "SEARCH_INDEX_DIR")  # settings naming the folders a test may change


def _close_search():
    from search import backends

    backends.close_all()


def _seed():
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", stdout=quiet)


def _take_snapshot():
    connection.ensure_connection()
    database = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(database)
    _close_search()
    folder = Path(tempfile.mkdtemp(prefix="overens-demo-snapshot-"))
    for name in FOLDERS:
        if Path(getattr(settings, name)).exists():
            shutil.copytree(getattr(settings, name), folder / name, symlinks=True)
    _snapshot.update(database=database, folder=folder)


def _restore_snapshot():
    _close_search()
    connection.ensure_connection()
    _snapshot["database"].backup(connection.connection)
    for name in FOLDERS:
        _restore_folder(_snapshot["folder"] / name, Path(getattr(settings, name)))
    _close_search()  # nothing opened meanwhile may keep the old index
    ContentType.objects.clear_cache()


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
    if connection.vendor != "sqlite":
        _seed()
    elif _snapshot:
        _restore_snapshot()
    else:
        _seed()
        _take_snapshot()
