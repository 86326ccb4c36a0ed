from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogues import ical
from dialogues.forms import ForumCloseForm, ForumForm
from dialogues.models import ActionItem, Forum, ForumMember, Meeting, Theme
from dialogues.permissions import (
    can_see_people,
    feed_token,
    feed_user,
    forum_or_404,
    organisers_for,
    readable_agreement_ids,
    readable_forums,
    shows_private_names,
)
from dialogues.views.common import form_page, perform
from organisations.models import Organisation

OPEN_ITEMS_SHOWN = 10


@login_not_required
def forum_list(request):
    forums = readable_forums(request.user).select_related("organiser").prefetch_related("themes")
    theme = request.GET.get("theme", "")
    if theme:
        forums = forums.filter(themes__slug=theme)
    context = {
        "forums": forums,
        "themes": Theme.objects.all(),
        "current_theme": theme,
        "can_create": organisers_for(request.user).exists(),
    }
    return render(request, "dialogues/forum_list.html", context)


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
        Forum.objects.select_related("organiser", "agreement", "chair", "secretary")
        .prefetch_related(
            "themes",
            "principles",
            Prefetch("members", ForumMember.objects.select_related("organisation")),
        )
        .get(pk=forum.pk)
    )
    context = {
        "forum": forum,
        "rights": rights,
        "people": forum.people() if can_see_people(rights) else None,
        "show_names": shows_private_names(rights),
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
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{forum.slug}.ics"'
    return response


def forum_create(request):
    organisers = organisers_for(request.user)
    if not organisers.exists():
        raise Http404
    form = ForumForm(request.POST or None, user=request.user, organisers=organisers)
    if request.method == "POST" and form.is_valid():
        forum = form.save()
        messages.success(request, _("The forum was created."))
        return redirect(forum)
    return render(request, "dialogues/forum_form.html", {"form": form, "forum": None})


def forum_edit(request, slug):
    forum, _rights = forum_or_404(request.user, slug, "manage")
    mine = organisers_for(request.user).values("pk")
    organisers = Organisation.objects.filter(Q(pk__in=mine) | Q(pk=forum.organiser_id))
    form = ForumForm(request.POST or None, instance=forum, user=request.user, organisers=organisers)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The forum was saved."))
        return redirect(forum)
    return render(request, "dialogues/forum_form.html", {"form": form, "forum": forum})


def forum_close(request, slug):
    forum, _rights = forum_or_404(request.user, slug, "manage")
    form = ForumCloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        perform(request, lambda: forum.close(by=request.user), _("The forum was closed."))
        return redirect(forum)
    title = _("Close %(forum)s") % {"forum": forum}
    return form_page(request, form, title, forum, submit=_("Close the forum"))


@require_POST
def forum_reopen(request, slug):
    forum, _rights = forum_or_404(request.user, slug, "manage")
    perform(request, lambda: forum.reopen(by=request.user), _("The forum is open again."))
    return redirect(forum)
