"""One date policy: "2 december 2026" in text, "2 dec. 2026" where short, ISO 8601 for
machines, in Swedish and English alike, through the filters every template has."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import engines
from django.utils import timezone, translation

ROOT = Path(__file__).resolve().parent.parent
# 14:30 in Stockholm on a winter day, stored in UTC.
AFTERNOON = datetime.datetime(2026, 12, 2, 13, 30, tzinfo=datetime.UTC)
DAY = datetime.date(2026, 12, 2)


def render(source, language, **context):
    with translation.override(language), timezone.override("Europe/Stockholm"):
        return engines["django"].from_string(source).render(context)


@pytest.mark.parametrize(
    ("source", "swedish", "english"),
    [
        ("{{ day|date_text }}", "2 december 2026", "2 December 2026"),
        ("{{ day|date_short }}", "2 dec. 2026", "2 Dec 2026"),
        ("{{ day|day_month }}", "2 december", "2 December"),
        ("{{ at|datetime_text }}", "2 december 2026 kl. 14:30", "2 December 2026, 14:30"),
        ("{{ at|datetime_short }}", "2 dec. 2026 kl. 14:30", "2 Dec 2026, 14:30"),
        (
            "{{ at|weekday_datetime }}",
            "onsdag 2 december 2026 kl. 14:30",
            "Wednesday 2 December 2026, 14:30",
        ),
        ("{{ at|clock }}", "14:30", "14:30"),
        ("{{ at|date_text }}", "2 december 2026", "2 December 2026"),
    ],
)
def test_the_filters_write_dates_the_same_way_in_both_languages(source, swedish, english):
    assert render(source, "sv", day=DAY, at=AFTERNOON) == swedish
    assert render(source, "en", day=DAY, at=AFTERNOON) == english


def test_machines_get_iso_8601_in_local_time_whatever_the_language():
    source = "{{ at|iso }} {{ day|iso }}"

    assert render(source, "sv", at=AFTERNOON, day=DAY) == "2026-12-02T14:30:00+01:00 2026-12-02"
    assert render(source, "en", at=AFTERNOON, day=DAY) == "2026-12-02T14:30:00+01:00 2026-12-02"


def test_a_short_swedish_month_is_lower_case_and_abbreviated_only_when_long():
    months = [datetime.date(2026, month, 26) for month in range(1, 13)]

    shown = [render("{{ day|date_short }}", "sv", day=day) for day in months]

    assert [text.split()[1] for text in shown] == [
        "jan.", "feb.", "mars", "apr.", "maj", "juni",
        "juli", "aug.", "sep.", "okt.", "nov.", "dec.",
    ]  # fmt: skip


def test_a_missing_date_shows_nothing_and_an_iso_string_reads_as_a_date():
    assert render("[{{ none|date_text }}{{ none|datetime_short }}]", "sv", none=None) == "[]"
    assert render("{{ kept|date_text }}", "sv", kept="2026-05-26") == "26 maj 2026"


def test_a_date_without_a_filter_follows_the_policy_too():
    assert render("{{ day }}", "en", day=DAY) == "2 December 2026"
    assert render("{{ day }}", "sv", day=DAY) == "2 december 2026"


def test_no_template_formats_a_date_by_hand():
    by_hand = re.compile(r"\|\s*(date|time)\s*:")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "templates").rglob("*.*"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if by_hand.search(line)
    ]

    assert offenders == [], "Use the filters of core/templatetags/dates.py"


def test_no_python_module_formats_a_date_for_people_by_hand():
    sources = [
        p
        for p in ROOT.glob("*/**/*.py")
        if p.parts[len(ROOT.parts)] not in {".venv", "tests", "core"}
    ]

    offenders = [str(p.relative_to(ROOT)) for p in sources if "date_format(" in p.read_text()]

    assert offenders == [], "Use core.dates"
