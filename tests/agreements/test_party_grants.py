"""Adding or removing one party touches only that party's grants (issue 17, item 7)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agreements.permissions import VIEW, can_view, sync_agreement_permissions
from organisations.permissions import group_ids_with_perm, groups_for
from tests.agreements.factories import make_agreement, make_party, publish
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


def published_agreement_with_parties(count):
    agreement = make_agreement()
    for _ in range(count):
        make_party(agreement)
    publish(agreement)
    return agreement


def queries_to_add_a_party(agreement):
    organisation = make_organisation()
    groups_for([organisation])  # its groups exist, as they do once it has members
    with CaptureQueriesContext(connection) as context:
        make_party(agreement, organisation)
    return context.captured_queries


def test_adding_a_party_costs_the_same_at_10_and_at_200_parties():
    small = queries_to_add_a_party(published_agreement_with_parties(10))

    large = queries_to_add_a_party(published_agreement_with_parties(200))

    assert len(large) == len(small)
    # The same statements, not only as many: no list of every party's groups in them.
    assert sum(len(q["sql"]) for q in large) < sum(len(q["sql"]) for q in small) + 200


def test_withdrawing_a_party_costs_the_same_at_10_and_at_200_parties():
    def queries_to_withdraw(agreement):
        party = agreement.parties.filter(role="signatory").last()
        with CaptureQueriesContext(connection) as context:
            party.withdraw(on=timezone.localdate(), by=None, reason="")
        return context.captured_queries

    small = queries_to_withdraw(published_agreement_with_parties(10))

    large = queries_to_withdraw(published_agreement_with_parties(200))

    assert len(large) == len(small)
    assert sum(len(q["sql"]) for q in large) < sum(len(q["sql"]) for q in small) + 200


def test_a_new_party_reads_at_once_and_the_others_keep_reading():
    agreement = published_agreement_with_parties(3)
    organisation = make_organisation()
    newcomer = make_user(organisation=organisation)
    existing = make_user(organisation=agreement.parties.filter(role="signatory")[0].organisation)
    assert not can_view(newcomer, agreement)

    make_party(agreement, organisation)

    assert can_view(newcomer, agreement)
    assert can_view(existing, agreement)


def test_a_withdrawn_party_loses_only_its_own_grants():
    agreement = published_agreement_with_parties(3)
    leaving, staying = agreement.parties.filter(role="signatory")[:2]

    leaving.withdraw(on=timezone.localdate(), by=None, reason="")

    held = group_ids_with_perm(VIEW, agreement)
    assert not {g.pk for g in groups_for([leaving.organisation])} & held
    assert {g.pk for g in groups_for([staying.organisation])} <= held


def test_the_incremental_grants_equal_a_full_recomputation():
    agreement = published_agreement_with_parties(4)
    make_party(agreement, is_drafter=True)
    agreement.parties.filter(role="signatory").first().withdraw(
        on=timezone.localdate(), by=None, reason=""
    )
    incremental = {perm: group_ids_with_perm(perm, agreement) for perm in PERMS}

    sync_agreement_permissions(agreement)

    assert {perm: group_ids_with_perm(perm, agreement) for perm in PERMS} == incremental


PERMS = ("agreements.view_agreement", "agreements.edit_draft", "agreements.manage_agreement")
