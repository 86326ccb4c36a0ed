"""Indicators computed from Överens's own records, each with how it is computed.

`series(indicator)` gives {year: value} for the plan's years: the entered values of a manual
indicator, or the computation for each year of a computed one (None where nothing counts).
"""

import statistics
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from agreements.models import Comment, Party
from dialogues.models import ActionItem, Attendance, Meeting
from followup.models import Indicator


@dataclass(frozen=True)
class Computation:
    unit: str
    how: str
    compute: object  # (agreement, year) -> number or None


def _end(year):
    return date(year, 12, 31)


def signed_parties(agreement, year):
    parties = Party.objects.filter(agreement=agreement, signed_on__lte=_end(year))
    return parties.exclude(withdrawn_on__lte=_end(year)).count()


def _comments(agreement, year):
    return Comment.objects.filter(
        revision__agreement=agreement, created_at__year=year, withdrawn_at__isnull=True
    )


def commenting_organisations(agreement, year):
    return _comments(agreement, year).values("organisation").distinct().count()


def comments_answered(agreement, year):
    comments = _comments(agreement, year).filter(parent__isnull=True)
    total = comments.count()
    if not total:
        return None
    return round(Decimal(100 * comments.filter(response__isnull=False).count()) / total, 1)


def days_to_answer(agreement, year):
    pairs = _comments(agreement, year).filter(response__isnull=False)
    days = [
        (answered - written).days
        for written, answered in pairs.values_list("created_at", "response__responded_at")
    ]
    return statistics.median(days) if days else None


def _meetings(agreement, year):
    return Meeting.objects.filter(
        forum__agreement=agreement, status=Meeting.Status.HELD, starts_at__year=year
    )


def meetings_held(agreement, year):
    return _meetings(agreement, year).count()


def organisations_present(agreement, year):
    present = Attendance.objects.filter(
        meeting__in=_meetings(agreement, year), presence=Attendance.Presence.PRESENT
    )
    return present.values("organisation").distinct().count()


def action_items_on_time(agreement, year):
    items = ActionItem.objects.filter(
        meeting__forum__agreement=agreement, due_date__year=year
    ).exclude(status=ActionItem.Status.CANCELLED)
    total = items.count()
    if not total:
        return None
    on_time = sum(
        1
        for item in items.prefetch_related("history")
        if any(
            change.to_status == ActionItem.Status.DONE and change.at.date() <= item.due_date
            for change in item.history.all()
        )
    )
    return round(Decimal(100 * on_time) / total, 1)


C = Indicator.Computed
COMPUTATIONS = {
    C.SIGNED_PARTIES: Computation(
        "st", _("Parties that had signed by the end of the year and not withdrawn."), signed_parties
    ),
    C.COMMENTING_ORGANISATIONS: Computation(
        "st",
        _("Organisations with a comment (not withdrawn) in the year's consultations."),
        commenting_organisations,
    ),
    C.COMMENTS_ANSWERED: Computation(
        "%",
        _("Comments written in the year that have an answer, as a share of all of them."),
        comments_answered,
    ),
    C.DAYS_TO_ANSWER: Computation(
        _("days"),
        _("The median number of days from a comment to its answer, for the year's comments."),
        days_to_answer,
    ),
    C.MEETINGS_HELD: Computation(
        "st", _("Held meetings of the forums that follow up this agreement."), meetings_held
    ),
    C.ORGANISATIONS_PRESENT: Computation(
        "st",
        _("Organisations recorded as present at any of the year's held forum meetings."),
        organisations_present,
    ),
    C.ACTION_ITEMS_ON_TIME: Computation(
        "%",
        _("Action items due in the year (not cancelled) marked done on or before their due date."),
        action_items_on_time,
    ),
}


def how(indicator):
    return COMPUTATIONS[indicator.computed].how if indicator.computed else ""


def series(indicator):
    """{year: value or None} over the plan's years."""
    plan = indicator.plan
    if indicator.computed:
        compute = COMPUTATIONS[indicator.computed].compute
        return {year: compute(plan.agreement, year) for year in plan.years()}
    entered = {v.year: v.value for v in indicator.values.all()}
    return {year: entered.get(year) for year in plan.years()}


def add_computed(plan):
    """Give `plan` every computed indicator it does not have yet."""
    have = set(plan.indicators.exclude(computed="").values_list("computed", flat=True))
    for position, (key, label) in enumerate(C.choices, start=100):
        if key not in have:
            Indicator.objects.create(
                plan=plan,
                name=str(label),
                unit=str(COMPUTATIONS[key].unit),
                computed=key,
                position=position,
                direction=Indicator.Direction.LOWER
                if key == C.DAYS_TO_ANSWER
                else Indicator.Direction.HIGHER,
            )
