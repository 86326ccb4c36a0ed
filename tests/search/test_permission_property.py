"""Property: whatever the organisations, memberships and visibility, no one finds more or less
than they may open."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organisations import permissions
from organisations.models import Membership, Organisation
from search import backends, service
from tests.factories import make_organisation, make_user
from tests.search.conftest import drop_indexes, fresh_index
from tests.search.helpers import index_everything

pytestmark = pytest.mark.django_db

KINDS = [Organisation.Kind.ASSOCIATION, Organisation.Kind.MUNICIPALITY, Organisation.Kind.UMBRELLA]

worlds = st.fixed_dictionaries(
    {
        "kinds": st.lists(st.sampled_from(KINDS), min_size=1, max_size=5),
        "public": st.lists(st.booleans(), min_size=5, max_size=5),
        "memberships": st.lists(
            st.lists(st.tuples(st.integers(0, 4), st.sampled_from(Membership.Role.values))),
            min_size=1,
            max_size=4,
        ),
    }
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(world=worlds)
def test_no_user_gets_a_hit_count_facet_or_suggestion_from_a_record_they_cannot_open(
    world, private_organisations, settings, monkeypatch
):
    fresh_index(settings, monkeypatch)
    monkeypatch.setattr(private_organisations, "is_public", lambda org: org.description == "open")
    with transaction.atomic():
        users, organisations = build(world)
        index_everything()
        for user in users:
            check(user, organisations, private_organisations)
        transaction.set_rollback(True)
    drop_indexes()


def build(world):
    organisations = [
        make_organisation(
            name=f"Paddelklubb {number}",
            kind=kind,
            description="open" if world["public"][number] else "closed",
        )
        for number, kind in enumerate(world["kinds"])
    ]
    permissions.sync_all_organisation_permissions()  # a new municipality's coordinators
    users = []
    for memberships in world["memberships"]:
        user = make_user()
        for index, role in dict(memberships).items():
            if index < len(organisations):
                Membership.objects.create(user=user, organisation=organisations[index], role=role)
        users.append(user)
    return users, organisations


def check(user, organisations, adapter):
    allowed = {org.name for org in organisations if adapter.can_view(user, org)}
    results = service.search(user, "paddelklubb", per_page=100)
    engine = backends.backend().search("paddelklubb", service.viewer_for(user), per_page=100)
    faceted = {int(pk) for pk, _count in engine.facets.get("organisations", [])}
    misspelt = service.search(user, "padelklubb")

    assert {found.hit.title for found in results.hits} == allowed
    assert {hit.title for hit in engine.hits} == allowed  # the engine alone already filters
    assert engine.total == len(allowed)
    assert faceted == {org.pk for org in organisations if org.name in allowed}
    assert misspelt.suggestions == [] or allowed
