"""Every step of an agreement's life, legal and illegal; nothing changes on an illegal one."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from agreements import exceptions as errors
from agreements.models import Agreement, Event, Party, RegistrationFormat, Revision
from tests.agreements.factories import (
    adopt,
    closes_in,
    consult,
    edit_draft,
    make_agreement,
    make_party,
    publish,
)
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db
Status = Agreement.Status


def kinds(agreement):
    return list(agreement.events.values_list("kind", flat=True))


# --- creating ---------------------------------------------------------------------


def test_a_new_agreement_has_the_municipality_as_drafting_party_and_an_empty_draft(coordinator):
    agreement = make_agreement(body="")

    assert agreement.status == Status.DRAFT
    party = agreement.parties.get()
    assert party.role == Party.Role.MUNICIPALITY and party.is_drafter
    assert agreement.revisions.drafts().get().number is None
    assert agreement.principles.count() == 6
    assert kinds(agreement) == [Event.Kind.CREATED]


# --- drafting ---------------------------------------------------------------------


def test_saving_the_draft_bumps_its_version_and_is_logged(agreement, coordinator):
    draft = agreement.revisions.drafts().get()

    saved = draft.save_text(
        title="Ny titel",
        body="Ny text",
        change_summary="",
        base_version=draft.version,
        by=coordinator,
    )

    assert saved.version == draft.version + 1
    assert Revision.objects.get(pk=draft.pk).body == "Ny text"
    assert kinds(agreement)[-1] == Event.Kind.DRAFT_SAVED


def test_saving_from_an_old_version_raises_a_conflict_carrying_the_current_text(
    agreement, coordinator, drafter
):
    draft = agreement.revisions.drafts().get()
    started_from = draft.version
    draft.save_text(
        title="T", body="Hennes text", change_summary="", base_version=started_from, by=drafter
    )

    with pytest.raises(errors.EditConflict) as conflict:
        draft.save_text(
            title="T", body="Min text", change_summary="", base_version=started_from, by=coordinator
        )

    assert conflict.value.current.body == "Hennes text"
    assert Revision.objects.get(pk=draft.pk).body == "Hennes text"


def test_a_second_draft_cannot_be_started_while_one_exists(agreement):
    consult(agreement)
    agreement.start_draft(by=None)

    with pytest.raises(errors.DraftExists):
        agreement.start_draft(by=None)

    assert agreement.revisions.drafts().count() == 1


def test_a_draft_cannot_be_started_before_anything_is_published(agreement):
    agreement.revisions.drafts().delete()

    with pytest.raises(errors.NothingPublished):
        agreement.start_draft(by=None)


def test_a_new_draft_starts_from_the_latest_published_text(agreement):
    first = consult(agreement, body="Första texten.")

    draft = agreement.start_draft(by=None)

    assert draft.body == "Första texten." and draft.based_on == first


# --- consultation -------------------------------------------------------------------


def test_opening_a_consultation_freezes_the_draft_as_revision_one(agreement, coordinator):
    revision = publish(agreement, by=coordinator)

    revision.refresh_from_db()
    agreement.refresh_from_db()
    assert (revision.number, revision.state) == (1, Revision.State.PUBLISHED)
    assert agreement.status == Status.CONSULTATION
    assert revision.consultation_is_open
    assert [s.heading for s in revision.sections.all()] == [
        "",
        "1 Inledning",
        "2 Principer",
        "2.1 Dialog",
        "3 Åtaganden",
    ]
    assert not agreement.revisions.drafts().exists()


def test_revisions_are_numbered_one_two_three(agreement):
    consult(agreement)
    agreement.start_draft(by=None)
    consult(agreement)
    agreement.start_draft(by=None)
    consult(agreement)

    assert list(agreement.revisions.values_list("number", flat=True)) == [1, 2, 3]


def test_a_consultation_must_close_in_the_future(agreement):
    with pytest.raises(errors.ClosingTimeInPast):
        agreement.open_consultation(closes_at=timezone.now() - timedelta(hours=1), by=None)

    assert agreement.revisions.drafts().exists()
    assert Agreement.objects.get(pk=agreement.pk).status == Status.DRAFT


def test_an_empty_draft_cannot_be_published(coordinator):
    agreement = make_agreement(body="   ")

    with pytest.raises(errors.EmptyDraft):
        agreement.open_consultation(closes_at=closes_in(), by=coordinator)

    assert not agreement.revisions.published().exists()


def test_a_consultation_cannot_open_without_a_draft(agreement):
    consult(agreement)

    with pytest.raises(errors.NoDraft):
        agreement.open_consultation(closes_at=closes_in(), by=None)


def test_a_second_consultation_cannot_open_while_one_is_open(agreement):
    publish(agreement)
    agreement.revisions.create(title="x", body="y")

    with pytest.raises(errors.ConsultationOpen):
        agreement.open_consultation(closes_at=closes_in(), by=None)


def test_closing_the_consultation_returns_the_agreement_to_drafting(agreement):
    revision = publish(agreement)

    agreement.close_consultation(by=None)

    revision.refresh_from_db()
    assert Agreement.objects.get(pk=agreement.pk).status == Status.DRAFT
    assert revision.consultation_closed_at is not None and not revision.consultation_is_open
    assert kinds(agreement)[-1] == Event.Kind.CONSULTATION_CLOSED


def test_closing_needs_an_open_consultation(agreement):
    with pytest.raises(errors.NoOpenConsultation):
        agreement.close_consultation(by=None)


# --- adoption -------------------------------------------------------------------------


def test_adopting_records_the_decision(agreement, coordinator):
    revision = consult(agreement)

    adopt(agreement, revision, by=coordinator)

    revision.refresh_from_db()
    agreement.refresh_from_db()
    assert revision.state == Revision.State.ADOPTED
    assert (revision.adopted_by_body, revision.minute_reference) == ("Kommunfullmäktige", "§ 142")
    assert agreement.status == Status.ADOPTED
    assert agreement.registration_number == "KS 2024/0412"
    event = agreement.events.get(kind=Event.Kind.ADOPTED)
    assert event.details["registration_number"] == "KS 2024/0412"


def test_a_revision_cannot_be_adopted_during_its_consultation(agreement):
    revision = publish(agreement)

    with pytest.raises(errors.ConsultationOpen):
        adopt(agreement, revision)

    assert Revision.objects.get(pk=revision.pk).state == Revision.State.PUBLISHED


def test_the_working_draft_cannot_be_adopted(agreement):
    draft = agreement.revisions.drafts().get()

    with pytest.raises(errors.RevisionNotPublished):
        adopt(agreement, draft)


def test_an_adopted_revision_cannot_be_adopted_twice(agreement):
    revision = consult(agreement)
    adopt(agreement, revision)

    with pytest.raises(errors.InvalidTransition):
        adopt(agreement, revision)


def test_the_registration_number_must_follow_the_municipality_format(agreement):
    RegistrationFormat.objects.create(
        municipality=agreement.municipality, pattern=r"KS \d{4}/\d{4}", example="KS 2024/0412"
    )
    revision = consult(agreement)

    with pytest.raises(errors.InvalidRegistrationNumber):
        adopt(agreement, revision, number="2024-412")

    assert Agreement.objects.get(pk=agreement.pk).status == Status.DRAFT
    adopt(agreement, revision, number="KS 2024/0412")


def test_adopting_a_later_revision_supersedes_the_earlier_one(agreement):
    first = consult(agreement)
    adopt(agreement, first)
    agreement.change_status(Status.IN_FORCE, by=None)
    agreement.change_status(Status.UNDER_REVIEW, by=None)
    agreement.start_draft(by=None)
    second = consult(agreement, body="Reviderad text.")

    adopt(agreement, second)

    assert Revision.objects.get(pk=first.pk).state == Revision.State.SUPERSEDED
    assert Revision.objects.get(pk=second.pk).state == Revision.State.ADOPTED


# --- status ------------------------------------------------------------------------------


@pytest.fixture
def adopted(agreement):
    adopt(agreement, consult(agreement))
    agreement.refresh_from_db()
    return agreement


def test_an_adopted_agreement_comes_into_force_with_its_next_review_date(adopted):
    adopted.review_interval_months = 48
    adopted.save()

    adopted.change_status(Status.IN_FORCE, by=None, on=date(2025, 1, 31))

    adopted.refresh_from_db()
    assert adopted.status == Status.IN_FORCE
    assert (adopted.valid_from, adopted.next_review) == (date(2025, 1, 31), date(2029, 1, 31))


def test_a_draft_agreement_cannot_come_into_force(agreement):
    with pytest.raises(errors.InvalidTransition):
        agreement.change_status(Status.IN_FORCE, by=None)

    assert Agreement.objects.get(pk=agreement.pk).status == Status.DRAFT


def test_an_agreement_is_superseded_by_another_one(adopted, coordinator):
    successor = make_agreement(adopted.municipality)

    adopted.change_status(Status.SUPERSEDED, by=coordinator, superseded_by=successor)

    adopted.refresh_from_db()
    assert (adopted.status, adopted.superseded_by) == (Status.SUPERSEDED, successor)
    assert adopted.valid_until == timezone.localdate()


def test_superseding_needs_the_successor(adopted):
    with pytest.raises(errors.InvalidTransition):
        adopted.change_status(Status.SUPERSEDED, by=None)


def test_an_expired_agreement_cannot_change_any_more(adopted):
    adopted.change_status(Status.EXPIRED, by=None)

    with pytest.raises(errors.InvalidTransition):
        adopted.change_status(Status.IN_FORCE, by=None)
    with pytest.raises(errors.AgreementClosed):
        adopted.start_draft(by=None)
    with pytest.raises(errors.AgreementClosed):
        adopted.add_party(make_organisation(), Party.Role.SIGNATORY, by=None)


def test_a_draft_cannot_be_published_while_the_agreement_is_in_force(adopted):
    adopted.change_status(Status.IN_FORCE, by=None)
    adopted.start_draft(by=None)

    with pytest.raises(errors.InvalidTransition):
        adopted.open_consultation(closes_at=closes_in(), by=None)


def test_a_consultation_during_review_returns_to_review(adopted):
    adopted.change_status(Status.IN_FORCE, by=None)
    adopted.change_status(Status.UNDER_REVIEW, by=None)
    adopted.start_draft(by=None)

    consult(adopted, body="Reviderad.")

    assert Agreement.objects.get(pk=adopted.pk).status == Status.UNDER_REVIEW


# --- parties ------------------------------------------------------------------------------


def test_a_party_signs_the_adopted_agreement(adopted, association, coordinator):
    party = adopted.parties.get(organisation=association)

    party.sign(name="Anna Ek", title="Ordförande", on=date(2025, 2, 3), by=coordinator)

    party.refresh_from_db()
    assert (party.signed_on, party.signed_by_name) == (date(2025, 2, 3), "Anna Ek")
    assert adopted.events.filter(kind=Event.Kind.SIGNED, party=party).exists()


def test_a_party_cannot_sign_before_adoption(agreement, association):
    party = agreement.parties.get(organisation=association)

    with pytest.raises(errors.NotAdopted):
        party.sign(name="Anna Ek", title="Ordförande", on=date(2025, 2, 3), by=None)

    assert Party.objects.get(pk=party.pk).signed_on is None


def test_a_party_cannot_sign_twice(adopted, association):
    party = adopted.parties.get(organisation=association)
    party.sign(name="Anna Ek", title="Ordförande", on=date(2025, 2, 3), by=None)

    with pytest.raises(errors.AlreadySigned):
        party.sign(name="Bo Ek", title="Kassör", on=date(2025, 2, 4), by=None)

    assert Party.objects.get(pk=party.pk).signed_by_name == "Anna Ek"


def test_a_withdrawn_party_cannot_sign_or_withdraw_again(adopted, association):
    party = adopted.parties.get(organisation=association)
    party.withdraw(on=date(2025, 3, 1), by=None)

    with pytest.raises(errors.PartyWithdrawn):
        party.sign(name="Anna Ek", title="Ordförande", on=date(2025, 3, 2), by=None)
    with pytest.raises(errors.PartyWithdrawn):
        party.withdraw(on=date(2025, 3, 2), by=None)
    assert adopted.events.filter(kind=Event.Kind.WITHDREW).count() == 1


def test_the_municipality_cannot_withdraw_from_its_own_agreement(adopted):
    party = adopted.parties.get(role=Party.Role.MUNICIPALITY)

    with pytest.raises(errors.InvalidTransition):
        party.withdraw(on=date(2025, 3, 1), by=None)


def test_an_organisation_is_party_only_once(agreement, association):
    with pytest.raises(errors.AlreadyParty):
        make_party(agreement, association)


# --- immutability and the timeline ------------------------------------------------------


def test_a_published_revision_refuses_any_change_to_its_text(agreement):
    revision = Revision.objects.get(pk=publish(agreement).pk)

    revision.body = "Ändrad i efterhand"
    with pytest.raises(errors.RevisionFrozen):
        revision.save()

    assert Revision.objects.get(pk=revision.pk).body != "Ändrad i efterhand"


def test_a_published_revision_cannot_be_saved_as_a_draft(agreement, coordinator):
    revision = publish(agreement)

    with pytest.raises(errors.RevisionNotDraft):
        revision.save_text(
            title="x", body="y", change_summary="", base_version=revision.version, by=coordinator
        )


def test_an_adopted_revision_refuses_any_change_to_its_title(agreement):
    revision = consult(agreement)
    adopt(agreement, revision)
    revision = Revision.objects.get(pk=revision.pk)

    revision.title = "Annan titel"
    with pytest.raises(errors.RevisionFrozen):
        revision.save()


def test_the_timeline_is_append_only(agreement):
    event = agreement.events.first()

    with pytest.raises(errors.AgreementError):
        event.save()
    with pytest.raises(errors.AgreementError):
        event.delete()

    assert agreement.events.count() >= 1


def test_the_timeline_tells_the_whole_story(agreement, coordinator):
    edit_draft(agreement, "Text", by=coordinator)
    revision = consult(agreement, by=coordinator)
    adopt(agreement, revision, by=coordinator)

    assert kinds(agreement)[-4:] == [
        Event.Kind.DRAFT_SAVED,
        Event.Kind.CONSULTATION_OPENED,
        Event.Kind.CONSULTATION_CLOSED,
        Event.Kind.ADOPTED,
    ]


def test_open_revisions_are_those_whose_consultation_is_open(db):
    agreement = make_agreement()
    closed = publish(agreement)
    agreement.close_consultation(by=None)
    agreement.start_draft(by=None)
    running = publish(agreement)
    ended = publish(make_agreement())
    Revision.objects.filter(pk=ended.pk).update(
        consultation_closes_at=timezone.now() - timedelta(minutes=1)
    )

    found = set(Revision.objects.open())

    assert found == {running}
    assert running.consultation_is_open
    assert not any(
        r.consultation_is_open for r in Revision.objects.filter(pk__in=[closed.pk, ended.pk])
    )
