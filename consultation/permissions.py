"""Who may read, write and answer consultation comments; the rules build on
agreements/permissions.py and never repeat its grants:

- reading comments, replies and responses: whoever holds `agreements.view_agreement`
  (the municipality's coordinators and staff, members of every active party);
- who reads a consultation is chosen when it opens (`Revision.consultation_readers`):
  everyone (public), the holders of `view_agreement` (parties; invited organisations hold
  it too), or only the invited organisations and the municipality's coordinators and staff;
- commenting and replying: members of an invited organisation, and unless the consultation
  is for the invited only, of an active party organisation other than the municipality,
  on behalf of that organisation, while the consultation is open and the organisation has
  not declined (drafts and closed consultations take no comments);
- answering the questions and declining ("avstår"): members of an invited organisation,
  while the consultation is open; inviting more and reminding: the coordinators;
- editing and withdrawing: the author, while the consultation is open;
- answering with a disposition and extending the closing time: the owning
  municipality's coordinators (`agreements.manage_agreement`);
- the consultation report of a public adopted or in-force agreement: anyone,
  with organisations but without personal names;
- files on a comment: read by whoever reads the comment (none once it is withdrawn);
  attached and removed by members of the commenting organisation while the
  consultation is open; frozen once it closes.

Everyone else gets 404 on every consultation URL.
"""

from django.db.models import Q
from django.http import Http404

from agreements.models import Readers
from agreements.permissions import VIEW, can_manage, can_view, party_organisations_of
from organisations.models import Membership, Organisation
from organisations.permissions import (
    group_ids_with_perm,
    groups_for,
    has_perm,
    role_group,
    staff_groups,
    user_group_ids,
)


def reader_group_ids(revision):
    """The groups that read the revision's consultation (search stores these with it)."""
    agreement = revision.agreement
    if revision.consultation_readers != Readers.INVITED:
        return group_ids_with_perm(VIEW, agreement)
    invited = Organisation.objects.filter(consultation_invitations__revision=revision)
    groups = [
        role_group(agreement.municipality, Membership.Role.COORDINATOR),
        *staff_groups(agreement.municipality),
        *groups_for(invited),
    ]
    return {group.pk for group in groups}


def consultation_is_public(revision):
    return not revision.is_draft and revision.consultation_readers == Readers.PUBLIC


def can_view_comments(user, revision):
    if revision.is_draft:
        return False
    return revision.consultation_readers == Readers.PUBLIC or _reads_by_group(user, revision)


def _reads_by_group(user, revision):
    if user.is_superuser:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if revision.consultation_readers != Readers.INVITED:  # the grants the request has read
        return has_perm(user, VIEW, revision.agreement)
    cache = revision.__dict__.setdefault("_reader_group_ids", [])
    if not cache:  # the same for every reader of the revision in one request
        cache.append(reader_group_ids(revision))
    return bool(user_group_ids(user) & cache[0])


def visible_comments(user, queryset):
    """`can_view_comments` over many comments: one query for a whole list."""
    from agreements.models import Agreement, Revision
    from organisations.permissions import visible

    queryset = queryset.exclude(revision__state=Revision.State.DRAFT).select_related(
        "revision__agreement", "organisation"
    )
    if user.is_superuser:
        return queryset
    readable = Q(revision__consultation_readers=Readers.PUBLIC)
    if user.is_authenticated:
        granted = visible(user, VIEW, Agreement.objects.all()).values("pk")
        works_for = Organisation.objects.filter(
            Q(memberships__user=user) | Q(children__memberships__user=user)
        ).values("pk")
        invited = Revision.objects.filter(invitations__organisation__memberships__user=user)
        only_invited = Q(revision__consultation_readers=Readers.INVITED)
        readable |= ~only_invited & Q(revision__agreement__in=granted)
        readable |= only_invited & (
            Q(revision__agreement__municipality__in=works_for)
            | Q(revision__in=invited.values("pk"))
        )
    return queryset.filter(readable)


def can_view_report(user, revision):
    """Parties see the full report; the public sees a public agreement's, without names."""
    if revision.is_draft:
        return False
    return can_view_comments(user, revision) or revision.agreement.is_public_now


def report_shows_names(user, revision):
    """Personal names go to those who work with the consultation, not to the public."""
    return not revision.is_draft and _reads_by_group(user, revision)


def invited_organisations(user, revision, *, declined=False):
    """The invited organisations `user` is a member of (with those that declined, or not)."""
    return [
        invitation.organisation
        for invitation in _invitations_of(user, revision)
        if declined or invitation.declined_at is None
    ]


def _invitations_of(user, revision):
    if not user.is_authenticated or revision.is_draft:
        return []
    invitations = revision.invitations.filter(organisation__memberships__user=user)
    return list(invitations.select_related("organisation"))


def commenting_organisations(user, revision):
    """The organisations `user` may comment on behalf of (never the municipality): invited
    ones that have not declined, and, unless only the invited take part, active parties."""
    agreement = revision.agreement
    invitations = _invitations_of(user, revision)
    organisations = [i.organisation for i in invitations if i.declined_at is None]
    if revision.consultation_readers != Readers.INVITED:
        declined = {i.organisation_id for i in invitations if i.declined_at is not None}
        organisations += [
            o for o in party_organisations_of(user, agreement) if o.pk not in declined
        ]
    unique = {o.pk: o for o in organisations}
    return [
        organisation
        for organisation in sorted(unique.values(), key=lambda o: o.name)
        if organisation.kind != Organisation.Kind.MUNICIPALITY
        and organisation.pk != agreement.municipality_id
    ]


def can_comment(user, revision):
    if not revision.consultation_is_open:
        return False
    return bool(revision_commenting_organisations(user, revision))


def answering_organisations(user, revision):
    """Invited organisations on whose behalf `user` answers the questions or declines (those
    that declined too, so that the verb can say why it refuses)."""
    if not revision.consultation_is_open:
        return []
    return invited_organisations(user, revision, declined=True)


def can_manage_invitations(user, revision):
    """Invite more organisations and remind those who have not answered: the coordinators."""
    return revision.consultation_is_open and can_manage(user, revision.agreement)


def can_edit_comment(user, comment):
    return (
        comment.author_id == user.pk
        and not comment.is_withdrawn
        and comment.revision.consultation_is_open
    )


def can_answer(user, revision):
    return not revision.is_draft and can_manage(user, revision.agreement)


def can_view_comment_files(user, comment):
    """A comment's files go with its text: gone from view once the comment is withdrawn."""
    return not comment.is_withdrawn and can_view_comments(user, comment.revision)


def can_change_comment_files(user, comment):
    """Members of the commenting organisation, while the consultation is open."""
    revision = comment.revision
    if comment.is_withdrawn or not revision.consultation_is_open:
        return False
    return comment.organisation_id in _commenting_organisation_ids(user, revision)


def comment_is_frozen(comment):
    """Once the consultation closes, the comments and their files are the record."""
    return not comment.revision.consultation_is_open


def revision_commenting_organisations(user, revision):
    """`commenting_organisations` of the revision, kept on the revision object
    (which lives for one request): a page asks once per comment and the answer is the same."""
    cache = revision.__dict__.setdefault("_commenting_organisations", {})
    if user.pk not in cache:
        cache[user.pk] = commenting_organisations(user, revision)
    return cache[user.pk]


def _commenting_organisation_ids(user, revision):
    return {organisation.pk for organisation in revision_commenting_organisations(user, revision)}


def get_revision_or_404(user, slug, number, check=can_view_comments):
    """A frozen revision whose consultation `user` may see (by `check`); 404 otherwise."""
    from agreements.models import Revision

    revision = (
        Revision.objects.published()
        .select_related("agreement__municipality")
        .filter(agreement__slug=slug, number=number)
        .first()
    )
    if revision is None or not check(user, revision):
        raise Http404
    return revision


def get_comment_or_404(user, revision, pk):
    comment = revision.comments.select_related("section", "organisation", "author").filter(pk=pk)
    comment = comment.first()
    if comment is None or not can_view_comments(user, revision):
        raise Http404
    comment.revision = revision
    return comment


__all__ = [
    "answering_organisations",
    "can_answer",
    "can_manage_invitations",
    "can_change_comment_files",
    "can_comment",
    "can_edit_comment",
    "can_view",
    "can_view_comment_files",
    "can_view_comments",
    "can_view_report",
    "comment_is_frozen",
    "commenting_organisations",
    "consultation_is_public",
    "invited_organisations",
    "get_comment_or_404",
    "get_revision_or_404",
    "reader_group_ids",
    "report_shows_names",
    "revision_commenting_organisations",
]
