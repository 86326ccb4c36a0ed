from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from imports import planning
from imports.forms import UploadForm
from imports.models import (
    ImportNotDone,
    ImportNotPending,
    InvitationsAlreadySent,
    RegisterImport,
    coordinated_municipalities,
)
from imports.reading import COLUMN_LABELS

CHANGE_LABELS = {**COLUMN_LABELS, "areas": COLUMN_LABELS["category"]}


def _may_import(user):
    return user.is_superuser or coordinated_municipalities(user).exists()


def index(request):
    """Upload a register file; the rows are checked and previewed before anything changes."""
    if not _may_import(request.user):
        raise Http404
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        register = RegisterImport.objects.create(
            municipality=form.cleaned_data["municipality"],
            filename=form.cleaned_data["file"].name[:255],
            rows=form.rows,
            preview=planning.plan(form.rows),
            created_by=request.user,
        )
        return redirect(register)
    imports = RegisterImport.objects.visible_to(request.user).select_related("municipality")[:20]
    return render(request, "imports/index.html", {"form": form, "imports": imports})


def detail(request, pk):
    register = get_object_or_404(RegisterImport.objects.visible_to(request.user), pk=pk)
    steps = register.result if register.status == RegisterImport.Status.DONE else register.preview
    for step in steps:
        step["changed"] = ", ".join(str(CHANGE_LABELS[f]) for f in step.get("changes", ()))
    return render(
        request,
        "imports/detail.html",
        {"register": register, "steps": steps, "counts": register.counts(steps)},
    )


@require_POST
def start(request, pk):
    register = get_object_or_404(RegisterImport.objects.visible_to(request.user), pk=pk)
    try:
        register.start(by=request.user)
    except ImportNotPending as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The import has started; this page shows the outcome when it is done.")
        )
    return redirect(register)


@require_POST
def invite(request, pk):
    register = get_object_or_404(RegisterImport.objects.visible_to(request.user), pk=pk)
    try:
        register.queue_invitations(by=request.user)
    except (ImportNotDone, InvitationsAlreadySent) as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The invitations are queued and go out in batches over the coming minutes.")
        )
    return redirect(register)
