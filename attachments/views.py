from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from attachments import registry
from attachments.forms import AttachmentForm
from attachments.models import AlreadySuperseded, Attachment, AttachmentFrozen
from attachments.serving import file_response


def _record_url(parent):
    """Back to the record's files; records shown within another page carry their own anchor."""
    url = parent.get_absolute_url()
    return url if "#" in url else url + "#attachments"


def _attachment_for(request, pk, rule):
    """The file and its record, if the record's `rule` lets the user; 404 otherwise."""
    attachment = get_object_or_404(Attachment, pk=pk)
    parent = registry.parent_of_or_404(attachment)
    if not rule(request.user, parent):
        raise Http404
    return attachment, parent


def _attachment_for_change(request, pk):
    return _attachment_for(request, pk, registry.can_change)


@login_not_required
def download(request, pk):
    """The file, for those who may see its record (the record's own rule)."""
    attachment, _parent = _attachment_for(request, pk, registry.can_view)
    return file_response(attachment)


@login_not_required
def text_status(request, pk):
    """Whether the file's text has been read yet, for the panel's "Reading the text…"."""
    attachment, _parent = _attachment_for(request, pk, registry.can_view)
    return JsonResponse(
        {
            "status": attachment.extraction_status,
            "label": str(text_status_label(attachment)),
        }
    )


def text_status_label(attachment):
    if attachment.extraction_status == Attachment.Extraction.PENDING:
        return _("Reading the text…")
    return attachment.get_extraction_status_display()


def upload(request, label, object_id):
    parent = registry.get_parent_or_404(label, object_id)
    if not registry.can_change(request.user, parent):
        raise Http404
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        attachment = form.save(parent, by=request.user)
        messages.success(
            request,
            _("%(name)s was attached. Its text is read for search in a moment.")
            % {"name": attachment},
        )
        return redirect(_record_url(parent))
    context = {"form": form, "parent": parent, "back": _record_url(parent)}
    return render(request, "attachments/upload.html", context)


def remove(request, pk):
    attachment, parent = _attachment_for_change(request, pk)
    frozen = registry.is_frozen(parent)
    if request.method != "POST":
        context = {
            "attachment": attachment,
            "parent": parent,
            "frozen": frozen,
            "back": _record_url(parent),
        }
        return render(request, "attachments/remove.html", context)
    try:
        attachment.remove(by=request.user)
    except AttachmentFrozen:
        messages.error(
            request,
            _("Files on a frozen record cannot be removed, only marked as superseded."),
        )
    else:
        messages.success(request, _("%(name)s was removed.") % {"name": attachment})
    return redirect(_record_url(parent))


@require_POST
def supersede(request, pk):
    attachment, parent = _attachment_for_change(request, pk)
    try:
        attachment.mark_superseded(by=request.user)
    except AlreadySuperseded:
        messages.error(
            request, _("%(name)s is already marked as superseded.") % {"name": attachment}
        )
    else:
        messages.success(request, _("%(name)s was marked as superseded.") % {"name": attachment})
    return redirect(_record_url(parent))
