from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from attachments.models import Attachment
from dialogues import ical
from dialogues.exceptions import DialogueError, ForumClosed, MeetingCancelled
from dialogues.forms import MeetingForm, MeetingStatusForm, SendForApprovalForm
from dialogues.permissions import (
    can_approve_minutes,
    can_read_minutes,
    forum_or_404,
    readable_agreement_ids,
    shows_private_names,
)
from dialogues.views.common import (
    back_to,
    form_page,
    full_meeting,
    meeting_or_404,
    perform,
    report,
)


@login_not_required
def meeting_detail(request, slug, year, number):
    forum, rights = forum_or_404(request.user, slug)
    meeting = get_object_or_404(full_meeting(forum), year=year, number=number)
    meeting.forum = forum
    items = Attachment.objects.prefetch_for(meeting.agenda_items.all())
    linked = readable_agreement_ids(request.user, {item.agreement_id for item in items})
    context = {
        "forum": forum,
        "meeting": meeting,
        "readable_agreements": linked,
        "rights": rights,
        "show_minutes": can_read_minutes(request.user, rights, meeting),
        "show_names": shows_private_names(rights),
        "can_approve": can_approve_minutes(request.user, meeting),
    }
    if rights.manage:
        context["status_form"] = MeetingStatusForm(meeting=meeting)
        context["send_form"] = SendForApprovalForm(meeting=meeting)
    return render(request, "dialogues/meeting_detail.html", context)


@login_not_required
def meeting_calendar(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number)
    if meeting.is_cancelled:
        report(request, MeetingCancelled(_("The meeting has been called off: no calendar file.")))
        return redirect(meeting)
    url = request.build_absolute_uri(meeting.get_absolute_url())
    body = ical.meeting_calendar(meeting, url, agenda=meeting.agenda_items.all())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{meeting.forum.slug}-{meeting.year}-{meeting.number}.ics"'
    )
    return response


def meeting_create(request, slug):
    forum, _rights = forum_or_404(request.user, slug, "manage")
    if forum.is_closed:
        report(request, ForumClosed(_("The forum is closed: reopen it to plan a meeting.")))
        return redirect(forum)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.forum = forum
        try:
            meeting = form.save()
        except DialogueError as error:
            report(request, error)
            return redirect(forum)
        messages.success(request, _("The meeting was created."))
        return redirect(meeting)
    return form_page(request, form, _("New meeting in %(forum)s") % {"forum": forum}, forum)


def meeting_edit(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        meeting = form.save()
        messages.success(request, _("The meeting was saved."))
        if meeting.notice_outdated:
            messages.info(request, _("The members get an updated notice."))
        return redirect(meeting)
    return form_page(request, form, _("Edit meeting %(ref)s") % {"ref": meeting.reference}, meeting)


@require_POST
def meeting_status(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    form = MeetingStatusForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, _("The meeting cannot move to that status."))
        return redirect(meeting)
    perform(
        request,
        lambda: meeting.change_status(form.cleaned_data["status"], by=request.user),
        lambda _result: (
            _("The meeting is now: %(status)s.") % {"status": meeting.get_status_display()}
        ),
    )
    return redirect(meeting)


@require_POST
def notice_send(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    perform(
        request,
        lambda: meeting.send_notice(by=request.user),
        lambda update: (
            _("The updated notice was sent to the members.")
            if update
            else _("The notice was sent to the members.")
        ),
    )
    return back_to(meeting, "notice")
