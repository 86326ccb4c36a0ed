"""The event hub: a catalogue of kinds, the records that take part, and one signal."""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)

# Sent after the change commits: sender is the record's model class; keyword arguments are
# kind (str, a key of KINDS), record (the model instance), actor (user or None) and details
# (dict of plain values).
happened = Signal()

# Every kind Överens can tell about. Listeners and subscriptions choose among these; a kind
# is added here (with its label) before any code emits it.
KINDS = {
    "revision.published": _("A revision was published"),
    "consultation.opened": _("A consultation opened"),
    "consultation.closed": _("A consultation closed"),
    "comment.received": _("A comment was received"),
    "comment.answered": _("A comment was answered"),
    "agreement.adopted": _("An agreement was adopted"),
    "agreement.status_changed": _("An agreement changed status"),
    "party.joined": _("A party joined"),
    "party.signed": _("A party signed"),
    "party.left": _("A party left"),
    "meeting.notice_sent": _("A meeting notice was sent"),
    "meeting.cancelled": _("A meeting was cancelled"),
    "minutes.sent_for_approval": _("Minutes were sent for approval"),
    "minutes.approved": _("Minutes were approved"),
    "action_item.assigned": _("An action item was assigned"),
    "followup.opened": _("A follow-up round opened"),
    "followup.published": _("A follow-up report was published"),
    "application.received": _("An application to join was received"),
    "application.decided": _("An application to join was decided"),
    "document.registered": _("A document was registered"),
    "document_request.received": _("A request for a document was received"),
    "document_request.answered": _("A request for a document was answered"),
}


def kinds():
    """(key, label) pairs of every kind, in catalogue order (for forms and schemas)."""
    return list(KINDS.items())


def label(kind):
    return KINDS[kind]


@dataclass(frozen=True)
class Registration:
    model: type
    can_view: object  # (user, record) -> bool: the record type's own rule
    agreement: object  # (record) -> Agreement or None: whose timeline/parties it belongs to
    visible: object = None  # (user, queryset) -> queryset: the same rule over many rows


_registry = {}


def register(model, *, can_view, agreement=None, visible=None):
    """Let `model` be the record of events, with its app's own visibility rule.

    Called once per model in its app's AppConfig.ready(), like the attachments and search
    registries. `can_view` is the same rule the model's views and API use; `visible`, when
    given, is that rule as a queryset filter, so a list of many records asks it once.
    """
    _registry[model._meta.label_lower] = Registration(model, can_view, agreement or _none, visible)


def _none(record):
    return None


def registration_for(record):
    return _registry.get(record._meta.label_lower)


def can_view(user, record):
    """The record's own rule, asked again at the moment something is sent about it.

    A record that no longer exists (deleted since) or whose type is not registered is
    visible to nobody.
    """
    registration = registration_for(record)
    if registration is None:
        return False
    if record.pk is None or not registration.model.objects.filter(pk=record.pk).exists():
        return False
    return bool(registration.can_view(user, record))


def visible_records(user, model, pks):
    """{pk: record} of the records of `model` with these pks that `user` may see now.

    One query for a type registered with `visible`; otherwise `can_view` per record. Deleted
    records and unregistered types are visible to nobody, as in `can_view`.
    """
    registration = _registry.get(model._meta.label_lower)
    if registration is None:
        return {}
    queryset = model._default_manager.filter(pk__in=pks)
    if registration.visible is not None:
        return {record.pk: record for record in registration.visible(user, queryset)}
    return {record.pk: record for record in queryset if registration.can_view(user, record)}


def emit(kind, record, *, actor=None, **details):
    """Tell listeners that `kind` happened to `record`, once the current transaction commits.

    Nothing is sent if the transaction rolls back. A failing listener is logged and does not
    fail the change that already committed.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown event kind {kind!r}; add it to events.hub.KINDS.")
    if registration_for(record) is None:
        raise ValueError(f"{record._meta.label} is not registered with events.register().")
    transaction.on_commit(lambda: _send(kind, record, actor, details), robust=True)


def _send(kind, record, actor, details):
    results = happened.send_robust(
        sender=type(record), kind=kind, record=record, actor=actor, details=details
    )
    for receiver, result in results:
        if isinstance(result, Exception):
            log.error(
                "event listener failed",
                exc_info=result,
                extra={"event": kind, "listener": getattr(receiver, "__qualname__", receiver)},
            )
