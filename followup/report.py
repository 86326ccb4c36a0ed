"""The follow-up report: what a round adds up to, compiled from the records.

`compile_report(round)` gives plain JSON values, so a published report is frozen as it was
on the day of publishing; `survey_results` applies the minimum group size.
"""

from django.db.models import Avg, Count

from followup.models import SURVEY_MIN_GROUP, Commitment, SurveyScore


def status_counts(commitments):
    counts = dict(commitments.values_list("status").annotate(n=Count("pk")))
    return [{"status": value, "count": counts.get(value, 0)} for value in Commitment.Status.values]


def _average_progress(rows):
    rows = list(rows)
    return round(sum(rows) / len(rows)) if rows else 0


def progress_by_area(commitments):
    areas = {}
    for c in commitments.select_related("area"):
        areas.setdefault(c.area.name, []).append(c.progress)
    return [
        {"name": name, "commitments": len(values), "progress": _average_progress(values)}
        for name, values in areas.items()
    ]


def progress_by_principle(commitments, principles):
    rows = []
    for principle in principles:
        values = [c.progress for c in commitments if principle in c.principle_list]
        rows.append(
            {
                "name": principle.name,
                "commitments": len(values),
                "progress": _average_progress(values),
            }
        )
    return rows


def survey_results(follow_up):
    """Average score per principle, or None where fewer than SURVEY_MIN_GROUP answered."""
    scores = {
        row["principle"]: row
        for row in SurveyScore.objects.filter(answer__round=follow_up)
        .values("principle")
        .annotate(answers=Count("answer__organisation", distinct=True), average=Avg("score"))
    }
    rows = []
    for principle in follow_up.plan.agreement.principles.all():
        row = scores.get(principle.pk, {"answers": 0, "average": None})
        shown = row["answers"] >= SURVEY_MIN_GROUP
        rows.append(
            {
                "principle": principle.name,
                "answers": row["answers"],
                "average": round(row["average"], 1) if shown else None,
            }
        )
    return rows


def indicator_rows(plan, up_to=None):
    """Each indicator with its values per year of the plan, up to `up_to` (JSON-ready)."""
    from followup.indicators import how, series

    rows = []
    for indicator in plan.indicators.prefetch_related("values"):
        values = series(indicator)
        rows.append(
            {
                "name": indicator.title,
                "computed": indicator.computed,  # its name is translated when shown
                "unit": indicator.unit,
                "direction": indicator.direction,
                "baseline_year": indicator.baseline_year,
                "baseline": _number(indicator.baseline),
                "target": _number(indicator.target),
                "values": [
                    [year, _number(value)]
                    for year, value in values.items()
                    if up_to is None or year <= up_to
                ],
                "how": str(how(indicator)),
            }
        )
    return rows


def _number(value):
    return None if value is None else float(value)


def compile_report(follow_up):
    plan = follow_up.plan
    commitments = list(plan.commitments.prefetch_related("principles").select_related("area"))
    for c in commitments:
        c.principle_list = list(c.principles.all())
    queryset = plan.commitments.all()
    reports = follow_up.reports.select_related("commitment", "organisation")
    return {
        "year": follow_up.year,
        "commitments": len(commitments),
        "by_status": status_counts(queryset),
        "by_area": progress_by_area(queryset),
        "by_principle": progress_by_principle(commitments, plan.agreement.principles.all()),
        "indicators": indicator_rows(plan, up_to=follow_up.year),
        "survey": survey_results(follow_up),
        "survey_answers": follow_up.survey_answers.count(),
        "tasks": follow_up.tasks.count(),
        "tasks_reported": follow_up.tasks.filter(reported_at__isnull=False).count(),
        "texts": [
            {
                "number": r.commitment.number,
                "commitment": r.commitment.title,
                "organisation": r.organisation.name,
                "status": r.status,
                "progress": r.progress,
                "text": r.text,
            }
            for r in reports
        ],
    }


def store_pdf(round_id):
    """Job: print a published report to PDF once in each language of the site and keep the
    files (`FollowUpRound.pdf_name`); the download serves the reader's language."""
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import translation

    from exports.pdf import render_pdf
    from followup.models import FollowUpRound

    round = FollowUpRound.objects.select_related("plan__agreement").get(pk=round_id)
    if round.is_open:
        return
    context = {"round": round, "plan": round.plan, "agreement": round.plan.agreement}
    for language, _name in settings.LANGUAGES:
        name = round.pdf_name(language)
        if default_storage.exists(name):
            continue  # a job may run twice
        with translation.override(language):
            content = render_pdf("followup/report_print.html", context | {"report": round.report})
        default_storage.save(name, ContentFile(content))
