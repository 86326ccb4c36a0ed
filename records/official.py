"""When a record becomes an official document (allmän handling), and its register entry.

The model verbs already tell `events` what happened; this module listens for the kinds that
make a document official, and a job registers it (idempotent: a second run finds the entry).
Drafts emit none of these kinds, so a working draft is never registered.

| kind | document | received or drawn up | since |
|---|---|---|---|
| comment.received | consultation response | received (drawn up if by the municipality) | posted |
| revision.published | the published revision | drawn up | published |
| consultation.closed | the consultation report of that revision | drawn up | closed |
| minutes.approved | the approved minutes | drawn up | approved |
| followup.published | the follow-up report | drawn up | published |
"""

from django.apps import apps
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jobs import queue
from records.models import Case, Document, DocumentType, Origin


def _comment(comment):
    revision = comment.revision
    agreement = revision.agreement
    organisation = comment.organisation
    own = organisation.municipality == agreement.municipality
    subject = _("Consultation response from %(organisation)s on %(title)s, revision %(n)s")
    return {
        "case": Case.of_agreement(agreement),
        "document_type": DocumentType.CONSULTATION_RESPONSE,
        "origin": Origin.DRAWN_UP if own else Origin.RECEIVED,
        "official_since": comment.created_at,
        "subject": subject
        % {"organisation": organisation.name, "title": agreement.title, "n": revision.number},
        "organisation": organisation,
    }


def _revision(revision):
    agreement = revision.agreement
    return {
        "case": Case.of_agreement(agreement),
        "document_type": DocumentType.REVISION,
        "origin": Origin.DRAWN_UP,
        "official_since": revision.published_at,
        "subject": _("%(title)s, revision %(n)s, published for consultation")
        % {"title": revision.title, "n": revision.number},
        "organisation": agreement.municipality,
    }


def _report(revision):
    agreement = revision.agreement
    return {
        "case": Case.of_agreement(agreement),
        "document_type": DocumentType.CONSULTATION_REPORT,
        "origin": Origin.DRAWN_UP,
        "official_since": revision.consultation_closed_at or revision.consultation_closes_at,
        "subject": _("Consultation report on %(title)s, revision %(n)s")
        % {"title": revision.title, "n": revision.number},
        "organisation": agreement.municipality,
    }


def _minutes(meeting):
    forum = meeting.forum
    return {
        "case": Case.of_forum(forum),
        "document_type": DocumentType.MINUTES,
        "origin": Origin.DRAWN_UP,
        "official_since": meeting.minutes_approved_at,
        "subject": _("Minutes of %(forum)s, meeting of %(date)s")
        % {"forum": forum.name, "date": timezone.localdate(meeting.starts_at).isoformat()},
        "organisation": forum.organiser,
    }


def _followup(round):
    agreement = round.plan.agreement
    return {
        "case": Case.of_agreement(agreement),
        "document_type": DocumentType.FOLLOWUP_REPORT,
        "origin": Origin.DRAWN_UP,
        "official_since": round.published_at,
        "subject": _("Follow-up report %(year)s on %(title)s")
        % {"year": round.year, "title": agreement.title},
        "organisation": agreement.municipality,
    }


# event kind -> what the record becomes
BECOMES_OFFICIAL = {
    "comment.received": _comment,
    "revision.published": _revision,
    "consultation.closed": _report,
    "minutes.approved": _minutes,
    "followup.published": _followup,
}


def on_event(sender, kind, record, **kwargs):
    """Listener of `events.happened`: queue the registration, carrying ids only."""
    if kind in BECOMES_OFFICIAL:
        queue.enqueue(register, kind, record._meta.label_lower, record.pk, record=record)


def register(kind, label, pk):
    """Job: register the record `kind` made official (again: returns the existing entry)."""
    record = apps.get_model(label).objects.get(pk=pk)
    return register_record(kind, record)


def official_records():
    """(time, kind, record) of every record that is an official document by now, oldest first:
    what the events would have registered, for records made before this app or by hand."""
    from agreements.models import Comment, Revision
    from dialogues.models import Meeting
    from followup.models import FollowUpRound

    published = Revision.objects.exclude(published_at=None).select_related("agreement")
    found = [(r.published_at, "revision.published", r) for r in published]
    found += [
        (r.consultation_closed_at, "consultation.closed", r)
        for r in published.exclude(consultation_closed_at=None)
    ]
    comments = Comment.objects.exclude(revision__published_at=None)
    found += [(c.created_at, "comment.received", c) for c in comments]
    meetings = Meeting.objects.exclude(minutes_approved_at=None).select_related("forum")
    found += [(m.minutes_approved_at, "minutes.approved", m) for m in meetings]
    rounds = FollowUpRound.objects.exclude(published_at=None)
    found += [(r.published_at, "followup.published", r) for r in rounds]
    return sorted(found, key=lambda row: (row[0], row[1], row[2].pk))


def register_existing():
    """Register every official record not yet in the register, oldest first; returns how
    many were added. Safe to run again."""
    before = Document.objects.count()
    for _when, kind, record in official_records():
        register_record(kind, record)
    return Document.objects.count() - before


def register_record(kind, record):
    # The register is kept in the installation's language, whoever's request caused it.
    with translation.override(settings.LANGUAGE_CODE):
        entry = BECOMES_OFFICIAL[kind](record)
    case = entry.pop("case")
    return case.register(record, entry.pop("document_type"), **entry)
