"""The invited bodies of a consultation: the cover letter, the questions and their answers,
who has answered, declined or not answered yet; answering and declining for an invited
organisation; inviting one more and reminding those who have not answered, for the
coordinators. Rules: consultation/permissions.py; changes: the model verbs."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements.exceptions import AgreementError
from agreements.models import Invitation, remind_waiting
from consultation import permissions as rules
from consultation.errors import NotInvited
from consultation.forms import AnswerForm, DeclineForm, InviteForm
from consultation.report import invited_bodies
from consultation.views.pages import login_unless_public


def _page(request, revision, **bound):
    """The page, with a form given in `bound` (one that did not pass) shown as it was sent."""
    bodies = invited_bodies(revision)
    invitations = bodies.invitations
    mine = {o.pk for o in rules.answering_organisations(request.user, revision)}
    waiting = [i.organisation for i in invitations if i.organisation_id in mine and not (
        i.declined_at or i.answered_at)]  # fmt: skip
    not_declined = [i.organisation for i in invitations if i.organisation_id in mine and (
        not i.declined_at)]  # fmt: skip
    questions = bodies.questions
    for question in questions:
        answered = {answer.organisation_id for answer in question.answers.all()}
        open_for = [o for o in not_declined if o.pk not in answered]
        prefix = f"q{question.pk}"
        question.form = bound.get(prefix) or (
            AnswerForm(organisations=open_for, prefix=prefix) if open_for else None
        )
    manage = rules.can_manage_invitations(request.user, revision)
    decline_form = bound.get("decline") or (DeclineForm(organisations=waiting) if waiting else None)
    return render(request, "consultation/invitations.html", {
        "revision": revision, "agreement": revision.agreement, "questions": questions,
        "invitations": invitations, "decline_form": decline_form,
        "invite_form": manage and (bound.get("invite") or InviteForm(revision=revision)),
        "can_remind": manage and any(i.status == Invitation.Status.WAITING for i in invitations),
    })  # fmt: skip


@login_unless_public
def invitations(request, slug, number):
    revision = rules.get_revision_or_404(request.user, slug, number)
    return _page(request, revision)


def _done(request, revision, act, success):
    try:
        act()
    except AgreementError as error:
        messages.error(request, str(error))
        return None
    messages.success(request, success)
    return redirect("consultation:invitations", revision.agreement.slug, revision.number)


@require_POST
def answer(request, slug, number, question_id):
    revision = rules.get_revision_or_404(request.user, slug, number)
    question = revision.questions.filter(pk=question_id).first()
    answering = rules.answering_organisations(request.user, revision)
    if question is None:
        return _page(request, revision)  # a question of another revision: nothing to answer
    form = AnswerForm(request.POST, organisations=answering, prefix=f"q{question.pk}")
    if not answering:
        messages.error(request, str(NotInvited()))
    elif form.is_valid():
        data = form.cleaned_data
        done = _done(
            request, revision,
            lambda: question.answer(organisation=data["organisation"], body=data["body"],
                                    by=request.user),
            _("Your answer has been saved."),
        )  # fmt: skip
        if done:
            return done
    return _page(request, revision, **{f"q{question.pk}": form})


@require_POST
def decline(request, slug, number):
    revision = rules.get_revision_or_404(request.user, slug, number)
    answering = rules.answering_organisations(request.user, revision)
    form = DeclineForm(request.POST, organisations=answering)
    if not answering:
        messages.error(request, str(NotInvited()))
    elif form.is_valid():
        data = form.cleaned_data
        invitation = Invitation.objects.get(revision=revision, organisation=data["organisation"])
        invitation.revision = revision
        done = _done(
            request, revision,
            lambda: invitation.decline(reason=data["reason"], by=request.user),
            _("Your organisation has declined to answer."),
        )  # fmt: skip
        if done:
            return done
    return _page(request, revision, decline=form)


@require_POST
def invite(request, slug, number):
    revision = rules.get_revision_or_404(request.user, slug, number, check=rules.can_answer)
    form = InviteForm(request.POST, revision=revision)
    if form.is_valid():
        organisation = form.cleaned_data["organisation"]
        done = _done(
            request, revision,
            lambda: Invitation.invite(revision, organisation, by=request.user),
            _("%(organisation)s has been invited.") % {"organisation": organisation.name},
        )  # fmt: skip
        if done:
            return done
    return _page(request, revision, invite=form)


@require_POST
def remind(request, slug, number):
    revision = rules.get_revision_or_404(request.user, slug, number, check=rules.can_answer)
    done = _done(
        request, revision,
        lambda: remind_waiting(revision, by=request.user),
        _("A reminder is being sent to the organisations that have not answered."),
    )  # fmt: skip
    return done or redirect("consultation:invitations", slug, number)
