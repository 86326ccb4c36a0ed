"""What a worker runs for every job: the job function, with a log line naming it."""

import logging
import time

from django.core.exceptions import ObjectDoesNotExist
from django.utils.module_loading import import_string

log = logging.getLogger("jobs")


def run(path, args=(), record="", *, eager=False):
    """Run the job at `path` with `args`.

    A record deleted since the job was queued ends the job quietly (it is logged): there is
    nothing left to do. Any other error is raised, so the queue runs the job again later; run
    eagerly (tests, the demo seeding), an error is logged and swallowed like a worker's.
    """
    started = time.monotonic()
    try:
        result = import_string(path)(*args)
    except ObjectDoesNotExist as error:
        log.info("job %s record=%s: the record is gone (%s)", path, record, error)
        return "record gone"
    except Exception:
        log.exception("job %s record=%s failed after %.2f s", path, record, elapsed(started))
        if eager:
            return None
        raise
    log.info("job %s record=%s done in %.2f s", path, record, elapsed(started))
    return result


def elapsed(started):
    return time.monotonic() - started
