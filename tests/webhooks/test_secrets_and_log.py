"""A subscription's secret is encrypted in the database and still signs; the delivery log is
pruned after WEBHOOKS_LOG_DAYS by a scheduled job."""

import uuid
from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.webhooks.conftest import SECRET, subscribe
from webhooks import delivery as deliveries
from webhooks.models import Delivery, Subscription

pytestmark = pytest.mark.django_db


def stored_secret(subscription):
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM webhooks_subscription WHERE id = %s", [subscription.pk])
        return cursor.fetchone()[0]


def test_the_secret_is_stored_encrypted_and_read_back_as_it_was(coordinator):
    subscription = subscribe(coordinator, "https://93.184.215.14/hooks", ["comment.answered"])

    stored = stored_secret(subscription)

    assert SECRET not in stored
    assert Subscription.objects.get(pk=subscription.pk).secret == SECRET


def test_a_new_key_put_first_still_reads_the_old_secrets_and_rotation_moves_them(
    coordinator, settings
):
    subscription = subscribe(coordinator, "https://93.184.215.14/hooks", ["comment.answered"])
    old_key, new_key = settings.WEBHOOKS_SECRET_KEYS[0], Fernet.generate_key().decode()
    settings.WEBHOOKS_SECRET_KEYS = [new_key, old_key]

    call_command("rotate_webhook_secrets", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.WEBHOOKS_SECRET_KEYS = [new_key]

    assert Subscription.objects.get(pk=subscription.pk).secret == SECRET


def test_a_secret_under_a_lost_key_is_a_clear_configuration_error(coordinator, settings):
    subscription = subscribe(coordinator, "https://93.184.215.14/hooks", ["comment.answered"])
    settings.WEBHOOKS_SECRET_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(ImproperlyConfigured, match="WEBHOOKS_SECRET_KEYS"):
        Subscription.objects.get(pk=subscription.pk)


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_the_secrets_already_stored(coordinator):
    executor = MigrationExecutor(connection)
    executor.migrate([("webhooks", "0001_initial")])
    old = (
        MigrationExecutor(connection)
        .loader.project_state([("webhooks", "0001_initial")])
        .apps.get_model("webhooks", "Subscription")
    )
    subscription = old.objects.create(
        owner_id=coordinator.pk, name="Diarium", target_url="https://93.184.215.14/", kinds=[],
        secret=SECRET,
    )  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes("webhooks"))

    assert SECRET not in stored_secret(subscription)
    assert Subscription.objects.get(pk=subscription.pk).secret == SECRET


def log(subscription, status, days_ago):
    delivery = Delivery.objects.create(
        subscription=subscription, event_id=uuid.uuid4(), kind="comment.answered",
        occurred_at=timezone.now(), record_type="agreements.comment", record_id=1, status=status,
    )  # fmt: skip
    created = timezone.now() - timedelta(days=days_ago)
    Delivery.objects.filter(pk=delivery.pk).update(created_at=created)
    return delivery


def test_pruning_forgets_finished_deliveries_older_than_the_setting(coordinator, settings):
    settings.WEBHOOKS_LOG_DAYS = 30
    subscription = subscribe(coordinator, "https://93.184.215.14/hooks", ["comment.answered"])
    Status = Delivery.Status
    old = [log(subscription, status, 31) for status in (Status.DELIVERED, Status.FAILED)]
    old.append(log(subscription, Status.WITHHELD, 400))
    kept = [log(subscription, Status.DELIVERED, 29), log(subscription, Status.PENDING, 31)]

    removed = deliveries.prune_log(batch_size=2)

    assert removed == len(old)
    assert set(Delivery.objects.values_list("pk", flat=True)) == {d.pk for d in kept}
    assert deliveries.prune_log() == 0  # a second run (the job ran twice) finds nothing


def test_pruning_is_a_scheduled_job():
    job, cron = django_settings.JOBS_SCHEDULE["webhook_log_pruning"]

    assert job == "webhooks.delivery.prune_log"
    assert cron == "45 3 * * *"
