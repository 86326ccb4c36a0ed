"""The queue's and the workers' part of the health report (config/health.py)."""

from django.conf import settings
from django.utils import timezone

from jobs import queue
from jobs.models import Heartbeat

WORKERS = "workers"


def beat():
    """A scheduled job: a worker was here now (and so the scheduler fires)."""
    Heartbeat.objects.update_or_create(name=WORKERS, defaults={"beat_at": timezone.now()})


def queue_state():
    """Waiting, running and failed jobs waiting for their next try, the oldest waiting job's
    age, failures of the last day."""
    age = queue.oldest_waiting_age()
    day_ago = timezone.now() - timezone.timedelta(days=1)
    waiting_too_long = age is not None and age.total_seconds() > settings.JOBS_WAITING_ALERT
    return {
        "ok": not waiting_too_long,
        "waiting": queue.waiting().count(),
        "running": queue.running().count(),
        "retrying": queue.retries().count(),
        "oldest_waiting_seconds": None if age is None else round(age.total_seconds()),
        "failed_last_day": queue.failures(since=day_ago).count(),
    }


def worker_state():
    """When a worker last beat; stale after JOBS_HEARTBEAT_ALERT seconds."""
    if settings.JOBS_EAGER:
        return {"ok": True, "mode": "eager"}
    last = Heartbeat.objects.filter(name=WORKERS).values_list("beat_at", flat=True).first()
    if last is None:
        return {"ok": False, "last_heartbeat": None, "seconds_ago": None}
    seconds = max(0, round((timezone.now() - last).total_seconds()))
    return {
        "ok": seconds <= settings.JOBS_HEARTBEAT_ALERT,
        "last_heartbeat": last.isoformat(),
        "seconds_ago": seconds,
    }
