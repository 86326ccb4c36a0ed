"""The charts of an action plan, from the same numbers the report and its tables use."""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from followup.charts import Chart
from followup.indicators import series
from followup.report import progress_by_area, progress_by_principle
from jobs import queue

DRAWING_PATIENCE = 5 * 60  # seconds


def area_chart(plan):
    rows = progress_by_area(plan.commitments.all())
    return Chart(
        title=_("Progress per area"),
        description=_("Average progress of the commitments in each area, in per cent."),
        kind="bar",
        rows=[(row["name"], row["progress"]) for row in rows],
        unit="%",
        limit=100,
    )


def principle_chart(plan):
    commitments = list(plan.commitments.prefetch_related("principles"))
    for commitment in commitments:
        commitment.principle_list = list(commitment.principles.all())
    rows = progress_by_principle(commitments, plan.agreement.principles.all())
    return Chart(
        title=_("Progress per principle"),
        description=_(
            "Average progress of the commitments that serve each principle, in per cent."
        ),
        kind="bar",
        rows=[(row["name"], row["progress"]) for row in rows],
        unit="%",
        limit=100,
    )


def indicator_chart(indicator, values=None):
    """The indicator's baseline and yearly values, against its target."""
    values = series(indicator) if values is None else values
    points = {year: float(v) for year, v in values.items() if v is not None}
    if indicator.baseline is not None and indicator.baseline_year:
        points[indicator.baseline_year] = float(indicator.baseline)
    columns = sorted({*points, *values})
    description = _("%(name)s per year, with the target as a dotted line.") % {
        "name": indicator.title
    }
    return Chart(
        title=indicator.title,
        description=description,
        kind="line",
        rows=[(indicator.title, points)],
        columns=columns,
        unit=indicator.unit,
        target=float(indicator.target) if indicator.target is not None else None,
    )


def survey_chart(plan):
    """Average score per principle, one line per principle, over the published follow-ups.
    Averages hidden for too few answers stay out (the table says so)."""
    rounds = list(plan.rounds.filter(status="published").order_by("year"))
    by_principle = {}
    for follow_up in rounds:
        for row in follow_up.report.get("survey", []):
            by_principle.setdefault(row["principle"], {})[follow_up.year] = row["average"]
    if not rounds:
        return None
    return Chart(
        title=_("Survey: how the agreement works"),
        description=_(
            "The parties' average score per principle (1–5) in each published follow-up; "
            "shown only where at least five organisations answered."
        ),
        kind="line",
        rows=list(by_principle.items()),
        columns=[r.year for r in rounds],
        limit=5.3,
    )


def plan_charts(plan, with_survey):
    """The charts of the public follow-up page, in its order."""
    charts = [area_chart(plan), principle_chart(plan)]
    charts += [survey_chart(plan)] if with_survey else []
    charts += [indicator_chart(i) for i in plan.indicators.prefetch_related("values")]
    return charts


def draw_plan_charts(plan_id):
    """Job: draw and store every chart of the plan's page, in each language of the site."""
    from followup.models import ActionPlan

    plan = ActionPlan.objects.select_related("agreement").get(pk=plan_id)
    with_survey = plan.rounds.filter(status="published").exists()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for chart in plan_charts(plan, with_survey):
                chart.store()


def request_drawing(plan):
    """Queue the drawing of the plan's charts, at most once every few minutes per plan
    (pages ask when they find a chart not drawn yet)."""
    if cache.add(f"followup-draw-charts:{plan.pk}", True, timeout=DRAWING_PATIENCE):
        queue.enqueue(draw_plan_charts, plan.pk, record=plan)
