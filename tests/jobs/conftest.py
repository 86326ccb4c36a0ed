import pytest
from django_q.models import OrmQ

from jobs import runner


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
    queue; a job that raises stays queued, as on a real worker."""

    def jobs(self):
        return [row.task["args"][0] for row in OrmQ.objects.order_by("pk")]

    def run_all(self, limit=5000):
        for _ in range(limit):
            row = OrmQ.objects.order_by("pk").first()
            if row is None:
                return
            runner.run(*row.task["args"])
            row.delete()
        raise AssertionError("the jobs keep making jobs")
