"""Deliveries to a real HTTP server: signed, logged, retried, switched off, never too much."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from agreements.models import Disposition
from tests.consultation.factories import make_agreement, make_party
from tests.factories import make_organisation
from tests.webhooks.conftest import SECRET, subscribe
from webhooks import delivery as deliveries
from webhooks import signing
from webhooks.models import Delivery

pytestmark = pytest.mark.django_db(transaction=True)


def answer(comment, coordinator):
    comment.answer(disposition=Disposition.ACCEPTED, reason="Vi gör så.", by=coordinator)


def test_an_answered_comment_reaches_the_coordinators_webhook_signed_and_verifiable(
    comment, coordinator, receiver
):
    subscription = subscribe(coordinator, receiver.url, ["comment.answered"])

    answer(comment, coordinator)

    [(headers, body)] = receiver.requests
    assert signing.verify(
        SECRET, body, headers["X-Overens-Timestamp"], headers["X-Overens-Signature"]
    )
    sent = json.loads(body)
    assert sent["event"] == "comment.answered" and sent["record"]["id"] == comment.pk
    assert sent["record"]["api_url"].endswith(
        f"/api/v1/agreements/lo/revisions/1/comments/{comment.pk}/"
    )
    assert sent["summary"] and sent["time"]
    assert headers["X-Overens-Event"] == "comment.answered"
    logged = subscription.deliveries.get()
    assert logged.status == Delivery.Status.DELIVERED and logged.response_status == 200
    assert logged.attempts == 1 and logged.duration_ms is not None


def test_a_subscription_hears_only_the_events_it_chose(comment, coordinator, receiver):
    subscribe(coordinator, receiver.url, ["minutes.approved"])

    answer(comment, coordinator)

    assert receiver.requests == []
    assert not Delivery.objects.exists()


def test_an_association_subscriber_gets_nothing_about_a_draft_it_cannot_read(
    municipality, coordinator, member, receiver
):
    draft = make_agreement(municipality, by=coordinator, slug="utkast", title="Hemligt utkast")
    mine = subscribe(coordinator, receiver.url, ["party.joined"], name="Samordnarens")
    theirs = subscribe(member, receiver.url, ["party.joined"], name="Föreningens")

    make_party(draft, make_organisation(name="Nya föreningen"), by=coordinator)

    assert len(receiver.requests) == 1  # the coordinator's only
    assert b"Hemligt utkast" in receiver.bodies[0]
    assert mine.deliveries.get().status == Delivery.Status.DELIVERED
    withheld = theirs.deliveries.get()
    assert withheld.status == Delivery.Status.WITHHELD and withheld.payload is None


def test_a_failing_target_is_retried_with_backoff_and_then_switched_off(
    comment, coordinator, receiver, settings
):
    settings.WEBHOOKS_SWITCH_OFF_AFTER = 3
    receiver.status = 500
    subscription = subscribe(coordinator, receiver.url, ["comment.answered"])

    answer(comment, coordinator)

    logged = subscription.deliveries.get()
    assert (logged.status, logged.attempts, logged.response_status) == ("pending", 1, 500)
    assert logged.next_attempt_at > timezone.now() + timedelta(seconds=50)
    deliveries.send_due()
    assert len(receiver.requests) == 1  # not due yet

    for _ in (2, 3):
        Delivery.objects.filter(pk=logged.pk).update(next_attempt_at=timezone.now())
        deliveries.send_due()
    assert len(receiver.requests) == 3

    logged.refresh_from_db()
    subscription.refresh_from_db()
    assert logged.status == Delivery.Status.FAILED and logged.next_attempt_at is None
    assert not subscription.active and subscription.switched_off_at
    [notice] = [message for message in mail.outbox if "Diarium" in message.subject]
    assert notice.to == [coordinator.email] and receiver.url in notice.body


def test_a_delivery_that_succeeds_on_retry_resets_the_count_of_failures(
    comment, coordinator, receiver
):
    receiver.status = 503
    subscription = subscribe(coordinator, receiver.url, ["comment.answered"])
    answer(comment, coordinator)

    receiver.status = 204
    Delivery.objects.update(next_attempt_at=timezone.now())
    deliveries.send_due()

    logged = subscription.deliveries.get()
    subscription.refresh_from_db()
    assert (logged.status, logged.attempts, logged.response_status) == ("delivered", 2, 204)
    assert subscription.failures == 0 and subscription.active


def test_a_redirect_is_not_followed(comment, coordinator, receiver):
    receiver.status, receiver.location = 302, "http://169.254.169.254/latest/meta-data/"
    subscription = subscribe(coordinator, receiver.url, ["comment.answered"])

    answer(comment, coordinator)

    logged = subscription.deliveries.get()
    assert logged.status == Delivery.Status.PENDING and logged.response_status == 302
    assert "redirect" in logged.error and len(receiver.requests) == 1


def test_a_slow_target_times_out_and_is_retried(comment, coordinator, receiver, settings):
    settings.WEBHOOKS_TIMEOUT = 0.3
    receiver.delay = 1
    subscription = subscribe(coordinator, receiver.url, ["comment.answered"])

    answer(comment, coordinator)

    logged = subscription.deliveries.get()
    assert logged.status == Delivery.Status.PENDING and logged.response_status is None
    assert "timed out" in logged.error.lower()


def test_a_target_that_became_private_is_refused_at_delivery(
    comment, coordinator, receiver, settings
):
    subscription = subscribe(coordinator, receiver.url, ["comment.answered"])
    settings.WEBHOOKS_ALLOWED_NETWORKS = []  # e.g. the administrator withdrew the allowance

    answer(comment, coordinator)

    assert receiver.requests == []
    assert subscription.deliveries.get().error.startswith("TargetRefused: 127.0.0.1")


def test_a_failed_delivery_can_be_sent_again_by_hand(comment, coordinator, receiver):
    receiver.status = 500
    subscription = subscribe(coordinator, receiver.url, ["comment.answered"])
    answer(comment, coordinator)
    receiver.status = 200

    deliveries.resend(subscription.deliveries.get())

    logged = subscription.deliveries.get()
    assert logged.status == Delivery.Status.DELIVERED and len(receiver.requests) == 2


def test_a_job_that_runs_twice_sends_once(comment, coordinator, receiver):
    subscription = subscribe(coordinator, receiver.url, ["comment.answered"])
    answer(comment, coordinator)
    logged = subscription.deliveries.get()

    deliveries.deliver(
        subscription.pk, str(logged.event_id), logged.kind, logged.record_type,
        logged.record_id, logged.occurred_at.isoformat(),
    )  # fmt: skip

    assert len(receiver.requests) == 1 and subscription.deliveries.count() == 1
