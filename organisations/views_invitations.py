"""Following an invitation: set a password (or sign in), accept the terms, join."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_not_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from organisations.applications import ApplicationError
from organisations.forms_invitations import AcceptForm, NewPersonForm
from organisations.models import Invitation


def _has_account(email):
    users = get_user_model().objects.filter(Q(email__iexact=email) | Q(username=email[:150]))
    return users.exists()


@login_not_required
def invitation(request, key):
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), key=key)
    context = {"invitation": invitation}
    if not invitation.is_pending:
        return render(request, "organisations/invitation.html", context, status=410)
    signed_in = request.user.is_authenticated
    if not signed_in and _has_account(invitation.email):
        return render(request, "organisations/invitation.html", {**context, "sign_in": True})
    form_class = AcceptForm if signed_in else NewPersonForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = _accept(request, invitation, form)
        except ApplicationError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        messages.success(
            request, _("Welcome to %(organisation)s.") % {"organisation": invitation.organisation}
        )
        if not signed_in:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(invitation.organisation)
    return render(request, "organisations/invitation.html", {**context, "form": form})


def _accept(request, invitation, form):
    if request.user.is_authenticated:
        invitation.accept(request.user)
        return request.user
    return invitation.accept_as_new_person(
        first_name=form.cleaned_data["first_name"],
        last_name=form.cleaned_data["last_name"],
        password=form.cleaned_data["password1"],
    )
