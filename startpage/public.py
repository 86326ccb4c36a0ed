"""The public front page: what anyone may read, with the same rules as the pages it links to
(`Agreement.objects.visible_to`, public forums), in a fixed number of queries."""

from django.db.models import Prefetch
from django.utils import timezone

from agreements.models import Agreement, Principle, Revision
from dialogues.models import Forum, Meeting
from dialogues.permissions import readable_forums

SHOWN = 5


def front_page(user, now=None):
    now = now or timezone.now()
    return {
        "agreements": agreements_in_force(user),
        "consultations": open_consultations(user, now),
        "meetings": list(public_meetings(user, now)[:SHOWN]),
        "minutes": list(published_minutes(user)[:SHOWN]),
    }


def agreements_in_force(user):
    """Adopted and in-force agreements open to everyone, with their principles."""
    return list(
        Agreement.objects.public()
        .visible_to(user)
        .select_related("municipality")
        .prefetch_related(Prefetch("principles", queryset=Principle.objects.order_by("position")))
        .order_by("-valid_from", "title")
    )


def open_consultations(user, now):
    """Open consultations the visitor may read (none, for an agreement that is not public)."""
    return list(
        Revision.objects.open(now)
        .filter(agreement__in=Agreement.objects.visible_to(user))
        .select_related("agreement")
        .order_by("consultation_closes_at")[:SHOWN]
    )


def _public_forums(user):
    return readable_forums(user).filter(visibility=Forum.Visibility.PUBLIC).values("pk")


def public_meetings(user, now):
    """Planned meetings of public forums, the next first."""
    return (
        Meeting.objects.upcoming(now)
        .filter(status=Meeting.Status.PLANNED, forum__in=_public_forums(user))
        .select_related("forum")
    )


def published_minutes(user):
    """Approved minutes of public forums, the latest approved first."""
    return (
        Meeting.objects.filter(
            minutes_status=Meeting.MinutesStatus.APPROVED, forum__in=_public_forums(user)
        )
        .select_related("forum")
        .order_by("-minutes_approved_at")
    )
