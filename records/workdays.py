"""Working days in Sweden: Monday to Friday, except the public holidays and the days that
the law on computing statutory time (lag 1930:173) treats as holidays: midsummer eve,
Christmas Eve and New Year's Eve. The only importer of `holidays`."""

from datetime import timedelta
from functools import cache

import holidays
from django.utils import timezone


@cache
def _days_off(year):
    return frozenset(holidays.country_holidays("SE", years=year, categories=("public", "de_facto")))


def is_working_day(day):
    return day.weekday() < 5 and day not in _days_off(day.year)


def one_working_day_before(now):
    """The same time on the previous working day (in the site's time zone)."""
    before = now - timedelta(days=1)
    while not is_working_day(_local_date(before)):
        before -= timedelta(days=1)
    return before


def _local_date(moment):
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()
