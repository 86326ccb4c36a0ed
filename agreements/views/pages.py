"""Reading pages: list, agreement, revision, compare and print. Public agreements for anyone."""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from agreements import diff, permissions
from agreements.forms import CompareForm, FilterForm
from agreements.markdown import RENDERING, render_cached
from agreements.models import Agreement, Revision
from consultation import permissions as consultation_rules

LIST_SIZE = 20
PARTIES = 50  # per page of the agreement page's party table


@login_not_required
def agreement_list(request):
    form = FilterForm(request.GET)
    agreements = form.filter(
        Agreement.objects.visible_to(request.user).select_related("municipality")
    ).order_by("-created_at")
    page = Paginator(agreements, LIST_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "agreements/list.html",
        {
            "form": form,
            "page_obj": page,
            "can_create": permissions.can_create_agreements(request.user),
        },
    )


def _rights(user, agreement):
    return {
        "can_manage": permissions.can_manage(user, agreement),
        "can_edit_draft": permissions.can_edit_draft(user, agreement),
        # Names of the people who acted are for those who work with the agreement.
        "show_actors": permissions.has_perm(user, permissions.VIEW, agreement),
    }


def current_revision(agreement):
    """The adopted revision (its text is loaded when first read: the agreement page takes it,
    rendered, from the cache), else the latest published one; or None."""
    return agreement.adopted_revision or agreement.revisions.published().order_by("-number").first()


@login_not_required
def agreement_detail(request, slug):
    agreement = permissions.get_agreement_or_404(request.user, slug)
    rights = _rights(request.user, agreement)
    current = current_revision(agreement)
    revisions = list(agreement.revisions.published().defer("body").order_by("-number"))
    draft = agreement.revisions.drafts().defer("body").first() if rights["can_edit_draft"] else None
    context = {
        "agreement": agreement,
        "current": current,
        "review": _review(request.user, current, revisions, draft),
        # A published revision never changes: its text and contents are cached as one
        # fragment under its id and the renderer's version (templates/agreements/detail.html).
        "rendering": RENDERING,
        "revisions": revisions,
        "previous": {r.number: r.number - 1 for r in revisions if r.number > 1},
        "draft": draft,
        # A thousand parties are a directory, not a table on this page: 50 at a time.
        "parties": Paginator(agreement.parties.select_related("organisation"), PARTIES).get_page(
            request.GET.get("page")
        ),
        "principles": agreement.principles.all(),
        **_timeline(agreement, rights),
        **rights,
    }
    return render(request, "agreements/detail.html", context)


def _timeline(agreement, rights):
    """The timeline's events, newest first (read only when its cached fragment is missing),
    and what of them can change: the timeline is append-only, but a draft's events take its
    number when it is published, and organisations and people can be renamed. The restricted
    lines (a draft action plan, an open follow-up) are for those who read the agreement by
    permission, the same readers who see the actors' names."""
    events = agreement.events.select_related("actor", "revision", "party__organisation")
    if not rights["show_actors"]:
        events = events.filter(restricted=False)
    events = events.order_by("-at", "-pk")
    stamp = events.values_list(
        "pk", "revision__number", "party__organisation__name",
        "actor__first_name", "actor__last_name", "actor__username",
    )  # fmt: skip
    return {"events": events.defer("revision__body"), "timeline_stamp": list(stamp)}


def _review(user, current, revisions, draft):
    """What is under review beside the adopted text: the newest later revision (open for
    comments or awaiting adoption) and where this user goes to read or comment on it, and
    the working draft for those who write it."""
    if current is None or current.state != Revision.State.ADOPTED:
        return None
    proposal = next((r for r in revisions if r.number > current.number), None)
    if proposal is None and draft is None:
        return None
    if proposal is None:
        return {"revision": None}
    return {
        "revision": proposal,
        "can_comment": consultation_rules.can_comment(user, proposal),
        "can_view_comments": consultation_rules.can_view_comments(user, proposal),
    }


def _published_revision(agreement, number):
    return get_object_or_404(
        agreement.revisions.published().prefetch_related("sections"), number=number
    )


@login_not_required
def revision_detail(request, slug, number):
    agreement = permissions.get_agreement_or_404(request.user, slug)
    revision = _published_revision(agreement, number)
    numbers = list(agreement.revisions.published().values_list("number", flat=True))
    context = {
        "agreement": agreement,
        "revision": revision,
        "body_html": render_cached(revision.body),
        "earlier": [n for n in numbers if n < number],
        "can_view_comments": consultation_rules.can_view_comments(request.user, revision),
        "can_view_report": consultation_rules.can_view_report(request.user, revision),
        **_rights(request.user, agreement),
    }
    return render(request, "agreements/revision.html", context)


def _default_pair(numbers):
    return {"from": numbers[-2], "to": numbers[-1]} if len(numbers) > 1 else None


@login_not_required
def compare(request, slug):
    agreement = permissions.get_agreement_or_404(request.user, slug)
    numbers = list(agreement.revisions.published().values_list("number", flat=True))
    asked = "from" in request.GET or "to" in request.GET
    data = request.GET if asked else _default_pair(numbers)
    form = CompareForm(data, numbers=numbers)
    context = {"agreement": agreement, "form": form, "sections": None}
    if data is None or not form.is_valid():
        return render(request, "agreements/compare.html", context, status=400 if asked else 200)
    wanted = form.cleaned_data["from"], form.cleaned_data["to"]
    pair = agreement.revisions.published().prefetch_related("sections").filter(number__in=wanted)
    by_number = {revision.number: revision for revision in pair}
    old, new = by_number[wanted[0]], by_number[wanted[1]]
    sections = diff.compare(old.section_list(), new.section_list())
    context.update(
        old=old,
        new=new,
        sections=sections,
        counts=diff.summary(sections),
        view=form.cleaned_data.get("view") or "side",
    )
    return render(request, "agreements/compare.html", context)


def printed_revision(request, slug):
    """(agreement, revision) to print: the current revision, or `?revision=N` if published;
    404 for a reader who may not see the agreement."""
    agreement = permissions.get_agreement_or_404(request.user, slug)
    number = request.GET.get("revision")
    if number is None:
        revision = current_revision(agreement)
    elif number.isdigit():
        revision = _published_revision(agreement, int(number))
    else:
        raise Http404
    if revision is None:
        raise Http404
    return agreement, revision


@login_not_required
def print_view(request, slug):
    agreement, revision = printed_revision(request, slug)
    context = {
        "agreement": agreement,
        "revision": revision,
        "body_html": render_cached(revision.body),
        "parties": agreement.parties.active().select_related("organisation"),
        "principles": agreement.principles.all(),
    }
    return render(request, "agreements/print.html", context)
