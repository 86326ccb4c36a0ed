from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from attachments.models import Attachment
from dialogues import ical
from dialogues.exceptions import AgendaFrozen
from dialogues.forms import AgendaItemForm, AttendanceForm, MeetingForm
from dialogues.permissions import (
    can_approve_minutes,
    can_read_minutes,
    forum_or_404,
    readable_agreement_ids,
)
from dialogues.views.common import full_meeting, meeting_or_404, report


def form_page(request, form, title, back, submit=None):
    context = {"form": form, "title": title, "back": back, "submit": submit or _("Save")}
    return render(request, "dialogues/form_page.html", context)


def _frozen(request, meeting):
    """Refuse to change the agenda or attendance of approved minutes (the model's rule)."""
    try:
        meeting.ensure_agenda_open()
    except AgendaFrozen as error:
        report(request, error)
        return redirect(meeting)
    return None


@login_not_required
def meeting_detail(request, slug, year, number):
    forum, rights = forum_or_404(request.user, slug)
    meeting = get_object_or_404(full_meeting(forum), year=year, number=number)
    items = Attachment.objects.prefetch_for(meeting.agenda_items.all())
    linked = readable_agreement_ids(request.user, {item.agreement_id for item in items})
    context = {
        "forum": forum,
        "meeting": meeting,
        "readable_agreements": linked,
        "rights": rights,
        "show_minutes": can_read_minutes(request.user, rights, meeting),
        "can_approve": can_approve_minutes(request.user, meeting),
    }
    return render(request, "dialogues/meeting_detail.html", context)


@login_not_required
def meeting_calendar(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number)
    body = ical.meeting_calendar(
        meeting, request.build_absolute_uri(meeting.get_absolute_url()), request.get_host()
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{meeting.forum.slug}-{meeting.year}-{meeting.number}.ics"'
    )
    return response


def meeting_create(request, slug):
    forum, _rights = forum_or_404(request.user, slug, "manage")
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.forum = forum
        meeting = form.save()
        messages.success(request, _("The meeting was created."))
        return redirect(meeting)
    return form_page(request, form, _("New meeting in %(forum)s") % {"forum": forum}, forum)


def meeting_edit(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The meeting was saved."))
        return redirect(meeting)
    return form_page(request, form, _("Edit meeting %(ref)s") % {"ref": meeting.reference}, meeting)


def agenda_item_add(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    if refused := _frozen(request, meeting):
        return refused
    initial = {"agreement": meeting.forum.agreement_id}
    form = AgendaItemForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.instance.meeting = meeting
        form.save()
        messages.success(request, _("The agenda item was added."))
        return redirect(meeting.get_absolute_url() + "#agenda")
    return form_page(request, form, _("New agenda item"), meeting)


def agenda_item_edit(request, slug, year, number, item_id):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    if refused := _frozen(request, meeting):
        return refused
    item = get_object_or_404(meeting.agenda_items, pk=item_id)
    form = AgendaItemForm(request.POST or None, instance=item, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The agenda item was saved."))
        return redirect(meeting.get_absolute_url() + "#agenda")
    return form_page(request, form, _("Edit agenda item"), meeting)


@require_POST
def agenda_item_move(request, slug, year, number, item_id):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    if refused := _frozen(request, meeting):
        return refused
    item = get_object_or_404(meeting.agenda_items, pk=item_id)
    item.move(-1 if request.POST.get("direction") == "up" else 1)
    return redirect(meeting.get_absolute_url() + "#agenda")


def attendance_add(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    if refused := _frozen(request, meeting):
        return refused
    form = AttendanceForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The attendance was recorded."))
        return redirect(meeting.get_absolute_url() + "#attendance")
    return form_page(request, form, _("Record attendance"), meeting)


@require_POST
def attendance_remove(request, slug, year, number, attendance_id):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    row = get_object_or_404(meeting.attendances, pk=attendance_id)
    if refused := _frozen(request, meeting):
        return refused
    row.delete()
    messages.success(request, _("The attendance row was removed."))
    return redirect(meeting.get_absolute_url() + "#attendance")
