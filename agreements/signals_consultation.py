"""Consultation follows the agreement's timeline: when a revision is published (the
CONSULTATION_OPENED event, written after its sections are stored), the previous
revision's comments are carried over and the parties are told, once the change commits."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from agreements.carryover import carry_over
from agreements.models import Event
from jobs import queue


@receiver(post_save, sender=Event)
def consultation_opened(sender, instance, created, **kwargs):
    if not created or instance.kind != Event.Kind.CONSULTATION_OPENED or not instance.revision_id:
        return
    carry_over(instance.revision)
    revision_id = instance.revision_id
    transaction.on_commit(lambda: _notify_opened(revision_id))


def _notify_opened(revision_id):
    # One job fans out to the parties' members (one e-mail job each): opening a
    # consultation takes the same time for ten recipients as for a thousand.
    queue.enqueue("agreements.notifications.notify_consultation_opened", revision_id)
