from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogues import protocol
from dialogues.exceptions import DialogueError, MinutesFrozen
from dialogues.forms import (
    AddendumForm,
    ApprovalForm,
    MinutesForm,
    SendForApprovalForm,
    paragraph_forms,
)
from dialogues.permissions import approval_refusal, can_read_minutes, shows_private_names
from dialogues.views.common import back_to, meeting_or_404, perform, report, require
from exports.responses import file_download


def minutes_edit(request, slug, year, number):
    """The minutes start from the agenda: one paragraph per item, and notes beside them."""
    forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    if meeting.minutes_approved:
        report(request, MinutesFrozen())
        return back_to(meeting, "minutes")
    data = request.POST or None
    form = MinutesForm(
        data, initial={"minutes": meeting.minutes, "version": meeting.minutes_version}
    )
    paragraphs = paragraph_forms(meeting, data)
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for _i, f in paragraphs):
        try:
            meeting.write_minutes(
                form.cleaned_data["minutes"],
                by=request.user,
                paragraphs={item.pk: f.cleaned_data for item, f in paragraphs},
                base_version=form.cleaned_data["version"],
            )
        except DialogueError as error:
            report(request, error)
        else:
            messages.success(request, _("The minutes were saved."))
        return back_to(meeting, "minutes")
    context = {"forum": forum, "meeting": meeting, "form": form, "paragraphs": paragraphs}
    return render(request, "dialogues/minutes_form.html", context)


@require_POST
def minutes_send(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    form = SendForApprovalForm(request.POST, meeting=meeting)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return back_to(meeting, "minutes")
    deadline = form.cleaned_data["deadline"]
    perform(
        request,
        lambda: meeting.send_minutes_for_approval(by=request.user, deadline=deadline),
        _("The minutes were sent to the approvers."),
    )
    return back_to(meeting, "minutes")


@require_POST
def minutes_take_back(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    perform(
        request,
        lambda: meeting.take_back_minutes(by=request.user),
        _("The minutes are a draft again; approvals given are void."),
    )
    return back_to(meeting, "minutes")


def minutes_approve(request, slug, year, number):
    """The approver reads the minutes and confirms; the last approval freezes them."""
    forum, rights, meeting = meeting_or_404(request, slug, year, number, "view")
    if refusal := approval_refusal(request.user, meeting):
        report(request, refusal)
        return back_to(meeting, "minutes")
    form = ApprovalForm(request.POST or None, initial={"version": meeting.minutes_version})
    if request.method == "POST" and form.is_valid():
        try:
            complete = meeting.approve_minutes(
                by=request.user, seen_version=form.cleaned_data["version"]
            )
        except DialogueError as error:
            report(request, error)
            return redirect(request.path)
        messages.success(
            request,
            _("The minutes are approved and can no longer be changed.")
            if complete
            else _("Your approval was recorded. The other approvers have yet to approve."),
        )
        return back_to(meeting, "minutes")
    context = {"forum": forum, "meeting": meeting, "form": form, "rights": rights}
    return render(request, "dialogues/minutes_approve.html", context)


@require_POST
def addendum_add(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    form = AddendumForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the text of the addendum."))
        return back_to(meeting, "minutes")
    perform(
        request,
        lambda: meeting.add_addendum(form.cleaned_data["text"], by=request.user),
        _("The addendum was added to the minutes."),
    )
    return back_to(meeting, "minutes")


def _protocol(request, slug, year, number, extension):
    """The approved minutes as a protocol file; the published version for readers without a
    grant."""
    _forum, rights, meeting = meeting_or_404(request, slug, year, number)
    require(can_read_minutes(request.user, rights, meeting))
    if not meeting.minutes_approved:
        messages.error(request, _("The protocol can be downloaded once the minutes are approved."))
        return back_to(meeting, "minutes")
    names = shows_private_names(rights)
    content, content_type = protocol.export(meeting, extension, show_names=names, request=request)
    return file_download(content, protocol.filename(meeting, extension), content_type)


@login_not_required
def protocol_pdf(request, slug, year, number):
    return _protocol(request, slug, year, number, "pdf")


@login_not_required
def protocol_docx(request, slug, year, number):
    return _protocol(request, slug, year, number, "docx")
