"""The date policy: how every date of Överens reads, in one place.

Text says "2 december 2026" (English "2 December 2026"); tables and lists say "2 dec. 2026"
("2 Dec 2026"); machines (CSV, the API, `<time datetime>`) get ISO 8601. Templates use these
through the filters of `core.templatetags.dates`, loaded on every page, so no page can drift;
`tests/test_dates.py` refuses a template that formats a date by hand.
"""

import datetime

from django.utils import timezone
from django.utils.dateformat import format as django_format
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext, pgettext_lazy

# Swedish abbreviates only the long month names, with a full stop ("dec.", but "maj", "juni");
# Django's own abbreviations are capitalised in Swedish ("Maj") and have no full stop.
SHORT_MONTHS = (
    pgettext_lazy("short month", "Jan"),
    pgettext_lazy("short month", "Feb"),
    pgettext_lazy("short month", "Mar"),
    pgettext_lazy("short month", "Apr"),
    pgettext_lazy("short month", "May"),
    pgettext_lazy("short month", "Jun"),
    pgettext_lazy("short month", "Jul"),
    pgettext_lazy("short month", "Aug"),
    pgettext_lazy("short month", "Sep"),
    pgettext_lazy("short month", "Oct"),
    pgettext_lazy("short month", "Nov"),
    pgettext_lazy("short month", "Dec"),
)


def _local(value):
    """The day and time as read in the installation's time zone (a date stays a date).

    An ISO 8601 string (as kept in an event's JSON details) is read first.
    """
    if isinstance(value, str):
        value = parse_datetime(value) or parse_date(value)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _with_time(day, value):
    # Translators: a date and a time of day, e.g. "2 December 2026, 14:30".
    return gettext("%(date)s, %(time)s") % {"date": day, "time": clock(value)}


def date_text(value):
    """'2 december 2026': a date in running text."""
    return django_format(_local(value), "j F Y") if value else ""


def date_short(value):
    """'2 dec. 2026': a date in a table, a list or a line of metadata."""
    if not value:
        return ""
    value = _local(value)
    return f"{value.day} {SHORT_MONTHS[value.month - 1]} {value.year}"


def day_month(value):
    """'2 december': where the year goes without saying (e-mail subjects, deadlines this year)."""
    return django_format(_local(value), "j F") if value else ""


def weekday_datetime(value):
    """'onsdag 2 december 2026 kl. 14:30': when a meeting starts."""
    return _with_time(django_format(_local(value), "l j F Y"), value) if value else ""


def clock(value):
    """'14:30'."""
    return django_format(_local(value), "H:i") if value else ""


def datetime_text(value):
    """'2 december 2026 kl. 14:30'."""
    return _with_time(date_text(value), value) if value else ""


def datetime_short(value):
    """'2 dec. 2026 kl. 14:30'."""
    return _with_time(date_short(value), value) if value else ""


def iso(value):
    """ISO 8601 for machines: '2026-12-02', or '2026-12-02T14:30:00+01:00' in local time."""
    return _local(value).isoformat() if value else ""
