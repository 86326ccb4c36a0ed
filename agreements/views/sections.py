"""Editing the working draft one section at a time: edit, add, move and remove a section.

Each section editor carries the fingerprint of the section as it was read; if that section
changed (or was renamed or removed) before the save, the user gets the conflict page with
both texts and theirs still editable. Edits of different sections never conflict. The rules
are the draft editor's (EDIT_DRAFT); the changes are the verbs on `Revision`.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import diff, draft_sections, permissions
from agreements.exceptions import AgreementError, SectionConflict
from agreements.forms import NewSectionForm, SectionForm, SectionRemoveForm


def _working_draft(request, slug):
    """(agreement, draft), or (agreement, None) with a message when there is no draft."""
    agreement = permissions.get_agreement_or_404(request.user, slug, permissions.EDIT_DRAFT)
    working = agreement.revisions.drafts().first()
    if working is None or agreement.is_closed:
        messages.info(request, _("There is no working draft. Start a new draft first."))
        return agreement, None
    return agreement, working


def _draft_url(agreement, anchor=None):
    url = reverse("agreements:draft", args=[agreement.slug])
    return f"{url}#section-{anchor}" if anchor else url


def _section_or_none(working, anchor):
    return next((s for s in working.draft_sections() if s.anchor == anchor), None)


def edit_section(request, slug, anchor):
    agreement, working = _working_draft(request, slug)
    if working is None:
        return redirect(agreement)
    section = _section_or_none(working, anchor)
    if request.method != "POST":
        if section is None:
            return _gone(request, agreement)
        form = SectionForm.for_section(section)
        return _editor(request, agreement, section, form)
    form = SectionForm(request.POST, preamble=anchor == draft_sections.PREAMBLE_ANCHOR)
    if not form.is_valid():
        return _editor(request, agreement, section, form, status=400)
    data = form.cleaned_data
    try:
        __, new_anchor = working.save_section(
            anchor, heading=data.get("heading", ""), body=data["body"],
            base_fingerprint=data["fingerprint"], by=request.user,
        )  # fmt: skip
    except SectionConflict as conflict:
        return _conflict(request, agreement, conflict, anchor, data)
    except AgreementError as error:
        return _refused(request, agreement, section, form, error)
    messages.success(request, _("The section was saved."))
    return redirect(_draft_url(agreement, new_anchor))


def _editor(request, agreement, section, form, status=200):
    context = {"agreement": agreement, "section": section, "form": form}
    return render(request, "agreements/section_edit.html", context, status=status)


def _refused(request, agreement, section, form, error):
    """Bad input the model refused: the message above the form, the user's text kept."""
    form.add_error(None, str(error))
    if section is None:
        return _gone(request, agreement)
    return _editor(request, agreement, section, form, status=400)


def _gone(request, agreement):
    messages.error(
        request, _("The section is no longer in the draft: someone renamed or removed it.")
    )
    return redirect(_draft_url(agreement))


def _conflict(request, agreement, conflict, anchor, mine):
    """Both texts; the user's own text stays editable. If the section is gone (renamed or
    removed), the user's text can be added as a new section instead."""
    current = conflict.section
    mine_text = draft_sections.compose(mine.get("heading", ""), 1, mine["body"])
    if current is None:
        form = NewSectionForm(initial={**mine, "level": 1})
        action = reverse("agreements:add_section", args=[agreement.slug])
    else:
        form = SectionForm(
            initial={**mine, "fingerprint": current.fingerprint}, preamble=current.is_preamble
        )
        action = reverse("agreements:draft_section", args=[agreement.slug, anchor])
    context = {
        "agreement": agreement,
        "draft": conflict.current,
        "current": current,
        "form": form,
        "action": action,
        "paragraphs": diff.diff_paragraphs(current.text if current else "", mine_text),
    }
    return render(request, "agreements/section_conflict.html", context, status=409)


def add_section(request, slug):
    agreement, working = _working_draft(request, slug)
    if working is None:
        return redirect(agreement)
    after = request.GET.get("after", "")
    form = NewSectionForm(request.POST or None, initial={"after": after})
    context = {"agreement": agreement, "form": form, "after": _section_or_none(working, after)}
    if request.method != "POST":
        return render(request, "agreements/section_add.html", context)
    if not form.is_valid():
        return render(request, "agreements/section_add.html", context, status=400)
    data = form.cleaned_data
    try:
        __, anchor = working.add_section(
            after=data["after"], heading=data["heading"], level=data["level"],
            body=data["body"], by=request.user,
        )  # fmt: skip
    except SectionConflict:
        form.add_error(None, _("The section to add after is no longer in the draft."))
        return render(request, "agreements/section_add.html", context, status=409)
    except AgreementError as error:
        form.add_error(None, str(error))
        return render(request, "agreements/section_add.html", context, status=400)
    messages.success(request, _("The section was added."))
    return redirect(_draft_url(agreement, anchor))


@require_POST
def move_section(request, slug, anchor):
    agreement, working = _working_draft(request, slug)
    if working is None:
        return redirect(agreement)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    try:
        working.move_section(anchor, direction, by=request.user)
    except SectionConflict:
        return _gone(request, agreement)
    except AgreementError as error:
        messages.error(request, str(error))
        return redirect(_draft_url(agreement, anchor))
    messages.success(request, _("The section was moved."))
    return redirect(_draft_url(agreement, anchor))


def remove_section(request, slug, anchor):
    """A confirmation page showing what goes; the removal checks it is still that text."""
    agreement, working = _working_draft(request, slug)
    if working is None:
        return redirect(agreement)
    section = _section_or_none(working, anchor)
    if section is None:
        return _gone(request, agreement)
    form = SectionRemoveForm(request.POST or None, initial={"fingerprint": section.fingerprint})
    context = {"agreement": agreement, "section": section, "form": form}
    if request.method != "POST" or not form.is_valid():
        return render(request, "agreements/section_remove.html", context)
    try:
        working.remove_section(
            anchor, base_fingerprint=form.cleaned_data["fingerprint"], by=request.user
        )
    except SectionConflict:
        messages.error(
            request, _("Someone changed the section since you opened this page. Check it again.")
        )
        context["form"] = SectionRemoveForm(initial={"fingerprint": section.fingerprint})
        return render(request, "agreements/section_remove.html", context, status=409)
    except AgreementError as error:
        messages.error(request, str(error))
        return redirect(_draft_url(agreement))
    messages.success(request, _("The section was removed."))
    return redirect(_draft_url(agreement))
