"""The follow-up at a glance, for anyone who may read the agreement; the report's downloads."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from exports.responses import file_download
from followup import dashboards
from followup import permissions as rules
from followup.models import ActionPlan
from followup.report import status_counts
from jobs import queue


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
        charts = dashboards.plan_charts(plan, with_survey=latest is not None)
        if any(chart.svg is None for chart in charts):
            dashboards.request_drawing(plan)  # drawn by a job; the tables show meanwhile
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
    """The PDF a job printed in the reader's language when the report was published; while it
    is being printed, say so."""
    round = _published(request, slug, year)
    name = round.pdf_name(get_language())
    if not default_storage.exists(name):
        if cache.add(f"followup-store-pdf:{round.pk}", True, timeout=5 * 60):
            queue.enqueue("followup.report.store_pdf", round.pk, record=round)
        messages.info(request, _("The PDF is being prepared. Try again in a minute."))
        return redirect("followup:overview", slug)
    with default_storage.open(name, "rb") as stored:
        content = stored.read()
    return file_download(content, _filename(round, "pdf"), "application/pdf")
