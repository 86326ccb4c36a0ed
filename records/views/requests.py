"""Requests for official documents: anyone asks, a coordinator of the case answers."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from records import permissions as rules
from records.forms import AnswerForm, RequestForm
from records.models import Case, DocumentRequest
from records.models.requests import one_working_day_before
from records.views.common import form_data, perform
from records.views.register import document_or_404


@login_not_required
def ask(request, pk):
    document = document_or_404(pk)
    form = RequestForm(form_data(request))

    def act(data):
        return DocumentRequest.receive(
            document, message=data["message"], contact_email=data["contact_email"]
        )

    context = {
        "document": document,
        "full": rules.shows_everything(request.user, document),
        "title": _("Ask for the document %s") % document.number,
    }
    return perform(
        request,
        form,
        act,
        success=_("Your request was received. Keep this page's address to read the answer."),
        template="records/form_page.html",
        context=context,
    )


@login_not_required
def request_page(request, code):
    document_request = get_object_or_404(
        DocumentRequest.objects.select_related("document"), code=code
    )
    context = {"document_request": document_request, "document": document_request.document}
    return render(request, "records/request.html", context)


def request_list(request):
    if not Case.objects.managed_by(request.user).exists():
        raise Http404
    requests = (
        DocumentRequest.objects.answerable_by(request.user)
        .select_related("document")
        .order_by("-status", "arrived_at")[:200]
    )
    context = {"requests": requests, "overdue_before": one_working_day_before(timezone.now())}
    return render(request, "records/requests.html", context)


def answer(request, pk):
    document_request = get_object_or_404(
        DocumentRequest.objects.answerable_by(request.user).select_related("document"), pk=pk
    )
    form = AnswerForm(form_data(request))

    def act(data):
        document_request.decide(
            status=data["status"],
            answer=data["answer"],
            provision=data["provision"],
            by=request.user,
        )
        return "records:requests"

    context = {
        "document": document_request.document,
        "document_request": document_request,
        "full": True,
        "title": _("Answer the request for %s") % document_request.document.number,
    }
    return perform(
        request,
        form,
        act,
        success=_("The answer was recorded."),
        template="records/form_page.html",
        context=context,
    )
