from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

import events
from jobs import queue
from organisations import permissions
from organisations.models import Application, Membership, Organisation


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender, instance, **kwargs):
    user = get_user_model().objects.filter(pk=instance.user_id).first()
    if user is not None:  # the user may be the one being deleted
        permissions.sync_user_groups(user)


@receiver(post_save, sender=Organisation)
def organisation_saved(sender, instance, created, **kwargs):
    if created and instance.kind == Organisation.Kind.MUNICIPALITY:
        # A new municipality brings new coordinators who see every member list.
        permissions.sync_all_organisation_permissions()
    elif created:
        permissions.sync_organisation_permissions(instance)


@receiver(events.happened, sender=Application)
def application_happened(sender, kind, record, **kwargs):
    job = {
        "application.received": "organisations.mail.application_received",
        "application.decided": "organisations.mail.application_decided",
    }[kind]
    queue.enqueue(job, record.pk, record=record)
