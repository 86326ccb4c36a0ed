"""Facet counts drawn from a sample (PostgreSQL, many hits) are marked approximate."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from search.engine import pg
from search.presenting import estimate
from tests.factories import make_organisation
from tests.search.helpers import index_everything

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    django_settings.SEARCH_BACKEND != "postgres", reason="only PostgreSQL samples its facets"
)


@pytest.fixture
def paddlers(db):
    clubs = [
        make_organisation(name=f"Paddelklubb {n}", description="Kanotpaddling i hamnen.")
        for n in range(5)
    ]
    index_everything()
    return clubs


def facet_counts(response, title):
    groups = {group["title"]: group["values"] for group in response.context["facets"]}
    return [value["count"] for value in groups[title]]


@postgres_only
def test_facet_counts_from_a_sample_are_estimates_marked_approximate(paddlers, monkeypatch):
    monkeypatch.setattr(pg, "SAMPLE", 2)

    response = Client().get("/search/", {"q": "kanotpaddling"})

    html = response.content.decode()
    assert response.context["results"].total == 5  # the total stays exact
    assert "Ungefärligt antal, räknat på ett urval av träffarna." in html
    assert facet_counts(response, "Typ") == [5]  # 2 sampled of 5 matches, scaled
    assert "(ca 5)" in html


@postgres_only
def test_the_english_page_says_about(paddlers, monkeypatch):
    monkeypatch.setattr(pg, "SAMPLE", 2)

    html = (
        Client(headers={"accept-language": "en"})
        .get("/search/", {"q": "kanotpaddling"})
        .content.decode()
    )

    assert "Approximate counts, from a sample of the hits." in html
    assert "(about 5)" in html


def test_exact_facet_counts_are_not_marked(paddlers):
    response = Client().get("/search/", {"q": "kanotpaddling"})

    html = response.content.decode()
    assert response.context["results"].facets_partial is False
    assert "Ungefärligt antal" not in html
    assert "(ca " not in html
    assert "(5)" in html
    assert facet_counts(response, "Typ") == [5]


@pytest.mark.parametrize(
    "count, scale, shown",
    [(1, 1.0, 1), (3, 0.1, 1), (40, 2.5, 100), (617, 2.0, 1200), (1999, 45.4, 91000)],
)
def test_an_estimate_keeps_two_significant_digits(count, scale, shown):
    assert estimate(count, scale) == shown
