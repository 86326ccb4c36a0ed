"""Each record type's API address and a one-line summary, for a delivery's payload.

A record type without an entry (one added by a later app) still gets a delivery, with its
`str()` as the summary and no API link, until it is added here.
"""

from django.conf import settings
from django.urls import reverse


def _revision(revision):
    path = reverse("api:revision-detail", args=[revision.agreement.slug, revision.number])
    return path, f"{revision.agreement.title} ({revision.number})"


def _comment(comment):
    revision = comment.revision
    args = [revision.agreement.slug, revision.number, comment.pk]
    path = reverse("api:comment-detail", args=args)
    return path, f"{revision.agreement.title} ({revision.number}): {comment.organisation}"


def _party(party):
    path = reverse("api:agreement-detail", args=[party.agreement.slug])
    return path, f"{party.agreement.title}: {party.organisation}"


LINKS = {
    "agreements.agreement": lambda a: (reverse("api:agreement-detail", args=[a.slug]), a.title),
    "agreements.revision": _revision,
    "agreements.comment": _comment,
    "agreements.party": _party,
    "dialogues.meeting": lambda m: (reverse("api:meeting-detail", args=[m.pk]), str(m)),
    "dialogues.actionitem": lambda i: (reverse("api:action-item-detail", args=[i.pk]), str(i)),
}


def link_and_summary(record):
    """(absolute API URL or None, summary) of a record."""
    describe = LINKS.get(record._meta.label_lower)
    if describe is None:
        return None, str(record)[:200]
    path, summary = describe(record)
    return settings.SITE_URL + path, summary[:200]
