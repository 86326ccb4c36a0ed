"""An association signs or leaves an agreement on its own page, through the agreement's verbs.

The authorised signatory is the organisation's coordinator (`manage_members`); everyone else
gets 404. Signing and withdrawing land on the agreement's timeline, and withdrawing changes
what the members see at once (agreements/signals.py recomputes the grants in the same
transaction).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.forms_invitations import WithdrawalForm
from organisations.views import _managed_organisation


def _party(request, slug, party_id):
    organisation = _managed_organisation(request, slug)
    party = get_object_or_404(
        organisation.agreement_parties.select_related("agreement", "organisation"), pk=party_id
    )
    return organisation, party


@require_POST
def sign(request, slug, party_id):
    from agreements.exceptions import AgreementError
    from agreements.forms import SignForm

    organisation, party = _party(request, slug, party_id)
    form = SignForm(request.POST)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(error))
        return redirect(organisation.get_absolute_url() + "#agreements")
    try:
        party.sign(by=request.user, **form.cleaned_data)
    except AgreementError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The signature was recorded."))
    return redirect(organisation.get_absolute_url() + "#agreements")


def withdraw(request, slug, party_id):
    from agreements.exceptions import AgreementError

    organisation, party = _party(request, slug, party_id)
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            party.withdraw(by=request.user, **form.cleaned_data)
        except AgreementError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The withdrawal was recorded."))
        return redirect(organisation.get_absolute_url() + "#agreements")
    status = 400 if request.method == "POST" else 200
    context = {"party": party, "form": form}
    return render(request, "organisations/withdraw.html", context, status=status)
