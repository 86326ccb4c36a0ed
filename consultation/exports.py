"""The consultation report as a file (PDF or DOCX, written by agreements/exports.py).

A report of up to `CONSULTATION_REPORT_JOB_ABOVE` comments is made in the request (about 3 s
as PDF for 34 comments on 2 shared cores). A larger one is printed by a job into the default
storage, once per state of the consultation, language, file type and with or without the
names of persons; the download serves the stored file and says "being prepared" until the
job has run. A new comment, edit, withdrawal, response, answer or decline makes a new state,
so nobody downloads a report older than the consultation."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Count, Max
from django.utils import translation

from jobs import queue

FOLDER = "consultation/reports"
STORE_JOB = "consultation.exports.store_report"


def state_of(revision):
    """(number of comments, a digest of everything the report shows that can change)."""
    comments = revision.comments.aggregate(
        n=Count("pk"),
        written=Max("created_at"),
        edited=Max("edited_at"),
        withdrawn=Max("withdrawn_at"),
        answered=Max("response__responded_at"),
        responses=Count("response"),
    )
    invited = revision.invitations.aggregate(
        n=Count("pk"), answered=Max("answered_at"), declined=Max("declined_at")
    )
    answers = revision.questions.aggregate(n=Count("answers"), last=Max("answers__created_at"))
    agreement = revision.agreement
    state = repr((
        sorted(comments.items()), sorted(invited.items()), sorted(answers.items()),
        revision.consultation_closed_at, agreement.title, agreement.registration_number,
    ))  # fmt: skip
    return comments["n"], hashlib.sha256(state.encode()).hexdigest()[:16]


def prefix(revision):
    return f"{FOLDER}/{revision.agreement.slug}-{revision.number}-{revision.pk}."


def stored_name(revision, digest, extension, with_names, language):
    readers = "names" if with_names else "public"
    return f"{prefix(revision)}{digest}.{readers}.{language}.{extension}"


def is_large(count):
    return count > settings.CONSULTATION_REPORT_JOB_ABOVE


def stored_or_queued(revision, digest, extension, with_names):
    """The stored file's bytes, or None after queueing (at most once at a time) the job that
    prints it."""
    language = translation.get_language()
    name = stored_name(revision, digest, extension, with_names, language)
    if not default_storage.exists(name):
        if not cache.add(f"consultation-report:{name}", True, timeout=5 * 60):
            return None
        args = (revision.pk, digest, extension, with_names, language)
        queue.enqueue(STORE_JOB, *args, record=revision)
        if not default_storage.exists(name):  # it is there at once when jobs run eagerly
            return None
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def store_report(revision_id, digest, extension, with_names, language):
    """Job: print the report as it is in state `digest` and keep it; a job that finds the
    consultation changed since it was queued prints nothing (the next download asks anew),
    and a job that runs twice finds the file there. Files of earlier states are removed."""
    from agreements import exports
    from agreements.models import Revision

    revision = Revision.objects.select_related("agreement__municipality").get(pk=revision_id)
    if state_of(revision)[1] != digest:
        return False
    name = stored_name(revision, digest, extension, with_names, language)
    if not default_storage.exists(name):
        with translation.override(language):
            content, _content_type = exports.report(revision, extension, with_names)
        default_storage.save(name, ContentFile(content))
    _remove_earlier(revision, digest)
    return True


def _remove_earlier(revision, digest):
    if not default_storage.exists(FOLDER):
        return
    start = prefix(revision).rsplit("/", 1)[1]
    for filename in default_storage.listdir(FOLDER)[1]:
        if filename.startswith(start) and not filename.startswith(start + digest + "."):
            default_storage.delete(f"{FOLDER}/{filename}")
