"""Indicators: a table on the plan, a page each with its values; managers enter them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup import dashboards
from followup import indicators as computations
from followup import permissions as rules
from followup.forms import IndicatorForm, ValueForm
from followup.models import Indicator
from followup.views.common import form_data, perform


def indicator_or_404(user, slug, pk, manage=False):
    indicator = Indicator.objects.filter(plan__agreement__slug=slug, pk=pk).first()
    if indicator is None:
        raise Http404
    indicator.plan = rules.plan_or_404(user, slug, indicator.plan_id, manage=manage)
    return indicator


def indicator_create(request, slug, pk):
    plan = rules.plan_or_404(request.user, slug, pk, manage=True)
    form = IndicatorForm(form_data(request))

    def act(data):
        form.instance.plan = plan
        return form.save()

    page = {"title": _("New indicator"), "back": plan, "submit": _("Add the indicator")}
    return perform(request, form, act, success=_("The indicator was added."), page=page)


@require_POST
def indicators_computed(request, slug, pk):
    plan = rules.plan_or_404(request.user, slug, pk, manage=True)
    computations.add_computed(plan)
    messages.success(request, _("The indicators computed from Överens's records were added."))
    return redirect(plan)


@login_not_required
def indicator_detail(request, slug, pk):
    indicator = indicator_or_404(request.user, slug, pk)
    can_manage = rules.can_manage_plan(request.user, indicator.plan)
    entered = {row.year: row for row in indicator.values.all()}
    series = computations.series(indicator)
    chart = dashboards.indicator_chart(indicator, series)
    if chart.svg is None:
        dashboards.request_drawing(indicator.plan)  # drawn by a job; the table shows meanwhile
    rows = [
        {"year": year, "value": value, "entered": entered.get(year)}
        for year, value in series.items()
    ]
    context = {
        "agreement": indicator.plan.agreement,
        "plan": indicator.plan,
        "indicator": indicator,
        "rows": rows,
        "chart": chart,
        "how": computations.how(indicator),
        "value_form": ValueForm() if can_manage and not indicator.computed else None,
    }
    return render(request, "followup/indicator_detail.html", context)


def indicator_value(request, slug, pk):
    indicator = indicator_or_404(request.user, slug, pk, manage=True)
    form = ValueForm(form_data(request))

    def act(data):
        indicator.record_value(by=request.user, **data)
        return indicator

    page = {
        "title": _("Enter a value"),
        "back": indicator,
        "submit": _("Save"),
        "subject": indicator.title,
    }
    return perform(request, form, act, success=_("The value was saved."), page=page)
