"""Query counts of the agreement and compare pages do not grow with revisions, parties or events."""

import pytest

from tests.agreements.factories import make_party, make_revisions

pytestmark = pytest.mark.django_db

MAX_QUERIES = {"/agreements/lo/": 16, "/agreements/lo/compare/?from=1&to=2": 9}


@pytest.fixture(params=[3, 30], ids=["3 revisions", "30 revisions"])
def grown(request, agreement, coordinator):
    for _ in range(request.param):
        make_party(agreement)
    make_revisions(agreement, request.param, by=coordinator)
    return agreement


@pytest.mark.parametrize("url", list(MAX_QUERIES))
def test_pages_run_a_fixed_number_of_queries(
    client, grown, coordinator, url, django_assert_max_num_queries
):
    client.force_login(coordinator)

    with django_assert_max_num_queries(MAX_QUERIES[url]):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize(
    "url", ["/agreements/lo/revisions/3/", "/agreements/lo/print/", "/agreements/"]
)
def test_other_reading_pages_are_bounded_too(
    client, grown, member, url, django_assert_max_num_queries
):
    client.force_login(member)

    with django_assert_max_num_queries(14):
        response = client.get(url)

    assert response.status_code == 200
