"""Process checks of a consultation as municipalities run it: a minimum period (shortened only
with a recorded reason), unanswered comments need an explicit decision before closing and
adopting, a decision date neither in the future nor before the consultation closed, and
irreversible steps that say what they will do first."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements import exceptions as errors
from agreements.models import Agreement, Comment, Revision
from tests.agreements.factories import adopt, closes_in, consult, publish

pytestmark = pytest.mark.django_db

Status = Agreement.Status


@pytest.fixture
def six_weeks(agreement):
    Agreement.objects.filter(pk=agreement.pk).update(minimum_consultation_days=42)
    return Agreement.objects.get(pk=agreement.pk)


def comment_on(revision, member, association):
    return Comment.post(revision=revision, author=member, organisation=association, body="Ja.")


def decide(agreement, revision, **overrides):
    values = {
        "body": "Kommunfullmäktige",
        "decided_on": timezone.localdate(),
        "registration_number": "KS 2024/0412",
        "minute_reference": "§ 1",
        "by": None,
        **overrides,
    }
    return agreement.adopt(revision, **values)


# --- the minimum period ----------------------------------------------------------------


def test_a_consultation_shorter_than_the_minimum_needs_a_reason(six_weeks):
    with pytest.raises(errors.ConsultationTooShort):
        six_weeks.open_consultation(closes_at=closes_in(30), by=None)

    assert not six_weeks.revisions.published().exists()


def test_the_reason_for_a_shorter_period_is_recorded_with_the_revision(six_weeks):
    revision = six_weeks.open_consultation(
        closes_at=closes_in(30), by=None, shortened_reason="Beslut i fullmäktige i januari."
    )

    assert revision.consultation_shortened_reason == "Beslut i fullmäktige i januari."


def test_the_minimum_period_itself_needs_no_reason(six_weeks):
    revision = six_weeks.open_consultation(closes_at=closes_in(42), by=None)

    assert revision.consultation_shortened_reason == ""


def test_the_page_asks_for_the_reason_and_changes_nothing(client, six_weeks, coordinator):
    client.force_login(coordinator)
    closes = (timezone.localtime() + timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")

    page = client.post("/agreements/lo/consultation/open/", {"closes_at": closes})

    assert "minst 42 dagar" in page.text
    assert not six_weeks.revisions.published().exists()


def test_the_page_opens_a_shortened_consultation_with_its_reason(client, six_weeks, coordinator):
    client.force_login(coordinator)
    closes = (timezone.localtime() + timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")

    client.post(
        "/agreements/lo/consultation/open/",
        {"closes_at": closes, "shortened_reason": "Kort om tid före budgeten."},
    )

    revision = six_weeks.revisions.get(number=1)
    assert revision.consultation_shortened_reason == "Kort om tid före budgeten."
    assert "Kort om tid före budgeten." in client.get("/agreements/lo/revisions/1/").text


# --- sending an agreement in force out for consultation ---------------------------------


@pytest.fixture
def in_force(agreement, coordinator):
    adopt(agreement, consult(agreement, by=coordinator), by=coordinator)
    agreement.change_status(Status.IN_FORCE, by=coordinator)
    agreement.start_draft(by=coordinator)
    return agreement


def test_the_draft_page_of_an_agreement_in_force_leads_to_a_consultation(
    client, in_force, coordinator
):
    client.force_login(coordinator)
    closes = (timezone.localtime() + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M")
    form = client.get("/agreements/lo/consultation/open/").text
    assert "Sätt överenskommelsen under revidering" in form

    refused = client.post("/agreements/lo/consultation/open/", {"closes_at": closes})
    assert "Överenskommelsen gäller" in refused.text
    client.post("/agreements/lo/consultation/open/", {"closes_at": closes, "start_review": "on"})

    in_force.refresh_from_db()
    assert in_force.status == Status.CONSULTATION
    assert in_force.revisions.get(number=2).state == Revision.State.PUBLISHED


def test_the_model_verb_puts_the_agreement_under_review_only_when_asked(in_force):
    with pytest.raises(errors.InvalidTransition):
        in_force.open_consultation(closes_at=closes_in(), by=None)

    in_force.open_consultation(closes_at=closes_in(), by=None, start_review=True)

    assert Agreement.objects.get(pk=in_force.pk).status == Status.CONSULTATION
    assert in_force.events.filter(details__to=Status.UNDER_REVIEW).exists()


# --- unanswered comments ---------------------------------------------------------------


def test_closing_with_unanswered_comments_needs_a_decision(agreement, member, association):
    revision = publish(agreement)
    comment_on(revision, member, association)

    with pytest.raises(errors.UnansweredComments):
        agreement.close_consultation(by=None)
    assert Agreement.objects.get(pk=agreement.pk).status == Status.CONSULTATION

    agreement.close_consultation(by=None, accept_unanswered=True)
    assert Agreement.objects.get(pk=agreement.pk).status == Status.DRAFT


def test_the_close_page_lists_the_unanswered_comments(client, agreement, coordinator, member):
    revision = publish(agreement)
    comment = comment_on(revision, member, member.memberships.get().organisation)
    client.force_login(coordinator)

    page = client.get("/agreements/lo/consultation/close/").text
    refused = client.post("/agreements/lo/consultation/close/", {})

    assert f"/agreements/lo/revisions/1/comments/{comment.pk}/" in page
    assert "1 synpunkt utan svar" in page
    assert "Gå vidare trots obesvarade synpunkter" in page
    assert "har inget svar ännu" in refused.text
    assert Agreement.objects.get(pk=agreement.pk).status == Status.CONSULTATION


def test_adopting_with_unanswered_comments_needs_a_decision(agreement, member, association):
    revision = publish(agreement)
    comment_on(revision, member, association)
    agreement.close_consultation(by=None, accept_unanswered=True)

    with pytest.raises(errors.UnansweredComments):
        decide(agreement, revision)
    assert Revision.objects.get(pk=revision.pk).state == Revision.State.PUBLISHED

    decide(agreement, revision, accept_unanswered=True)
    assert Revision.objects.get(pk=revision.pk).state == Revision.State.ADOPTED


def test_answered_and_withdrawn_comments_need_no_decision(agreement, member, association):
    revision = publish(agreement)
    comment_on(revision, member, association).answer(disposition="noted", reason="", by=None)
    comment_on(revision, member, association).withdraw(by=member)

    agreement.close_consultation(by=None)

    assert Agreement.objects.get(pk=agreement.pk).status == Status.DRAFT


# --- the decision date -----------------------------------------------------------------


def test_a_decision_date_in_the_future_is_refused(agreement):
    revision = consult(agreement)

    with pytest.raises(errors.DecisionDateInFuture):
        decide(agreement, revision, decided_on=timezone.localdate() + timedelta(days=1))

    assert Revision.objects.get(pk=revision.pk).state == Revision.State.PUBLISHED


def test_a_decision_before_the_consultation_closed_is_refused(agreement):
    revision = consult(agreement)

    with pytest.raises(errors.DecisionBeforeConsultation):
        decide(agreement, revision, decided_on=timezone.localdate() - timedelta(days=1))

    assert Revision.objects.get(pk=revision.pk).state == Revision.State.PUBLISHED


def test_an_adoption_without_a_decision_date_is_refused(agreement):
    revision = consult(agreement)

    with pytest.raises(errors.DecisionDateMissing):
        decide(agreement, revision, decided_on=None)


def test_the_adopt_page_explains_a_future_date_and_changes_nothing(client, agreement, coordinator):
    consult(agreement)
    client.force_login(coordinator)
    tomorrow = timezone.localdate() + timedelta(days=1)

    page = client.post(
        "/agreements/lo/revisions/1/adopt/",
        {
            "body": "Kommunfullmäktige",
            "decided_on": tomorrow.isoformat(),
            "registration_number": "KS 2024/0412",
            "minute_reference": "§ 1",
        },
    )

    assert "Beslutsdatumet kan inte ligga i framtiden." in page.text
    assert agreement.revisions.get(number=1).state == Revision.State.PUBLISHED


# --- irreversible steps say what will happen ----------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/agreements/lo/consultation/open/", "Arbetsutkastet blir version 2"),
        ("/agreements/lo/revisions/1/adopt/", "Version 1 blir överenskommelsens antagna text."),
    ],
)
def test_irreversible_steps_say_what_will_happen(client, agreement, coordinator, url, expected):
    consult(agreement, by=coordinator)
    agreement.start_draft(by=coordinator)
    client.force_login(coordinator)

    page = client.get(url).text

    assert "Det här händer" in page
    assert expected in page
