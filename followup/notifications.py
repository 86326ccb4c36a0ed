"""Reminders of the yearly follow-up (scheduled daily as `followup_reminders`).

A week before the deadline, every organisation that has not reported gets one reminder:
its members who may still report. The task row is stamped under its lock in the same
transaction that queues the e-mails, so a job that runs twice sends nothing twice.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from followup.models import FollowUpRound, ReportTask
from organisations.models import Membership

REMIND_BEFORE = datetime.timedelta(days=7)


def recipients(task):
    memberships = Membership.objects.filter(
        organisation=task.organisation, user__is_active=True
    ).exclude(user__email="")
    return sorted({m.user.email for m in memberships.select_related("user")})


def _remind(task_id, now):
    with transaction.atomic():
        task = (
            ReportTask.objects.select_for_update()
            .select_related("round__plan__agreement", "organisation")
            .get(pk=task_id)
        )
        if task.reminded_at or task.reported_at:
            return 0
        task.reminded_at = now
        task.save(update_fields=["reminded_at"])
        to = recipients(task)
        if not to:
            return 0
        context = {
            "task": task,
            "round": task.round,
            "url": settings.SITE_URL + task.round.get_absolute_url(),
        }
        with translation.override(settings.LANGUAGE_CODE):
            subject = render_to_string("followup/email/reminder_subject.txt", context)
            body = render_to_string("followup/email/reminder.txt", context)
        send_mail(" ".join(subject.split()), body, None, to)
        return 1


def send_reminders(now=None):
    """Remind organisations that have not reported, a week before the deadline; a count."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    tasks = ReportTask.objects.filter(
        round__status=FollowUpRound.Status.OPEN,
        round__deadline__gte=today,
        round__deadline__lte=today + REMIND_BEFORE,
        reported_at__isnull=True,
        reminded_at__isnull=True,
    ).values_list("pk", flat=True)
    return sum(_remind(pk, now) for pk in list(tasks))
