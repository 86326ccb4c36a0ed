"""The webhook pages: coordinators manage their own subscriptions; everyone else gets 404."""

import pytest

from tests.webhooks.conftest import SECRET, subscribe
from webhooks.models import Delivery, Subscription

PUBLIC = "https://93.184.215.14/hooks/overens"


def form(**overrides):
    return {
        "name": "Diarium", "target_url": PUBLIC, "kinds": ["comment.answered"],
        "secret": SECRET, **overrides,
    }  # fmt: skip


def test_a_coordinator_subscribes_a_target_to_events(client, coordinator):
    client.force_login(coordinator)

    response = client.post("/webhooks/new/", form(kinds=["comment.answered", "minutes.approved"]))

    subscription = Subscription.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/webhooks/{subscription.pk}/"
    assert subscription.owner == coordinator and subscription.active
    assert subscription.kinds == ["comment.answered", "minutes.approved"]
    assert client.get("/webhooks/").status_code == 200


def test_the_new_subscription_form_suggests_a_random_secret(client, coordinator):
    client.force_login(coordinator)

    first = client.get("/webhooks/new/").context["form"].initial["secret"]
    second = client.get("/webhooks/new/").context["form"].initial["secret"]

    assert len(first) >= 32 and first != second


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("target_url", "http://127.0.0.1:8000/hook", "private network"),
        ("target_url", "http://169.254.169.254/", "private network"),
        ("target_url", "ftp://93.184.215.14/", "Only http and https"),
        ("kinds", ["comment.eaten"], "Select a valid choice"),
        ("kinds", [], "This field is required"),
        ("secret", "", "This field is required"),
        ("secret", "short", "at least 16"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(
    client, coordinator, field, value, message
):
    client.force_login(coordinator)

    response = client.post("/webhooks/new/", form(**{field: value}), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("role", ["staff", "member", "outsider"])
def test_others_than_coordinators_find_no_webhook_pages(client, coordinator, request, role):
    subscription = subscribe(coordinator, PUBLIC, ["comment.answered"])
    client.force_login(request.getfixturevalue(role))

    for url in ["/webhooks/", "/webhooks/new/", f"/webhooks/{subscription.pk}/"]:
        assert client.get(url).status_code == 404
    assert client.post(f"/webhooks/{subscription.pk}/delete/").status_code == 404
    assert Subscription.objects.exists()


def test_a_coordinator_does_not_see_another_coordinators_subscription(
    client, coordinator, municipality
):
    from tests.factories import make_user

    other = make_user("samordnare2", municipality, "coordinator")
    subscription = subscribe(other, PUBLIC, ["comment.answered"])
    client.force_login(coordinator)

    assert client.get(f"/webhooks/{subscription.pk}/").status_code == 404
    assert subscription.name not in client.get("/webhooks/").content.decode()


def test_changing_keeps_the_secret_when_left_empty_and_switching_on_clears_failures(
    client, coordinator
):
    subscription = subscribe(coordinator, PUBLIC, ["comment.answered"], active=False, failures=10)
    client.force_login(coordinator)

    client.post(f"/webhooks/{subscription.pk}/edit/", form(secret="", active="on"))

    subscription.refresh_from_db()
    assert subscription.secret == SECRET and subscription.active and subscription.failures == 0


def test_the_detail_page_logs_deliveries_and_never_shows_the_secret(client, coordinator):
    subscription = subscribe(coordinator, PUBLIC, ["comment.answered"])
    make_delivery(subscription, status=Delivery.Status.FAILED, response_status=500)
    client.force_login(coordinator)

    page = client.get(f"/webhooks/{subscription.pk}/").content.decode()

    assert "comment.answered" in page and "500" in page and SECRET not in page


def test_resending_a_delivery_of_a_switched_off_subscription_explains_why_not(client, coordinator):
    subscription = subscribe(coordinator, PUBLIC, ["comment.answered"], active=False)
    delivery = make_delivery(subscription, status=Delivery.Status.FAILED)
    client.force_login(coordinator)

    response = client.post(
        f"/webhooks/{subscription.pk}/deliveries/{delivery.pk}/resend/",
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )

    assert "switched off" in response.content.decode()
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED


def make_delivery(subscription, **values):
    import uuid

    from django.utils import timezone

    return Delivery.objects.create(
        subscription=subscription, event_id=uuid.uuid4(), kind="comment.answered",
        occurred_at=timezone.now(), record_type="agreements.comment", record_id=1, **values,
    )  # fmt: skip
