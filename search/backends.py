"""The configured search engine, one per process, kept open across requests.

SEARCH_BACKEND picks the engine: "whoosh" (the default, an index directory at
SEARCH_INDEX_DIR) or "postgres" (search.models' tables in the project's PostgreSQL
database, on Django's connection, shared by several app servers). The Whoosh engine
keeps its searchers open and reopens them only when the index changed.
"""

import logging
import threading

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections

from search.engine.backend import get_backend

log = logging.getLogger(__name__)
_lock = threading.Lock()
_cache = {}


def _options():
    if settings.SEARCH_BACKEND == "postgres":
        if connections["default"].vendor != "postgresql":
            raise ImproperlyConfigured("SEARCH_BACKEND=postgres needs a PostgreSQL DATABASE_URL.")
        return {}
    return {"path": str(settings.SEARCH_INDEX_DIR)}


def backend():
    """The engine for the current settings (tests change SEARCH_INDEX_DIR)."""
    options = _options()
    key = (settings.SEARCH_BACKEND, tuple(sorted(options.items())))
    with _lock:
        opened = key not in _cache
        if opened:
            _cache[key] = get_backend(settings.SEARCH_BACKEND, **options)
        engine = _cache[key]
    if opened:
        _rebuild_if_outdated(engine)
    return engine


def _rebuild_if_outdated(engine):
    """An index written for another schema is rebuilt by a job; searches use it meanwhile."""
    from jobs import queue  # not at import: the engine's tests spawn processes without Django

    try:
        if engine.outdated() and not engine.status().get("rebuilding"):
            queue.enqueue("search.indexing.rebuild")
    except Exception:
        log.exception("Could not queue the rebuild of an outdated search index")


def close_all():
    with _lock:
        for engine in _cache.values():
            engine.close()
        _cache.clear()
