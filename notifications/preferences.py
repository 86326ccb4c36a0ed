"""Who wants to hear of which kind, how: at once, in a daily or weekly digest, or only in the app.

Every notification is listed in the app; the choice decides the e-mail. A person without a
saved choice gets the kind's default below: at once for what asks something of them or
answers them, a digest for news about agreements and forums.
"""

from django.db import transaction

from notifications.models import Delivery, Setting

KINDS = {
    "consultation.opened": Delivery.AT_ONCE,
    "consultation.closed": Delivery.DAILY,
    "agreement.adopted": Delivery.DAILY,
    "agreement.status_changed": Delivery.WEEKLY,
    "party.joined": Delivery.AT_ONCE,
    "comment.received": Delivery.DAILY,
    "comment.answered": Delivery.AT_ONCE,
    "meeting.notice_sent": Delivery.AT_ONCE,
    "meeting.cancelled": Delivery.AT_ONCE,
    "minutes.sent_for_approval": Delivery.AT_ONCE,
    "minutes.approved": Delivery.WEEKLY,
    "action_item.assigned": Delivery.AT_ONCE,
}

# Kinds whose "at once" e-mail is the app's own (with its details, e.g. a calendar file):
# the notification centre sends no second one, and those e-mails ask `wants_at_once`.
EMAILED_BY_THEIR_APP = {
    "consultation.opened",
    "comment.answered",
    "meeting.notice_sent",
    "meeting.cancelled",
    "minutes.sent_for_approval",
}


def deliveries(user):
    """{kind: delivery} for every kind, the person's saved choices over the defaults."""
    saved = dict(Setting.objects.filter(user=user, kind__in=KINDS).values_list("kind", "delivery"))
    return {kind: saved.get(kind, default) for kind, default in KINDS.items()}


def delivery(user, kind):
    saved = Setting.objects.filter(user=user, kind=kind).values_list("delivery", flat=True)
    return saved.first() or KINDS.get(kind, Delivery.OFF)


def wants_at_once(user, kind):
    """Whether `user` wants an e-mail about `kind` as soon as it happens."""
    return delivery(user, kind) == Delivery.AT_ONCE


@transaction.atomic
def save(user, choices):
    """Store {kind: delivery} for `user` in one statement: twenty saves at once leave one
    choice per kind (the last), never an error."""
    Setting.objects.bulk_create(
        [Setting(user=user, kind=kind, delivery=value) for kind, value in choices.items()],
        update_conflicts=True,
        unique_fields=["user", "kind"],
        update_fields=["delivery"],
    )
