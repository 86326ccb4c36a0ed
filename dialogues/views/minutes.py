from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogues.exceptions import DialogueError, MinutesFrozen
from dialogues.forms import AddendumForm, MinutesForm
from dialogues.permissions import user_organisation_ids
from dialogues.views.common import meeting_or_404, report
from dialogues.views.meetings import form_page


def minutes_edit(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    if meeting.minutes_approved:
        report(request, MinutesFrozen())
        return redirect(meeting.get_absolute_url() + "#minutes")
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes})
    if request.method == "POST" and form.is_valid():
        try:
            meeting.write_minutes(form.cleaned_data["minutes"], by=request.user)
        except DialogueError as error:
            report(request, error)
        else:
            messages.success(request, _("The minutes were saved."))
        return redirect(meeting.get_absolute_url() + "#minutes")
    return form_page(
        request, form, _("Minutes of meeting %(ref)s") % {"ref": meeting.reference}, meeting
    )


@require_POST
def minutes_send(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    try:
        meeting.send_minutes_for_checking(by=request.user)
    except DialogueError as error:
        report(request, error)
    else:
        messages.success(request, _("The minutes were sent to the attendees for checking."))
    return redirect(meeting.get_absolute_url() + "#minutes")


@require_POST
def minutes_approve(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "view")
    try:
        meeting.approve_minutes(
            by=request.user, organisation_ids=user_organisation_ids(request.user)
        )
    except DialogueError as error:
        report(request, error)
    else:
        messages.success(request, _("The minutes were approved and can no longer be changed."))
    return redirect(meeting.get_absolute_url() + "#minutes")


@require_POST
def addendum_add(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    form = AddendumForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the text of the addendum."))
        return redirect(meeting.get_absolute_url() + "#minutes")
    try:
        meeting.add_addendum(form.cleaned_data["text"], by=request.user)
    except DialogueError as error:
        report(request, error)
    else:
        messages.success(request, _("The addendum was added to the minutes."))
    return redirect(meeting.get_absolute_url() + "#minutes")
