from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from dialogues import ical
from dialogues.models import ActionItem, Forum, ForumMember, Meeting, Theme
from dialogues.permissions import (
    feed_token,
    feed_user,
    forum_or_404,
    readable_agreement_ids,
    readable_forums,
)

OPEN_ITEMS_SHOWN = 10


@login_not_required
def forum_list(request):
    forums = readable_forums(request.user).select_related("organiser").prefetch_related("themes")
    theme = request.GET.get("theme", "")
    if theme:
        forums = forums.filter(themes__slug=theme)
    return render(
        request,
        "dialogues/forum_list.html",
        {"forums": forums, "themes": Theme.objects.all(), "current_theme": theme},
    )


def _forum_records(forum, rights):
    now = timezone.now()
    meetings = forum.meetings.all()
    items = (
        ActionItem.objects.filter(meeting__forum=forum)
        .unfinished()
        .select_related("owner", "department", "meeting__forum")
        .with_overdue_flag()
        .order_by("due_date", "pk")
    )
    records = {
        "upcoming": list(meetings.upcoming(now)),
        "past": list(meetings.past(now)),
        "open_items": list(items[:OPEN_ITEMS_SHOWN]),
        "open_item_count": items.count(),
    }
    if rights.discussion:
        records["topics"] = list(
            forum.topics.annotate(post_count=Count("posts")).order_by("-last_post_at")[:10]
        )
    return records


@login_not_required
def forum_detail(request, slug):
    forum, rights = forum_or_404(request.user, slug)
    forum = (
        Forum.objects.select_related("organiser", "agreement")
        .prefetch_related(
            "themes", Prefetch("members", ForumMember.objects.select_related("organisation"))
        )
        .get(pk=forum.pk)
    )
    context = {
        "forum": forum,
        "rights": rights,
        "feed_token": feed_token(request.user) if rights.view and not forum.is_public else "",
        "agreement": forum.agreement
        if readable_agreement_ids(request.user, {forum.agreement_id})
        else None,
        **_forum_records(forum, rights),
    }
    return render(request, "dialogues/forum_detail.html", context)


@login_not_required
def forum_calendar(request, slug):
    forum, _rights = forum_or_404(feed_user(request), slug)
    meetings = Meeting.objects.filter(forum=forum).order_by("starts_at")
    for meeting in meetings:
        meeting.forum = forum
    body = ical.forum_calendar(
        forum,
        meetings,
        lambda meeting: request.build_absolute_uri(meeting.get_absolute_url()),
        request.get_host(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{forum.slug}.ics"'
    return response
