"""Who may read, write and answer consultation comments; the rules build on
agreements/permissions.py and never repeat its grants:

- reading comments, replies and responses: whoever holds `agreements.view_agreement`
  (the municipality's coordinators and staff, members of every active party);
- commenting and replying: members of an active party organisation other than the
  municipality itself, on behalf of that organisation, while the revision's
  consultation is open (drafts and closed consultations take no comments);
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

from django.http import Http404

from agreements.permissions import VIEW, can_manage, can_view, party_organisations_of
from organisations.models import Organisation
from organisations.permissions import has_perm


def can_view_comments(user, revision):
    return not revision.is_draft and has_perm(user, VIEW, revision.agreement)


def visible_comments(user, queryset):
    """`can_view_comments` over many comments: one query for a whole list."""
    from agreements.models import Agreement, Revision
    from organisations.permissions import visible

    granted = visible(user, VIEW, Agreement.objects.all()).values("pk")
    return (
        queryset.exclude(revision__state=Revision.State.DRAFT)
        .filter(revision__agreement__in=granted)
        .select_related("revision__agreement", "organisation")
    )


def can_view_report(user, revision):
    """Parties see the full report; the public sees a public agreement's, without names."""
    if revision.is_draft:
        return False
    return can_view_comments(user, revision) or revision.agreement.is_public_now


def report_shows_names(user, revision):
    return can_view_comments(user, revision)


def commenting_organisations(user, agreement):
    """The party organisations `user` may comment on behalf of (never the municipality)."""
    return [
        organisation
        for organisation in party_organisations_of(user, agreement)
        if organisation.kind != Organisation.Kind.MUNICIPALITY
        and organisation.pk != agreement.municipality_id
    ]


def can_comment(user, revision):
    if not revision.consultation_is_open:
        return False
    return bool(revision_commenting_organisations(user, revision))


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
    """`commenting_organisations` for the revision's agreement, kept on the revision object
    (which lives for one request): a page asks once per comment and the answer is the same."""
    cache = revision.__dict__.setdefault("_commenting_organisations", {})
    if user.pk not in cache:
        cache[user.pk] = commenting_organisations(user, revision.agreement)
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
    "can_answer",
    "can_change_comment_files",
    "can_comment",
    "can_edit_comment",
    "can_view",
    "can_view_comment_files",
    "can_view_comments",
    "can_view_report",
    "comment_is_frozen",
    "commenting_organisations",
    "get_comment_or_404",
    "get_revision_or_404",
    "report_shows_names",
    "revision_commenting_organisations",
]
