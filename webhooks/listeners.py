"""Something happened: queue one delivery job per subscription that wants to hear of it."""

import uuid

from django.dispatch import receiver
from django.utils import timezone

import events
from jobs import queue
from webhooks.models import Subscription


@receiver(events.happened, dispatch_uid="webhooks.queue_deliveries")
def queue_deliveries(sender, kind, record, actor, details, **kwargs):
    """Carry ids, not instances: the job reads the record again and asks the owner's rule
    at sending time."""
    subscriptions = Subscription.objects.listening_to(kind)
    if not subscriptions:
        return
    event_id, occurred_at = str(uuid.uuid4()), timezone.now().isoformat()
    for subscription in subscriptions:
        queue.enqueue(
            "webhooks.delivery.deliver",
            subscription.pk,
            event_id,
            kind,
            record._meta.label_lower,
            record.pk,
            occurred_at,
            record=record,
        )
