"""make_x(**overrides) helpers for the follow-up."""

import itertools
from datetime import timedelta

from django.utils import timezone

from followup.models import ActionPlan, Area, Commitment, FollowUpRound

_numbers = itertools.count(1)


def make_plan(agreement, adopted=True, **overrides):
    values = {"title": "Handlingsplan 2025–2026", "first_year": 2025, "last_year": 2026}
    plan = ActionPlan.objects.create(agreement=agreement, **{**values, **overrides})
    if adopted:
        plan.adopt(by=None)
    return plan


def make_commitment(plan, organisations=(), **overrides):
    number = next(_numbers)
    area = overrides.pop("area", None) or Area.objects.get_or_create(name="Trygghet")[0]
    values = {
        "number": number,
        "title": f"Åtagande {number}",
        "responsibility": Commitment.Responsibility.JOINT,
        "area": area,
    }
    commitment = Commitment.objects.create(plan=plan, **{**values, **overrides})
    commitment.organisations.set(organisations)
    return commitment


def open_round(plan, year=2026, days=14, by=None):
    return FollowUpRound.open(
        plan, year=year, deadline=timezone.localdate() + timedelta(days=days), by=by
    )


def all_fives(agreement):
    return {pk: 5 for pk in agreement.principles.values_list("pk", flat=True)}
