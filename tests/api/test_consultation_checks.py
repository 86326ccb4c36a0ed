"""The consultation's process checks through the API: the same forms and verbs as the pages,
bad input a 400, a step the record's state does not allow a 409; nothing changes either way.
The comment endpoint takes the organisation by slug, as its schema says."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements.models import Agreement, Comment, Revision
from tests.agreements.factories import make_agreement, make_party, publish
from tests.api.conftest import as_user

pytestmark = pytest.mark.django_db

BASE = "/api/v1/agreements/lo"


@pytest.fixture
def agreement(municipality, department, coordinator, association):
    agreement = make_agreement(municipality, by=coordinator, slug="lo", title="Testhamns LÖ")
    make_party(agreement, association)
    Agreement.objects.filter(pk=agreement.pk).update(minimum_consultation_days=42)
    return Agreement.objects.get(pk=agreement.pk)


def in_days(days):
    return (timezone.now() + timedelta(days=days)).isoformat()


def test_a_short_consultation_without_a_reason_is_a_400(agreement, coordinator):
    response = as_user(coordinator).post(
        f"{BASE}/open-consultation/", {"closes_at": in_days(10)}, format="json"
    )

    assert response.status_code == 400
    assert "shortened_reason" in response.json()["errors"]
    assert not agreement.revisions.published().exists()


def test_a_short_consultation_with_a_reason_opens(agreement, coordinator):
    response = as_user(coordinator).post(
        f"{BASE}/open-consultation/",
        {"closes_at": in_days(10), "shortened_reason": "Brådskande."},
        format="json",
    )

    assert response.status_code == 200
    assert agreement.revisions.get(number=1).consultation_shortened_reason == "Brådskande."


def test_closing_with_unanswered_comments_is_a_409_until_confirmed(
    agreement, coordinator, member, association
):
    revision = publish(agreement, days=50)
    Comment.post(revision=revision, author=member, organisation=association, body="Ja.")
    api = as_user(coordinator)

    refused = api.post(f"{BASE}/close-consultation/", {}, format="json")
    closed = api.post(f"{BASE}/close-consultation/", {"accept_unanswered": True}, format="json")

    assert refused.status_code == 409
    assert refused.json()["code"] == "unanswered_comments"
    assert closed.status_code == 200


def adoption(decided_on, **extra):
    return {
        "revision": 1,
        "body": "Kommunfullmäktige",
        "decided_on": decided_on.isoformat(),
        "registration_number": "KS 2024/0412",
        "minute_reference": "§ 1",
        **extra,
    }


def test_an_adoption_dated_in_the_future_is_a_400(agreement, coordinator):
    publish(agreement, days=50)
    agreement.close_consultation(by=coordinator)
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = as_user(coordinator).post(f"{BASE}/adopt/", adoption(tomorrow), format="json")

    assert response.status_code == 400
    assert "decided_on" in response.json()["errors"]
    assert agreement.revisions.get(number=1).state == Revision.State.PUBLISHED


def test_an_adoption_dated_before_the_consultation_closed_is_a_409(agreement, coordinator):
    publish(agreement, days=50)
    agreement.close_consultation(by=coordinator)
    yesterday = timezone.localdate() - timedelta(days=1)

    response = as_user(coordinator).post(f"{BASE}/adopt/", adoption(yesterday), format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "decision_before_consultation"


@pytest.mark.parametrize("key", ["slug", "pk"])
def test_a_comment_names_its_organisation_by_slug_or_id(agreement, member, association, key):
    publish(agreement, days=50)

    response = as_user(member).post(
        f"{BASE}/revisions/1/comments/",
        {"organisation": str(getattr(association, key)), "body": "Bra förslag."},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["organisation"] == association.slug


def test_a_comment_for_an_unknown_organisation_is_a_400(agreement, member):
    publish(agreement, days=50)

    response = as_user(member).post(
        f"{BASE}/revisions/1/comments/",
        {"organisation": "ingen-sadan-forening", "body": "Bra förslag."},
        format="json",
    )

    assert response.status_code == 400
    assert "organisation" in response.json()["errors"]
