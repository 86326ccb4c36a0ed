"""make_x helpers for the register."""

from django.utils import timezone

from records.models import Case, DocumentType, Origin


def register_revision(agreement, revision, subject="Förslag"):
    """Register `revision` under the agreement's case by hand, as the job would."""
    return Case.of_agreement(agreement).register(
        revision,
        DocumentType.REVISION,
        origin=Origin.DRAWN_UP,
        official_since=timezone.now(),
        subject=subject,
        organisation=agreement.municipality,
    )


def register_letter(case, sender, subject="Brev om lokaler", **changes):
    """A received letter (an organisation stands in for the record) under `case`."""
    document = case.register(
        sender,
        DocumentType.CONSULTATION_RESPONSE,
        origin=Origin.RECEIVED,
        official_since=timezone.now(),
        subject=subject,
        organisation=sender,
    )
    if changes:
        document.correct(by=None, reason="test", **changes)
    return document
