"""Applying to join (public), the applicant's own page, and the coordinators' queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations import permissions
from organisations.applications import Application, ApplicationError
from organisations.forms_applications import ApplyForm, CompletionForm, DecisionForm
from organisations.models import Organisation


def open_agreements():
    """Agreements an organisation can apply to join: adopted or in force, and public."""
    from agreements.models import Agreement

    return Agreement.objects.public().prefetch_related("principles").order_by("title")


@login_not_required
def apply(request):
    agreements = open_agreements()
    form = ApplyForm(request.POST or None, request.FILES or None, agreements=agreements)
    if request.method == "POST" and form.is_valid():
        application = form.save()
        if application is not None:
            return redirect("organisations:application_status", key=application.key)
    return render(
        request, "organisations/apply.html", {"form": form, "agreements": list(agreements)}
    )


@login_not_required
def application_status(request, key):
    """The applicant's own page (the link from their receipt): status, and completing."""
    application = get_object_or_404(Application.objects.select_related("agreement"), key=key)
    form = None
    if application.status == Application.Status.NEEDS_COMPLETION:
        initial = {field: getattr(application, field) for field in CompletionForm.DETAILS}
        form = CompletionForm(request.POST or None, request.FILES or None, initial=initial)
        if request.method == "POST" and form.is_valid() and form.save(application):
            messages.success(request, _("Thank you. Your completed application has been sent."))
            return redirect("organisations:application_status", key=key)
    return render(
        request, "organisations/application_status.html", {"application": application, "form": form}
    )


def _reviewable(request):
    applications = Application.objects.reviewable_by(request.user)
    if not applications.exists() and not permissions.is_municipal_coordinator(request.user):
        raise Http404
    return applications


def application_queue(request):
    same_number = Application.objects.filter(
        organisation_number=OuterRef("organisation_number")
    ).exclude(pk=OuterRef("pk"))
    known = Organisation.objects.filter(organisation_number=OuterRef("organisation_number"))
    status = request.GET.get("status", "open")
    applications = _reviewable(request).select_related("agreement")
    if status == "open":
        applications = applications.open()
    elif status in Application.Status.values:
        applications = applications.filter(status=status)
    applications = applications.annotate(has_duplicates=Exists(same_number), is_known=Exists(known))
    page = Paginator(applications, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/application_queue.html",
        {"page_obj": page, "status": status, "statuses": Application.Status.choices},
    )


def _detail(request, application, form, status=200):
    other_applications, organisations = application.duplicates()
    context = {
        "application": application,
        "other_applications": other_applications,
        "organisations": organisations,
        "form": form,
    }
    return render(request, "organisations/application_detail.html", context, status=status)


def application_detail(request, pk):
    application = permissions.get_application_or_404(request.user, pk)
    return _detail(request, application, DecisionForm() if application.is_open else None)


@require_POST
def decide(request, pk):
    application = permissions.get_application_or_404(request.user, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _detail(request, application, form, status=400)
    try:
        form.apply(application, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The decision was recorded and the applicant told."))
    return redirect(application)
