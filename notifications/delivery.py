"""Who is told what: the people concerned by each kind of event, asked again in the job.

Recipients are computed from the data when the job runs, and each is checked with the
record's own rule (`events.can_view`): nobody is told about a record they may not see.
Whoever caused the event is not told about it. Each notification is listed in the app; its
e-mail follows the person's choice for the kind (notifications/preferences.py).
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

import events
from notifications import email
from notifications.models import Notification
from organisations.models import Membership


def notify(kind, model_label, pk, actor_id, occurrence):
    """Create the in-app notifications of one event; returns how many were made."""
    model = apps.get_model(model_label)
    record = model.objects.filter(pk=pk).first()
    recipients = RECIPIENTS.get(kind)
    if record is None or recipients is None:
        return 0
    content_type = ContentType.objects.get_for_model(model)
    made = 0
    for user in recipients(record):
        if user.pk == actor_id or not user.is_active or not events.can_view(user, record):
            continue
        made += _create(user, kind, content_type, record, occurrence)
    return made


def _create(user, kind, content_type, record, occurrence):
    """Store the notification and, if the person wants it so, queue its e-mail with it."""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user,
                kind=kind,
                content_type=content_type,
                object_id=record.pk,
                event_key=f"{kind}:{occurrence}",
            )
            email.send_at_once(user, notification, record)
    except IntegrityError:  # the job ran before: already told
        return 0
    return 1


# --- the people concerned -------------------------------------------------------------


def _users(**lookup):
    return get_user_model().objects.filter(is_active=True, **lookup).distinct().order_by("pk")


def party_members(agreement):
    """People of the agreement's active party organisations."""
    organisations = agreement.parties.active().values("organisation")
    return _users(memberships__organisation__in=organisations)


def coordinators_of(organisation_id):
    return _users(
        memberships__organisation_id=organisation_id,
        memberships__role=Membership.Role.COORDINATOR,
    )


def forum_people(forum):
    """People of the member organisations and the organiser."""
    organisations = [forum.organiser_id, *forum.members.values_list("organisation", flat=True)]
    return _users(memberships__organisation__in=organisations)


def approvers_to_come(meeting):
    return _users(
        attendances__meeting=meeting,
        attendances__is_approver=True,
        attendances__approved_at__isnull=True,
    )


def action_item_people(item):
    from dialogues.notifications import action_item_recipients

    return action_item_recipients(item)


def _comment_author(comment):
    return [comment.author] if comment.author else []


RECIPIENTS = {
    # revision.published comes with consultation.opened: one notification is enough.
    "consultation.opened": lambda revision: party_members(revision.agreement),
    "consultation.closed": lambda revision: party_members(revision.agreement),
    "agreement.adopted": lambda revision: party_members(revision.agreement),
    "agreement.status_changed": party_members,
    "party.joined": lambda party: coordinators_of(party.organisation_id),
    "comment.received": lambda comment: coordinators_of(comment.revision.agreement.municipality_id),
    "comment.answered": _comment_author,
    "meeting.notice_sent": lambda meeting: forum_people(meeting.forum),
    "meeting.cancelled": lambda meeting: forum_people(meeting.forum),
    "minutes.sent_for_approval": approvers_to_come,
    "minutes.approved": lambda meeting: forum_people(meeting.forum),
    "action_item.assigned": action_item_people,
}
