from agreements.models import Comment, Revision
from tests.url_walk import LOGIN, Expect, signed_in


def open_revision():
    revision = next(r for r in Revision.objects.published() if r.consultation_is_open)
    return {"slug": revision.agreement.slug, "number": revision.number}


def comment_on_open_revision():
    revision = next(r for r in Revision.objects.published() if r.consultation_is_open)
    comment = revision.comments.exclude(author__username="forening").first()
    return {"slug": revision.agreement.slug, "number": revision.number, "pk": comment.pk}


def forenings_earlier_comment():
    """forening wrote it, but its consultation is closed: editing redirects with a message."""
    comment = Comment.objects.filter(author__username="forening", parent=None).first()
    revision = comment.revision
    return {"slug": revision.agreement.slug, "number": revision.number, "pk": comment.pk}


def open_question():
    revision = next(r for r in Revision.objects.published() if r.consultation_is_open)
    question = revision.questions.order_by("position").last()
    return {"slug": revision.agreement.slug, "number": revision.number, "question_id": question.pk}


# Parties, the municipality's coordinators and staff read the consultation; outsiders get 404.
READERS = signed_in(200, utomstaende=404)
# Only the municipal coordinator (and the superuser) answers and extends.
COORDINATOR = {"anonymous": LOGIN, "admin": 200, "samordnare": 200}
POST_ONLY = {"anonymous": LOGIN}

URLS = {
    "consultation:notification_settings": Expect(signed_in(200)),
    "consultation:consultation": Expect(READERS, kwargs=open_revision),
    "consultation:comment_list": Expect(READERS, kwargs=open_revision),
    # The report is public only for a public adopted or in-force agreement; this one is
    # under consultation.
    "consultation:consultation_report": Expect({**READERS, "anonymous": 404}, kwargs=open_revision),
    "consultation:consultation_report_csv": Expect(
        {**READERS, "anonymous": 404}, kwargs=open_revision
    ),
    "consultation:consultation_report_pdf": Expect(
        {**READERS, "anonymous": 404}, kwargs=open_revision
    ),
    "consultation:consultation_report_docx": Expect(
        {**READERS, "anonymous": 404}, kwargs=open_revision
    ),
    "consultation:consultation_extend": Expect(
        COORDINATOR, default=404, kwargs=open_revision, post=True
    ),
    # Only party members write; other readers are sent back to the page with a message.
    "consultation:comment_create": Expect(
        signed_in(302, forening=200, utomstaende=404), kwargs=open_revision, post=True
    ),
    "consultation:comment": Expect(READERS, kwargs=comment_on_open_revision),
    "consultation:invitations": Expect(READERS, kwargs=open_revision),
    "consultation:invite": Expect(POST_ONLY, default=405, kwargs=open_revision, post=True),
    "consultation:remind_invited": Expect(POST_ONLY, default=405, kwargs=open_revision, post=True),
    "consultation:decline": Expect(POST_ONLY, default=405, kwargs=open_revision, post=True),
    "consultation:answer_question": Expect(POST_ONLY, default=405, kwargs=open_question, post=True),
    "consultation:comment_edit": Expect(
        {"anonymous": LOGIN, "forening": 302},
        default=404,
        kwargs=forenings_earlier_comment,
        post=True,
    ),  # fmt: skip
    "consultation:comment_withdraw": Expect(
        POST_ONLY, default=405, kwargs=comment_on_open_revision, post=True
    ),
    "consultation:comment_reply": Expect(
        POST_ONLY, default=405, kwargs=comment_on_open_revision, post=True
    ),
    "consultation:comment_respond": Expect(
        COORDINATOR, default=404, kwargs=comment_on_open_revision, post=True
    ),
}
