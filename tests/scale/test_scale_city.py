"""The scale city (benchmarks/scale_city.py): its grants are the apps' own, and the pages the
scale benchmark measures run as many queries at 10 organisations as at 1,000 (issue 17, item 7).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agreements.models import Party
from agreements.permissions import sync_agreement_permissions
from benchmarks import scale_city, scale_index
from dialogues.permissions import sync_forum_permissions
from organisations.models import Organisation
from organisations.permissions import groups_for, sync_organisation_permissions
from tests.search.helpers import engine_statements

pytestmark = pytest.mark.django_db

SMALL = scale_city.Size(orgs=10, people=40, agreements=2, forums=3, meetings=9, records=60)
LARGE = scale_city.Size(orgs=1000, people=2000, agreements=2, forums=3, meetings=9, records=60)


@pytest.fixture(autouse=True)
def search_index(tmp_path, settings):
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"


def pages(city):
    return {
        "start": "/",
        "agreement": f"/agreements/{city.agreements[0].slug}/",
        "directory": "/organisations/?party=yes&district=Söder",
        "forum": f"/forums/{city.forums[0].slug}/",
        "search": "/search/?q=föreningslivet&type=dialogues.agendaitem",
    }


def queries_per_page(client, city):
    counted = {}
    for role, user in (("coordinator", city.coordinator), ("member", city.member)):
        client.force_login(user)
        for name, url in pages(city).items():
            client.get(url)  # the first request of a process fills caches (content types)
            with CaptureQueriesContext(connection) as context:
                response = client.get(url)
            assert response.status_code == 200, (role, url)
            counted[role, name] = len(context.captured_queries)
    return counted


def test_the_city_has_the_size_asked_for():
    city = scale_city.seed(SMALL, name="Småstad")

    assert city.counts == {
        "orgs": 10, "people": 40, "agreements": 2, "forums": 3, "meetings": 9, "records": 60
    }  # fmt: skip
    assert all(a.parties.active().count() == 11 for a in city.agreements)
    assert scale_city.find("Småstad").counts == {
        "orgs": 10, "people": 40, "meetings": 9, "records": 60
    }  # fmt: skip


def test_the_seeded_grants_are_what_the_apps_compute():
    city = scale_city.seed(SMALL, name="Småstad")
    before = grants()

    for organisation in Organisation.objects.all():
        sync_organisation_permissions(organisation)
    for agreement in city.agreements:
        sync_agreement_permissions(agreement)
    for forum in city.forums:
        sync_forum_permissions(forum)

    assert grants() == before


def grants():
    from guardian.models import GroupObjectPermission

    return set(
        GroupObjectPermission.objects.values_list(
            "permission__codename", "group_id", "content_type_id", "object_pk"
        )
    )


def test_the_index_holds_the_documents_the_adapters_would_write():
    from search import backends, indexing
    from search.engine.documents import prepare

    scale_city.seed(SMALL, name="Småstad")

    written = scale_index.rebuild()

    bulk = {doc["id"]: prepare(doc) for doc in scale_index.documents()}
    real = {doc["id"]: prepare(doc) for doc in indexing.all_documents()}
    assert bulk == real
    assert written == len(real) == backends.backend().status()["doc_count"]


def test_the_pages_run_as_many_queries_at_1000_organisations_as_at_10(client):
    small_city = scale_city.seed(SMALL, name="Småstad")
    scale_index.rebuild()
    small = queries_per_page(client, small_city)

    large_city = scale_city.seed(LARGE, name="Storstad")
    scale_index.rebuild()
    large = queries_per_page(client, large_city)

    assert large == small
    assert large["member", "search"] <= 18 + engine_statements()


def queries_to_add_and_withdraw(agreement, by):
    organisation = Organisation.objects.create(name="Ny förening", slug=f"ny-{agreement.pk}")
    groups_for([organisation])
    with CaptureQueriesContext(connection) as adding:
        party = agreement.add_party(organisation, Party.Role.SIGNATORY, by=by)
    with CaptureQueriesContext(connection) as withdrawing:
        party.withdraw(on=timezone.localdate(), by=by, reason="Flyttar")
    return len(adding.captured_queries), len(withdrawing.captured_queries)


def test_adding_and_withdrawing_a_party_cost_the_same_at_10_and_1000_parties():
    city = scale_city.seed(LARGE, name="Storstad")
    small = scale_city.small_agreement(city, parties=10)
    assert small.parties.count() == 10
    assert city.agreements[0].parties.count() == 1001

    at_10 = queries_to_add_and_withdraw(small, city.coordinator)
    at_1000 = queries_to_add_and_withdraw(city.agreements[0], city.coordinator)

    assert at_1000 == at_10


def test_the_party_measurement_leaves_the_city_as_it_was():
    city = scale_city.seed(SMALL, name="Småstad")
    agreement = city.agreements[0]
    before = (agreement.parties.count(), Organisation.objects.count(), grants())

    added, withdrawn = scale_city.add_and_withdraw_party(agreement, city.coordinator)

    assert added > 0 and withdrawn > 0
    assert (agreement.parties.count(), Organisation.objects.count(), grants()) == before
