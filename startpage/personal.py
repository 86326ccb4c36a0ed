"""The signed-in person's start page: what Överens wants from them, built from what they may see.

Every block asks the same permission rules as the pages it links to (agreements/permissions.py,
consultation/permissions.py, dialogues/permissions.py) as subqueries, so the page runs
the same number of queries whatever the number of organisations, agreements and records.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from agreements.models import Agreement, Comment, Event, Party, Revision
from agreements.permissions import MANAGE, VIEW
from dialogues.models import ActionItem, Forum, Meeting
from dialogues.permissions import readable_forums, user_organisation_ids
from followup.models import ActionPlan, Commitment, FollowUpRound, ReportTask
from organisations.models import Organisation
from organisations.permissions import visible
from records.models import DocumentRequest
from records.models.requests import one_working_day_before

SHOWN = 5  # rows per block; the count says how many there are in all
CLOSING_SOON = timedelta(days=7)
COMING_MEETINGS = timedelta(weeks=4)
RECENT = timedelta(days=30)


@dataclass
class Block:
    """A list of at most SHOWN rows and how many there are in all."""

    items: list = field(default_factory=list)
    count: int = 0

    @classmethod
    def of(cls, queryset):
        items = list(queryset[:SHOWN])
        count = len(items) if len(items) < SHOWN else queryset.count()
        return cls(items, count)

    @property
    def more(self):
        return self.count > len(self.items)


def start_page(user, now=None):
    """The blocks of `user`'s start page (a dict for the template)."""
    now = now or timezone.now()
    scope = Scope(user)
    page = {
        "consultations": open_consultations(scope, now),
        "answers": Block.of(answered_comments(scope, now)),
        "meetings": Block.of(coming_meetings(scope, now)),
        "to_approve": Block.of(minutes_to_approve(scope)),
        "action_items": Block.of(own_action_items(scope)),
        "reports_due": Block.of(reports_due(scope)),
        "commitments": Block.of(own_commitments(scope)),
        "recent": recent_events(scope, now),
        "is_coordinator": scope.coordinates,
    }
    if scope.coordinates:
        page["unanswered"] = unanswered_comments(scope)
        page["closing_soon"] = [
            r for r in page["consultations"].items if r.managed and r.closes_soon(now)
        ]
        page["minutes_to_check"] = Block.of(minutes_out_for_approval(scope))
        page["overdue"] = Block.of(overdue_action_items(scope, now))
        page["document_requests"] = Block.of(waiting_document_requests(scope))
        page["requests_overdue_before"] = one_working_day_before(now)
        page["reports_missing"] = Block.of(reports_missing(scope))
    return page


class Scope:
    """What `user` may see and manage, as subqueries (plus two small id lists)."""

    def __init__(self, user):
        self.user = user
        self.organisation_ids = user_organisation_ids(user)
        self.granted_agreements = visible(user, VIEW, Agreement.objects.all()).values("pk")
        self.managed_agreement_ids = set(
            visible(user, MANAGE, Agreement.objects.all()).values_list("pk", flat=True)
        )
        self.granted_forums = visible(user, "dialogues.view_forum", Forum.objects.all())
        self.managed_forum_ids = set(
            visible(user, "dialogues.manage_forum", Forum.objects.all()).values_list(
                "pk", flat=True
            )
        )

    @property
    def coordinates(self):
        return bool(self.managed_agreement_ids or self.managed_forum_ids)


# --- consultations and comments -----------------------------------------------------


class _Consultation:
    """One open consultation as the start page shows it."""

    def __init__(self, revision, managed):
        self.revision = revision
        self.agreement = revision.agreement
        self.managed = managed

    def closes_soon(self, now):
        return self.revision.consultation_closes_at <= now + CLOSING_SOON


def open_consultations(scope, now):
    """Open consultations of agreements the user holds a grant on (the public cannot comment),
    with whether the user's organisation is a commenting party and has commented yet."""
    mine = Organisation.objects.filter(pk__in=scope.organisation_ids).exclude(
        kind=Organisation.Kind.MUNICIPALITY
    )
    own_comments = Comment.objects.top_level().current()
    revisions = (
        Revision.objects.open(now)
        .filter(agreement__in=scope.granted_agreements)
        .select_related("agreement")
        .annotate(
            is_party=Exists(
                Party.objects.active().filter(
                    agreement=OuterRef("agreement"), organisation__in=mine
                )
            ),
            has_commented=Exists(
                own_comments.filter(revision=OuterRef("pk"), organisation__in=mine)
            ),
            comment_count=Count(
                "comments",
                filter=Q(comments__parent__isnull=True, comments__withdrawn_at__isnull=True),
            ),
        )
        .order_by("consultation_closes_at")
    )
    block = Block.of(revisions)
    block.items = [
        _Consultation(r, r.agreement_id in scope.managed_agreement_ids) for r in block.items
    ]
    return block


def answered_comments(scope, now):
    """The user's own comments answered in the last RECENT days, newest answer first."""
    return (
        Comment.objects.top_level()
        .filter(
            author=scope.user,
            response__responded_at__gte=now - RECENT,
            revision__agreement__in=scope.granted_agreements,
        )
        .select_related("revision__agreement", "response", "organisation")
        .order_by("-response__responded_at")
    )


def unanswered_comments(scope):
    """Comments waiting for the municipality's answer, per revision of a managed agreement."""
    rows = (
        Comment.objects.top_level()
        .current()
        .unanswered()
        .filter(revision__agreement__in=scope.managed_agreement_ids)
        .values("revision__agreement__slug", "revision__agreement__title", "revision__number")
        .annotate(n=Count("pk"))
        .order_by("revision__agreement__title", "-revision__number")
    )
    rows = [
        {
            "slug": row["revision__agreement__slug"],
            "title": row["revision__agreement__title"],
            "number": row["revision__number"],
            "count": row["n"],
        }
        for row in rows
    ]
    return Block(rows, sum(row["count"] for row in rows))


# --- meetings, minutes and action items ---------------------------------------------------


def coming_meetings(scope, now):
    """Planned meetings of the forums the user belongs to (by grant) in the coming weeks."""
    return (
        Meeting.objects.upcoming(now)
        .filter(
            status=Meeting.Status.PLANNED,
            starts_at__lte=now + COMING_MEETINGS,
            forum__in=scope.granted_forums,
        )
        .select_related("forum")
    )


def minutes_to_approve(scope):
    return (
        Meeting.objects.awaiting_approval_by(scope.user)
        .select_related("forum")
        .order_by("approval_deadline", "starts_at")
    )


def minutes_out_for_approval(scope):
    """Minutes of the user's forums that wait for the named approvers."""
    return (
        Meeting.objects.filter(
            minutes_status=Meeting.MinutesStatus.CHECKING, forum__in=scope.managed_forum_ids
        )
        .select_related("forum")
        .annotate(
            approvers=Count("attendances", filter=Q(attendances__is_approver=True)),
            approved=Count(
                "attendances",
                filter=Q(attendances__is_approver=True, attendances__approved_at__isnull=False),
            ),
        )
        .order_by("approval_deadline", "starts_at")
    )


def own_action_items(scope):
    """Unfinished action items owned by the user's organisations, the nearest deadline first."""
    return (
        ActionItem.objects.unfinished()
        .with_overdue_flag()
        .filter(
            owner__in=scope.organisation_ids,
            meeting__forum__in=readable_forums(scope.user).values("pk"),
        )
        .select_related("meeting__forum", "owner")
        .order_by("due_date", "pk")
    )


def overdue_action_items(scope, now):
    return (
        ActionItem.objects.overdue(timezone.localdate(now))
        .filter(meeting__forum__in=scope.managed_forum_ids)
        .select_related("meeting__forum", "owner")
        .order_by("due_date", "pk")
    )


# --- follow-up ---------------------------------------------------------------------


def _open_tasks():
    return (
        ReportTask.objects.filter(round__status=FollowUpRound.Status.OPEN, reported_at__isnull=True)
        .select_related("round__plan__agreement", "organisation")
        .order_by("round__deadline", "organisation__name", "pk")
    )


def reports_due(scope):
    """Follow-up reports the user's organisations still owe, in rounds of agreements they read."""
    return _open_tasks().filter(
        organisation__in=scope.organisation_ids,
        round__plan__agreement__in=scope.granted_agreements,
    )


def reports_missing(scope):
    """For coordinators: the reports not yet in, in the open rounds of agreements they manage."""
    return _open_tasks().filter(round__plan__agreement__in=scope.managed_agreement_ids)


def own_commitments(scope):
    """Commitments of the user's organisations in the action plans they may read."""
    plans = ActionPlan.objects.visible_to(scope.user).values("pk")
    mine = Commitment.organisations.through.objects.filter(
        commitment=OuterRef("pk"), organisation__in=scope.organisation_ids
    )
    return (
        Commitment.objects.filter(Exists(mine), plan__in=plans)
        .select_related("plan__agreement")
        .order_by("plan__agreement__title", "number", "pk")
    )


# --- what happened -------------------------------------------------------------------


def recent_events(scope, now):
    """The newest rows of the timelines of the user's agreements, and minutes approved in
    their forums, newest first."""
    agreements = Agreement.objects.visible_to(scope.user)
    rows = list(
        Event.objects.shown_to(scope.user)
        .filter(agreement__in=agreements, at__gte=now - RECENT)
        .exclude(kind=Event.Kind.DRAFT_SAVED)
        .select_related("agreement", "revision", "party__organisation")
        .order_by("-at", "-pk")[:SHOWN]
    )
    approved = (
        Meeting.objects.filter(
            minutes_status=Meeting.MinutesStatus.APPROVED,
            minutes_approved_at__gte=now - RECENT,
            forum__in=readable_forums(scope.user).values("pk"),
        )
        .select_related("forum")
        .order_by("-minutes_approved_at")[:SHOWN]
    )
    happenings = [Happening(e.at, event=e) for e in rows]
    happenings += [Happening(m.minutes_approved_at, meeting=m) for m in approved]
    return sorted(happenings, key=lambda h: h.at, reverse=True)[:SHOWN]


@dataclass
class Happening:
    at: object
    event: Event | None = None
    meeting: Meeting | None = None


# --- requests for official documents ------------------------------------------------


def waiting_document_requests(scope):
    """Unanswered requests for documents of the cases the user manages, oldest first (the
    law asks for an answer without delay; those older than a working day are marked)."""
    return (
        DocumentRequest.objects.waiting()
        .answerable_by(scope.user)
        .select_related("document")
        .order_by("arrived_at", "pk")
    )
