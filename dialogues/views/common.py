"""Fetching records through the forum's rules, shared by the views."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from dialogues import exceptions
from dialogues.models import ActionItem, Meeting
from dialogues.permissions import forum_or_404

# One clear Swedish (or English) sentence per domain error.
ERRORS = {
    exceptions.MinutesFrozen: _("Approved minutes cannot be changed. Add an addendum instead."),
    exceptions.MinutesNotDraft: _("The minutes have already been sent for checking."),
    exceptions.MinutesNotSentForChecking: _("The minutes must be sent for checking first."),
    exceptions.MinutesEmpty: _("Write the minutes before sending them for checking."),
    exceptions.NoMinutesChecker: _(
        "Add a present attendee with the role minutes checker before sending the minutes."
    ),
    exceptions.NotMinutesChecker: _(
        "Only a member of the minutes checker's organisation can approve the minutes."
    ),
    exceptions.MinutesNotApproved: _("Addenda are for approved minutes; edit the draft instead."),
    exceptions.InvalidTransition: _("The action item cannot move to that status."),
    exceptions.EditWindowClosed: _("The time for editing this post has passed."),
    exceptions.HiddenPost: _("A hidden post cannot be edited."),
    exceptions.ReasonRequired: _("Give a reason for hiding the post."),
}


def report(request, error):
    messages.error(request, ERRORS.get(type(error), _("That is not possible right now.")))


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
