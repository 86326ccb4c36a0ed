"""The information management plan (public) and disposal (coordinators of the case)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from records.exceptions import RecordsError
from records.models import Case, Disposal, RetentionRule


@login_not_required
def plan(request):
    return render(request, "records/plan.html", {"rules": RetentionRule.objects.all()})


def managed_disposals(user):
    return Disposal.objects.filter(document__case__in=Case.objects.managed_by(user))


def disposal_list(request):
    if not Case.objects.managed_by(request.user).exists():
        raise Http404
    disposals = (
        managed_disposals(request.user)
        .select_related("document", "approved_by")
        .order_by("-disposed_at", "due_on")[:200]
    )
    return render(request, "records/disposals.html", {"disposals": disposals})


@require_POST
def approve(request, pk):
    disposal = get_object_or_404(managed_disposals(request.user), pk=pk)
    try:
        disposal.approve(by=request.user)
    except RecordsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The document's content was disposed of; the log keeps it."))
    return redirect("records:disposals")
