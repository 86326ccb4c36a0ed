"""The model verbs carry their own consequences, so a command or the admin that calls them gets
what the pages get: opening a consultation carries the comments over and queues the e-mail to
the parties; answering a comment queues the e-mail to its author."""

import pytest
from django.core import mail

from agreements.models import CarryOver, Disposition
from consultation import errors
from tests.agreements.factories import closes_in, edit_draft
from tests.consultation.factories import TEXT, make_comment
from tests.jobs.conftest import Worker


@pytest.fixture
def queued(settings):
    """Jobs wait on the queue as in production; e-mail goes through the queue too."""
    settings.JOBS_EAGER = False
    settings.EMAIL_BACKEND = "jobs.mail.QueuedEmailBackend"
    settings.JOBS_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return Worker()


def test_opening_a_consultation_by_the_verb_alone_carries_the_comments_over(
    agreement, revision, coordinator, member, association, django_capture_on_commit_callbacks
):
    comment = make_comment(revision, member, association, quote="", body="Tidigare dialog.")
    agreement.close_consultation(by=coordinator, accept_unanswered=True)
    agreement.start_draft(by=coordinator)
    edit_draft(agreement, TEXT + "\n# 4 Uppföljning\nVarje år.\n", by=coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        following = agreement.open_consultation(closes_at=closes_in(30), by=coordinator)

    row = CarryOver.objects.get(comment=comment)
    assert (row.revision, row.kind) == (following, CarryOver.Kind.EXACT)


def test_opening_a_consultation_by_the_verb_alone_queues_the_e_mail_to_the_parties(
    agreement, coordinator, member, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        agreement.open_consultation(closes_at=closes_in(30), by=coordinator)

    assert "consultation.notifications.notify_consultation_opened" in queued.jobs()
    assert mail.outbox == []

    queued.run_all()

    assert "forening@example.org" in [message.to[0] for message in mail.outbox]


def test_answering_a_comment_by_the_verb_alone_queues_the_e_mail_to_its_author(
    comment, coordinator, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment.answer(disposition=Disposition.NOTED, reason="Noterad.", by=coordinator)

    assert "consultation.notifications.send_answered_notice" in queued.jobs()
    assert mail.outbox == []

    queued.run_all()

    assert [message.to for message in mail.outbox] == [["forening@example.org"]]
    assert "Noterad" in mail.outbox[0].body


def test_an_answer_that_is_refused_queues_no_e_mail(
    comment, coordinator, member, association, queued, django_capture_on_commit_callbacks
):
    reply = make_comment(comment.revision, member, association, parent=comment)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(errors.NotAnswerable):
        reply.answer(disposition=Disposition.NOTED, reason="Noterad.", by=coordinator)

    assert "consultation.notifications.send_answered_notice" not in queued.jobs()
