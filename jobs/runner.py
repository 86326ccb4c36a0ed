"""What a worker runs for every job: the job function, with a log line naming it."""

import logging
import time

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils.module_loading import import_string

log = logging.getLogger("jobs")


def run(path, args=(), record="", *, eager=False, attempt=1):
    """Run the job at `path` with `args`; this is try number `attempt`.

    A record deleted since the job was queued ends the job quietly (it is logged): there is
    nothing left to do. Any other error puts the job back for another try after a wait that
    doubles with each try (`queue.retry_later`); the last try's error is raised, so the queue
    parks the job as failed where an administrator sees it. Run eagerly (tests, the demo
    seeding), an error is logged and swallowed.
    """
    started = time.monotonic()
    try:
        result = import_string(path)(*args)
    except ObjectDoesNotExist as error:
        log.info("job %s record=%s: the record is gone (%s)", path, record, error)
        return "record gone"
    except Exception as error:
        log.exception(
            "job %s record=%s failed after %.2f s (try %d of %d)",
            *(path, record, elapsed(started), attempt, settings.JOBS_MAX_ATTEMPTS),
        )
        if eager:
            return None
        if attempt >= settings.JOBS_MAX_ATTEMPTS:
            raise
        from jobs import queue

        delay = queue.retry_later(path, args, record, attempt + 1)
        log.warning("job %s record=%s: try %d in %d s", path, record, attempt + 1, delay)
        return f"{type(error).__name__}: {error}; try {attempt + 1} in {delay} s"
    log.info("job %s record=%s done in %.2f s", path, record, elapsed(started))
    return result


def run_again(payload):
    """A retry's scheduled run: the job, its arguments and its try number, sealed by
    `queue.retry_later`."""
    from jobs import queue

    path, args, record, attempt = queue.unseal(payload)
    return run(path, args, record, attempt=attempt)


def elapsed(started):
    return time.monotonic() - started
