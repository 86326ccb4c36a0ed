"""Fetching records through the forum's rules, shared by the views."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from dialogues.exceptions import DialogueError
from dialogues.models import ActionItem, Attendance, Meeting
from dialogues.permissions import forum_or_404

ATTENDANCE = Prefetch(
    "attendances",
    Attendance.objects.select_related("organisation__parent", "user").order_by(
        "organisation__name", "pk"
    ),
)


def report(request, error):
    """Show a domain error's own message (dialogues/exceptions.py)."""
    messages.error(request, str(error))


def perform(request, step, success):
    """Take a model verb's step (`step()`): its success message, or the domain error's own
    message with nothing changed. Returns what the verb returned, or None after an error."""
    try:
        result = step()
    except DialogueError as error:
        report(request, error)
        return None
    messages.success(request, success(result) if callable(success) else success)
    return result


def form_page(request, form, title, back, submit=None):
    context = {"form": form, "title": title, "back": back, "submit": submit or _("Save")}
    return render(request, "dialogues/form_page.html", context)


def meeting_queryset():
    return Meeting.objects.select_related("forum", "minutes_approved_by").prefetch_related(
        ATTENDANCE, "agenda_items"
    )


def meeting_or_404(request, slug, year, number, need="any"):
    forum, rights = forum_or_404(request.user, slug, need)
    meeting = get_object_or_404(meeting_queryset(), forum=forum, year=year, number=number)
    meeting.forum = forum
    return forum, rights, meeting


def full_meeting(forum):
    """The forum's meetings with what the meeting page shows, in a fixed number of queries."""
    items = ActionItem.objects.select_related(
        "owner", "department", "responsible", "meeting__forum"
    )
    return (
        Meeting.objects.filter(forum=forum)
        .select_related("forum", "minutes_approved_by")
        .prefetch_related(
            "agenda_items__presenter",
            "agenda_items__agreement",
            "agenda_items__section__revision__agreement",
            ATTENDANCE,
            "addenda__author",
            Prefetch("action_items", queryset=items.with_overdue_flag()),
        )
    )


def action_item_or_404(request, slug, pk, need="any"):
    forum, rights = forum_or_404(request.user, slug, need)
    item = get_object_or_404(
        ActionItem.objects.select_related(
            "meeting", "owner", "department", "agenda_item", "responsible"
        ),
        meeting__forum=forum,
        pk=pk,
    )
    item.meeting.forum = forum
    return forum, rights, item


def require(condition):
    if not condition:
        raise Http404


def back_to(meeting, anchor=""):
    return redirect(meeting.get_absolute_url() + (f"#{anchor}" if anchor else ""))
