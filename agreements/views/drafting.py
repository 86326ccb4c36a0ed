"""Starting an agreement and writing its working draft, with conflict-safe saving."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import diff, permissions
from agreements.exceptions import AgreementError, EditConflict
from agreements.forms import CreateForm, DraftForm
from agreements.markdown import render as render_markdown
from agreements.models import Agreement


def create(request):
    municipalities = permissions.creatable_municipalities(request.user)
    if not municipalities.exists():
        raise Http404
    form = CreateForm(request.POST or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        agreement = Agreement.create(by=request.user, **form.cleaned_data)
        messages.success(request, _("The agreement was created. Write the first draft."))
        return redirect("agreements:draft", agreement.slug)
    return render(request, "agreements/create.html", {"form": form})


def _draft_url(agreement):
    return reverse("agreements:draft", args=[agreement.slug])


def draft(request, slug):
    agreement = permissions.get_agreement_or_404(request.user, slug, permissions.EDIT_DRAFT)
    working = agreement.revisions.drafts().select_related("updated_by", "based_on").first()
    if working is None or agreement.is_closed:
        messages.info(request, _("There is no working draft. Start a new draft first."))
        return redirect(agreement)
    if request.method != "POST":
        return _editor(request, agreement, working, DraftForm.for_draft(working))
    form = DraftForm(request.POST)
    if not form.is_valid():
        return _editor(request, agreement, working, form, status=400)
    if "preview" in request.POST:
        return _editor(request, agreement, working, form, preview=form.cleaned_data["body"])
    return _save(request, agreement, working, form)


def _save(request, agreement, working, form):
    data = form.cleaned_data
    try:
        working.save_text(
            title=data["title"],
            body=data["body"],
            change_summary=data["change_summary"],
            base_version=data["version"],
            by=request.user,
        )
    except EditConflict as conflict:
        return _conflict(request, agreement, conflict.current, data)
    except AgreementError as error:
        messages.error(request, str(error))
        return redirect(agreement)
    messages.success(request, _("The draft was saved."))
    return redirect(_draft_url(agreement))


def _editor(request, agreement, working, form, preview=None, status=200):
    context = {
        "agreement": agreement,
        "draft": working,
        "form": form,
        "preview_html": render_markdown(preview) if preview is not None else None,
        "sections": working.draft_sections(),
        "can_manage": permissions.can_manage(request.user, agreement),
    }
    return render(request, "agreements/draft.html", context, status=status)


def _conflict(request, agreement, current, mine):
    """Both texts side by side; the user's own text stays editable and nothing is lost."""
    form = DraftForm(
        initial={
            "title": mine["title"],
            "body": mine["body"],
            "change_summary": mine["change_summary"],
            "version": current.version,
        }
    )
    context = {
        "agreement": agreement,
        "current": current,
        "form": form,
        "mine": mine,
        "paragraphs": diff.diff_paragraphs(current.body, mine["body"]),
    }
    return render(request, "agreements/conflict.html", context, status=409)


@require_POST
def start_draft(request, slug):
    agreement = permissions.get_agreement_or_404(request.user, slug, permissions.EDIT_DRAFT)
    try:
        agreement.start_draft(by=request.user)
    except AgreementError as error:
        messages.error(request, str(error))
        return redirect(agreement)
    messages.success(request, _("A new draft was started from the latest revision."))
    return redirect(_draft_url(agreement))
