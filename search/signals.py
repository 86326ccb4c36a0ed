"""Reindex after commit when a searchable record, or who may view it, changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from attachments.signals import attachment_changed, attachment_removed
from organisations.permissions import grants_changed
from search import indexing, registry


@receiver(post_save, dispatch_uid="search-record-saved")
@receiver(post_delete, dispatch_uid="search-record-deleted")
def record_changed(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: `search_index update` catches up afterwards
        return
    if registry.adapters_for(sender):
        indexing.schedule(instance)
    for records in registry.watchers(sender):
        indexing.schedule_records(records(instance))


@receiver(grants_changed, dispatch_uid="search-grants-changed")
def grants_changed_on(sender, obj, **kwargs):
    # Same path as a save: the record's documents carry its grants, and the
    # records depending on it (related/watch) carry them too.
    record_changed(sender, obj)


@receiver(attachment_changed, dispatch_uid="search-attachment-changed")
def attachment_text_changed(sender, attachment, **kwargs):
    # Sent after commit when the text was read or the file superseded; post_save has
    # usually queued it already, and writing is idempotent.
    indexing.schedule(attachment)


@receiver(attachment_removed, dispatch_uid="search-attachment-removed")
def attachment_gone(sender, attachment_id, attachment, **kwargs):
    indexing.schedule_removal(attachment, attachment_id)
