"""Fetching records through the forum's rules, shared by the views."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from dialogues.models import ActionItem, Meeting
from dialogues.permissions import forum_or_404


def report(request, error):
    """Show a domain error's own message (dialogues/exceptions.py)."""
    messages.error(request, str(error))


def meeting_queryset():
    return Meeting.objects.select_related("forum", "minutes_approved_by").prefetch_related(
        "attendances__organisation",
    )


def meeting_or_404(request, slug, year, number, need="any"):
    forum, rights = forum_or_404(request.user, slug, need)
    meeting = get_object_or_404(meeting_queryset(), forum=forum, year=year, number=number)
    meeting.forum = forum
    return forum, rights, meeting


def full_meeting(forum):
    """The forum's meetings with what the meeting page shows, in a fixed number of queries."""
    items = ActionItem.objects.select_related("owner", "department", "meeting__forum")
    return (
        Meeting.objects.filter(forum=forum)
        .select_related("forum", "minutes_approved_by")
        .prefetch_related(
            "agenda_items__presenter",
            "agenda_items__agreement",
            "attendances__organisation",
            "addenda__author",
            Prefetch("action_items", queryset=items.with_overdue_flag()),
        )
    )


def action_item_or_404(request, slug, pk, need="any"):
    forum, rights = forum_or_404(request.user, slug, need)
    item = get_object_or_404(
        ActionItem.objects.select_related("meeting", "owner", "department", "agenda_item"),
        meeting__forum=forum,
        pk=pk,
    )
    item.meeting.forum = forum
    return forum, rights, item


def require(condition):
    if not condition:
        raise Http404
