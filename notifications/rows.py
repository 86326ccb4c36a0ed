"""Notifications as their reader may see them now, with the records asked in batches."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

import events


class Row:
    """A notification and its record, which is None when the reader may no longer see it."""

    def __init__(self, notification, record):
        self.notification = notification
        self.record = record
        self.visible = record is not None
        self.label = events.hub.KINDS.get(notification.kind, "")


def rows(user, notifications):
    """One Row per notification; the records' rules are asked once per record type
    (events.visible_records), so a page of 50 costs what a page of 5 does."""
    notifications = list(notifications)
    wanted = defaultdict(set)
    for notification in notifications:
        wanted[notification.content_type_id].add(notification.object_id)
    records = {
        type_id: events.visible_records(
            user, ContentType.objects.get_for_id(type_id).model_class(), pks
        )
        for type_id, pks in wanted.items()
    }
    return [Row(n, records[n.content_type_id].get(n.object_id)) for n in notifications]
