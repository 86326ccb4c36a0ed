from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations import permissions
from organisations.forms import AddMemberForm, DirectoryFilterForm, RoleForm
from organisations.forms_invitations import InviteForm
from organisations.models import (
    AlreadyMember,
    Invitation,
    LastCoordinator,
    Membership,
    Organisation,
)


@login_not_required
def organisation_list(request):
    form = DirectoryFilterForm(request.GET)
    organisations = form.filter(Organisation.objects.active().select_related("parent"))
    page = Paginator(organisations, 25).get_page(request.GET.get("page"))
    return render(request, "organisations/list.html", {"form": form, "page_obj": page})


@login_not_required
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.active().select_related("parent"), slug=slug
    )
    can_view_members = permissions.has_perm(
        request.user, "organisations.view_members", organisation
    )
    can_manage = permissions.has_perm(request.user, "organisations.manage_members", organisation)
    members = (
        organisation.memberships.select_related("user").order_by("role", "user__username")
        if can_view_members
        else None
    )
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "members": members,
            "can_manage": can_manage,
            "add_form": AddMemberForm() if can_manage else None,
            "invite_form": InviteForm() if can_manage else None,
            "invitations": organisation.invitations.filter(accepted_at__isnull=True)
            if can_manage
            else None,
            "parties": organisation.agreement_parties.select_related("agreement")
            if can_manage
            else None,
            "sign_form": _sign_form() if can_manage else None,
            "own_membership": organisation.memberships.filter(user=request.user.pk).first(),
            "role_choices": Membership.Role.choices,
            "departments": organisation.children.active(),
            "area_names": _area_names(organisation),
        },
    )


def _area_names(organisation):
    from organisations.applications import Area

    return [str(Area(code).label) for code in organisation.areas if code in Area.values]


def _sign_form():
    from agreements.forms import SignForm

    return SignForm()


def _managed_organisation(request, slug):
    """The organisation, if the user may manage its members; 404 otherwise."""
    return permissions.get_visible_or_404(
        request.user, "organisations.manage_members", Organisation.objects.active(), slug=slug
    )


@require_POST
def add_member(request, slug):
    organisation = _managed_organisation(request, slug)
    form = AddMemberForm(request.POST)
    if form.is_valid():
        user = form.cleaned_data["identifier"]
        try:
            organisation.add_member(user, form.cleaned_data["role"], by=request.user)
        except AlreadyMember:
            messages.error(request, _("%(user)s is already a member.") % {"user": user})
        else:
            messages.success(request, _("%(user)s was added.") % {"user": user})
        return redirect(organisation)
    for error in form.errors.values():
        messages.error(request, " ".join(error))
    return redirect(organisation)


@require_POST
def invite(request, slug):
    organisation = _managed_organisation(request, slug)
    form = InviteForm(request.POST)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(error))
        return redirect(organisation)
    invitation = Invitation.issue(organisation=organisation, by=request.user, **form.cleaned_data)
    messages.success(
        request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
    )
    return redirect(organisation)


@require_POST
def change_role(request, slug, membership_id):
    organisation = _managed_organisation(request, slug)
    membership = get_object_or_404(organisation.memberships, pk=membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role from the list."))
        return redirect(organisation)
    try:
        membership.change_role(form.cleaned_data["role"], by=request.user)
    except LastCoordinator:
        messages.error(request, _("The organisation must keep at least one coordinator."))
    else:
        messages.success(
            request, _("The role of %(user)s was changed.") % {"user": membership.user}
        )
    return redirect(organisation)


def remove_member(request, slug, membership_id):
    organisation = _managed_organisation(request, slug)
    membership = get_object_or_404(
        organisation.memberships.select_related("user"), pk=membership_id
    )
    if request.method != "POST":
        return render(request, "organisations/remove_member.html", {"membership": membership})
    try:
        membership.remove(by=request.user)
    except LastCoordinator:
        messages.error(request, _("The organisation must keep at least one coordinator."))
    else:
        messages.success(request, _("%(user)s was removed.") % {"user": membership.user})
    return redirect(organisation)


def leave(request, slug):
    """A person ends their own membership (GET confirms)."""
    membership = get_object_or_404(
        Membership.objects.select_related("organisation"),
        organisation__slug=slug,
        user=request.user,
    )
    if request.method != "POST":
        return render(request, "organisations/leave.html", {"membership": membership})
    try:
        membership.remove(by=request.user)
    except LastCoordinator:
        messages.error(
            request,
            _("You are the organisation's last coordinator. Make someone else coordinator first."),
        )
        return redirect(membership.organisation)
    messages.success(
        request, _("You have left %(organisation)s.") % {"organisation": membership.organisation}
    )
    return redirect("organisations:mine")


def my_organisations(request):
    memberships = request.user.memberships.select_related("organisation").order_by(
        "organisation__name"
    )
    is_coordinator = permissions.is_municipal_coordinator(request.user)
    context = {
        "memberships": memberships,
        "can_subscribe": is_coordinator,
        "is_municipal_coordinator": is_coordinator,
    }
    return render(request, "organisations/mine.html", context)
