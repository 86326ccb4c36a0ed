"""Who may do what to which record: the one place these rules live.

Every rule is expressed as django-guardian object permissions granted to
organisation role groups (one auth group per organisation and role). A
membership change only moves a user between groups; a change in the data a
rule depends on (parties, forum members, roles) recomputes the grants for the
affected records with `grant_exactly`. Views, the API, search and downloads all
ask `visible`/`get_visible_or_404`/`has_perm`, never the membership tables.

Global permissions never count (`accept_global_perms=False`), so list pages and
detail pages always agree. Superusers see everything.
"""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.dispatch import Signal
from django.http import Http404
from guardian.models import GroupObjectPermission
from guardian.shortcuts import assign_perm, get_objects_for_user

from organisations.models import Membership, Organisation, OrganisationGroup

ROLES = tuple(Membership.Role.values)

# Sent by grant_exactly when the groups holding a permission on a record changed
# (sender: the record's model; obj, perm): search reindexes who may view the record.
grants_changed = Signal()

# Counts the grant and membership changes made in this process, so that a permission
# answer kept on a user object (see `_codenames_on`) never answers from before a change.
_changes = 0


# --- groups -----------------------------------------------------------------


def role_group(organisation, role):
    """The auth group holding `organisation`'s members with `role`, created on demand."""
    link = (
        OrganisationGroup.objects.filter(organisation=organisation, role=role)
        .select_related("group")
        .first()
    )
    if link:
        return link.group
    with transaction.atomic():
        group, _ = Group.objects.get_or_create(name=f"org-{organisation.pk}-{role}")
        link, _ = OrganisationGroup.objects.get_or_create(
            organisation=organisation, role=role, defaults={"group": group}
        )
    return link.group


def groups_for(organisations, roles=ROLES):
    """Groups of the given organisations and roles (all roles by default), in one query
    when they exist already."""
    organisations = list(organisations)
    existing = {
        (link.organisation_id, link.role): link.group
        for link in OrganisationGroup.objects.filter(
            organisation__in=organisations, role__in=roles
        ).select_related("group")
    }
    return [
        existing.get((organisation.pk, role)) or role_group(organisation, role)
        for organisation in organisations
        for role in roles
    ]


def municipal_coordinator_groups():
    return groups_for(Organisation.objects.municipalities(), roles=[Membership.Role.COORDINATOR])


def staff_groups(municipality):
    """Everyone working for the municipality: its members and its departments' members."""
    return groups_for([municipality, *municipality.children.all()])


def sync_user_groups(user):
    """Put `user` in exactly the organisation groups their memberships call for."""
    wanted = {
        role_group(m.organisation, m.role).pk
        for m in Membership.objects.filter(user=user).select_related("organisation")
    }
    current = set(user.groups.filter(organisation_role__isnull=False).values_list("pk", flat=True))
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current))
    user.__dict__.pop("_overens_group_ids", None)
    _count_change()


def user_group_ids(user):
    """Ids of the user's groups, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    if "_overens_group_ids" not in user.__dict__:
        user.__dict__["_overens_group_ids"] = frozenset(user.groups.values_list("pk", flat=True))
    return user.__dict__["_overens_group_ids"]


# --- grants -----------------------------------------------------------------


def grant_exactly(perm, obj, groups, among=None):
    """Make `groups` the only groups holding `perm` on `obj` (perm as 'app.codename').

    With `among` (groups), only those groups' grants are looked at and changed; the
    grants of every other group stay as they are."""
    app_label, codename = perm.split(".")
    existing = GroupObjectPermission.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_pk=str(obj.pk),
        permission__codename=codename,
        permission__content_type__app_label=app_label,
    )
    wanted = {group.pk: group for group in groups}
    if among is not None:
        among = {group.pk for group in among}
        existing = existing.filter(group_id__in=among)
        wanted = {pk: group for pk, group in wanted.items() if pk in among}
    removed, _ = existing.exclude(group_id__in=wanted).delete()
    have = set(existing.values_list("group_id", flat=True))
    missing = [group for pk, group in wanted.items() if pk not in have]
    if missing:
        assign_perm(perm, Group.objects.filter(pk__in=[g.pk for g in missing]), obj)
    if removed or missing:
        _count_change()
        grants_changed.send(sender=type(obj), obj=obj, perm=perm)


def _count_change():
    global _changes
    _changes += 1


def group_ids_with_perm(perm, obj):
    """Ids of the groups holding `perm` on `obj`; search stores these with the record."""
    app_label, codename = perm.split(".")
    return set(
        GroupObjectPermission.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_pk=str(obj.pk),
            permission__codename=codename,
            permission__content_type__app_label=app_label,
        ).values_list("group_id", flat=True)
    )


# --- questions ----------------------------------------------------------------


def visible(user, perm, queryset):
    """The records of `queryset` on which `user` holds `perm` through their groups."""
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    return get_objects_for_user(user, perm, klass=queryset, accept_global_perms=False)


def has_perm(user, perm, obj):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return perm.split(".")[-1] in _codenames_on(user, obj)


def _codenames_on(user, obj):
    """The permissions the user's groups hold on `obj`, read in one query and kept on the
    user object (which lives for one request), so a page asking several rules about one
    record reads its grants once. A grant or membership change in this process reads anew.
    (Guardian's ObjectPermissionChecker reads user and group grants in two heavier queries:
    about four times the cost, for grants this project never gives to single users.)"""
    held = user.__dict__.get("_overens_grants")
    if held is None or held[0] != _changes:
        held = user.__dict__["_overens_grants"] = (_changes, {})
    content_type = ContentType.objects.get_for_model(obj)
    key = (content_type.pk, str(obj.pk))
    if key not in held[1]:
        held[1][key] = set(
            GroupObjectPermission.objects.filter(
                content_type=content_type, object_pk=str(obj.pk), group__user=user
            ).values_list("permission__codename", flat=True)
        )
    return held[1][key]


def get_visible_or_404(user, perm, queryset, **lookup):
    """Fetch one record the user may see; others get 404 so ids do not leak."""
    try:
        return visible(user, perm, queryset).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def is_municipal_coordinator(user):
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or Membership.objects.filter(
            user=user,
            role=Membership.Role.COORDINATOR,
            organisation__kind=Organisation.Kind.MUNICIPALITY,
        ).exists()
    )


# --- organisation records -------------------------------------------------------


def sync_organisation_permissions(organisation):
    """Members list: its own members and municipal coordinators. Managing: its coordinators."""
    grant_exactly(
        "organisations.view_members",
        organisation,
        [*groups_for([organisation]), *municipal_coordinator_groups()],
    )
    grant_exactly(
        "organisations.manage_members",
        organisation,
        [role_group(organisation, Membership.Role.COORDINATOR)],
    )


def sync_all_organisation_permissions():
    for organisation in Organisation.objects.all():
        sync_organisation_permissions(organisation)


# --- applications to join ----------------------------------------------------------


def can_review_application(user, application):
    """Applications are seen and decided by the coordinators of the agreement's municipality.

    The applicant follows their own application through its secret link, not through this rule.
    """
    from organisations.models import Application

    return Application.objects.reviewable_by(user).filter(pk=application.pk).exists()


def get_application_or_404(user, pk):
    from organisations.models import Application

    application = (
        Application.objects.reviewable_by(user)
        .select_related("agreement", "organisation", "decided_by")
        .filter(pk=pk)
        .first()
    )
    if application is None:
        raise Http404
    return application
