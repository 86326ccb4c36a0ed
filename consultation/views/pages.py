"""The consultation page of a revision, the filtered comment list, the report and its CSV,
the closing-time extension and the notification settings."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from agreements import fragments
from agreements.exceptions import AgreementError
from agreements.models import (
    CarryOver,
    NotificationPreference,
    Readers,
    Revision,
    extend_consultation,
)
from attachments.models import Attachment
from consultation import permissions as rules
from consultation.forms import (
    CommentFilterForm,
    CommentForm,
    ExtendForm,
    NotificationPreferenceForm,
)
from consultation.report import build_report, invited_bodies, write_csv

PREVIEW_PER_SECTION = 3
PAGE_SIZE = 25


def login_unless_public(view):
    """Anonymous visitors read a public consultation; for any other they are asked to log in
    (the rule itself, `can_view_comments`, is asked by the view)."""

    @login_not_required
    @wraps(view)
    def wrapped(request, slug, number, *args, **kwargs):
        public = Revision.objects.published().filter(
            agreement__slug=slug, number=number, consultation_readers=Readers.PUBLIC
        )
        if not request.user.is_authenticated and not public.exists():
            return redirect_to_login(request.get_full_path())
        return view(request, slug, number, *args, **kwargs)

    return wrapped


def _latest_ids(revision):
    """Ids of the newest few comments of each section, whatever the total."""
    ranked = (
        revision.comments.top_level()
        .current()
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("section_id")], order_by=F("created_at").desc()
            )
        )
        .filter(rank__lte=PREVIEW_PER_SECTION)
    )
    return list(ranked.values_list("pk", flat=True))


def _comments_of(revision, items):
    """Give each item its comments (those whose ids it holds), loaded with what they show."""
    wanted = {pk: item for item in items for pk in item["ids"]}
    comments = revision.comments.for_preview().filter(pk__in=list(wanted))
    for item in items:
        item["comments"] = []
    for comment in Attachment.objects.prefetch_for(comments):
        wanted[comment.pk]["comments"].append(comment)


def _carried_by_section(revision):
    carried = {}
    rows = CarryOver.objects.filter(revision=revision).select_related(
        "comment__organisation", "comment__response", "comment__revision__agreement"
    )
    for row in rows.order_by("comment__created_at"):
        carried.setdefault(row.section_id, []).append(row)
    return carried


@login_unless_public
def consultation(request, slug, number):
    """The revision's text, section by section, with comments and counts beside each. The
    whole is cached until the comments next change; each section, rendered once, is cached
    until its own comments change (agreements/fragments.py)."""
    revision = rules.get_revision_or_404(request.user, slug, number)
    on_behalf_of = rules.revision_commenting_organisations(request.user, revision)
    can_comment = rules.can_comment(request.user, revision)
    hide_names = not rules.report_shows_names(request.user, revision)
    context = {"revision": revision, "agreement": revision.agreement, "can_comment": can_comment,
               "request": request, "hide_names": hide_names}  # fmt: skip
    comments_html = fragments.comments_page(
        revision,
        on_behalf_of,
        hide_names,
        lambda: _render_comments(revision, on_behalf_of, context),
    )
    form_html = can_comment and fragments.comment_form(
        revision,
        on_behalf_of,
        lambda: render_to_string(
            "includes/form.html", {"form": CommentForm(user=request.user, revision=revision)}
        ),
    )
    return render(request, "consultation/consultation.html", {
        **context, "comments_html": comments_html, "form_html": form_html,
        "can_answer": rules.can_answer(request.user, revision),
        "has_invitations": Revision.objects.filter(pk=revision.pk)
        .filter(Q(invitations__isnull=False) | Q(questions__isnull=False))
        .exists(),
    })  # fmt: skip


def _render_comments(revision, on_behalf_of, context):
    """The sections with the newest comments beside each, the comments on the whole revision
    and those whose passage is gone."""
    counts, carried = revision.comments.counts_by_section(), _carried_by_section(revision)
    stamps = fragments.comment_stamps(_latest_ids(revision))
    by_section = {}
    for pk, (section_id, stamp) in stamps.items():
        by_section.setdefault(section_id, []).append((pk, stamp))
    whole, *sections = (
        {
            "section": section,
            "count": counts.get(section and section.pk, 0),
            "ids": [pk for pk, _stamp in sorted(by_section.get(section and section.pk, []))],
            "stamps": sorted(by_section.get(section and section.pk, [])),
            "carried": carried.get(section and section.pk, []),
        }
        for section in [None, *revision.sections.all()]
    )
    _comments_of(revision, [whole])
    for item in sections:
        item["key"] = fragments.section_key(revision, item, on_behalf_of, context["hide_names"])
    fragments.render_sections(sections, context, lambda items: _comments_of(revision, items))
    return render_to_string("consultation/_comments.html", {
        **context, "sections": sections, "whole": whole,
        "orphaned": [row for row in carried.get(None, []) if row.kind == CarryOver.Kind.ORPHANED],
    })  # fmt: skip


def _filtered(request, revision, form):
    comments = revision.comments.top_level().for_display().order_by("-created_at")
    if not form.is_valid():
        return comments
    data = form.cleaned_data
    if data["organisation"]:
        comments = comments.filter(organisation=data["organisation"])
    if data["section"]:
        comments = comments.filter(section=data["section"])
    if data["disposition"]:
        comments = comments.filter(response__disposition=data["disposition"])
    if data["status"] == "answered":
        comments = comments.answered()
    elif data["status"] == "unanswered":
        comments = comments.unanswered().current()
    elif data["status"] == "mine":
        mine = rules.commenting_organisations(request.user, revision)
        comments = comments.filter(organisation__in=mine)
    return comments


@login_unless_public
def comment_list(request, slug, number):
    """All comments on the revision, filtered and paginated."""
    revision = rules.get_revision_or_404(request.user, slug, number)
    form = CommentFilterForm(request.GET or None, revision=revision)
    comments = _filtered(request, revision, form)
    page = Paginator(comments, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = Attachment.objects.prefetch_for(page.object_list)
    mine = {o.pk for o in rules.commenting_organisations(request.user, revision)}
    return render(request, "consultation/comment_list.html", {
        "revision": revision, "agreement": revision.agreement, "filter_form": form,
        "page_obj": page, "comments": page.object_list, "my_organisations": mine,
        "hide_names": not rules.report_shows_names(request.user, revision),
    })  # fmt: skip


@login_not_required
def report(request, slug, number):
    """The consultation report; the public sees a public agreement's without names."""
    revision = rules.get_revision_or_404(request.user, slug, number, check=rules.can_view_report)
    sections, organisations, dispositions = build_report(revision)
    return render(request, "consultation/report.html", {
        "revision": revision, "agreement": revision.agreement, "sections": sections,
        "invited": invited_bodies(revision),
        "organisations": organisations, "dispositions": dispositions,
        "with_names": rules.report_shows_names(request.user, revision),
    })  # fmt: skip


@login_not_required
def report_csv(request, slug, number):
    revision = rules.get_revision_or_404(request.user, slug, number, check=rules.can_view_report)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"remissammanstallning-{revision.agreement.slug}-{revision.number}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    write_csv(revision, response, with_names=rules.report_shows_names(request.user, revision))
    return response


@require_http_methods(["GET", "POST"])
def extend(request, slug, number):
    """The municipal coordinator moves the closing time later."""
    revision = rules.get_revision_or_404(request.user, slug, number, check=rules.can_answer)
    form = ExtendForm(request.POST or None)
    if form.is_valid():
        try:
            extend_consultation(revision, closes_at=form.cleaned_data["closes_at"], by=request.user)
        except AgreementError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The closing time has been extended."))
            return redirect("consultation:consultation", slug, number)
    return render(request, "consultation/extend.html", {
        "revision": revision, "agreement": revision.agreement, "form": form,
    })  # fmt: skip


@require_http_methods(["GET", "POST"])
def notification_settings(request):
    preference = NotificationPreference.for_user(request.user)
    # Bound on every POST: unticking the only box sends an empty form.
    data = request.POST if request.method == "POST" else None
    form = NotificationPreferenceForm(data, instance=preference)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("consultation:notification_settings")
    return render(request, "consultation/notifications.html", {"form": form})
