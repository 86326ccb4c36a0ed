"""Search through the API: the page's engine, form and permission filter; facets included."""

import pytest
from django.conf import settings as django_settings

from search import indexing
from tests.api.conftest import as_user
from tests.factories import make_organisation
from tests.search.conftest import PrivateOrganisationAdapter, drop_indexes
from tests.search.helpers import engine_statements, index_everything

pytestmark = pytest.mark.django_db

ROLES = [None, "admin", "coordinator", "staff", "member", "outsider"]

# The same hostile inputs the page is tested with: none may answer 500.
HOSTILE = [
    "(((",
    '"unmatched quote',
    "x" * 10_000,
    "och det att",
    "*",
    "a*",
    "-förening",
    "OR OR OR",
    "typ:",
    ":::",
    "år:abc",
    " ".join(f"ord{i}" for i in range(40)),
    "\x00",
    "<script>alert(1)</script>",
    "-OR OR a",
]


@pytest.fixture(autouse=True)
def search_index(tmp_path, settings, monkeypatch):
    """An empty index of the test's own (a directory for Whoosh; PostgreSQL's rows roll back)."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    indexing._local.pending = set()
    yield
    drop_indexes()


@pytest.fixture
def clubs(association, other_association):
    association.description = "Kanotpaddling i hamnen för unga."
    association.save()
    other_association.description = "Kanotpaddling på sjön."
    other_association.save()
    index_everything()
    return association, other_association


@pytest.fixture
def private(monkeypatch):
    """Organisations as private records: seen by their members and municipal coordinators."""
    from search import registry

    adapter = PrivateOrganisationAdapter()
    monkeypatch.setattr(registry, "_registered", {adapter.type: adapter})


def client_for(request, role):
    return as_user(request.getfixturevalue(role) if role else None)


def test_a_search_answers_hits_counts_and_facets(clubs):
    response = as_user(None).get("/api/v1/search/", {"q": "kanotpaddling"})

    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 2
    assert {hit["title"] for hit in body["results"]} == {"Testhamns IF", "Rälsens modellklubb"}
    assert "<mark>" in body["results"][0]["snippet"]
    assert body["results"][0]["url"].startswith("http://testserver/organisations/")
    assert [v["count"] for v in body["facets"]["type"]] == [2]
    assert {v["label"] for v in body["facets"]["organisations"]} == {
        "Testhamns IF",
        "Rälsens modellklubb",
    }


def test_a_facet_filter_narrows_the_hits(clubs):
    association, _other = clubs

    response = as_user(None).get(
        "/api/v1/search/", {"q": "kanotpaddling", "organisation": association.pk}
    )

    assert [hit["title"] for hit in response.json()["results"]] == ["Testhamns IF"]
    assert response.json()["facets"]["organisations"][0]["selected"] is True


@pytest.mark.parametrize("role", ROLES)
def test_each_role_finds_only_what_it_may_open(request, role, coordinator, private, clubs):
    response = client_for(request, role).get("/api/v1/search/", {"q": "kanotpaddling"})

    titles = {hit["title"] for hit in response.json()["results"]}
    expected = {
        None: set(),
        "admin": {"Testhamns IF", "Rälsens modellklubb"},
        "coordinator": {"Testhamns IF", "Rälsens modellklubb"},
        "staff": set(),
        "member": {"Testhamns IF"},
        "outsider": {"Rälsens modellklubb"},
    }[role]
    assert titles == expected
    assert response.json()["count"] == len(expected)
    counts = sum(v["count"] for v in response.json()["facets"].get("organisations", []))
    assert counts == len(expected)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": ""}, "q"),
        ({"q": "x", "type": "planet"}, "type"),
        ({"q": "x", "date_from": "igår"}, "date_from"),
        ({"q": "x", "date_from": "2026-05-01", "date_to": "2026-01-01"}, "date_to"),
        ({"q": "x", "sort": "slump"}, "sort"),
        ({"q": "x", "page": "0"}, "page"),
        ({"q": "x", "page": "abc"}, "page"),
        ({"q": "x", "page_size": "1000"}, "page_size"),
    ],
)
def test_bad_parameters_are_a_400_with_the_field(clubs, params, field):
    response = as_user(None).get("/api/v1/search/", params)

    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_malformed_query_is_never_a_server_error(clubs, text):
    response = as_user(None).get("/api/v1/search/", {"q": text})

    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["errors"]["q"][0]


def test_a_query_the_engine_refuses_gets_its_message_in_the_requests_language(clubs):
    response = as_user(None).get("/api/v1/search/", {"q": "a*"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json()["errors"]["q"] == ["Type at least 2 letters before *."]


def test_the_search_queries_do_not_grow_with_hits(association, django_assert_max_num_queries):
    from tests.factories import make_organisation

    for number in range(15):
        make_organisation(name=f"Kanotklubb {number}", description="Kanotpaddling")
    index_everything()
    client = as_user(None)

    with django_assert_max_num_queries(6 + engine_statements()):
        response = client.get("/api/v1/search/", {"q": "kanotpaddling"})

    assert response.json()["count"] == 15


@pytest.fixture
def paddlers(db):
    for n in range(5):
        make_organisation(name=f"Paddelklubb {n}", description="Kanotpaddling i hamnen.")
    index_everything()


@pytest.mark.skipif(
    django_settings.SEARCH_BACKEND != "postgres",
    reason="only PostgreSQL samples its facets",
)
def test_facet_counts_from_a_sample_are_estimates_and_say_so(paddlers, monkeypatch):
    from search.engine import pg

    monkeypatch.setattr(pg, "SAMPLE", 2)

    body = as_user(None).get("/api/v1/search/", {"q": "kanotpaddling"}).json()

    assert body["count"] == 5
    assert body["facets_approximate"] is True
    assert [v["count"] for v in body["facets"]["type"]] == [5]


def test_exact_facet_counts_say_so(paddlers):
    body = as_user(None).get("/api/v1/search/", {"q": "kanotpaddling"}).json()

    assert body["facets_approximate"] is False
    assert [v["count"] for v in body["facets"]["type"]] == [5]
