"""The event hub: verbs tell listeners once, after the commit, and the record's own rule
decides who may hear about it."""

import pytest
from django.db import transaction

import events
from agreements.models import Disposition
from tests.consultation.factories import make_comment
from tests.dialogues.factories import approve, make_checked_meeting


@pytest.fixture
def heard():
    """Every event sent while the test runs, as (kind, record, actor, details)."""
    told = []

    def listener(sender, kind, record, actor, details, **kwargs):
        told.append((kind, record, actor, details))

    events.happened.connect(listener, dispatch_uid="test-listener")
    yield told
    events.happened.disconnect(dispatch_uid="test-listener")


def kinds(told):
    return [kind for kind, *_ in told]


def test_answering_a_comment_tells_listeners_after_the_commit(
    comment, coordinator, heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as pending:
        comment.answer(disposition=Disposition.ACCEPTED, reason="Vi gör så.", by=coordinator)
        assert heard == []  # nothing before the commit

    for callback in pending:
        callback()

    assert kinds(heard) == ["comment.answered"]
    _, record, actor, details = heard[0]
    assert record == comment and actor == coordinator and details == {"first_answer": True}


def test_a_change_that_rolls_back_tells_nobody(
    comment, coordinator, heard, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        comment.answer(disposition=Disposition.ACCEPTED, reason="Ja.", by=coordinator)
        raise RuntimeError

    assert heard == []


def test_publishing_a_revision_opens_its_consultation_and_a_comment_arrives(
    agreement, coordinator, member, association, heard, django_capture_on_commit_callbacks
):
    from tests.consultation.factories import publish

    with django_capture_on_commit_callbacks(execute=True):
        revision = publish(agreement, by=coordinator)
        make_comment(revision, member, association)

    # The register (records/) then tells that the revision and the comment were registered.
    assert kinds(heard) == [
        "revision.published",
        "consultation.opened",
        "comment.received",
        "document.registered",
        "document.registered",
    ]
    assert heard[0][1] == revision and heard[0][2] == coordinator
    assert heard[2][2] == member


def test_approved_minutes_are_told_once_when_the_last_approver_approves(
    forum, association, heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = make_checked_meeting(forum, association)
        approve(meeting)

    assert kinds(heard) == ["minutes.sent_for_approval", "minutes.approved", "document.registered"]
    assert heard[1][1] == meeting and heard[1][2] == meeting.approver


def test_a_failing_listener_does_not_fail_the_change(
    comment, coordinator, django_capture_on_commit_callbacks, caplog
):
    def broken(**kwargs):
        raise ValueError("listener bug")

    events.happened.connect(broken, dispatch_uid="broken")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            comment.answer(disposition=Disposition.NOTED, reason="Noterat.", by=coordinator)
    finally:
        events.happened.disconnect(dispatch_uid="broken")

    assert comment.response.reason == "Noterat."
    assert "event listener failed" in caplog.text


def test_who_may_hear_follows_the_record_s_own_rule(comment, member, outsider, coordinator):
    assert events.can_view(member, comment)
    assert events.can_view(coordinator, comment)
    assert not events.can_view(outsider, comment)


def test_nobody_hears_about_a_record_that_is_gone(comment, member):
    from agreements.models import Comment

    Comment.objects.filter(pk=comment.pk).delete()

    assert not events.can_view(member, comment)


def test_an_unknown_kind_or_an_unregistered_record_is_a_programming_error(comment, member):
    with pytest.raises(ValueError, match="Unknown event kind"):
        events.emit("comment.exploded", comment)
    with pytest.raises(ValueError, match="not registered"):
        events.emit("comment.received", member)


def test_every_kind_has_a_label_in_swedish():
    from django.utils import translation

    with translation.override("sv"):
        labels = [str(label) for _, label in events.kinds()]

    assert "En synpunkt besvarades" in labels
    assert len(set(labels)) == len(labels)
