"""Who finds what: the engine filters by the user's groups, the database checks each hit again."""

import pytest
from django.contrib.auth.models import AnonymousUser

from organisations.models import Membership
from search import backends, service
from search.engine.backend import Viewer
from tests.factories import make_organisation, make_user
from tests.search.helpers import engine_titles, index_everything, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def clubs(association, other_association, coordinator):
    association.description = "Kanotpaddling i hamnen."
    association.save()
    other_association.description = "Kanotpaddling på sjön."
    other_association.save()
    return association, other_association


def test_members_find_only_the_private_records_their_groups_may_view(
    private_organisations, clubs, member, outsider
):
    index_everything()

    assert titles(member, "kanotpaddling") == ["Testhamns IF"]
    assert titles(outsider, "kanotpaddling") == ["Rälsens modellklubb"]


def test_municipal_coordinators_find_every_organisation_they_may_view(
    private_organisations, clubs, coordinator
):
    index_everything()

    assert sorted(titles(coordinator, "kanotpaddling")) == ["Rälsens modellklubb", "Testhamns IF"]


def test_anonymous_visitors_find_no_private_record(private_organisations, clubs):
    index_everything()

    assert titles(AnonymousUser(), "kanotpaddling") == []


def test_anonymous_visitors_find_public_records(clubs):
    index_everything()

    assert sorted(titles(AnonymousUser(), "kanotpaddling")) == [
        "Rälsens modellklubb",
        "Testhamns IF",
    ]


def test_superusers_find_every_private_record(private_organisations, clubs, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="x")
    index_everything()

    assert len(titles(admin, "kanotpaddling")) == 2


def test_counts_facets_and_suggestions_come_only_from_permitted_records(
    private_organisations, clubs, member
):
    index_everything()

    results = service.search(member, "kanotpaddling")
    misspelt = service.search(member, "kanotpadling")

    assert results.total == 1
    assert dict(results.facets["organisations"]) == {str(clubs[0].pk): 1}
    assert all("modellklubb" not in s for s in misspelt.suggestions)


def test_a_new_membership_takes_effect_without_reindexing(
    private_organisations, clubs, outsider, monkeypatch
):
    index_everything()
    engine = backends.backend()
    monkeypatch.setattr(engine, "update", fail_if_called)

    clubs[0].add_member(outsider, Membership.Role.MEMBER)
    outsider.__dict__.pop("_overens_group_ids", None)  # a new request

    assert sorted(titles(outsider, "kanotpaddling")) == ["Rälsens modellklubb", "Testhamns IF"]


def test_a_removed_membership_takes_effect_without_reindexing(
    private_organisations, clubs, member, monkeypatch
):
    index_everything()
    monkeypatch.setattr(backends.backend(), "update", fail_if_called)

    Membership.objects.get(user=member).delete()
    member.__dict__.pop("_overens_group_ids", None)

    assert titles(member, "kanotpaddling") == []


def test_the_database_check_drops_hits_a_stale_index_still_allows(
    private_organisations, clubs, outsider
):
    index_everything()
    stale = private_organisations.documents(clubs[0])[0]
    stale["groups"] = sorted(service.viewer_for(outsider).groups)
    backends.backend().update([stale])  # as if a revoked grant had not been reindexed

    engine_sees = engine_titles(service.viewer_for(outsider), "kanotpaddling")
    page_shows = titles(outsider, "kanotpaddling")

    assert "Testhamns IF" in engine_sees
    assert page_shows == ["Rälsens modellklubb"]


def test_autocomplete_offers_only_words_of_permitted_records(
    private_organisations, outsider, coordinator
):
    make_organisation(name="Hemliga Kanotklubben", description="Forsränning")
    index_everything()

    assert service.autocomplete(outsider, "fors") == []
    assert service.autocomplete(coordinator, "fors") != []


def test_an_inactive_user_is_treated_as_anonymous(private_organisations, clubs, member):
    member.is_active = False
    member.save()
    index_everything()

    assert service.viewer_for(member) == Viewer.of()
    assert titles(member, "kanotpaddling") == []


def test_staff_of_a_department_do_not_see_an_association_s_private_record(
    private_organisations, clubs, staff
):
    index_everything()

    assert titles(staff, "kanotpaddling") == []


def fail_if_called(*args, **kwargs):
    raise AssertionError("the index was written")


def test_a_users_own_organisation_is_private_to_its_members(private_organisations):
    club = make_organisation(name="Kanotklubben Virvel")
    paddler = make_user("paddlare", club)
    index_everything()

    assert titles(paddler, "virvel") == ["Kanotklubben Virvel"]
