"""The demo's register: every official document of the demo city under its case, numbered in
date order, and requests for documents: one waiting for `samordnare`, one answered.

The other apps seed years of history in a few seconds, app by app, so the events register
their documents out of date order. On the first seeding (no request exists yet) the register
is therefore built again from the records, oldest first; later runs only add what is missing.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from records.models import (
    Case,
    Document,
    DocumentRequest,
    DocumentType,
    RetentionRule,
    Series,
)
from records.official import register_existing

LO_CASE = "KS 2024/0412"


# Kullahamn's plan: the agreement's texts, reports and minutes are kept for ever; the
# consultation responses are disposed of ten years after arrival.
PLAN_DECISION = "KS 2024/0100, kommunstyrelsen 2024-03-12 § 41"


def seed(stdout):
    for document_type, _label in DocumentType.choices:
        dispose = document_type == DocumentType.CONSULTATION_RESPONSE
        RetentionRule.objects.get_or_create(
            document_type=document_type,
            defaults={
                "action": "dispose" if dispose else "keep",
                "years": 10 if dispose else None,
                "decision": PLAN_DECISION,
            },
        )
    if not DocumentRequest.objects.exists():
        Document.objects.all().delete()
        Case.objects.all().delete()
        Series.objects.all().delete()
    added = register_existing()
    stdout.write(f"  {added} official documents registered")
    if not DocumentRequest.objects.exists():
        _requests()


def _requests():
    responses = Document.objects.filter(
        case__number=LO_CASE, document_type=DocumentType.CONSULTATION_RESPONSE
    ).order_by("sequence")
    if not responses.exists():
        return
    answered = DocumentRequest.receive(
        responses.first(), message="Jag skriver en uppsats om lokala överenskommelser."
    )
    DocumentRequest.objects.filter(pk=answered.pk).update(
        arrived_at=timezone.now() - timedelta(days=20)
    )
    answered.decide(
        status=DocumentRequest.Status.RELEASED,
        answer="Remissvaret finns att läsa i sin helhet via länken i diariet.",
        by=get_user_model().objects.get(username="samordnare"),
    )
    waiting = DocumentRequest.receive(responses.last())
    DocumentRequest.objects.filter(pk=waiting.pk).update(
        arrived_at=timezone.now() - timedelta(days=3)
    )
