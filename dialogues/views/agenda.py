from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogues.exceptions import DialogueError
from dialogues.forms import AgendaItemForm
from dialogues.views.common import back_to, form_page, meeting_or_404, report


def _open_meeting(request, slug, year, number):
    """The meeting, if its agenda may change; else None after saying why (the model's rule)."""
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    try:
        meeting.ensure_agenda_open()
    except DialogueError as error:
        report(request, error)
        return meeting, False
    return meeting, True


def agenda_item_add(request, slug, year, number):
    meeting, is_open = _open_meeting(request, slug, year, number)
    if not is_open:
        return back_to(meeting, "agenda")
    initial = {"agreement": meeting.forum.agreement_id}
    form = AgendaItemForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.instance.meeting = meeting
        form.save()
        messages.success(request, _("The agenda item was added."))
        return back_to(meeting, "agenda")
    return form_page(request, form, _("New agenda item"), meeting)


def agenda_item_edit(request, slug, year, number, item_id):
    meeting, is_open = _open_meeting(request, slug, year, number)
    if not is_open:
        return back_to(meeting, "agenda")
    item = get_object_or_404(meeting.agenda_items, pk=item_id)
    form = AgendaItemForm(request.POST or None, instance=item, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The agenda item was saved."))
        return back_to(meeting, "agenda")
    return form_page(request, form, _("Edit agenda item"), meeting)


@require_POST
def agenda_item_move(request, slug, year, number, item_id):
    meeting, is_open = _open_meeting(request, slug, year, number)
    if is_open:
        item = get_object_or_404(meeting.agenda_items, pk=item_id)
        item.move(-1 if request.POST.get("direction") == "up" else 1)
    return back_to(meeting, "agenda")


@require_POST
def agenda_item_remove(request, slug, year, number, item_id):
    meeting, is_open = _open_meeting(request, slug, year, number)
    if is_open:
        item = get_object_or_404(meeting.agenda_items, pk=item_id)
        item.delete()
        messages.success(request, _("The agenda item was removed."))
    return back_to(meeting, "agenda")
