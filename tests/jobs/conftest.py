import ast

import pytest
from django_q.models import OrmQ

from jobs import queue, runner


@pytest.fixture
def queued(settings):
    """Jobs wait on the queue as in production (the suite otherwise runs them at once), and
    e-mail goes through the queue too (Django's test set-up swaps in its own backend)."""
    settings.JOBS_EAGER = False
    settings.EMAIL_BACKEND = "jobs.mail.QueuedEmailBackend"
    settings.JOBS_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return Worker()


class Worker:
    """What a worker does, in the test's process: run each waiting job and take it off the
    queue (a job that fails schedules its own next try, as on a real worker)."""

    def jobs(self):
        return [row.task["args"][0] for row in OrmQ.objects.order_by("pk")]

    def run_all(self, limit=5000):
        for _ in range(limit):
            row = OrmQ.objects.order_by("pk").first()
            if row is None:
                return
            row.delete()
            runner.run(*row.task["args"], **row.task["kwargs"])
        raise AssertionError("the jobs keep making jobs")

    def run_retries(self):
        """The scheduler's part: run every failed job's next try now, however long its wait."""
        for retry in queue.retries():
            retry.delete()
            [payload] = ast.literal_eval(retry.args)
            runner.run_again(payload)
