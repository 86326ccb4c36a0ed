"""The public register (/register/): entries, one entry, and a coordinator's correction."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

import events
from records import permissions as rules
from records.forms import CorrectionForm, RegisterFilterForm
from records.models import Case, Document
from records.views.common import form_data, perform

PER_PAGE = 50


@dataclass
class Row:
    """An entry as this viewer may see it: `full` shows the subject and organisation."""

    document: Document
    full: bool


def filtered(user, form):
    """Entries matching the filters. Search and the organisation filter look only at what the
    viewer may see, so a secret entry's subject cannot be found by guessing words."""
    documents = Document.objects.for_register()
    if not form.is_valid():
        return documents
    data = form.cleaned_data
    shown = Q(secrecy_provision="") | Q(case__in=Case.objects.managed_by(user))
    if data["q"]:
        documents = documents.filter(
            Q(number__icontains=data["q"]) | shown & Q(subject__icontains=data["q"])
        )
    if data["organisation"]:
        documents = documents.filter(shown, organisation=data["organisation"])
    if data["case"]:
        documents = documents.filter(case=data["case"])
    if data["type"]:
        documents = documents.filter(document_type=data["type"])
    if data["since"]:
        documents = documents.filter(official_since__date__gte=data["since"])
    if data["until"]:
        documents = documents.filter(official_since__date__lte=data["until"])
    return documents


@login_not_required
def register(request):
    form = RegisterFilterForm(request.GET or None)
    page = Paginator(filtered(request.user, form), PER_PAGE).get_page(request.GET.get("page"))
    managed = set(Case.objects.managed_by(request.user).values_list("pk", flat=True))
    rows = [Row(document, document.case_id in managed) for document in page]
    context = {"form": form, "page_obj": page, "rows": rows, "manages": bool(managed)}
    return render(request, "records/register.html", context)


def document_or_404(pk):
    return get_object_or_404(Document.objects.select_related("case", "organisation"), pk=pk)


@login_not_required
def document(request, pk):
    document = document_or_404(pk)
    full = rules.shows_everything(request.user, document)
    record = document.record  # None once disposed of or deleted
    readable = record is not None and events.can_view(request.user, record)
    context = {
        "document": document,
        "full": full,
        "record_url": record.get_absolute_url() if readable else "",
        "corrections": document.corrections.select_related("by") if full else (),
        "requests": document.requests.all() if full else (),
    }
    return render(request, "records/document.html", context)


def correct(request, pk):
    document = document_or_404(pk)
    if not rules.shows_everything(request.user, document):
        raise Http404
    form = CorrectionForm(form_data(request), instance=Document.objects.get(pk=pk))

    def act(data):
        changes = {name: data[name] for name in Document.CORRECTABLE}
        document.correct(by=request.user, reason=data["reason"], **changes)
        return document

    context = {"document": document, "title": _("Correct the entry %s") % document.number}
    return perform(
        request,
        form,
        act,
        success=_("The entry was corrected; the change is logged."),
        template="records/form_page.html",
        context=context,
    )
