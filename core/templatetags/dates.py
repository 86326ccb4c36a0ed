"""The date filters of every template (a builtin library: no `{% load %}` needed).

`{{ value|date_text }}` "2 december 2026", `|date_short` "2 dec. 2026", `|datetime_text`,
`|datetime_short`, `|day_month` "2 december", `|weekday_datetime`,
`|clock` "14:30", `|iso` for `<time datetime="…">`. The policy itself is `core/dates.py`.
"""

from django import template

from core import dates

register = template.Library()

for _name in (
    "date_text",
    "date_short",
    "day_month",
    "weekday_datetime",
    "clock",
    "datetime_text",
    "datetime_short",
    "iso",
):
    register.filter(_name, getattr(dates, _name), expects_localtime=True)
