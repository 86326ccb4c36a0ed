from tests.api.url_walk_records import URLS as RECORDS
from tests.url_walk import LOGIN, Expect, signed_in

ORGANISATION = {"slug": "kullahamns-if"}

URLS = {
    # The API answers for itself: JSON 404 rather than a login redirect (no ids leak).
    "api:organisation-list": Expect(),
    "api:organisation-detail": Expect(kwargs=lambda: ORGANISATION),
    # The member list: the organisation's members and municipal coordinators.
    "api:organisation-members": Expect(
        {"admin": 200, "samordnare": 200, "forening": 200},
        default=404,
        kwargs=lambda: ORGANISATION,
    ),
    "api:schema": Expect(),
    "api:docs": Expect(),
    "api:tokens": Expect(signed_in(200), post=True),
    "api:token_revoke": Expect(
        {"anonymous": LOGIN}, default=405, kwargs=lambda: {"pk": 1}, post=True
    ),
}


LO = {"slug": "lokal-overenskommelse-kullahamn"}  # adopted, in force, public
YOUTH = {"slug": "fritid-barn-och-unga", "number": 1}  # out for consultation, invited bodies
OUTSIDE_404 = {"anonymous": 404, "utomstaende": 404}


def youth_question():
    from agreements.models import Question

    question = Question.objects.filter(revision__agreement__slug=YOUTH["slug"]).first()
    return {**YOUTH, "question_id": question.pk}


IOP = {"slug": "iop-laxhjalp-oresundsvik"}  # never published: its drafters only
MANAGERS = {"admin": 200, "samordnare": 200}
POST_ONLY = Expect(default=405, kwargs=lambda: LO, post=True)


def lo_party():
    from agreements.models import Party

    return {**LO, "party_id": Party.objects.filter(agreement__slug=LO["slug"]).first().pk}


def lo_comment():
    from agreements.models import Comment

    comment = Comment.objects.filter(revision__agreement__slug=LO["slug"], parent=None).first()
    return {**LO, "number": comment.revision.number, "pk": comment.pk}


URLS |= {
    "api:agreement-list": Expect(post=True),
    "api:agreement-detail": Expect(kwargs=lambda: LO),
    "api:agreement-adopt": POST_ONLY,
    "api:agreement-close-consultation": POST_ONLY,
    "api:agreement-open-consultation": POST_ONLY,
    "api:agreement-start-draft": POST_ONLY,
    "api:agreement-sign": Expect(default=405, kwargs=lo_party, post=True),
    "api:agreement-change-status": POST_ONLY,
    "api:agreement-parties": POST_ONLY,
    "api:agreement-withdraw": Expect(default=405, kwargs=lo_party, post=True),
    "api:agreement-draft": Expect(MANAGERS, default=404, kwargs=lambda: IOP, post=False),
    "api:draft-section-list": Expect(MANAGERS, default=404, kwargs=lambda: IOP, post=True),
    "api:draft-section-detail": Expect(
        MANAGERS, default=404, kwargs=lambda: {**IOP, "anchor": "bakgrund"}
    ),
    "api:draft-section-move": Expect(
        default=405, kwargs=lambda: {**IOP, "anchor": "bakgrund"}, post=True
    ),
    "api:revision-list": Expect(kwargs=lambda: LO),
    "api:revision-detail": Expect(kwargs=lambda: {**LO, "number": 3}),
    "api:diff": Expect(default=400, kwargs=lambda: LO),
    "api:report": Expect(kwargs=lambda: {**LO, "number": 1}),
    # Comments: whoever holds view_agreement; the public and outsiders 404.
    "api:comment-list": Expect(
        {"anonymous": 404, "utomstaende": 404}, kwargs=lambda: {**LO, "number": 1}, post=True
    ),
    "api:comment-detail": Expect({"anonymous": 404, "utomstaende": 404}, kwargs=lo_comment),
    "api:comment-respond": Expect(default=405, kwargs=lo_comment, post=True),
    "api:comment-withdraw": Expect(default=405, kwargs=lo_comment, post=True),
    "api:consultation-extend": Expect(default=405, kwargs=lambda: {**LO, "number": 1}, post=True),
    # Invited bodies of the open consultation (fritid för barn och unga): its readers.
    "api:invitations": Expect(OUTSIDE_404, kwargs=lambda: YOUTH, post=True),
    "api:questions": Expect(OUTSIDE_404, kwargs=lambda: YOUTH),
    "api:invitations-remind": Expect(default=405, kwargs=lambda: YOUTH, post=True),
    "api:decline": Expect(default=405, kwargs=lambda: YOUTH, post=True),
    "api:answer": Expect(default=405, kwargs=youth_question, post=True),
}

URLS |= RECORDS


URLS |= {
    # The follow-up (read-only): the public agreement's adopted plan for everyone; the open
    # 2026 follow-up for parties and staff only.
    "api:action-plans": Expect(kwargs=lambda: LO),
    "api:follow-up": Expect(
        {"anonymous": 404, "utomstaende": 404}, kwargs=lambda: {**LO, "year": 2026}
    ),
    # A commitment of the adopted plan: everyone reads it; its status and reports are POSTs.
    "api:commitment-detail": Expect(kwargs=lambda: lo_commitment()),
    "api:commitment-status": Expect(default=405, kwargs=lambda: lo_commitment(), post=True),
    "api:commitment-report": Expect(
        default=405, kwargs=lambda: {**lo_commitment(), "year": 2026}, post=True
    ),
}


def lo_commitment():
    from followup.models import Commitment

    return {**LO, "pk": Commitment.objects.filter(plan__agreement__slug=LO["slug"])[0].pk}


def register_entry():
    from records.models import Document

    return {"pk": Document.objects.filter(case__number="KS 2024/0412").first().pk}


def waiting_request():
    from records.models import DocumentRequest

    return DocumentRequest.objects.waiting().first()


URLS |= {
    # The register: entries for everyone; anyone asks (POST); the case's coordinators list
    # and answer requests (others see an empty list); the code reads the answer.
    "api:register-list": Expect(),
    "api:register-detail": Expect(kwargs=register_entry),
    "api:register-ask": Expect(default=405, kwargs=register_entry, post=True),
    "api:request-list": Expect({"anonymous": 401}),
    "api:request-answer": Expect(
        {"anonymous": 401}, default=405, kwargs=lambda: {"pk": waiting_request().pk}, post=True
    ),
    "api:request-detail": Expect(kwargs=lambda: {"code": waiting_request().code}),
}
