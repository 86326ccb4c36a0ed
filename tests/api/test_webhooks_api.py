"""Webhooks through the API: the pages' rules and checks, the secret never sent back."""

import uuid

import pytest
from django.utils import timezone

from tests.api.conftest import as_user
from tests.webhooks.conftest import SECRET, subscribe
from webhooks.models import Delivery, Subscription

PUBLIC = "https://93.184.215.14/hooks/overens"


def test_a_coordinator_creates_a_webhook_and_gets_it_back_without_the_secret(coordinator):
    api = as_user(coordinator)

    response = api.post(
        "/api/v1/webhooks/",
        {"name": "Diarium", "target_url": PUBLIC, "kinds": ["comment.answered"], "secret": SECRET},
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["kinds"] == ["comment.answered"] and body["active"] is True
    assert "secret" not in body and SECRET not in response.content.decode()
    assert api.get("/api/v1/webhooks/").json()["count"] == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [("target_url", "http://10.0.0.5/hook"), ("target_url", "file:///etc/passwd"),
     ("kinds", ["nothing.happened"]), ("secret", "")],
)  # fmt: skip
def test_bad_input_is_a_400_on_its_field(coordinator, field, value):
    data = {"name": "D", "target_url": PUBLIC, "kinds": ["comment.answered"], "secret": SECRET}

    response = as_user(coordinator).post("/api/v1/webhooks/", data | {field: value}, format="json")

    assert response.status_code == 400 and field in response.json()["errors"]
    assert not Subscription.objects.exists()


def test_patch_changes_only_what_is_sent(coordinator):
    subscription = subscribe(coordinator, PUBLIC, ["comment.answered"])

    response = as_user(coordinator).patch(
        f"/api/v1/webhooks/{subscription.pk}/", {"kinds": ["minutes.approved"]}, format="json"
    )

    assert response.status_code == 200, response.json()
    subscription.refresh_from_db()
    assert subscription.kinds == ["minutes.approved"] and subscription.secret == SECRET


@pytest.mark.parametrize("role", ["staff", "member", "outsider"])
def test_others_get_404_and_anonymous_401(coordinator, request, role):
    subscription = subscribe(coordinator, PUBLIC, ["comment.answered"])
    api = as_user(request.getfixturevalue(role))

    assert api.get("/api/v1/webhooks/").status_code == 404
    assert api.get(f"/api/v1/webhooks/{subscription.pk}/").status_code == 404
    assert api.delete(f"/api/v1/webhooks/{subscription.pk}/").status_code == 404
    assert as_user(None).get("/api/v1/webhooks/").status_code == 401
    assert Subscription.objects.exists()


def test_the_delivery_log_and_a_resend_of_a_switched_off_webhook(coordinator):
    subscription = subscribe(coordinator, PUBLIC, ["comment.answered"], active=False)
    delivery = Delivery.objects.create(
        subscription=subscription, event_id=uuid.uuid4(), kind="comment.answered",
        occurred_at=timezone.now(), record_type="agreements.comment", record_id=1,
        status=Delivery.Status.FAILED, response_status=500,
    )  # fmt: skip
    api = as_user(coordinator)

    log = api.get(f"/api/v1/webhooks/{subscription.pk}/deliveries/").json()
    resent = api.post(f"/api/v1/webhooks/{subscription.pk}/deliveries/{delivery.pk}/resend/")

    assert log["results"][0]["response_status"] == 500
    assert resent.status_code == 409 and resent.json()["code"] == "subscription_inactive"
