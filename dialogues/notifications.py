"""Every e-mail of the dialogues passes through `send`: notices (kallelser) and their updates
with an .ics file, calling-off, approval requests, and the scheduled reminders.

`send` re-checks at sending time that the recipient may still see the record, and records
each e-mail by a key (SentEmail), so a job that runs twice sends nothing twice. Messages go
through Django's e-mail API; the EMAIL_BACKEND puts them on the job queue.

Scheduled (each returns how many e-mails it sent; run by the management commands of the
same names):
- `send_notice_updates(now)`: every few minutes; an update once time, place or agenda have
  rested for QUIET after a change, so a burst of edits makes one e-mail.
- `send_minutes_approval_reminders(now)`: daily; two days before the deadline, and once
  when it has passed.
- `send_action_item_reminders(now)`: daily; a week before the due date, and once overdue.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from dialogues import ical, permissions
from dialogues.models import ActionItem, Meeting, SentEmail
from notifications import preferences
from organisations.models import Membership

QUIET = datetime.timedelta(minutes=10)
APPROVAL_REMINDER_BEFORE = datetime.timedelta(days=2)
ACTION_REMINDER_BEFORE = datetime.timedelta(days=7)

MEETING_KINDS = {"notice", "notice_update", "cancelled"}
APPROVAL_KINDS = {"approval_request", "approval_reminder", "approval_overdue"}
ACTION_KINDS = {"action_due_soon", "action_overdue"}
# E-mails about events follow the person's choice in the notification centre (at once, in a
# digest, or not at all); reminders are no events and always go.
EVENT_OF = {
    "notice": "meeting.notice_sent",
    "notice_update": "meeting.notice_sent",
    "cancelled": "meeting.cancelled",
    "approval_request": "minutes.sent_for_approval",
}


def may_receive(user, kind, record):
    """The recipient may still see what the e-mail is about (the pages' rules)."""
    if not user.is_active or not user.email:
        return False
    if kind in ACTION_KINDS:
        return permissions.can_view_action_item(user, record)
    rights = permissions.access(user, record.forum)
    if kind in APPROVAL_KINDS:
        return permissions.can_approve_minutes(user, record) and rights.view
    return rights.any


def send(user, kind, record, *, key, context=None, attachments=()):
    """E-mail `user` about `record` (a meeting or an action item) once per `key`; returns
    whether it was sent. The one door for every e-mail of the dialogues."""
    if kind not in MEETING_KINDS | APPROVAL_KINDS | ACTION_KINDS:
        raise ValueError(kind)
    if not may_receive(user, kind, record):
        return False
    if kind in EVENT_OF and not preferences.wants_at_once(user, EVENT_OF[kind]):
        return False
    try:
        with transaction.atomic():
            sent = SentEmail.objects.create(user=user, key=key, kind=kind)
    except IntegrityError:
        return False  # sent before
    try:
        _deliver(user, kind, record, context or {}, attachments)
    except Exception:
        sent.delete()  # so a retry sends it
        raise
    return True


def _deliver(user, kind, record, context, attachments):
    context = {"user": user, "record": record, "site_url": settings.SITE_URL, **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"dialogues/email/{kind}_subject.txt", context)
        body = render_to_string(f"dialogues/email/{kind}.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, None, [user.email])
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


def _url(record):
    return settings.SITE_URL + record.get_absolute_url()


# --- notices --------------------------------------------------------------------------


def notice_recipients(meeting):
    """People of the member organisations, and the forum's chair and secretary."""
    forum = meeting.forum
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    members = users.filter(memberships__organisation__forum_memberships__forum=forum)
    named = users.filter(pk__in=[forum.chair_id, forum.secretary_id])
    return list((members | named).distinct().order_by("pk"))


def _meeting(meeting_id):
    return (
        Meeting.objects.select_related("forum__organiser", "forum__chair", "forum__secretary")
        .prefetch_related("agenda_items__presenter")
        .filter(pk=meeting_id)
        .first()
    )


def notify_notice(meeting_id, sequence):
    """The notice (sequence 0) or its update, with the meeting as an .ics file."""
    meeting = _meeting(meeting_id)
    if meeting is None or meeting.is_cancelled or meeting.notice_sequence != sequence:
        return 0  # called off, or a later update replaces this one
    kind = "notice_update" if sequence else "notice"
    agenda = list(meeting.agenda_items.all())
    calendar = ical.meeting_calendar(meeting, _url(meeting), method="REQUEST", agenda=agenda)
    context = {"meeting": meeting, "agenda": agenda, "url": _url(meeting)}
    attachment = (f"{meeting.forum.slug}-{meeting.reference.replace('/', '-')}.ics", calendar,
                  "text/calendar; method=REQUEST")  # fmt: skip
    return sum(
        send(
            user,
            kind,
            meeting,
            key=f"notice:{meeting.pk}:{sequence}",
            context=context,
            attachments=[attachment],
        )  # fmt: skip
        for user in notice_recipients(meeting)
    )


def notify_cancelled(meeting_id):
    """Tell those who got the notice that the meeting is called off (.ics METHOD:CANCEL)."""
    meeting = _meeting(meeting_id)
    if meeting is None or not meeting.is_cancelled:
        return 0
    calendar = ical.meeting_calendar(meeting, _url(meeting), method="CANCEL")
    attachment = ("cancelled.ics", calendar, "text/calendar; method=CANCEL")
    key = f"cancelled:{meeting.pk}:{meeting.notice_sequence}"
    context = {"meeting": meeting, "url": _url(meeting)}
    return sum(
        send(user, "cancelled", meeting, key=key, context=context, attachments=[attachment])
        for user in notice_recipients(meeting)
    )


def send_notice_updates(now=None):
    """Send the updated notice of each planned meeting whose time, place or agenda changed
    at least QUIET ago; returns how many meetings were updated."""
    now = now or timezone.now()
    due = Meeting.objects.filter(
        status=Meeting.Status.PLANNED,
        notice_sent_at__isnull=False,
        notice_changed_at__lte=now - QUIET,
        ends_at__gte=now,
    ).select_related("forum")
    count = 0
    for meeting in due:
        meeting.send_notice(by=None)
        count += 1
    return count


# --- approval of the minutes ------------------------------------------------------------


def _approval_meeting(meeting_id):
    return (
        Meeting.objects.select_related("forum__organiser")
        .prefetch_related("attendances__user", "attendances__organisation")
        .filter(pk=meeting_id)
        .first()
    )


def _to_approvers(meeting, kind, key):
    context = {"meeting": meeting, "url": _url(meeting) + "#minutes"}
    rows = [row for row in meeting.approver_rows() if row.approved_at is None]
    return sum(send(row.user, kind, meeting, key=key, context=context) for row in rows)


def _round(meeting):
    """One sending for approval (the minutes may be taken back and sent again)."""
    return int(meeting.minutes_sent_at.timestamp())


def request_approval(meeting_id, version):
    meeting = _approval_meeting(meeting_id)
    if meeting is None or meeting.minutes_status != Meeting.MinutesStatus.CHECKING:
        return 0
    if meeting.minutes_version != version:
        return 0
    return _to_approvers(meeting, "approval_request", f"approval:{meeting.pk}:{_round(meeting)}")


def send_minutes_approval_reminders(now=None):
    """Remind approvers two days before the deadline and once after it; returns a count."""
    today = timezone.localdate(now or timezone.now())
    meetings = Meeting.objects.filter(
        minutes_status=Meeting.MinutesStatus.CHECKING,
        approval_deadline__lte=today + APPROVAL_REMINDER_BEFORE,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in meetings:
        meeting = _approval_meeting(pk)
        overdue = meeting.approval_deadline < today
        kind = "approval_overdue" if overdue else "approval_reminder"
        sent += _to_approvers(meeting, kind, f"{kind}:{meeting.pk}:{_round(meeting)}")
    return sent


# --- action items -------------------------------------------------------------------------


def action_item_recipients(item):
    """The responsible person; without one, the owning organisation's coordinators."""
    if item.responsible_id:
        return [item.responsible]
    coordinators = Membership.objects.filter(
        organisation_id=item.owner_id, role=Membership.Role.COORDINATOR
    ).select_related("user")
    return [membership.user for membership in coordinators]


def send_action_item_reminders(now=None):
    """Remind owners a week before the due date and once when overdue; returns a count."""
    today = timezone.localdate(now or timezone.now())
    items = (
        ActionItem.objects.unfinished()
        .filter(due_date__lte=today + ACTION_REMINDER_BEFORE)
        .select_related("meeting__forum", "owner", "responsible")
    )
    sent = 0
    for item in items:
        kind = "action_overdue" if item.due_date < today else "action_due_soon"
        context = {"item": item, "url": _url(item), "days": (today - item.due_date).days}
        for user in action_item_recipients(item):
            key = f"{kind}:{item.pk}:{item.due_date.isoformat()}"
            sent += send(user, kind, item, key=key, context=context)
    return sent
