"""Every event reaches the notification centre through a job: never work in the request."""

import uuid

from django.dispatch import receiver

import events
from jobs import queue


@receiver(events.happened)
def queue_notifications(sender, kind, record, actor, details, **kwargs):
    queue.enqueue(
        "notifications.delivery.notify",
        kind,
        record._meta.label_lower,
        record.pk,
        getattr(actor, "pk", None),
        uuid.uuid4().hex,  # this occurrence: a job that runs twice tells nobody twice
        record=record,
    )
