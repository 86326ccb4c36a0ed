"""Commitments and published follow-up reports are found as the follow-up rules allow (#14)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from agreements.models import Agreement
from followup.models import Commitment
from search import service
from tests.agreements.factories import adopt, consult
from tests.followup.factories import make_commitment, make_plan, open_round
from tests.search.helpers import index_everything, titles

pytestmark = pytest.mark.django_db


def types(user, text):
    results = service.search(user or AnonymousUser(), text, per_page=100)
    return {hit.adapter.type for hit in results.hits}


@pytest.fixture
def in_force(agreement, coordinator):
    """The search tests' agreement, adopted and in force (public unless a test says not)."""
    adopt(agreement, consult(agreement, by=coordinator), by=coordinator)
    agreement.change_status(Agreement.Status.IN_FORCE, by=coordinator)
    return agreement


@pytest.fixture
def commitment(in_force, association, department):
    plan = make_plan(in_force, title="Handlingsplan 2025–2026")
    return make_commitment(
        plan, [association, department], title="Spontanidrott", description="Paddelbanor."
    )


def publish_report(commitment, member, association, coordinator):
    round = open_round(commitment.plan, year=2026)
    round.report_on(
        commitment,
        organisation=association,
        status=Commitment.Status.IN_PROGRESS,
        progress=40,
        text="Kanotbryggan byggs om.",
        by=member,
    )
    round.publish(summary="Året präglades av kanotbryggan.", by=coordinator)
    return round


def test_a_commitment_of_a_public_agreement_is_found_by_everyone(commitment, member, outsider):
    index_everything()

    assert titles(None, "paddelbanor") == [f"{commitment} – Handlingsplan 2025–2026, Testhamns LÖ"]
    assert types(outsider, "paddelbanor") == {"followup.commitment"}
    assert types(member, "spontanidrott") == {"followup.commitment"}


def test_a_commitment_of_a_non_public_agreement_is_found_by_parties_never_by_outsiders(
    commitment, in_force, member, staff, outsider
):
    in_force.is_public = False
    in_force.save()
    index_everything()

    assert types(member, "paddelbanor") == {"followup.commitment"}
    assert types(staff, "paddelbanor") == {"followup.commitment"}
    assert types(outsider, "paddelbanor") == set()
    assert types(None, "paddelbanor") == set()
    assert service.search(outsider, "paddelbanor").total == 0


def test_a_commitment_of_a_draft_plan_is_found_only_by_those_who_read_the_agreement_by_right(
    in_force, association, member, outsider
):
    plan = make_plan(in_force, adopted=False, first_year=2027, last_year=2028)
    make_commitment(plan, [association], title="Kanotbryggor")
    index_everything()

    assert types(member, "kanotbryggor") == {"followup.commitment"}
    assert types(outsider, "kanotbryggor") == set()
    assert types(None, "kanotbryggor") == set()


def test_adopting_the_plan_makes_its_commitments_public_through_the_queue(
    in_force, association, django_capture_on_commit_callbacks
):
    plan = make_plan(in_force, adopted=False, first_year=2027, last_year=2028)
    make_commitment(plan, [association], title="Kanotbryggor")
    index_everything()

    with django_capture_on_commit_callbacks(execute=True):
        plan.adopt(by=None)

    assert types(None, "kanotbryggor") == {"followup.commitment"}


def test_a_follow_up_is_found_once_its_report_is_published(
    commitment, member, association, coordinator, outsider
):
    round = open_round(commitment.plan, year=2026)
    round.report_on(
        commitment, organisation=association, status=Commitment.Status.IN_PROGRESS,
        progress=40, text="Kanotbryggan byggs om.", by=member,
    )  # fmt: skip
    index_everything()
    before = types(member, "kanotbryggan")

    round.publish(summary="Året präglades av samverkan.", by=coordinator)
    index_everything()

    assert "followup.followupround" not in before
    assert "followup.followupround" in types(member, "kanotbryggan")
    assert "followup.followupround" in types(outsider, "samverkan")
    assert "followup.followupround" in types(None, "samverkan")


def test_a_published_report_of_a_non_public_agreement_is_never_found_by_an_outsider(
    commitment, in_force, member, association, coordinator, outsider
):
    in_force.is_public = False
    in_force.save()
    publish_report(commitment, member, association, coordinator)
    index_everything()

    assert types(member, "kanotbryggan") >= {"followup.followupround"}
    assert types(outsider, "kanotbryggan") == set()
    assert types(None, "präglades") == set()
    assert service.search(outsider, "präglades").facets.get("type", []) == []


def test_the_second_check_drops_a_commitment_whose_agreement_was_made_private_since(
    commitment, in_force, outsider
):
    index_everything()  # indexed while public

    Agreement.objects.filter(pk=in_force.pk).update(is_public=False)  # the index is stale

    assert types(outsider, "paddelbanor") == set()
    assert types(None, "paddelbanor") == set()
