"""The configured search engine, one per process, kept open across requests.

SEARCH_BACKEND picks the engine: "whoosh" (the default, an index directory at
SEARCH_INDEX_DIR) or "postgres" (a table in the project's PostgreSQL
database, shared by several app servers). The engine keeps its searchers open
and reopens them only when the index changed.
"""

import threading

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections

from search.engine.backend import get_backend

PG_TABLE = "search_document"  # the PostgreSQL backend's table (tests use their own)

_lock = threading.Lock()
_cache = {}


def _options():
    if settings.SEARCH_BACKEND == "postgres":
        connection = connections["default"]
        db = connection.settings_dict
        if connection.vendor != "postgresql":
            raise ImproperlyConfigured("SEARCH_BACKEND=postgres needs a PostgreSQL DATABASE_URL.")
        return {"dsn": postgres_dsn(db), "table": PG_TABLE}
    return {"path": str(settings.SEARCH_INDEX_DIR)}


def postgres_dsn(db):
    parts = {
        "dbname": db["NAME"],
        "user": db.get("USER"),
        "password": db.get("PASSWORD"),
        "host": db.get("HOST"),
        "port": db.get("PORT"),
    }
    return " ".join(f"{key}='{value}'" for key, value in parts.items() if value)


def backend():
    """The engine for the current settings (tests change SEARCH_INDEX_DIR)."""
    options = _options()
    key = (settings.SEARCH_BACKEND, tuple(sorted(options.items())))
    with _lock:
        if key not in _cache:
            _cache[key] = get_backend(settings.SEARCH_BACKEND, **options)
        return _cache[key]


def close_all():
    with _lock:
        for engine in _cache.values():
            engine.close()
        _cache.clear()
