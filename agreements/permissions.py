"""Who may do what with an agreement: the one place these rules live.

Grants are guardian object permissions on the Agreement, held by organisation
role groups and recomputed by `sync_agreement_permissions` whenever parties,
status or publication change (signals in agreements/signals.py):

- `agreements.view_agreement` (published revisions, parties, timeline): the owning
  municipality's coordinators; members of drafting parties; once a revision has
  been published, also members of every active party and the municipality's staff
  (its own and its departments' members), and members of organisations invited to one of
  its consultations (agreements/models/invitations.py). Never-published agreements stay with
  the people writing them.
- `agreements.edit_draft` (read and edit the working draft): the municipality's
  coordinators and members of active drafting parties.
- `agreements.manage_agreement` (publish, close, adopt, parties, status): the
  owning municipality's coordinators.
- Anyone, signed in or not, reads an adopted or in-force agreement marked public.

Everyone else gets 404. Superusers hold every permission.
"""

from django.db.models import Q
from django.http import Http404

from organisations.models import Membership
from organisations.permissions import (
    get_visible_or_404,
    grant_exactly,
    groups_for,
    has_perm,
    role_group,
    staff_groups,
    user_group_ids,
    visible,
)

VIEW = "agreements.view_agreement"
EDIT_DRAFT = "agreements.edit_draft"
MANAGE = "agreements.manage_agreement"


def sync_agreement_permissions(agreement, organisations=None):
    """Recompute the grants on `agreement` from its parties, municipality and revisions.

    With `organisations`, only those organisations' groups are recomputed and touched, so
    one party joining or leaving costs the same at ten parties as at a thousand."""
    coordinators = [role_group(agreement.municipality, Membership.Role.COORDINATOR)]
    parties = agreement.parties.active().select_related("organisation")
    if organisations is not None:
        parties = parties.filter(organisation__in=organisations)
    parties = list(parties)
    drafters = groups_for([p.organisation for p in parties if p.is_drafter])
    viewers = [*coordinators, *drafters]
    if agreement.revisions.published().exists():
        viewers += groups_for([p.organisation for p in parties])
        viewers += staff_groups(agreement.municipality)
        viewers += groups_for(_invited_organisations(agreement, organisations))
    among = None if organisations is None else groups_for(organisations)
    grant_exactly(VIEW, agreement, viewers, among=among)
    grant_exactly(EDIT_DRAFT, agreement, [*coordinators, *drafters], among=among)
    grant_exactly(MANAGE, agreement, coordinators, among=among)


def _invited_organisations(agreement, among=None):
    """Organisations invited to any of the agreement's consultations (they read it too)."""
    from organisations.models import Organisation

    invited = Organisation.objects.filter(consultation_invitations__revision__agreement=agreement)
    if among is not None:
        invited = invited.filter(pk__in=[o.pk for o in among])
    return invited.distinct()


# --- questions views ask ----------------------------------------------------------


def visible_agreements(user, queryset=None):
    from agreements.models import Agreement

    return (queryset if queryset is not None else Agreement.objects.all()).visible_to(user)


def get_agreement_or_404(user, slug, perm=VIEW, queryset=None):
    """The agreement if the user holds `perm` (public ones count for viewing); 404 otherwise."""
    from agreements.models import Agreement

    if queryset is None:
        queryset = Agreement.objects.select_related("municipality")
    if perm != VIEW:
        return get_visible_or_404(user, perm, queryset, slug=slug)
    # Read by slug, then asked of `can_view`: the grants read here answer the page's
    # other questions about the agreement too (organisations.permissions.checker).
    agreement = queryset.filter(slug=slug).first()
    if agreement is None or not can_view(user, agreement):
        raise Http404
    return agreement


def can_view(user, agreement):
    # The grant first: it is read once per request and answers the page's other questions.
    return has_perm(user, VIEW, agreement) or agreement.is_public_now


def can_edit_draft(user, agreement):
    return not agreement.is_closed and has_perm(user, EDIT_DRAFT, agreement)


def can_manage(user, agreement):
    return has_perm(user, MANAGE, agreement)


def can_view_revision(user, revision):
    """Frozen revisions: whoever may view the agreement. The draft: whoever may edit it."""
    if revision.is_draft:
        return can_edit_draft(user, revision.agreement)
    return can_view(user, revision.agreement)


def visible_revisions(user, queryset):
    """`can_view_revision` over many revisions: one query for a whole list."""
    from agreements.models import Agreement, Revision

    readable = Agreement.objects.visible_to(user).values("pk")
    editable = visible(
        user, EDIT_DRAFT, Agreement.objects.exclude(status__in=Agreement.CLOSED_STATUSES)
    ).values("pk")
    draft = Q(state=Revision.State.DRAFT)
    return queryset.filter(
        (~draft & Q(agreement__in=readable)) | (draft & Q(agreement__in=editable))
    ).select_related("agreement")


def visible_parties(user, queryset):
    """Parties are seen with their agreement (`can_view`), over many rows."""
    from agreements.models import Agreement

    readable = Agreement.objects.visible_to(user).values("pk")
    return queryset.filter(agreement__in=readable).select_related("agreement", "organisation")


# --- files (attachments registry, see agreements/apps.py) ---------------------------


def can_change_revision(user, revision):
    """Files on the working draft: whoever may edit it. On a frozen revision: its managers."""
    if revision.is_draft:
        return can_edit_draft(user, revision.agreement)
    return can_manage(user, revision.agreement)


def revision_is_frozen(revision):
    """A published revision is part of the official record: its files are only superseded."""
    return not revision.is_draft


def agreement_is_frozen(agreement):
    """A superseded or expired agreement is history: its files are only superseded."""
    return agreement.is_closed


def party_organisations_of(user, agreement):
    """The organisations through which `user` is an active party to `agreement`."""
    if not user.is_authenticated:
        return []
    return [
        party.organisation
        for party in agreement.parties.active()
        .filter(organisation__memberships__user=user)
        .select_related("organisation")
    ]


def is_party_member(user, agreement):
    return bool(party_organisations_of(user, agreement))


def can_create_agreements(user):
    return bool(creatable_municipalities(user))


def creatable_municipalities(user):
    """Municipalities in whose name `user` may start an agreement: where they coordinate."""
    from organisations.models import Organisation

    if not user.is_authenticated:
        return Organisation.objects.none()
    municipalities = Organisation.objects.municipalities().active()
    if user.is_superuser:
        return municipalities
    return municipalities.filter(
        Q(memberships__user=user, memberships__role=Membership.Role.COORDINATOR)
    ).distinct()


__all__ = [
    "EDIT_DRAFT",
    "MANAGE",
    "VIEW",
    "agreement_is_frozen",
    "can_change_revision",
    "can_create_agreements",
    "can_edit_draft",
    "can_manage",
    "can_view",
    "can_view_revision",
    "creatable_municipalities",
    "get_agreement_or_404",
    "is_party_member",
    "party_organisations_of",
    "revision_is_frozen",
    "sync_agreement_permissions",
    "user_group_ids",
    "visible",
    "visible_agreements",
]
