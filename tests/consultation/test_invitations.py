"""Invited bodies: who is consulted, the questions and answers, declines, the status the
coordinator sees, the reminder, and who reads and comments when only the invited take part.

- coordinator, staff (root conftest); member of `association`, a party and invited;
- umbrella_member: member of Kullahamns paraply, no party, invited;
- outsider: member of an association that is no party and not invited.
"""

import pytest
from django.core import mail

from agreements.models import Answer, Comment, Invitation, Invited, Readers
from consultation import errors
from consultation.notifications import send_invitation_reminders
from consultation.permissions import can_comment, can_view_comments
from organisations.models import Organisation
from tests.agreements.factories import closes_in
from tests.consultation.factories import make_comment
from tests.factories import make_organisation, make_user

BASE = "/agreements/lo/revisions/1/consultation"


@pytest.fixture
def umbrella(db):
    return make_organisation(name="Kullahamns paraply", kind=Organisation.Kind.UMBRELLA)


@pytest.fixture
def umbrella_member(umbrella):
    return make_user("paraply", umbrella, email="paraply@example.org")


def open_with(agreement, coordinator, organisations, readers=Readers.PARTIES, questions=()):
    invited = Invited(
        organisations=organisations, questions=list(questions), cover_letter="Välkomna!",
        readers=readers,
    )  # fmt: skip
    return agreement.open_consultation(closes_at=closes_in(30), by=coordinator, invited=invited)


@pytest.fixture
def revision(agreement, coordinator, association, umbrella):
    return open_with(agreement, coordinator, [association, umbrella], questions=["Vad saknas?"])


@pytest.fixture
def question(revision):
    return revision.questions.get()


# --- reading and commenting --------------------------------------------------------


def test_an_invited_organisation_that_is_no_party_reads_and_comments(revision, umbrella_member):
    assert can_view_comments(umbrella_member, revision)
    assert can_comment(umbrella_member, revision)


def test_it_marks_an_invited_body_answered_when_it_comments(revision, umbrella_member, umbrella):
    make_comment(revision, umbrella_member, umbrella)

    assert revision.invitations.get(organisation=umbrella).status == Invitation.Status.ANSWERED


def test_an_organisation_neither_party_nor_invited_reads_nothing(revision, outsider):
    assert not can_view_comments(outsider, revision)
    assert not can_comment(outsider, revision)


def test_parties_not_invited_neither_read_nor_comment_when_only_the_invited_take_part(
    agreement, coordinator, association, outsider, other_association, umbrella, umbrella_member
):
    agreement.add_party(other_association, "signatory", by=coordinator)
    revision = open_with(agreement, coordinator, [umbrella], readers=Readers.INVITED)

    assert not can_view_comments(outsider, revision)
    assert not can_comment(outsider, revision)
    with pytest.raises(errors.NotOnBehalfOf):
        make_comment(revision, outsider, other_association)
    assert can_comment(umbrella_member, revision)


def test_the_municipality_reads_a_consultation_for_the_invited_only(
    agreement, coordinator, staff, umbrella
):
    revision = open_with(agreement, coordinator, [umbrella], readers=Readers.INVITED)

    assert can_view_comments(coordinator, revision)
    assert can_view_comments(staff, revision)


def test_a_public_consultation_is_read_by_anyone(
    client, agreement, coordinator, association, umbrella
):
    open_with(agreement, coordinator, [umbrella], readers=Readers.PUBLIC)

    assert client.get(f"{BASE}/").status_code == 200
    assert client.get(f"{BASE}/invited/").status_code == 200


def test_parties_still_comment_on_a_consultation_opened_without_invitations(
    agreement, coordinator, member
):
    revision = agreement.open_consultation(closes_at=closes_in(30), by=coordinator)

    assert can_comment(member, revision)


# --- answers and declines ----------------------------------------------------------


def test_an_invited_organisation_answers_each_question_once(question, umbrella, umbrella_member):
    question.answer(organisation=umbrella, body="Mer om lokaler.", by=umbrella_member)

    with pytest.raises(errors.AlreadyAnswered):
        question.answer(organisation=umbrella, body="Igen.", by=umbrella_member)
    assert Answer.objects.get().body == "Mer om lokaler."


def test_an_organisation_not_invited_cannot_answer(question, other_association, outsider):
    with pytest.raises(errors.NotInvited):
        question.answer(organisation=other_association, body="Hej", by=outsider)


def test_a_decline_after_an_answer_is_refused(question, revision, umbrella, umbrella_member):
    question.answer(organisation=umbrella, body="Svar.", by=umbrella_member)
    invitation = revision.invitations.get(organisation=umbrella)

    with pytest.raises(errors.DeclineAfterAnswer):
        invitation.decline(reason="", by=umbrella_member)

    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ANSWERED


def test_an_answer_or_comment_after_a_decline_is_refused(
    question, revision, umbrella, umbrella_member
):
    revision.invitations.get(organisation=umbrella).decline(reason="Ingen tid", by=umbrella_member)

    with pytest.raises(errors.AlreadyDeclined):
        question.answer(organisation=umbrella, body="Svar.", by=umbrella_member)
    with pytest.raises(errors.NotOnBehalfOf):
        make_comment(revision, umbrella_member, umbrella)
    assert not Answer.objects.exists() and not Comment.objects.exists()


def test_the_municipality_is_never_invited(revision, municipality, coordinator):
    with pytest.raises(errors.NotInvited):
        Invitation.invite(revision, municipality, by=coordinator)


def test_inviting_twice_is_refused(revision, umbrella, coordinator):
    with pytest.raises(errors.AlreadyInvited):
        Invitation.invite(revision, umbrella, by=coordinator)


def test_an_organisation_invited_later_reads_the_consultation(
    revision, other_association, outsider, coordinator
):
    Invitation.invite(revision, other_association, by=coordinator)

    assert can_view_comments(outsider, revision)
    assert can_comment(outsider, revision)


# --- reminder --------------------------------------------------------------------


def test_the_reminder_goes_to_those_who_have_not_answered(
    client, revision, coordinator, question, association, member, umbrella_member
):
    question.answer(organisation=association, body="Svar.", by=member)
    client.force_login(coordinator)
    mail.outbox.clear()

    response = client.post(f"{BASE}/invited/remind/", follow=True)

    assert "A reminder is being sent" in response.content.decode() or "påminnelse" in (
        response.content.decode()
    )
    assert [message.to for message in mail.outbox] == [["paraply@example.org"]]


def test_the_reminder_job_sends_nothing_twice(revision, coordinator, umbrella_member):
    from agreements.models import remind_waiting

    remind_waiting(revision, by=coordinator)
    stamp = revision.invitations.first().reminded_at
    mail.outbox.clear()

    assert send_invitation_reminders(revision.pk, stamp.isoformat()) == 0


def test_with_everyone_answered_or_declined_there_is_no_one_to_remind(
    revision, coordinator, association, umbrella, member, umbrella_member
):
    from agreements.models import remind_waiting

    revision.invitations.get(organisation=association).decline(reason="", by=member)
    revision.invitations.get(organisation=umbrella).decline(reason="", by=umbrella_member)

    with pytest.raises(errors.NothingToRemind):
        remind_waiting(revision, by=coordinator)


def test_a_public_consultation_shows_visitors_organisations_but_not_persons(
    client, agreement, coordinator, association, member, umbrella
):
    member.first_name, member.last_name = "Fia", "Föreningsson"
    member.save()
    revision = open_with(agreement, coordinator, [association, umbrella], readers=Readers.PUBLIC)
    make_comment(revision, member, association)

    visitor = client.get(f"{BASE}/").content.decode()
    client.force_login(coordinator)
    insider = client.get(f"{BASE}/").content.decode()

    assert "Testhamns IF" in visitor and "Föreningsson" not in visitor
    assert "Föreningsson" in insider


def test_search_stores_who_reads_the_comments_of_a_consultation_for_the_invited_only(
    agreement, coordinator, association, member, other_association, outsider, umbrella_member,
    umbrella,
):  # fmt: skip
    from organisations.permissions import user_group_ids
    from search.registry import adapter_for

    agreement.add_party(other_association, "signatory", by=coordinator)
    revision = open_with(agreement, coordinator, [association, umbrella], readers=Readers.INVITED)
    comment = make_comment(revision, member, association)
    adapter = adapter_for(comment)

    groups = adapter.group_ids(comment)

    assert groups & user_group_ids(umbrella_member) and groups & user_group_ids(coordinator)
    assert not groups & user_group_ids(outsider)
    assert not adapter.is_public(comment)
