"""The follow-up at a glance, for anyone who may read the agreement; the report's downloads."""

import csv
import io

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from exports.pdf import render_pdf
from exports.responses import file_download
from followup import dashboards
from followup import permissions as rules
from followup.models import ActionPlan
from followup.report import status_counts


@login_not_required
def overview(request, slug):
    agreement = rules.agreement_or_404(request.user, slug)
    plan = (
        ActionPlan.objects.visible_to(request.user)
        .adopted()
        .filter(agreement=agreement)
        .order_by("-first_year")
        .first()
    )
    context = {"agreement": agreement, "plan": plan}
    if plan is not None:
        plan.agreement = agreement
        latest = plan.rounds.filter(status="published").order_by("-year").first()
        indicators = plan.indicators.prefetch_related("values")
        charts = [dashboards.area_chart(plan), dashboards.principle_chart(plan)]
        charts += [dashboards.survey_chart(plan)] if latest else []
        charts += [dashboards.indicator_chart(i) for i in indicators]
        context |= {
            "by_status": status_counts(plan.commitments.all()),
            "total": plan.commitments.count(),
            "charts": charts,
            "round": latest,
            "report": latest.report if latest else None,
        }
    return render(request, "followup/overview.html", context)


def _published(request, slug, year):
    round = rules.round_or_404(request.user, slug, year)
    if round.is_open:
        raise Http404
    return round


def _filename(round, extension):
    return f"{_('follow-up')}-{round.plan.agreement.slug}-{round.year}.{extension}"


@login_not_required
def report_csv(request, slug, year):
    round = _published(request, slug, year)
    report, out = round.report, io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Table"), _("What"), _("Year"), _("Value")])
    for row in report["by_status"]:
        writer.writerow([_("Commitments by status"), row["status"], round.year, row["count"]])
    for row in report["by_area"]:
        writer.writerow([_("Progress per area"), row["name"], round.year, row["progress"]])
    for row in report.get("by_principle", []):
        writer.writerow([_("Progress per principle"), row["name"], round.year, row["progress"]])
    for row in report["survey"]:
        writer.writerow([_("Survey"), row["principle"], round.year, row["average"]])
    for row in report.get("indicators", []):
        for year, value in row["values"]:
            writer.writerow([_("Indicator"), row["name"], year, value])
    content = ("\ufeff" + out.getvalue()).encode()  # a BOM, so spreadsheets read å, ä and ö
    return file_download(content, _filename(round, "csv"), "text/csv; charset=utf-8")


@login_not_required
def report_pdf(request, slug, year):
    round = _published(request, slug, year)
    context = {"round": round, "plan": round.plan, "agreement": round.plan.agreement}
    content = render_pdf("followup/report_print.html", context | {"report": round.report})
    return file_download(content, _filename(round, "pdf"), "application/pdf")
