"""The delivery jobs: create a delivery, send it (signed), log the answer, retry with backoff.

Every job here is idempotent: a delivery is made once per event and subscription, and an
attempt begins by claiming the delivery under a row lock, so a job that runs twice sends once.
"""

import json
import logging
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

import events
from jobs import queue
from webhooks import client, links, signing
from webhooks.models import Delivery, Subscription

log = logging.getLogger(__name__)
Status = Delivery.Status


def deliver(subscription_id, event_id, kind, record_type, record_id, occurred_at):
    """The job the listener queues: one delivery of one event to one subscription."""
    subscription = Subscription.objects.get(pk=subscription_id)
    delivery, _ = Delivery.objects.get_or_create(
        subscription=subscription,
        event_id=event_id,
        defaults={
            "kind": kind, "record_type": record_type, "record_id": record_id,
            "occurred_at": datetime.fromisoformat(occurred_at), "next_attempt_at": timezone.now(),
        },
    )  # fmt: skip
    send(delivery.pk)


def send(delivery_id):
    """One attempt: the owner's rule asked again now, then the signed POST, then the log."""
    delivery = claim(delivery_id)
    if delivery is None:
        return "not due"
    subscription = delivery.subscription
    record = load_record(delivery)
    if record is None or not events.can_view(subscription.owner, record):
        delivery.status, delivery.payload, delivery.next_attempt_at = Status.WITHHELD, None, None
        delivery.save(update_fields=["status", "payload", "next_attempt_at"])
        return "withheld"
    delivery.payload = payload(delivery, record)
    body = json.dumps(delivery.payload, ensure_ascii=False).encode()
    answer = client.post(subscription.target_url, body, request_headers(delivery, body))
    finish(delivery, answer)
    return delivery.status


def claim(delivery_id):
    """The delivery, marked as being sent, if it is due and its subscription active; else None."""
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(of=("self",))
            .select_related("subscription__owner")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or not delivery.subscription.active or not is_due(delivery, now):
            return None
        delivery.status, delivery.last_attempt_at = Status.SENDING, now
        delivery.attempts += 1
        delivery.save(update_fields=["status", "attempts", "last_attempt_at"])
    return delivery


def is_due(delivery, now):
    if delivery.status == Status.SENDING:
        return delivery.is_stale()  # its worker died while sending
    return delivery.status == Status.PENDING and (
        delivery.next_attempt_at is None or delivery.next_attempt_at <= now
    )


def load_record(delivery):
    try:
        model = apps.get_model(delivery.record_type)
    except (LookupError, ValueError):
        return None
    return model.objects.filter(pk=delivery.record_id).first()


def payload(delivery, record):
    """What the receiver gets: only what the owner may see (checked just before)."""
    api_url, summary = links.link_and_summary(record)
    with translation.override(settings.LANGUAGE_CODE):
        label = str(events.label(delivery.kind))
    return {
        "id": str(delivery.event_id),
        "event": delivery.kind,
        "event_label": label,
        "time": delivery.occurred_at.isoformat(),
        "record": {"type": delivery.record_type, "id": delivery.record_id, "api_url": api_url},
        "summary": summary,
    }


def request_headers(delivery, body):
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Overens-Webhooks/1",
        "X-Overens-Event": delivery.kind,
        "X-Overens-Delivery": str(delivery.event_id),
        **signing.headers(delivery.subscription.secret, body),
    }


def finish(delivery, answer):
    """Log the answer; on failure plan the next attempt, or give up, and count the failure."""
    delivery.response_status, delivery.duration_ms = answer.status, answer.duration_ms
    delivery.error, delivery.next_attempt_at = answer.error, None
    subscription = delivery.subscription
    if answer.ok:
        delivery.status = Status.DELIVERED
        subscription.record_success()
    else:
        switched_off = subscription.record_failure()
        delays = settings.WEBHOOKS_RETRY_DELAYS
        if subscription.active and delivery.attempts <= len(delays):
            delivery.status = Status.PENDING
            wait = delays[delivery.attempts - 1]
            delivery.next_attempt_at = timezone.now() + timedelta(seconds=wait)
        else:
            delivery.status = Status.FAILED
        if switched_off:
            tell_owner_switched_off(subscription, delivery)
    delivery.save()
    log.info(
        "webhook %s to subscription %s: %s in %s ms (%s)", delivery.kind, subscription.pk,
        answer.status or answer.error, answer.duration_ms, delivery.status,
    )  # fmt: skip


def send_due():
    """The scheduled job: queue an attempt for every delivery whose next try is due."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.WEBHOOKS_TIMEOUT * 3)
    due = Delivery.objects.filter(subscription__active=True).filter(
        Q(status=Status.PENDING, next_attempt_at__lte=now)
        | Q(status=Status.SENDING, last_attempt_at__lt=stale)
    )
    for delivery_id in due.values_list("pk", flat=True)[:500]:
        queue.enqueue(send, delivery_id)


def prune_log(batch_size=1000):
    """The nightly job: forget finished deliveries older than WEBHOOKS_LOG_DAYS, a batch at a
    time (short transactions). Those still to be sent stay, however old."""
    cutoff = timezone.now() - timedelta(days=settings.WEBHOOKS_LOG_DAYS)
    old = Delivery.objects.finished().filter(created_at__lt=cutoff).order_by()
    removed = 0
    while batch := list(old.values_list("pk", flat=True)[:batch_size]):
        removed += Delivery.objects.filter(pk__in=batch).delete()[0]
    return removed


def resend(delivery):
    """Send a delivery again by hand (page and API)."""
    delivery = delivery.resend()
    queue.enqueue(send, delivery.pk, record=delivery)
    return delivery


def tell_owner_switched_off(subscription, delivery):
    owner = subscription.owner
    if not owner.email:
        return
    context = {"subscription": subscription, "delivery": delivery, "site_url": settings.SITE_URL}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("webhooks/email/switched_off_subject.txt", context)
        body = render_to_string("webhooks/email/switched_off.txt", context)
    send_mail(" ".join(subject.split()), body, None, [owner.email])
