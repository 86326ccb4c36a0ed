"""Query counts of the agreement and compare pages do not grow with revisions, parties or events."""

import pytest

from tests.agreements.factories import make_party, make_revisions

pytestmark = pytest.mark.django_db

# The agreement page's files panel adds one: the file list (its rule check reads the grants
# the page has read already). +1 since the header shows the unread notifications; +1 for the
# count of the paged parties.
MAX_QUERIES = {"/agreements/lo/": 16, "/agreements/lo/compare/?from=1&to=2": 8}


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
    ("url", "most"),
    [
        # The files panel: the file list and, the first time in a process, the
        # revision's content type.
        ("/agreements/lo/revisions/3/", 9),
        ("/agreements/lo/print/", 14),
        ("/agreements/", 14),
    ],
)
def test_other_reading_pages_are_bounded_too(
    client, grown, member, url, most, django_assert_max_num_queries
):
    client.force_login(member)

    with django_assert_max_num_queries(most):
        response = client.get(url)

    assert response.status_code == 200
