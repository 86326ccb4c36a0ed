"""The public directory: search, filters, pagination, and no personal data for the public."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Party
from organisations.models import Organisation
from tests.agreements.factories import make_agreement, make_party
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def names(response):
    return [organisation.name for organisation in response.context["page_obj"]]


def many_organisations(count, agreement):
    """`count` associations in Söder working with sport, parties to `agreement` since 2024."""
    created = Organisation.objects.bulk_create(
        Organisation(
            name=f"Massförening {count} {n:04d}",
            slug=f"massforening-{n}-{count}",
            kind="association",
            district="Söder",
            areas=["sport"],
        )
        for n in range(count)
    )
    Party.objects.bulk_create(
        Party(agreement=agreement, organisation=o, joined_on=datetime.date(2024, 2, 2))
        for o in created
    )


def test_the_directory_filters_by_area_district_year_and_party(client, open_agreement):
    rowers = make_organisation(name="Roddklubben", areas=["sport"], district="Norr")
    choir = make_organisation(name="Kören", areas=["culture"], district="Söder")
    make_organisation(name="Ingen part", areas=["sport"], district="Norr")
    make_party(open_agreement, rowers, joined_on=datetime.date(2024, 5, 1))
    make_party(open_agreement, choir, joined_on=datetime.date(2025, 1, 9))

    assert names(client.get("/organisations/?area=sport&party=yes")) == ["Roddklubben"]
    assert names(client.get("/organisations/?district=Söder")) == ["Kören"]
    assert names(client.get("/organisations/?year=2025")) == ["Kören"]
    assert "Ingen part" in names(client.get("/organisations/?party=no"))
    assert "Roddklubben" not in names(client.get("/organisations/?party=no"))
    assert "Party since 2024" in client.get("/organisations/?q=rodd").text


def test_a_party_to_an_unpublished_agreement_is_not_shown_as_a_party(client):
    secret = make_organisation(name="Hemlig part")
    make_party(make_agreement(), secret)

    assert names(client.get("/organisations/?party=yes")) == []
    assert "Party since" not in client.get("/organisations/?q=Hemlig").text


def test_a_withdrawn_party_is_no_longer_a_party(client, open_agreement):
    leaving = make_organisation(name="Lämnaren")
    make_party(open_agreement, leaving).withdraw(on=datetime.date.today(), by=None)

    assert names(client.get("/organisations/?party=yes&q=Lämnaren")) == []


def test_bad_filters_get_a_message_not_an_error(client):
    response = client.get("/organisations/?year=abc&area=nonsense&district=Mars")

    assert response.status_code == 200
    assert names(response) == []
    assert "Enter a whole number" in response.text


def test_the_profile_hides_contact_details_from_the_public(client, association, member):
    association.email = "ordforande@example.org"
    association.save()

    public = client.get(f"/organisations/{association.slug}/").text
    client.force_login(make_user())
    outsider = client.get(f"/organisations/{association.slug}/").text
    client.force_login(member)
    own = client.get(f"/organisations/{association.slug}/").text

    assert "ordforande@example.org" not in public
    assert "ordforande@example.org" not in outsider
    assert member.get_full_name() not in public or not member.get_full_name()
    assert "ordforande@example.org" in own


def queries_for_directory(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url", ["/organisations/", "/organisations/?party=yes&area=sport&district=Söder&year=2024"]
)
def test_the_directory_costs_the_same_queries_at_10_and_1000_organisations(
    client, open_agreement, url
):
    many_organisations(10, open_agreement)
    small = queries_for_directory(client, url)

    many_organisations(990, open_agreement)
    large = queries_for_directory(client, url)

    assert large == small
    assert large <= 4
