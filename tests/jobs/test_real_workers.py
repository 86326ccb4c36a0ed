"""Real workers (`manage.py qcluster` processes) on a real queue: the embedded SQLite store, or
PostgreSQL when the suite runs on it (CI runs both)."""

import base64
import pickle

import pytest

from tests.jobs.worker_site import Site

pytestmark = pytest.mark.workers

SAMPLE = "tests.jobs.sample_jobs"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("site"))
    yield site
    site.close()


@pytest.fixture(autouse=True)
def fresh_queue(site):
    site.empty()
    yield
    site.stop_workers()


def test_a_worker_runs_a_queued_job(site):
    site.enqueue(f"{SAMPLE}.record", "hello")

    site.start_worker()

    assert site.wait_for(lambda: site.marks("hello") == 1)


# The scheduler, which starts a failed job's next try, looks every 30 s.
NEXT_TRY = 75
# Jobs still in the queue. A worker acknowledges a job just after it returns, so a test waits
# for the queue to empty rather than reading it once (under load the read came first).
QUEUED = "SELECT count(*) FROM django_q_ormq"


def test_a_failing_job_runs_again_later_and_then_succeeds(site):
    site.enqueue(f"{SAMPLE}.flaky", "mail")

    site.start_worker()

    assert site.wait_for(lambda: site.marks("mail-done") == 1, timeout=NEXT_TRY)
    assert site.marks("mail-failed") == 1
    assert site.wait_for(lambda: site.query(QUEUED) == [(0,)], timeout=10)
    spent = "SELECT count(*) FROM django_q_schedule"
    assert site.wait_for(lambda: site.query(spent) == [(0,)], timeout=10)  # the retry is gone


def test_a_job_that_keeps_failing_is_parked_with_its_error_after_the_last_try(site):
    site.enqueue(f"{SAMPLE}.always_fails", "broken")

    site.start_worker()

    failed = "SELECT result FROM django_q_task WHERE NOT success"
    assert site.wait_for(lambda: site.query(failed), timeout=NEXT_TRY)
    assert site.marks("broken-tried") == 2  # JOBS_MAX_ATTEMPTS
    [(result,)] = site.query(failed)
    assert "this job never works" in pickle.loads(base64.b64decode(result))  # noqa: S301
    [(first_try,)] = site.query("SELECT result FROM django_q_task WHERE success")
    assert "try 2 in 1 s" in pickle.loads(base64.b64decode(first_try))  # noqa: S301
    assert site.wait_for(lambda: site.query(QUEUED) == [(0,)], timeout=10)


def test_a_worker_killed_in_the_middle_of_a_job_leaves_it_to_another_worker(site):
    site.enqueue(f"{SAMPLE}.slow", "long", 2)
    first = site.start_worker()
    assert site.wait_for(lambda: site.marks("long-start") == 1)

    site.kill(first)
    assert site.marks("long-done") == 0
    site.start_worker()

    assert site.wait_for(lambda: site.marks("long-done") == 1)
    assert site.marks("long-start") == 2


def test_a_scheduled_job_fires_once_with_two_workers(site):
    site.shell(
        "from datetime import timedelta; from django.utils import timezone;"
        "from jobs import queue;"
        f"queue.sync_schedules({{'yearly': ('{SAMPLE}.scheduled', '0 0 1 1 *')}});"
        "from django_q.models import Schedule;"
        "Schedule.objects.update(next_run=timezone.now() - timedelta(seconds=5))"
    )

    site.start_worker()
    site.start_worker()

    assert site.wait_for(lambda: site.marks("scheduled") >= 1, timeout=75)
    site.wait_for(lambda: False, timeout=8)  # both schedulers have had their turn
    assert site.marks("scheduled") == 1
