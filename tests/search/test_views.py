"""The search page and the autocomplete endpoint, as each role."""

import datetime

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import backends
from tests.factories import make_organisation
from tests.search.helpers import engine_statements, index_everything

pytestmark = pytest.mark.django_db

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
    "titel:",
    "år:abc",
    '"" "" ""',
    " ".join(f"ord{i}" for i in range(40)),
    "\x00",
    "<script>alert(1)</script>",
    "förening" * 60,
    "-OR OR a",
]


@pytest.fixture
def clubs(association, other_association):
    association.description = "Kanotpaddling i hamnen för unga."
    association.save()
    other_association.description = "Kanotpaddling på sjön."
    other_association.save()
    index_everything()
    return association, other_association


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def page_text(response):
    return response.content.decode()


def test_the_empty_search_page_explains_the_query_syntax():
    response = client_for().get("/search/")

    assert response.status_code == 200
    assert "lokal överenskommelse" in page_text(response)


@pytest.mark.parametrize("role", ["coordinator", "staff", "member", "outsider"])
def test_every_role_finds_public_organisations(role, request, clubs):
    user = request.getfixturevalue(role)

    response = client_for(user).get("/search/", {"q": "kanotpaddling"})

    assert response.status_code == 200
    assert "Testhamns IF" in page_text(response)
    assert "Rälsens modellklubb" in page_text(response)


def test_anonymous_visitors_may_search_without_logging_in(clubs):
    response = client_for().get("/search/", {"q": "kanotpaddling"})

    assert response.status_code == 200
    assert "Testhamns IF" in page_text(response)


def test_a_member_never_sees_a_private_record_of_another_organisation(
    private_organisations, clubs, member
):
    response = client_for(member).get("/search/", {"q": "kanotpaddling"})

    assert "Testhamns IF" in page_text(response)
    assert "Rälsens modellklubb" not in page_text(response)
    assert response.context["results"].total == 1


def test_hits_show_type_organisation_link_and_a_highlighted_snippet(clubs):
    response = client_for().get("/search/", {"q": "hamnen"})

    html = page_text(response)
    assert '<a href="/organisations/testhamns-if/">Testhamns IF</a>' in html
    assert "<mark>hamnen</mark>" in html
    assert '<span class="tag">Organisation</span>' in html


def test_record_text_is_escaped_in_snippets_and_titles(db):
    make_organisation(name="<b>Fet</b> förening", description="Kanot <script>alert(1)</script>")
    index_everything()

    html = page_text(client_for().get("/search/", {"q": "kanot"}))

    assert "<script>alert(1)</script>" not in html  # escaped (Whoosh) or dropped (PostgreSQL)
    assert "&lt;b&gt;Fet&lt;/b&gt; förening" in html


def test_a_compound_word_is_found_by_its_part(db):
    make_organisation(
        name="Hamnens Fritidsgård", description="Ungdomsverksamhet och idrottsförening."
    )
    index_everything()

    html = page_text(client_for().get("/search/", {"q": "förening"}))

    assert "Hamnens Fritidsgård" in html


@pytest.mark.parametrize("text", HOSTILE)
def test_malformed_or_hostile_queries_get_a_page_never_an_error(text, clubs):
    response = client_for().get("/search/", {"q": text})

    assert response.status_code == 200


@pytest.mark.parametrize("text", ["(((", "*", "och det att", "x" * 10_000])
def test_queries_that_cannot_run_are_explained(text, clubs):
    response = client_for().get("/search/", {"q": text})

    assert 'role="alert"' in page_text(response) or "errorlist" in page_text(response)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=200))
def test_random_queries_never_give_a_server_error(clubs, text):
    response = client_for().get("/search/", {"q": text, "sort": "date", "page": "2"})

    assert response.status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"q": "kanotpaddling", "page": "abc"},
        {"q": "kanotpaddling", "page": "-5"},
        {"q": "kanotpaddling", "page": "99999999999999999999"},
        {"q": "kanotpaddling", "date_from": "not a date"},
        {"q": "kanotpaddling", "date_from": "2024-05-01", "date_to": "2023-01-01"},
        {"q": "kanotpaddling", "sort": "sideways"},
        {"q": "kanotpaddling", "type": "auth.user"},
        {"q": "kanotpaddling", "organisation": "not-a-number"},
    ],
)
def test_bad_filters_and_pages_get_a_page_never_an_error(params, clubs):
    response = client_for().get("/search/", params)

    assert response.status_code == 200


def test_a_misspelt_word_gets_a_did_you_mean_suggestion(clubs):
    html = page_text(client_for().get("/search/", {"q": "kanotpadling"}))

    assert "?q=kanotpaddling" in html


def test_the_organisation_facet_counts_hits_and_filters_them(clubs):
    association, _ = clubs

    response = client_for().get("/search/", {"q": "kanotpaddling"})
    facets = {group["title"]: group["values"] for group in response.context["facets"]}
    filtered = client_for().get("/search/", {"q": "kanotpaddling", "organisation": association.pk})

    assert sorted((v["label"], v["count"]) for v in facets["Organisation"]) == [
        ("Rälsens modellklubb", 1),
        ("Testhamns IF", 1),
    ]
    assert [f.hit.title for f in filtered.context["hits"]] == ["Testhamns IF"]


def test_the_type_filter_narrows_to_one_record_type(clubs):
    response = client_for().get(
        "/search/", {"q": "kanotpaddling", "type": "organisations.organisation"}
    )

    assert response.context["results"].total == 2


def test_a_date_range_excludes_records_without_a_date_in_it(clubs):
    today = datetime.date.today().isoformat()

    response = client_for().get("/search/", {"q": "kanotpaddling", "date_from": today})

    assert response.context["results"].total == 0


def test_results_are_paginated(db):
    for number in range(25):
        make_organisation(name=f"Kanotklubb {number}", description="Kanotpaddling")
    index_everything()

    first = client_for().get("/search/", {"q": "kanotpaddling"})
    second = client_for().get("/search/", {"q": "kanotpaddling", "page": 2})

    assert len(first.context["hits"]) == 20
    assert len(second.context["hits"]) == 5
    assert "page=2" in page_text(first)


def test_the_search_page_makes_a_bounded_number_of_queries(
    clubs, member, django_assert_max_num_queries
):
    client = client_for(member)

    with django_assert_max_num_queries(8 + engine_statements()):
        client.get("/search/", {"q": "kanotpaddling"})


def test_the_search_page_makes_a_bounded_number_of_queries_for_private_records(
    private_organisations, clubs, coordinator, django_assert_max_num_queries
):
    client = client_for(coordinator)

    with django_assert_max_num_queries(10 + engine_statements()):
        client.get("/search/", {"q": "kanotpaddling"})


def test_autocomplete_answers_json_with_completions(clubs):
    response = client_for().get("/search/autocomplete/", {"q": "kanot"})

    assert response.status_code == 200
    assert response.json()["completions"] == ["kanotpaddling"]


@pytest.mark.parametrize("text", ["", "a", "*", "(((", "x" * 10_000])
def test_autocomplete_never_fails_on_odd_input(text, clubs):
    response = client_for().get("/search/autocomplete/", {"q": text})

    assert response.status_code == 200


def test_the_header_has_a_labelled_search_box(db):
    html = page_text(client_for().get("/"))

    assert 'role="search"' in html
    assert '<label for="header-search"' in html


def test_an_engine_failure_costs_one_query_not_an_error_page(clubs, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("engine bug")

    monkeypatch.setattr(backends.backend(), "search", broken)

    response = client_for().get("/search/", {"q": "kanotpaddling"})

    assert response.status_code == 200
    assert 'role="alert"' in page_text(response)


def test_a_long_word_misspelt_in_its_ending_gets_the_written_word_suggested(db):
    make_organisation(name="Hamnens förening", description="Vi arbetar med tillgänglighet.")
    index_everything()

    html = page_text(client_for().get("/search/", {"q": "tillgängligheet"}))

    assert "?q=tillg%C3%A4nglighet" in html
