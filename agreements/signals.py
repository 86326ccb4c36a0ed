"""Recompute an agreement's grants whenever the data behind its rules changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from agreements.models import Agreement, Party, Revision
from agreements.permissions import sync_agreement_permissions
from organisations.models import Organisation


def _sync(agreement_id, organisations=None):
    # Immediately, inside the caller's transaction, so the grants commit or roll back with
    # the change itself and no request can see parties without their permissions.
    agreement = Agreement.objects.filter(pk=agreement_id).select_related("municipality").first()
    if agreement is not None:
        sync_agreement_permissions(agreement, organisations)


@receiver(post_save, sender=Agreement)
def agreement_saved(sender, instance, created, **kwargs):
    if created:
        _sync(instance.pk)


@receiver(post_save, sender=Party)
@receiver(post_delete, sender=Party)
def party_changed(sender, instance, **kwargs):
    # Only this party's organisation's grants can change: the others' are left alone.
    _sync(instance.agreement_id, [instance.organisation])


@receiver(post_save, sender=Revision)
def revision_saved(sender, instance, **kwargs):
    # The first publication opens the agreement to all parties and the municipality's staff.
    if instance.state == Revision.State.PUBLISHED and instance.number == 1:
        _sync(instance.agreement_id)


@receiver(post_save, sender=Organisation)
def organisation_saved(sender, instance, created, **kwargs):
    # A new department brings staff who read the municipality's agreements.
    if created and instance.parent_id and instance.kind == Organisation.Kind.DEPARTMENT:
        for agreement in Agreement.objects.filter(municipality_id=instance.parent_id):
            _sync(agreement.pk, [instance])
