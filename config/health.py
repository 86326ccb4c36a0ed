"""Is this installation able to serve? For a load balancer, monitoring and a person.

`/healthz` only says the process answers. `/readyz` and `python manage.py status` check the
database, the file storage, the search index, the job queue (reachable, how long the oldest
waiting job has waited) and the workers (their last heartbeat). The database and the queue
decide readiness: without them nothing works. A stale worker, a queue that waits too long, a
failing search engine or file storage make the installation "degraded": pages still answer,
the report says what is wrong.
"""

import logging

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection

from jobs import health as jobs_health
from search import backends as search_backends

log = logging.getLogger(__name__)

CRITICAL = {"database", "queue"}


def report(detail=False):
    """The checks and an overall status. Errors name only their type unless `detail` (the
    command, for a person at the server): /readyz is public."""
    checks = {
        name: guarded(check, detail)
        for name, check in [
            ("database", database_state),
            ("search", search_state),
            ("files", files_state),
            ("queue", jobs_health.queue_state),
            ("workers", jobs_health.worker_state),
        ]
    }
    failing = {name for name, check in checks.items() if not check["ok"]}
    if failing & CRITICAL or "error" in checks["queue"]:
        status = "failing"
    elif failing:
        status = "degraded"
    else:
        status = "ok"
    return {"status": status, "checks": checks}


def guarded(check, detail):
    try:
        return check()
    except Exception as error:  # a health check reports a failure, it never raises one
        log.warning("health check %s failed: %s", check.__name__, error)
        message = f"{type(error).__name__}: {error}"[:300] if detail else type(error).__name__
        return {"ok": False, "error": message}


def database_state():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "vendor": connection.vendor}


def files_state():
    """The file storage answers (the local folder, or the object store's bucket)."""
    default_storage.exists("attachments/")
    return {"ok": True, "storage": settings.FILE_STORAGE}


def search_state():
    status = search_backends.backend().status()
    shown = ("engine", "doc_count", "age_seconds", "rebuilding")
    return {"ok": True, **{key: status[key] for key in shown if key in status}}
