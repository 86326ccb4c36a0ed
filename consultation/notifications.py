"""Consultation e-mails through Django's e-mail API.

Recipients are recomputed at sending time from the rules: members of the revision's
active party organisations who may see the revision (agreements.permissions), have an
e-mail address and have not switched the e-mail off. Opening and closing e-mails are
recorded in NotificationSent, so running a step twice sends nothing twice.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from agreements.models import (
    Comment,
    Invitation,
    NotificationPreference,
    NotificationSent,
    Revision,
)
from consultation.permissions import can_view_comments
from notifications import preferences as notification_preferences
from organisations.models import Membership

REMINDER_BEFORE = timedelta(days=3)
PREFERENCE_FOR = {
    NotificationSent.Kind.OPENED: "consultation_opened",
    NotificationSent.Kind.CLOSING: "consultation_closing",
}


# E-mails about events follow the person's choice in the notification centre; the closing
# reminder, which is no event, keeps its own switch here.
EVENT_OF = {"consultation_opened": "consultation.opened", "comment_answered": "comment.answered"}


def wants(user, preference):
    if preference in EVENT_OF:
        return notification_preferences.wants_at_once(user, EVENT_OF[preference])
    return getattr(NotificationPreference.for_user(user), preference)


def party_members(revision):
    """Active users in the revision's active party organisations and its invited organisations
    who may see the consultation."""
    organisations = revision.agreement.parties.active().values("organisation")
    invited = revision.invitations.values("organisation")
    users = _members(Q(organisation__in=organisations) | Q(organisation__in=invited))
    return [user for user in users if can_view_comments(user, revision)]


def _members(where):
    memberships = Membership.objects.filter(where).values("user")
    users = get_user_model().objects.filter(is_active=True, pk__in=memberships).exclude(email="")
    return users.order_by("pk")


def _send(user, template, context):
    with translation.override(settings.LANGUAGE_CODE):
        context = {"user": user, "site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"consultation/email/{template}_subject.txt", context)
        body = render_to_string(f"consultation/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def _notify_parties(revision, kind):
    already = set(
        NotificationSent.objects.filter(revision=revision, kind=kind).values_list("user", flat=True)
    )
    sent = 0
    for user in party_members(revision):
        if user.pk in already or not wants(user, PREFERENCE_FOR[kind]):
            continue
        _send(user, kind, {"revision": revision, "agreement": revision.agreement})
        NotificationSent.objects.create(revision=revision, user=user, kind=kind)
        sent += 1
    return sent


def notify_consultation_opened(revision_id):
    revision = Revision.objects.select_related("agreement").get(pk=revision_id)
    if not revision.consultation_is_open:
        return 0
    return _notify_parties(revision, NotificationSent.Kind.OPENED)


def send_closing_reminders(now=None):
    """Remind party members of every consultation closing within three days; returns a count."""
    now = now or timezone.now()
    revisions = (
        Revision.objects.open(now)
        .filter(consultation_closes_at__lte=now + REMINDER_BEFORE)
        .select_related("agreement")
    )
    return sum(_notify_parties(revision, NotificationSent.Kind.CLOSING) for revision in revisions)


def send_invitation_reminders(revision_id, stamp):
    """The job behind `remind_waiting`: remind the members of each invited body reminded at
    `stamp` that has still neither answered nor declined. A second run sends nothing again:
    each invitation is marked when its e-mails are queued."""
    revision = Revision.objects.select_related("agreement").get(pk=revision_id)
    if not revision.consultation_is_open:
        return 0
    stamp = datetime.fromisoformat(stamp)
    due = (
        revision.invitations.waiting()
        .filter(reminded_at=stamp)
        .exclude(reminder_sent_at__gte=stamp)
        .select_related("organisation")
    )
    sent = 0
    for invitation in due:
        for user in _members(Q(organisation=invitation.organisation)):
            if can_view_comments(user, revision):
                _send(user, "invited_reminder", {
                    "revision": revision, "agreement": revision.agreement,
                    "organisation": invitation.organisation,
                })  # fmt: skip
                sent += 1
        Invitation.objects.filter(pk=invitation.pk).update(reminder_sent_at=timezone.now())
    return sent


def send_answered_notice(comment_id):
    """The job `Comment.answer` queues: tell the author about the response."""
    comment = Comment.objects.select_related("author", "revision__agreement").filter(pk=comment_id)
    comment = comment.first()
    return comment is not None and notify_comment_answered(comment)


def notify_comment_answered(comment):
    """Tell the author their comment was answered, if they still may see it and want to know."""
    author, revision = comment.author, comment.revision
    if author is None or not author.is_active or not author.email:
        return False
    if not can_view_comments(author, revision) or not wants(author, "comment_answered"):
        return False
    _send(author, "answered", {"comment": comment, "revision": revision})
    return True
