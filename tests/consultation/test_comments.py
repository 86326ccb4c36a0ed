"""The rules of commenting: deadline, party membership, on behalf of, replies, edits."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements.models import ConsultationExtension, Disposition, Revision, extend_consultation
from consultation import errors
from tests.consultation.factories import make_comment, make_party, section
from tests.factories import make_organisation, make_user


def close_by_time(revision):
    Revision.objects.filter(pk=revision.pk).update(
        consultation_closes_at=timezone.now() - timedelta(minutes=1)
    )
    revision.refresh_from_db()


def test_a_party_member_comments_on_a_section_on_behalf_of_their_organisation(
    revision, member, association
):
    comment = make_comment(revision, member, association, section=section(revision, "dialog"))

    assert comment.organisation == association
    assert comment.section.anchor == "dialog"
    assert revision.comments.count() == 1


def test_a_comment_on_a_quoted_passage_stores_the_text_around_it(revision, member, association):
    comment = make_comment(
        revision, member, association, section=section(revision, "dialog"), quote="en öppen"
    )

    assert comment.quote == "en öppen"
    assert comment.quote_prefix == "Parterna för "
    assert comment.quote_suffix == " dialog."


def test_it_rejects_a_quote_that_is_not_in_the_section(revision, member, association):
    with pytest.raises(errors.QuoteNotFound):
        make_comment(
            revision, member, association, section=section(revision, "dialog"), quote="saknas"
        )

    assert revision.comments.count() == 0


def test_it_rejects_comments_after_the_deadline(revision, member, association):
    close_by_time(revision)

    with pytest.raises(errors.ConsultationClosed):
        make_comment(revision, member, association)

    assert revision.comments.count() == 0


def test_it_rejects_comments_once_the_consultation_is_closed(
    agreement, revision, coordinator, member, association
):
    agreement.close_consultation(by=coordinator, accept_unanswered=True)
    revision.refresh_from_db()

    with pytest.raises(errors.ConsultationClosed):
        make_comment(revision, member, association)


def test_the_working_draft_cannot_be_commented(
    agreement, revision, coordinator, member, association
):
    agreement.close_consultation(by=coordinator, accept_unanswered=True)
    draft = agreement.start_draft(by=coordinator)

    with pytest.raises(errors.ConsultationClosed):
        make_comment(draft, member, association)


def test_a_member_of_an_organisation_that_is_no_party_cannot_comment(
    revision, outsider, other_association
):
    with pytest.raises(errors.NotOnBehalfOf):
        make_comment(revision, outsider, other_association)


def test_nobody_comments_on_behalf_of_an_organisation_they_are_not_a_member_of(
    agreement, revision, member
):
    other_party = make_organisation(name="Annan förening")
    make_party(agreement, other_party)

    with pytest.raises(errors.NotOnBehalfOf):
        make_comment(revision, member, other_party)


def test_the_municipality_does_not_comment_on_its_own_consultation(
    revision, coordinator, municipality
):
    with pytest.raises(errors.NotOnBehalfOf):
        make_comment(revision, coordinator, municipality)


def test_a_withdrawn_party_can_no_longer_comment(agreement, revision, member, association):
    agreement.parties.get(organisation=association).withdraw(on=timezone.localdate(), by=None)

    with pytest.raises(errors.NotOnBehalfOf):
        make_comment(revision, member, association)


def test_a_reply_belongs_to_the_comments_section(revision, comment, association):
    replier = make_user("svarare", association)

    reply = make_comment(revision, replier, association, parent=comment, body="Instämmer.")

    assert reply.parent == comment
    assert reply.section == comment.section


def test_replies_go_one_level_deep(revision, comment, member, association):
    reply = make_comment(revision, member, association, parent=comment)

    with pytest.raises(errors.ReplyTooDeep):
        make_comment(revision, member, association, parent=reply)


def test_the_author_edits_their_comment_while_the_consultation_is_open(comment, member):
    comment.edit(body="Ny lydelse.", by=member)

    comment.refresh_from_db()
    assert comment.body == "Ny lydelse."
    assert comment.edited_at is not None


def test_no_one_but_the_author_edits_a_comment(comment, association):
    colleague = make_user("kollega", association)

    with pytest.raises(errors.NotAuthor):
        comment.edit(body="Ändrat av någon annan.", by=colleague)


def test_a_comment_cannot_be_edited_after_the_deadline(revision, comment, member):
    close_by_time(revision)
    comment.revision = revision

    with pytest.raises(errors.ConsultationClosed):
        comment.edit(body="För sent.", by=member)


def test_a_withdrawn_comment_stays_withdrawn(comment, member):
    comment.withdraw(by=member)

    with pytest.raises(errors.CommentWithdrawn):
        comment.edit(body="Tillbaka igen.", by=member)
    assert comment.is_withdrawn


@pytest.mark.parametrize("disposition", Disposition.values)
def test_the_coordinator_answers_with_each_disposition(comment, coordinator, disposition):
    response, created = comment.answer(
        disposition=disposition, reason="Motivering.", by=coordinator
    )

    assert created
    assert comment.response.disposition == disposition


def test_answering_again_changes_the_response(comment, coordinator):
    comment.answer(disposition=Disposition.NOTED, reason="Noterat.", by=coordinator)

    _, created = comment.answer(
        disposition=Disposition.ACCEPTED, reason="Vi ändrar.", by=coordinator
    )

    assert not created
    comment.refresh_from_db()
    assert comment.response.disposition == Disposition.ACCEPTED


def test_replies_are_not_answered_with_a_disposition(revision, comment, member, coordinator):
    reply = make_comment(revision, member, comment.organisation, parent=comment)

    with pytest.raises(errors.NotAnswerable):
        reply.answer(disposition=Disposition.NOTED, reason="", by=coordinator)


def test_the_coordinator_extends_the_closing_time(revision, coordinator):
    later = revision.consultation_closes_at + timedelta(days=7)

    extend_consultation(revision, closes_at=later, by=coordinator)

    revision.refresh_from_db()
    assert revision.consultation_closes_at == later
    assert ConsultationExtension.objects.get().by == coordinator


def test_extending_to_an_earlier_time_is_refused(revision, coordinator):
    earlier = revision.consultation_closes_at - timedelta(days=1)

    with pytest.raises(errors.ClosingTimeNotLater):
        extend_consultation(revision, closes_at=earlier, by=coordinator)


def test_a_closed_consultation_cannot_be_extended(agreement, revision, coordinator):
    agreement.close_consultation(by=coordinator, accept_unanswered=True)
    revision.refresh_from_db()

    with pytest.raises(errors.ExtensionNotPossible):
        extend_consultation(revision, closes_at=timezone.now() + timedelta(days=3), by=coordinator)


def test_an_extension_reopens_a_consultation_whose_time_ran_out(revision, coordinator):
    close_by_time(revision)

    extend_consultation(revision, closes_at=timezone.now() + timedelta(days=3), by=coordinator)

    assert revision.consultation_is_open
