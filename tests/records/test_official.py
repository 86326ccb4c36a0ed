"""When a record becomes an official document: the verbs' events register it."""

from django.utils import timezone

from records.models import Document, DocumentType, Origin
from records.official import register_existing, register_record
from tests.agreements.factories import edit_draft
from tests.consultation.factories import make_comment, publish
from tests.dialogues.factories import approve, make_checked_meeting, make_forum
from tests.followup.factories import make_plan, open_round


def test_a_posted_comment_is_received_the_moment_it_arrives(agreement, member, association, told):
    revision = publish(agreement)

    with told():
        comment = make_comment(revision, member, association)

    document = Document.objects.of(comment).get()
    assert document.origin == Origin.RECEIVED
    assert document.document_type == DocumentType.CONSULTATION_RESPONSE
    assert document.official_since == comment.created_at
    assert document.organisation == association
    assert "Testhamns IF" in document.subject
    assert member.username not in document.subject


def test_a_published_revision_is_drawn_up(agreement, coordinator, told):
    with told():
        revision = publish(agreement, by=coordinator)

    document = Document.objects.of(revision).get()
    assert (document.origin, document.document_type) == (Origin.DRAWN_UP, DocumentType.REVISION)
    assert document.official_since == revision.published_at


def test_a_working_draft_is_never_an_official_document(agreement, coordinator, told):
    with told():
        publish(agreement, by=coordinator)
        agreement.close_consultation(by=coordinator)
        draft = agreement.start_draft(by=coordinator)
        edit_draft(agreement, "Ny text", by=coordinator)

    assert not Document.objects.of(draft).exists()
    assert Document.objects.count() == 2  # revision 1 and its consultation report


def test_closing_the_consultation_draws_up_its_report(agreement, coordinator, told):
    revision = publish(agreement, by=coordinator)

    with told():
        agreement.close_consultation(by=coordinator)

    report = Document.objects.of(revision).get(document_type=DocumentType.CONSULTATION_REPORT)
    revision.refresh_from_db()
    assert report.official_since == revision.consultation_closed_at
    assert report.origin == Origin.DRAWN_UP


def test_minutes_become_official_when_approved_not_when_sent_for_approval(
    agreement, municipality, association, told
):
    forum = make_forum(municipality, members=[association], agreement=agreement)
    with told():
        meeting = make_checked_meeting(forum, association)
    assert not Document.objects.of(meeting).exists()

    with told():
        approve(meeting)

    document = Document.objects.of(meeting).get()
    meeting.refresh_from_db()
    assert document.document_type == DocumentType.MINUTES
    assert document.official_since == meeting.minutes_approved_at
    assert document.case.agreement == agreement


def test_minutes_of_a_forum_without_agreement_get_a_case_of_their_own(
    municipality, association, registration_format, told
):
    forum = make_forum(municipality, members=[association], name="Trygghetsrådet")
    meeting = make_checked_meeting(forum, association)

    with told():
        approve(meeting)

    case = Document.objects.of(meeting).get().case
    assert case.forum == forum
    assert case.number == f"KS {timezone.localdate().year}/0001"


def test_a_published_follow_up_report_is_drawn_up(agreement, coordinator, told):
    revision = publish(agreement, by=coordinator)
    agreement.close_consultation(by=coordinator)
    agreement.adopt(
        revision,
        body="KF",
        decided_on=timezone.localdate(),
        registration_number="KS 2024/0412",
        minute_reference="§ 1",
        by=coordinator,
    )
    round = open_round(make_plan(agreement))

    with told():
        round.publish(summary="Bra år.", by=coordinator)

    document = Document.objects.of(round).get()
    assert document.document_type == DocumentType.FOLLOWUP_REPORT
    assert document.number.startswith("KS 2024/0412-")


def test_registering_again_keeps_the_first_entry(agreement, coordinator, told):
    with told():
        revision = publish(agreement, by=coordinator)
    first = Document.objects.of(revision).get()

    again = register_record("revision.published", revision)

    assert again == first
    assert Document.objects.count() == 1
    assert first.case.last_sequence == 1


def test_records_made_before_the_register_are_added_oldest_first_once(
    agreement, coordinator, member, association
):
    revision = publish(agreement, by=coordinator)  # no told(): the events never arrive
    comment = make_comment(revision, member, association)

    added = register_existing()
    again = register_existing()

    assert (added, again) == (2, 0)
    numbers = [Document.objects.of(r).get().sequence for r in (revision, comment)]
    assert numbers == [1, 2]
