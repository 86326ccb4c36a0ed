"""The notification centre's e-mails: one at once, or a digest of a day or a week.

Digests are sent by scheduled jobs (settings.JOBS_SCHEDULE: `notification_digest_daily`,
`notification_digest_weekly`). Each person gets at most one digest per period (`Digest`), of
the notifications of that period whose kind they chose for it, and only those whose record
they may still see at sending time.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from notifications import preferences
from notifications.models import Delivery, Digest, Notification
from notifications.rows import Row, rows

PERIODS = {Delivery.DAILY: datetime.timedelta(days=1), Delivery.WEEKLY: datetime.timedelta(days=7)}


def send(user, template, context):
    """Render `notifications/email/<template>` in the site's language and send it (queued)."""
    context = {
        "user": user,
        "site_url": settings.SITE_URL,
        "site_name": settings.SITE_NAME,
        **context,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"notifications/email/{template}_subject.txt", context)
        body = render_to_string(f"notifications/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def send_at_once(user, notification, record):
    """E-mail one notification now, if the person wants it so and its app sends none of its
    own; `record` is one the caller has just checked they may see."""
    kind = notification.kind
    if not user.email or kind in preferences.EMAILED_BY_THEIR_APP:
        return
    if preferences.wants_at_once(user, kind):
        send(user, "at_once", {"row": Row(notification, record)})


def send_daily(now=None):
    return send_digests(Delivery.DAILY, now)


def send_weekly(now=None):
    return send_digests(Delivery.WEEKLY, now)


def send_digests(frequency, now=None):
    """One digest per person of the period that ended at the last midnight; returns a count."""
    end = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    start = end - PERIODS[frequency]
    period = Notification.objects.filter(created_at__gte=start, created_at__lt=end)
    people = (
        get_user_model()
        .objects.filter(pk__in=period.values("user"), is_active=True)
        .exclude(email="")
    )
    return sum(_digest(user, frequency, period, end) for user in people.order_by("pk"))


def _digest(user, frequency, period, end):
    kinds = [kind for kind, way in preferences.deliveries(user).items() if way == frequency]
    visible = [row for row in rows(user, period.filter(user=user, kind__in=kinds)) if row.visible]
    if not visible:
        return 0
    try:
        with transaction.atomic():
            Digest.objects.create(user=user, frequency=frequency, period_end=end)
            # The e-mail is queued in this transaction: it exists only with its Digest row.
            send(user, "digest", {"rows": visible, "frequency": frequency})
    except IntegrityError:  # sent before
        return 0
    return 1
