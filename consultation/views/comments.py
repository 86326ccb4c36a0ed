"""Writing, editing, withdrawing, replying to and answering comments; each view fetches
through consultation/permissions.py, calls one model verb and redirects."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from agreements.exceptions import AgreementError
from agreements.models import Comment
from attachments.models import Attachment
from consultation import permissions as rules
from consultation.forms import CommentForm, EditCommentForm, ReplyForm, ResponseForm
from consultation.views.pages import login_unless_public


def _commentable_revision(request, slug, number):
    revision = rules.get_revision_or_404(request.user, slug, number)
    if not rules.can_comment(request.user, revision):
        if rules.commenting_organisations(request.user, revision):
            messages.error(request, _("The consultation on this revision is closed."))
        else:
            messages.error(
                request, _("Only members of party or invited organisations can comment.")
            )
        return revision, False
    return revision, True


@require_http_methods(["GET", "POST"])
def comment_create(request, slug, number):
    """Write a comment; without JavaScript, the section is chosen from a list."""
    revision, allowed = _commentable_revision(request, slug, number)
    if not allowed:
        return redirect("consultation:consultation", slug, number)
    initial = {"section": request.GET.get("section"), "quote": request.GET.get("quote", "")}
    form = CommentForm(request.POST or None, user=request.user, revision=revision, initial=initial)
    if form.is_valid():
        data = form.cleaned_data
        try:
            comment = Comment.post(
                revision=revision, author=request.user, organisation=data["organisation"],
                body=data["body"], section=data["section"], quote=data["quote"],
            )  # fmt: skip
        except AgreementError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your comment has been published."))
            return redirect(comment)
    return render(request, "consultation/comment_form.html", {
        "revision": revision, "agreement": revision.agreement, "form": form,
    })  # fmt: skip


@login_unless_public
def comment_detail(request, slug, number, pk):
    revision = rules.get_revision_or_404(request.user, slug, number)
    comment = rules.get_comment_or_404(request.user, revision, pk)
    if comment.parent_id:
        return redirect(comment.parent.get_absolute_url() + f"#comment-{comment.pk}")
    replies = comment.replies.select_related("author", "organisation")
    replies = Attachment.objects.prefetch_for(replies)
    for reply in replies:
        reply.revision = revision  # their file rules ask for it
    can_comment = rules.can_comment(request.user, revision)
    return render(request, "consultation/comment_detail.html", {
        "revision": revision, "agreement": revision.agreement, "comment": comment,
        "response": getattr(comment, "response", None), "replies": replies,
        "carry_overs": comment.carry_overs.select_related("revision", "section"),
        "reply_form": ReplyForm(user=request.user, revision=revision) if can_comment else None,
        "can_edit": rules.can_edit_comment(request.user, comment),
        "hide_names": not rules.report_shows_names(request.user, revision),
        "can_answer": rules.can_answer(request.user, revision) and not comment.is_withdrawn,
    })  # fmt: skip


@require_http_methods(["GET", "POST"])
def comment_edit(request, slug, number, pk):
    revision = rules.get_revision_or_404(request.user, slug, number)
    comment = rules.get_comment_or_404(request.user, revision, pk)
    if comment.author_id != request.user.pk:
        raise Http404
    if not rules.can_edit_comment(request.user, comment):
        messages.error(request, _("The comment can no longer be changed."))
        return redirect(comment)
    form = EditCommentForm(request.POST or None, initial={"body": comment.body})
    if form.is_valid():
        try:
            comment.edit(body=form.cleaned_data["body"], by=request.user)
        except AgreementError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your comment has been updated."))
        return redirect(comment)
    return render(request, "consultation/comment_edit.html", {
        "revision": revision, "agreement": revision.agreement, "comment": comment, "form": form,
    })  # fmt: skip


@require_POST
def comment_withdraw(request, slug, number, pk):
    revision = rules.get_revision_or_404(request.user, slug, number)
    comment = rules.get_comment_or_404(request.user, revision, pk)
    if comment.author_id != request.user.pk:
        raise Http404
    try:
        comment.withdraw(by=request.user)
    except AgreementError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your comment has been withdrawn."))
    return redirect(comment)


@require_POST
def comment_reply(request, slug, number, pk):
    revision = rules.get_revision_or_404(request.user, slug, number)
    parent = rules.get_comment_or_404(request.user, revision, pk)
    form = ReplyForm(request.POST, user=request.user, revision=revision)
    if not form.is_valid():
        messages.error(request, _("Write a reply and choose an organisation."))
        return redirect(parent)
    try:
        reply = Comment.post(
            revision=revision, author=request.user, parent=parent,
            organisation=form.cleaned_data["organisation"], body=form.cleaned_data["body"],
        )  # fmt: skip
    except AgreementError as error:
        messages.error(request, str(error))
        return redirect(parent)
    messages.success(request, _("Your reply has been published."))
    return redirect(parent.get_absolute_url() + f"#comment-{reply.pk}")


@require_http_methods(["GET", "POST"])
def comment_respond(request, slug, number, pk):
    """The municipal coordinator answers with a disposition and a reason."""
    revision = rules.get_revision_or_404(request.user, slug, number, check=rules.can_answer)
    comment = rules.get_comment_or_404(request.user, revision, pk)
    response = getattr(comment, "response", None)
    initial = {"disposition": response.disposition, "reason": response.reason} if response else {}
    form = ResponseForm(request.POST or None, revision=revision, initial=initial)
    if form.is_valid():
        section = form.cleaned_data["addressed_section"]
        try:
            comment.answer(
                disposition=form.cleaned_data["disposition"], reason=form.cleaned_data["reason"],
                by=request.user, addressed_section=section,
                addressed_in=section.revision if section else None,
            )  # fmt: skip
        except AgreementError as error:
            messages.error(request, str(error))
            return redirect(comment)
        messages.success(request, _("The response has been saved."))
        return redirect(comment)
    return render(request, "consultation/comment_respond.html", {
        "revision": revision, "agreement": revision.agreement, "comment": comment, "form": form,
    })  # fmt: skip
