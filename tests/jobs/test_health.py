"""/healthz, /readyz and `manage.py status`: what a load balancer and a person are told."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from jobs import health, queue
from jobs.models import Heartbeat

pytestmark = pytest.mark.django_db


def test_healthz_answers_as_long_as_the_process_runs(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_reports_database_search_queue_and_workers(client, queued):
    health.beat()
    queue.enqueue("tests.jobs.sample_jobs.record", "waiting")

    response = client.get("/readyz")

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "files", "search", "queue", "workers"}
    assert body["checks"]["queue"]["waiting"] == 1
    assert body["checks"]["queue"]["oldest_waiting_seconds"] >= 0
    assert body["checks"]["workers"]["seconds_ago"] <= 5


def test_without_a_worker_heartbeat_the_site_is_degraded_but_still_ready(client, queued):
    Heartbeat.objects.create(name=health.WORKERS, beat_at=timezone.now() - timedelta(hours=1))

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["workers"]["ok"] is False


def test_an_unreachable_queue_makes_readyz_fail_without_telling_the_internals(client, monkeypatch):
    def unreachable():
        raise ConnectionError("could not connect to server at 10.0.0.7")

    monkeypatch.setattr(health, "queue_state", unreachable)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["status"] == "failing"
    assert response.json()["checks"]["queue"] == {"ok": False, "error": "ConnectionError"}
    assert "10.0.0.7" not in response.content.decode()


def test_the_status_command_tells_a_person_the_same_with_the_schedules(queued):
    health.beat()
    queue.sync_schedules()
    out = StringIO()

    call_command("status", stdout=out)

    text = out.getvalue()
    assert text.startswith("ok")
    assert "ok   workers: " in text
    assert "consultation_reminders: 0 7 * * *" in text
