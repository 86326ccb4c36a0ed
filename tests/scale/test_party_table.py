"""The agreement page shows its parties 50 at a time: a thousand parties are no table."""

import pytest

from benchmarks import scale_city

pytestmark = pytest.mark.django_db


def test_the_agreement_page_pages_through_a_thousand_parties(client):
    city = scale_city.seed(
        scale_city.Size(orgs=120, people=130, agreements=1, forums=0, meetings=0, records=0),
        name="Sidstad",
    )
    client.force_login(city.coordinator)
    url = f"/agreements/{city.agreements[0].slug}/"

    first = client.get(url)
    last = client.get(url, {"page": 3})

    assert len(first.context["parties"]) == 50
    assert "Sidstads förening 0119" in last.text
    assert "Sidstads förening 0119" not in first.text
    assert 'rel="next"' in first.text
