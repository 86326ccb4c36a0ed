"""Workflow actions for the municipality's coordinators: each a GET page that explains and
confirms the step, and a POST (with CSRF token) that calls the model verb.

An illegal step raises a named error, shown as a message on the same page; nothing changes.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from agreements import consequences, permissions
from agreements.exceptions import AgreementError, NoDraft
from agreements.forms import (
    AdoptForm,
    CloseForm,
    ConsultationForm,
    PartyForm,
    SettingsForm,
    SignForm,
    StatusForm,
    WithdrawForm,
)


@dataclass
class Step:
    title: str
    explanation: str
    button: str
    success: str
    irreversible: bool = False


def _data(request):
    # An empty POST (a bare confirmation) is still a submitted form.
    return request.POST if request.method == "POST" else None


def _managed(request, slug):
    return permissions.get_agreement_or_404(request.user, slug, permissions.MANAGE)


def _perform(request, agreement, form, step, act, subject=None, **extra):
    """Validate, act, redirect with a message; or show the confirmation page again.

    `extra` goes to the page: `consequences` (what the step will do, listed before an
    irreversible step) and `unanswered` (comments still without an answer)."""
    if request.method == "POST" and form.is_valid():
        try:
            act(form.cleaned_data)
        except AgreementError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, step.success)
            return redirect(agreement)
    context = {"agreement": agreement, "form": form, "step": step, "subject": subject, **extra}
    return render(request, "agreements/action.html", context)


OPEN = Step(
    _("Open for consultation"),
    _(
        "The working draft is frozen as the next numbered revision and sent out for "
        "consultation. A published revision never changes again."
    ),
    _("Publish and open the consultation"),
    _("The revision was published for consultation."),
    irreversible=True,
)


def open_consultation(request, slug):
    agreement = _managed(request, slug)
    if not agreement.revisions.drafts().exists():
        # Nothing to send: say what comes first, where it can be done.
        messages.error(request, str(NoDraft()))
        return redirect(agreement)
    form = ConsultationForm(_data(request), agreement=agreement)
    return _perform(
        request,
        agreement,
        form,
        OPEN,
        lambda data: agreement.open_consultation(
            closes_at=data["closes_at"],
            by=request.user,
            shortened_reason=data["shortened_reason"],
            start_review=data.get("start_review", False),
            invited=form.invited(),
        ),
        consequences=consequences.of_opening(agreement),
    )


CLOSE = Step(
    _("Close the consultation"),
    _("The consultation ends now, also if its closing time has not come yet."),
    _("Close the consultation"),
    _("The consultation was closed."),
    irreversible=True,
)


def close_consultation(request, slug):
    agreement = _managed(request, slug)
    revision = agreement.revisions.published().order_by("-number").first()
    unanswered = consequences.unanswered(revision)
    form = _asking_about_unanswered(CloseForm(_data(request)), unanswered)
    return _perform(
        request,
        agreement,
        form,
        CLOSE,
        lambda data: agreement.close_consultation(
            by=request.user, accept_unanswered=data.get("accept_unanswered", False)
        ),
        consequences=consequences.of_closing(agreement, revision),
        **unanswered,
    )


def _asking_about_unanswered(form, unanswered):
    """The confirmation of going on despite unanswered comments, only when there are some."""
    if not unanswered["unanswered_count"]:
        del form.fields["accept_unanswered"]
    return form


ADOPT = Step(
    _("Record the adoption"),
    _(
        "Record the decision that adopted this revision: the deciding body, the date, the "
        "registration number and the minute reference. This cannot be undone."
    ),
    _("Record the adoption"),
    _("The adoption was recorded."),
    irreversible=True,
)


def adopt(request, slug, number):
    agreement = _managed(request, slug)
    revision = get_object_or_404(agreement.revisions.published(), number=number)
    unanswered = consequences.unanswered(revision)
    form = _asking_about_unanswered(AdoptForm(_data(request)), unanswered)
    return _perform(
        request,
        agreement,
        form,
        ADOPT,
        lambda data: agreement.adopt(revision, by=request.user, **data),
        subject=revision,
        consequences=consequences.of_adopting(agreement, revision),
        **unanswered,
    )


STATUS = Step(
    _("Change the status"),
    _(
        "Put the agreement in force, under review, or end it. Superseded and expired "
        "agreements cannot change again."
    ),
    _("Change the status"),
    _("The status was changed."),
    irreversible=True,
)


def change_status(request, slug):
    agreement = _managed(request, slug)
    form = StatusForm(_data(request), agreement=agreement)
    return _perform(
        request,
        agreement,
        form,
        STATUS,
        lambda data: agreement.change_status(
            data["status"], by=request.user, on=data["on"], superseded_by=data["superseded_by"]
        ),
    )


ADD_PARTY = Step(
    _("Add a party"),
    _("The organisation's members will see the agreement as a party."),
    _("Add party"),
    _("The party was added."),
)


def add_party(request, slug):
    agreement = _managed(request, slug)
    form = PartyForm(_data(request), agreement=agreement)
    return _perform(
        request,
        agreement,
        form,
        ADD_PARTY,
        lambda data: agreement.add_party(
            data["organisation"], data["role"], by=request.user, is_drafter=data["is_drafter"]
        ),
    )


SIGN = Step(
    _("Record a signature"),
    _("Record who signed the adopted agreement on behalf of the party, and when."),
    _("Record signature"),
    _("The signature was recorded."),
)


def sign(request, slug, party_id):
    agreement = _managed(request, slug)
    party = get_object_or_404(agreement.parties.select_related("organisation"), pk=party_id)
    form = SignForm(_data(request))
    return _perform(
        request,
        agreement,
        form,
        SIGN,
        lambda data: party.sign(by=request.user, **data),
        subject=party,
    )


WITHDRAW = Step(
    _("Record a withdrawal"),
    _("The party leaves the agreement. Its members lose access to what parties see."),
    _("Record withdrawal"),
    _("The withdrawal was recorded."),
    irreversible=True,
)


def withdraw(request, slug, party_id):
    agreement = _managed(request, slug)
    party = get_object_or_404(agreement.parties.select_related("organisation"), pk=party_id)
    form = WithdrawForm(_data(request))
    return _perform(
        request,
        agreement,
        form,
        WITHDRAW,
        lambda data: party.withdraw(by=request.user, **data),
        subject=party,
    )


SETTINGS = Step(
    _("Agreement details"),
    _("Title, summary, principles, openness and review cycle."),
    _("Save"),
    _("The details were saved."),
)


def settings(request, slug):
    agreement = _managed(request, slug)
    form = SettingsForm(_data(request), instance=agreement)
    return _perform(request, agreement, form, SETTINGS, lambda data: form.save())


class _EmptyForm(forms.Form):
    """A confirmation with nothing to fill in; the POST itself is the answer."""
