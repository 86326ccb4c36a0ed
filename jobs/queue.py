"""Putting work on the job queue: django-q2 with its ORM broker (the only importer of django_q).

The queue lives in the project's own database, so the embedded default (SQLite) needs no other
service and production (PostgreSQL) shares it between any number of workers on any number of
machines. A worker takes a job by stamping it "locked until now + JOBS_RETRY_AFTER" and deletes
it only once the job has finished: a worker killed in the middle leaves the job to be taken
again when that time has passed (at least once, so every job is idempotent). A job that raises
is put back as a one-off schedule JOBS_RETRY_BACKOFF seconds later, doubling with each try, up
to JOBS_MAX_ATTEMPTS tries; the last try's error parks it as a failed task (Admin → Failed
tasks).

A job enqueued inside a transaction is a row of that transaction: it exists only if the change
that caused it commits, and no worker sees it before.
"""

import base64
import contextlib
import pickle
import threading
from datetime import timedelta

from django.conf import settings
from django.core.signing import Signer
from django.utils import timezone
from django_q.models import OrmQ, Schedule
from django_q.tasks import async_task, schedule

from jobs import runner

_inline = threading.local()


def job_path(job):
    """The dotted path of a job function (or the path itself)."""
    return job if isinstance(job, str) else f"{job.__module__}.{job.__qualname__}"


def enqueue(job, *args, record=None):
    """Run `job(*args)` on a worker. `record` (a model instance) names the job in logs."""
    path, label = job_path(job), record_label(record)
    if settings.JOBS_EAGER or getattr(_inline, "on", False):
        return runner.run(path, args, label, eager=True)
    return async_task(runner.run, path, args, label, task_name=task_name(path, label), group=path)


@contextlib.contextmanager
def inline():
    """Run the jobs enqueued inside the block at once, in this thread (seeding the demo)."""
    before, _inline.on = getattr(_inline, "on", False), True
    try:
        yield
    finally:
        _inline.on = before


def record_label(record):
    if record is None:
        return ""
    return f"{record._meta.label_lower}:{record.pk}"


def task_name(path, label):
    short = ".".join(path.split(".")[-2:])
    return f"{short} {label}".strip()[:100]


RETRY_SIGNER = Signer(salt="jobs.retry")
RETRY_LIMIT = 6 * 3600  # no wait between two tries is longer than six hours


def retry_wait(attempt):
    """Seconds to wait before try `attempt` (2, 3, …): JOBS_RETRY_BACKOFF, then doubling."""
    return min(settings.JOBS_RETRY_BACKOFF * 2 ** (attempt - 2), RETRY_LIMIT)


def retry_later(path, args, record, attempt):
    """Run the job again as try `attempt`, after `retry_wait(attempt)` seconds; return the wait."""
    delay = retry_wait(attempt)
    _run_once_at(path, args, record, attempt, timezone.now() + timedelta(seconds=delay))
    return delay


def enqueue_later(job, *args, seconds, record=None):
    """Run `job(*args)` on a worker in `seconds` seconds (e.g. to pace a long series of
    e-mails); at once where jobs run in place (tests, seeding the demo)."""
    if settings.JOBS_EAGER or getattr(_inline, "on", False):
        return enqueue(job, *args, record=record)
    path = job_path(job)
    _run_once_at(path, args, record_label(record), 1, timezone.now() + timedelta(seconds=seconds))


def _run_once_at(path, args, label, attempt, when):
    # The scheduler keeps only literal arguments, so the job travels pickled (as in the queue
    # itself) and signed with the project's secret key.
    sealed = base64.b64encode(pickle.dumps((path, tuple(args), label, attempt))).decode()
    schedule(
        f"{runner.__name__}.run_again",
        RETRY_SIGNER.sign(sealed),
        schedule_type=Schedule.ONCE,
        next_run=when,
    )


def unseal(payload):
    """A retry's (path, args, record, attempt); raises BadSignature if it was tampered with."""
    return pickle.loads(base64.b64decode(RETRY_SIGNER.unsign(payload)))  # noqa: S301 - signed


def retries():
    """Jobs that failed and wait for their next try."""
    return Schedule.objects.filter(func=f"{runner.__name__}.run_again")


def sync_schedules(schedules=None):
    """Make the scheduler hold exactly the configured schedules (settings.JOBS_SCHEDULE)."""
    schedules = settings.JOBS_SCHEDULE if schedules is None else schedules
    for name, (path, cron) in schedules.items():
        Schedule.objects.update_or_create(
            name=name,
            defaults={
                "func": f"{runner.__name__}.run",
                "args": repr((path, (), f"schedule:{name}")),
                "schedule_type": Schedule.CRON,
                "cron": cron,
                "repeats": -1,
            },
        )
    Schedule.objects.filter(func=f"{runner.__name__}.run").exclude(name__in=schedules).delete()


def schedules():
    configured = Schedule.objects.filter(func=f"{runner.__name__}.run")
    return list(configured.order_by("name").values("name", "cron", "next_run"))


def waiting():
    """Jobs no worker holds now: new ones, and ones whose worker died or that failed."""
    return OrmQ.objects.filter(lock__lte=timezone.now())


def running():
    return OrmQ.objects.filter(lock__gt=timezone.now())


def oldest_waiting_age():
    """How long the oldest job nobody is working on has waited, or None."""
    oldest = waiting().order_by("pk").first()
    if oldest is None:
        return None
    queued_at = oldest.task.get("started") or oldest.lock
    return max(timezone.now() - queued_at, timedelta(0))


def failures(since=None):
    from django_q.models import Failure

    found = Failure.objects.all()
    if since is not None:
        found = found.filter(stopped__gte=since)
    return found
