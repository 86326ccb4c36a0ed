"""The yearly follow-up: opening, reporting, the survey, who has reported, publishing."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from followup import permissions as rules
from followup.forms import PublishForm, ReportForm, RoundForm, SurveyForm
from followup.models import FollowUpRound
from followup.report import survey_results
from followup.views.common import form_data, perform


def round_open(request, slug, pk):
    plan = rules.plan_or_404(request.user, slug, pk, manage=True)
    form = RoundForm(form_data(request), initial={"year": plan.last_year})

    def act(data):
        return FollowUpRound.open(
            plan, year=data["year"], deadline=data["deadline"], by=request.user
        )

    page = {"title": _("Open a follow-up"), "back": plan, "submit": _("Open the follow-up")}
    return perform(request, form, act, success=_("The follow-up was opened."), page=page)


@login_not_required
def round_detail(request, slug, year):
    round = rules.round_or_404(request.user, slug, year)
    user, plan = request.user, round.plan
    can_manage = rules.can_manage_plan(user, plan)
    mine = rules.reporting_organisations_in(user, plan)
    my_commitments = plan.commitments.filter(organisations__in=mine).distinct().order_by("number")
    reported = set(round.reports.values_list("commitment_id", flat=True))
    survey_orgs = rules.survey_organisations(user, plan.agreement) if round.is_open else []
    answered = set(round.survey_answers.values_list("organisation_id", flat=True))
    context = {
        "agreement": plan.agreement,
        "plan": plan,
        "round": round,
        "can_manage": can_manage,
        "tasks": round.tasks.select_related("organisation") if can_manage else None,
        "my_commitments": [(c, c.pk in reported) for c in my_commitments],
        "survey_open": [o for o in survey_orgs if o.pk not in answered],
        "survey_done": [o for o in survey_orgs if o.pk in answered],
        "survey": survey_results(round) if can_manage and round.is_open else None,
        "report": round.report if not round.is_open else None,
    }
    return render(request, "followup/round_detail.html", context)


def report(request, slug, year, pk):
    round = rules.round_or_404(request.user, slug, year)
    commitment = round.plan.commitments.filter(pk=pk).first()
    organisations = rules.reporting_organisations(request.user, commitment) if commitment else []
    if not organisations:
        raise Http404
    initial = {"status": commitment.status, "progress": commitment.progress}
    form = ReportForm(form_data(request), initial=initial)

    def act(data):
        round.report_on(
            commitment,
            organisation=organisations[0],
            status=data["status"],
            progress=data["progress"],
            text=data["note"],
            by=request.user,
        )
        return round

    page = {
        "title": _("Report on the commitment"),
        "back": round,
        "submit": _("Send the report"),
        "subject": commitment,
    }
    return perform(request, form, act, success=_("Thank you, the report was saved."), page=page)


def survey(request, slug, year):
    round = rules.round_or_404(request.user, slug, year)
    organisations = rules.survey_organisations(request.user, round.plan.agreement)
    if not organisations:
        raise Http404
    form = SurveyForm(
        form_data(request),
        principles=round.plan.agreement.principles.all(),
        organisations=organisations,
    )

    def act(data):
        round.answer_survey(
            organisation=form.organisation(),
            scores=form.scores(),
            text=data["text"],
            by=request.user,
        )
        return round

    page = {
        "title": _("How does the agreement work?"),
        "back": round,
        "submit": _("Send the answer"),
        "intro": _(
            "One answer per organisation. Answers are shown only as averages, and only where "
            "at least five organisations answered, so that no organisation can be singled out."
        ),
    }
    return perform(request, form, act, success=_("Thank you for your answer."), page=page)


def publish(request, slug, year):
    round = rules.round_or_404(request.user, slug, year)
    if not rules.can_manage_plan(request.user, round.plan):
        raise Http404
    form = PublishForm(form_data(request), initial={"summary": round.summary})

    def act(data):
        round.publish(summary=data["summary"], by=request.user)
        return round

    page = {
        "title": _("Publish the follow-up report"),
        "back": round,
        "submit": _("Publish"),
        "intro": _(
            "The report is compiled from today's status, reports and survey answers and then "
            "frozen. Parties, and the public for a public agreement, can read it."
        ),
    }
    return perform(request, form, act, success=_("The follow-up report was published."), page=page)
