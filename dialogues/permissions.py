"""Who may read, post in and manage which forum: the dialogue rules, in one place.

Grants live on the Forum (guardian object permissions to organisation groups);
meetings, minutes, action items and the discussion follow their forum.

- `manage_forum`: the organiser's coordinators.
- `view_forum` (meetings, approved minutes, action items): the member
  organisations, the organiser, and all staff of the organiser's municipality,
  whatever the visibility.
- `view_discussion`: the member organisations and the organiser; staff of the
  municipality too when the forum is open to staff or public.
- `post_in_forum`: the member organisations and the organiser's coordinators.
- Public forums: anyone, anonymous visitors included, reads the records with
  approved minutes only (`public` flag, no grant), never a draft or the discussion.
- Draft minutes: the organiser's coordinators while drafting; once sent for
  checking also the members of the organisations present at the meeting.
- Approving minutes: the persons named as approvers in the attendance (present, with an
  account), never the one who wrote or sent the minutes.
- Creating forums: coordinators of a municipality, which organises the forum.
- Names of private persons (attendance, protocol): readers with a grant; a public forum's
  other readers get the published version without them.
- Who is in the forum (the people of its organisations): readers of the discussion.
Everyone else gets 404.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db.models import Q
from django.http import Http404
from guardian.models import GroupObjectPermission

from dialogues.models import Forum
from organisations.models import Membership
from organisations.permissions import (
    grant_exactly,
    groups_for,
    role_group,
    staff_groups,
    user_group_ids,
    visible,
)

COORDINATOR = Membership.Role.COORDINATOR
CODENAMES = ("view_forum", "view_discussion", "post_in_forum", "manage_forum")


def sync_forum_permissions(forum):
    """Recompute every grant on `forum` from its organiser, members and visibility."""
    members = [m.organisation for m in forum.members.select_related("organisation")]
    organiser = forum.organiser
    municipality = organiser.municipality
    staff = staff_groups(municipality) if municipality else []
    insiders = [*groups_for(members), *groups_for([organiser])]
    coordinators = [role_group(organiser, COORDINATOR)]
    open_to_staff = forum.visibility != Forum.Visibility.MEMBERS
    grant_exactly("dialogues.view_forum", forum, [*insiders, *staff])
    grant_exactly(
        "dialogues.view_discussion", forum, [*insiders, *(staff if open_to_staff else [])]
    )
    grant_exactly("dialogues.post_in_forum", forum, [*groups_for(members), *coordinators])
    grant_exactly("dialogues.manage_forum", forum, coordinators)


def sync_all_forum_permissions():
    for forum in Forum.objects.select_related("organiser__parent"):
        sync_forum_permissions(forum)


@dataclass(frozen=True)
class ForumAccess:
    """What one user may do in one forum; computed once per request."""

    view: bool = False
    discussion: bool = False
    post: bool = False
    manage: bool = False
    public: bool = False

    @property
    def any(self):
        return self.view or self.public


def forum_codenames(user, forum):
    """The forum permissions `user` holds through their groups, in one query."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return set(CODENAMES)
    return set(
        GroupObjectPermission.objects.filter(
            content_type=ContentType.objects.get_for_model(Forum),
            object_pk=str(forum.pk),
            group_id__in=user_group_ids(user),
        ).values_list("permission__codename", flat=True)
    )


def access(user, forum):
    names = forum_codenames(user, forum)
    return ForumAccess(
        view="view_forum" in names,
        discussion="view_discussion" in names,
        post="post_in_forum" in names,
        manage="manage_forum" in names,
        public=forum.is_public,
    )


def readable_forums(user, queryset=None):
    """Forums whose records `user` may read: granted ones and public ones."""
    queryset = Forum.objects.all() if queryset is None else queryset
    granted = visible(user, "dialogues.view_forum", Forum.objects.all()).values("pk")
    return queryset.filter(Q(pk__in=granted) | Q(visibility=Forum.Visibility.PUBLIC))


def forum_or_404(user, slug, need="any"):
    """The forum and the user's access; 404 unless the user has `need` (an access field)."""
    forum = Forum.objects.select_related("organiser").filter(slug=slug).first()
    if forum is None:
        raise Http404
    rights = access(user, forum)
    if not getattr(rights, need):
        raise Http404
    return forum, rights


def readable_agreement_ids(user, agreement_ids):
    """Of the linked agreements, those `user` may open (the agreements app's own rule):
    a link to any other would show the title of an agreement they may not see."""
    from agreements.models import Agreement

    ids = {pk for pk in agreement_ids if pk}
    if not ids:
        return set()
    readable = Agreement.objects.visible_to(user).filter(pk__in=ids)
    return set(readable.values_list("pk", flat=True))


def user_organisation_ids(user):
    """Ids of the organisations `user` belongs to, cached on the user for the request."""
    if not user.is_authenticated:
        return frozenset()
    if "_dialogues_org_ids" not in user.__dict__:
        ids = Membership.objects.filter(user=user).values_list("organisation_id", flat=True)
        user.__dict__["_dialogues_org_ids"] = frozenset(ids)
    return user.__dict__["_dialogues_org_ids"]


def can_read_minutes(user, rights, meeting):
    """Approved minutes: every reader. Drafts: see the module docstring."""
    if meeting.minutes_approved:
        return rights.any
    if rights.manage:
        return True
    if meeting.minutes_status != meeting.MinutesStatus.CHECKING or not rights.view:
        return False
    present = {a.organisation_id for a in meeting.attendances.all() if a.is_present}
    return bool(present & user_organisation_ids(user)) or _approver_row(user, meeting) is not None


def _approver_row(user, meeting):
    if not user.is_authenticated:
        return None
    return next((r for r in meeting.approver_rows() if r.user_id == user.pk), None)


def approval_refusal(user, meeting):
    """Why `user` may not approve the minutes now (a DialogueError), or None if they may:
    a named approver who has not approved yet and did not write the minutes."""
    from dialogues import exceptions

    if meeting.minutes_status != meeting.MinutesStatus.CHECKING:
        return (
            exceptions.MinutesFrozen()
            if meeting.minutes_approved
            else exceptions.MinutesNotSentForChecking()
        )
    row = _approver_row(user, meeting)
    if row is None:
        return exceptions.NotAnApprover()
    if user.pk in meeting._writers():
        return exceptions.WriterCannotApprove()
    if row.approved_at is not None:
        return exceptions.AlreadyApproved()
    return None


def can_approve_minutes(user, meeting):
    return approval_refusal(user, meeting) is None


def shows_private_names(rights):
    """Readers with a grant see the names of private persons; a public forum's other readers
    get the published version without them."""
    return rights.view


def can_see_people(rights):
    """The people of the forum's organisations: those in the forum's discussion."""
    return rights.discussion


def organisers_for(user):
    """Municipalities in whose name `user` may set up a forum: where they coordinate."""
    from organisations.models import Organisation

    if not user.is_authenticated:
        return Organisation.objects.none()
    municipalities = Organisation.objects.municipalities().active().order_by("name")
    if user.is_superuser:
        return municipalities
    return municipalities.filter(memberships__user=user, memberships__role=COORDINATOR).distinct()


def can_update_action_item(user, rights, item):
    """The organiser's coordinators and members of the owning organisation."""
    if rights.manage:
        return True
    return rights.view and item.owner_id in user_organisation_ids(user)


def posting_organisations(user, forum):
    """The organisations `user` may post on behalf of in `forum`."""
    from organisations.models import Organisation

    member_ids = set(forum.members.values_list("organisation_id", flat=True))
    coordinated = set(
        Membership.objects.filter(
            user=user, role=COORDINATOR, organisation_id=forum.organiser_id
        ).values_list("organisation_id", flat=True)
    )
    mine = user_organisation_ids(user)
    allowed = (member_ids & mine) | coordinated
    if user.is_superuser:
        allowed |= member_ids | {forum.organiser_id}
    return Organisation.objects.filter(pk__in=allowed).order_by("name")


# --- calendar subscriptions ------------------------------------------------------

# Calendar programs fetch feeds without a session, so a signed-in user's feed link carries
# a personal token. The user's password hash is part of the salt: changing the password
# revokes every feed link at once.
FEED_SALT = "dialogues.calendar-feed"


def _feed_signer(user):
    return signing.Signer(salt=f"{FEED_SALT}:{user.password}")


def feed_token(user):
    return _feed_signer(user).sign(str(user.pk))


def feed_user(request):
    """Who a calendar feed is for: the signed-in user, or the one a valid token names."""
    token = request.GET.get("token", "")
    if request.user.is_authenticated or not token:
        return request.user
    pk = token.partition(":")[0]
    users = get_user_model().objects.filter(is_active=True)
    user = users.filter(pk=pk).first() if pk.isdigit() else None
    try:
        if user is not None and _feed_signer(user).unsign(token) == str(user.pk):
            return user
    except signing.BadSignature:
        pass
    raise Http404


# --- files on meetings, agenda items, action items and posts (attachments registry) ---


def access_once(user, forum):
    """`access`, kept on the forum object: a page listing many records asks once per row."""
    cache = forum.__dict__.setdefault("_access_by_user", {})
    if user.pk not in cache:
        cache[user.pk] = access(user, forum)
    return cache[user.pk]


def can_view_meeting(user, meeting):
    """Whoever may read the meeting page may read its files."""
    return access_once(user, meeting.forum).any


def visible_meetings(user, queryset):
    """`can_view_meeting` over many meetings: one query for a whole list."""
    return queryset.filter(forum__in=readable_forums(user)).select_related("forum")


def visible_action_items(user, queryset):
    """`can_view_action_item` over many items: one query for a whole list."""
    return queryset.filter(meeting__forum__in=readable_forums(user)).select_related(
        "meeting__forum"
    )


def can_change_meeting(user, meeting):
    return access_once(user, meeting.forum).manage


def meeting_is_frozen(meeting):
    """Approved minutes are the official record; their files are only superseded."""
    return meeting.minutes_approved


def can_view_agenda_item(user, item):
    """Agenda items are shown on their meeting's page, with its rules."""
    return can_view_meeting(user, item.meeting)


def can_change_agenda_item(user, item):
    return can_change_meeting(user, item.meeting)


def agenda_item_is_frozen(item):
    return meeting_is_frozen(item.meeting)


def can_view_action_item(user, item):
    return access_once(user, item.meeting.forum).any


def can_change_action_item(user, item):
    """Those who update its status: the owner's members and the organiser's coordinators."""
    return can_update_action_item(user, access_once(user, item.meeting.forum), item)


def can_view_post(user, post):
    """Readers of the discussion; a hidden post's files only its forum's coordinators."""
    rights = access_once(user, post.topic.forum)
    return rights.discussion and (not post.is_hidden or rights.manage)


def can_change_post(user, post):
    """The post's author while it is shown, and the forum's coordinators (moderation)."""
    rights = access_once(user, post.topic.forum)
    if rights.manage:
        return True
    return rights.post and not post.is_hidden and post.author_id == user.pk
