"""The demo city's register: closed consultations' comments and approved minutes stand under
their cases with numbers; an anonymous visitor asks for one and samordnare answers."""

from django.contrib.auth import get_user_model
from django.test import Client

from agreements.models import Comment
from dialogues.models import Meeting
from records.models import Document, DocumentRequest, DocumentType


def test_closed_consultations_comments_and_approved_minutes_are_registered(demo):
    closed = Comment.objects.exclude(revision__consultation_closed_at=None)
    approved = Meeting.objects.exclude(minutes_approved_at=None)
    responses = Document.objects.filter(document_type=DocumentType.CONSULTATION_RESPONSE)
    minutes = Document.objects.filter(document_type=DocumentType.MINUTES)

    assert closed.exists() and approved.exists()
    assert set(closed.values_list("pk", flat=True)) <= set(
        responses.values_list("object_id", flat=True)
    )
    assert set(approved.values_list("pk", flat=True)) == set(
        minutes.values_list("object_id", flat=True)
    )
    lo = Document.objects.filter(case__number="KS 2024/0412").order_by("sequence")
    assert list(lo.values_list("sequence", flat=True)) == list(range(1, lo.count() + 1))
    dates = list(lo.values_list("official_since", flat=True))
    assert dates == sorted(dates)


def test_an_anonymous_visitor_asks_and_samordnare_answers(demo):
    entry = Document.objects.filter(document_type=DocumentType.MINUTES).first()
    visitor, samordnare = Client(), Client()
    samordnare.force_login(get_user_model().objects.get(username="samordnare"))

    asked = visitor.post(f"/register/{entry.pk}/request/", {"message": "Hej"})
    request = DocumentRequest.objects.get(document=entry, message="Hej")
    start = samordnare.get("/").content.decode()
    answered = samordnare.post(
        f"/register/requests/{request.pk}/answer/", {"status": "released", "answer": "Varsågod."}
    )

    assert asked.status_code == 302 and answered.status_code == 302
    assert entry.number in start
    assert "Varsågod." in visitor.get(asked["Location"]).content.decode()
