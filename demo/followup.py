"""The action plan 2025–2026 of Kullahamn's local agreement, its 2025 follow-up (published,
with survey answers) and the 2026 follow-up, open, with some organisations still to report.
Idempotent: a plan that exists is kept."""

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from agreements.models import Agreement
from demo.followup_data import (
    AREAS,
    COMMITMENTS,
    INDICATORS,
    REPORTS_2026,
    SURVEY_2025,
    SURVEY_TEXTS,
)
from dialogues.models import ActionItem
from followup.indicators import add_computed
from followup.models import (
    ActionPlan,
    Area,
    Commitment,
    CommitmentChange,
    FollowUpRound,
    Indicator,
)
from organisations.models import Organisation

LO_SLUG = "lokal-overenskommelse-kullahamn"
PLAN_TITLE = "Handlingsplan 2025–2026"


def seed(stdout):
    agreement = Agreement.objects.filter(slug=LO_SLUG).first()
    if agreement is None or agreement.action_plans.exists():
        return
    by = get_user_model().objects.get(username="samordnare")
    seen = _last_line(agreement)
    plan = _plan(agreement, by)
    seen = _backdate(agreement, seen, 330)
    _follow_up_2025(plan, by)
    seen = _backdate(agreement, seen, 285)
    agreement.events.filter(kind="followup_published", details__year=2025).update(at=_at(270))
    _follow_up_2026(plan, by)
    _backdate(agreement, seen, 5)
    stdout.write(f"  {plan.commitments.count()} commitments in {plan.title}")


def _last_line(agreement):
    return agreement.events.order_by("-pk").values_list("pk", flat=True).first() or 0


def _backdate(agreement, seen, days_ago):
    """The timeline lines written since `seen` happened `days_ago` (the demo spans a year)."""
    agreement.events.filter(pk__gt=seen).update(at=_at(days_ago))
    return _last_line(agreement)


def _at(days_ago):
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(10)))


def _plan(agreement, by):
    city = agreement.municipality
    areas = {
        name: Area.objects.get_or_create(name=name, municipality=city, defaults={"position": i})[0]
        for i, name in enumerate(AREAS)
    }
    plan = ActionPlan.objects.create(
        agreement=agreement,
        title=PLAN_TITLE,
        first_year=2025,
        last_year=2026,
        summary="Styrgruppens handlingsplan för överenskommelsens två första år.",
        created_by=by,
    )
    plan.adopt(by=by, on=timezone.localdate() - timedelta(days=330))
    principles = list(agreement.principles.all())
    organisations = {o.name: o for o in Organisation.objects.filter(is_demo=True)}
    for number, title, responsibility, orgs, area, prins, *_ in COMMITMENTS:
        commitment = Commitment.objects.create(
            plan=plan,
            number=number,
            title=title,
            responsibility=responsibility,
            area=areas[area],
            sections="6",
        )
        commitment.organisations.set([organisations[name] for name in orgs])
        commitment.principles.set([principles[i] for i in prins if i < len(principles)])
    _link_action_items(plan)
    _indicators(plan, by)
    return plan


def _indicators(plan, by):
    for position, (name, unit, direction, base, y25, y26, target, source) in enumerate(INDICATORS):
        indicator = Indicator.objects.create(
            plan=plan,
            name=name,
            unit=unit,
            direction=direction,
            baseline_year=2024,
            baseline=base,
            target=target,
            position=position,
        )
        indicator.record_value(year=2025, value=y25, source=source, by=by)
        indicator.record_value(year=2026, value=y26, source=source, comment="Preliminärt", by=by)
    add_computed(plan)


def _link_action_items(plan):
    items = ActionItem.objects.filter(
        meeting__forum__agreement=plan.agreement,
        title__in=[
            "Ta fram förslag på nya aktiviteter i handlingsplanen",
            "Skriva underlag om ny fullstor idrottshall",
            "Rapportera uppföljningen till kommunstyrelsen",
        ],
    )
    for item in items:
        number = 23 if "idrottshall" in item.title else 6
        plan.commitments.get(number=number).action_items.add(item)


def _follow_up_2025(plan, by):
    round = FollowUpRound.open(plan, year=2025, deadline=timezone.localdate() + timedelta(1), by=by)
    for number, *_, status, progress, text in COMMITMENTS:
        commitment = plan.commitments.get(number=number)
        if status == "in_progress":
            commitment.update_progress(status="in_progress", progress=progress // 2, by=by)
        reporter = commitment.organisations.first()
        round.report_on(
            commitment,
            organisation=reporter,
            status=status,
            progress=progress,
            text=text or "Arbetet har inte kommit i gång.",
            by=by,
        )
    _survey(round, by)
    round.publish(
        summary="Femton av tjugofyra åtaganden är genomförda. Lokalfrågan och ungas "
        "inflytande är de områden där mest återstår.",
        by=by,
    )
    FollowUpRound.objects.filter(pk=round.pk).update(
        opened_at=_at(330),
        deadline=(timezone.localdate() - timedelta(days=280)),
        published_at=_at(270),
    )
    CommitmentChange.objects.filter(commitment__plan=plan).update(at=_at(285))
    round.reports.update(at=_at(285))
    round.tasks.update(reported_at=_at(285))


def _survey(round, by):
    """Every party except the municipality answers, with scores spread around SURVEY_2025."""
    rng = random.Random(2025)  # noqa: S311 - the same demo every time, not security
    principles = list(round.plan.agreement.principles.all())
    parties = round.plan.agreement.parties.active().exclude(role="municipality")
    for i, party in enumerate(parties.select_related("organisation")):
        scores = {
            p.pk: min(5, max(1, round_half(SURVEY_2025[j % 6] + rng.choice([-1, 0, 0, 1]))))
            for j, p in enumerate(principles)
        }
        round.answer_survey(
            organisation=party.organisation,
            scores=scores,
            text=SURVEY_TEXTS[i % len(SURVEY_TEXTS)],
            by=by,
        )


def round_half(value):
    return int(value + 0.5)


def _follow_up_2026(plan, by):
    round = FollowUpRound.open(
        plan, year=2026, deadline=timezone.localdate() + timedelta(days=21), by=by
    )
    FollowUpRound.objects.filter(pk=round.pk).update(opened_at=_at(10))
    for number, (status, progress, text) in REPORTS_2026.items():
        commitment = plan.commitments.get(number=number)
        round.report_on(
            commitment,
            organisation=commitment.organisations.first(),
            status=status,
            progress=progress,
            text=text,
            by=by,
        )
