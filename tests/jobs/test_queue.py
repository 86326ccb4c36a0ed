"""Putting work on the queue: what is queued, when, and what a job does with a bad record."""

import ast
import base64
import logging
import pickle
import subprocess
import sys

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.signing import BadSignature
from django.db import transaction
from django.utils import timezone
from django_q.models import Schedule

from jobs import queue, runner
from jobs.models import Heartbeat
from tests.factories import make_organisation
from tests.jobs.worker_site import ROOT

pytestmark = pytest.mark.django_db


def test_a_job_queued_in_a_transaction_that_rolls_back_is_gone_with_it(queued):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue.enqueue("tests.jobs.sample_jobs.record", "never")
        raise RuntimeError

    assert queued.jobs() == []


def test_a_job_for_a_record_deleted_meanwhile_ends_quietly_and_says_so(caplog):
    club = make_organisation(name="Kanotklubben")
    pk = club.pk
    club.delete()
    caplog.set_level(logging.INFO, logger="jobs")

    result = runner.run("tests.jobs.test_queue.rename_organisation", (pk,), f"organisation:{pk}")

    assert result == "record gone"
    assert f"record=organisation:{pk}: the record is gone" in caplog.text


def rename_organisation(pk):
    from organisations.models import Organisation

    organisation = Organisation.objects.get(pk=pk)
    organisation.name += " (ändrad)"
    organisation.save()


def test_a_job_that_raises_is_tried_again_later_and_the_wait_doubles(caplog, settings):
    settings.JOBS_MAX_ATTEMPTS, settings.JOBS_RETRY_BACKOFF = 4, 60
    path = "tests.jobs.sample_jobs.always_fails"

    waits = []
    for attempt in (1, 2, 3):
        before = timezone.now()
        result = runner.run(path, ("x",), "organisation:7", attempt=attempt)
        [retry] = queue.retries()
        waits.append(round((retry.next_run - before).total_seconds()))
        assert f"try {attempt + 1} in" in result and "never works" in result
        assert queue.unseal(sealed(retry)) == (
            path,
            ("x",),
            "organisation:7",
            attempt + 1,
        )
        retry.delete()

    assert waits == [60, 120, 240]
    assert "job tests.jobs.sample_jobs.always_fails record=organisation:7 failed" in caplog.text
    assert "(try 1 of 4)" in caplog.text


def test_after_its_last_try_a_failing_job_raises_so_the_queue_parks_it(settings):
    settings.JOBS_MAX_ATTEMPTS = 3

    with pytest.raises(ValueError, match="never works"):
        runner.run("tests.jobs.sample_jobs.always_fails", ("x",), "", attempt=3)

    assert not queue.retries().exists()


def test_a_retry_runs_the_job_as_its_next_try(settings):
    settings.JOBS_MAX_ATTEMPTS = 5
    queue.retry_later("tests.jobs.sample_jobs.record", ("again",), "", 2)
    [retry] = queue.retries()

    runner.run_again(sealed(retry))

    assert Heartbeat.objects.filter(name__startswith="again:").count() == 1


def test_a_tampered_retry_is_refused():
    queue.retry_later("tests.jobs.sample_jobs.record", ("again",), "", 2)
    [retry] = queue.retries()
    signature = sealed(retry).rsplit(":", 1)[1]
    other_job = base64.b64encode(pickle.dumps(("os.system", ("rm -rf /",), "", 2))).decode()

    with pytest.raises(BadSignature):
        runner.run_again(f"{other_job}:{signature}")


def sealed(retry):
    """The one argument the scheduler will hand to `runner.run_again`."""
    [payload] = ast.literal_eval(retry.args)
    return payload


def test_the_configured_schedules_do_not_list_retries():
    queue.sync_schedules({"yearly": ("tests.jobs.sample_jobs.scheduled", "0 0 1 1 *")})
    queue.retry_later("tests.jobs.sample_jobs.record", ("again",), "", 2)

    assert [entry["name"] for entry in queue.schedules()] == ["yearly"]


def test_sending_an_e_mail_queues_it_and_the_worker_delivers_it(queued):
    sent = send_mail("Remiss öppen", "Lämna synpunkter.", None, ["forening@example.org"])

    assert sent == 1
    assert mail.outbox == []
    assert queued.jobs() == ["jobs.mail.deliver"]

    queued.run_all()

    assert [m.subject for m in mail.outbox] == ["Remiss öppen"]
    assert mail.outbox[0].to == ["forening@example.org"]


class BrokenMailServer:
    def __init__(self, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def test_a_failing_mail_server_leaves_the_e_mail_to_be_tried_again(queued, settings):
    send_mail("Svar på synpunkt", "Din synpunkt har besvarats.", None, ["forening@example.org"])
    settings.JOBS_EMAIL_BACKEND = "tests.jobs.test_queue.BrokenMailServer"

    queued.run_all()

    assert mail.outbox == []
    assert queue.retries().count() == 1
    settings.JOBS_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    queued.run_retries()
    assert [m.subject for m in mail.outbox] == ["Svar på synpunkt"]
    assert not queue.retries().exists()


def test_the_schedules_are_those_of_the_settings_and_nothing_else(settings):
    Schedule.objects.create(name="gammal", func="jobs.runner.run", args="('x', (), '')")

    queue.sync_schedules()
    queue.sync_schedules()  # twice changes nothing

    names = set(Schedule.objects.values_list("name", flat=True))
    assert names == set(settings.JOBS_SCHEDULE)
    reminders = Schedule.objects.get(name="consultation_reminders")
    assert reminders.cron == "0 7 * * *"
    assert reminders.func == "jobs.runner.run"


def test_a_malformed_schedule_setting_stops_the_start_and_names_the_variable():
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "JOBS_SCHEDULE_HEARTBEAT": "varje minut"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode != 0
    assert "JOBS_SCHEDULE_HEARTBEAT='varje minut' is not a schedule" in done.stderr
