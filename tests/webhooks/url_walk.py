from tests.url_walk import LOGIN, Expect

COORDINATORS = {"admin": 200, "samordnare": 200}
ANONYMOUS_API = {"anonymous": 401}


def demo_webhook():
    """samordnare's webhook with one logged delivery (the demo city has none of its own)."""
    import uuid

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from webhooks.models import Delivery, Subscription

    owner = get_user_model().objects.get(username="samordnare")
    subscription, _ = Subscription.objects.get_or_create(
        owner=owner, name="Diarium",
        defaults={"target_url": "https://93.184.215.14/hooks", "kinds": ["comment.answered"],
                  "secret": "x" * 32, "active": False},
    )  # fmt: skip
    delivery = subscription.deliveries.first() or Delivery.objects.create(
        subscription=subscription, event_id=uuid.uuid4(), kind="comment.answered",
        occurred_at=timezone.now(), record_type="agreements.comment", record_id=0,
        status=Delivery.Status.FAILED,
    )  # fmt: skip
    return subscription, delivery


def subscription_kwargs():
    return {"pk": demo_webhook()[0].pk}


def delivery_kwargs():
    subscription, delivery = demo_webhook()
    return {"pk": subscription.pk, "delivery_id": delivery.pk}


URLS = {
    "webhooks:list": Expect({"anonymous": LOGIN, **COORDINATORS}, default=404),
    "webhooks:create": Expect({"anonymous": LOGIN, **COORDINATORS}, default=404, post=True),
    "webhooks:detail": Expect(
        {"anonymous": LOGIN, **COORDINATORS}, default=404, kwargs=subscription_kwargs
    ),
    "webhooks:edit": Expect(
        {"anonymous": LOGIN, **COORDINATORS}, default=404, kwargs=subscription_kwargs, post=True
    ),
    "webhooks:delete": Expect(
        {"anonymous": LOGIN}, default=405, kwargs=subscription_kwargs, post=True
    ),
    "webhooks:delivery_resend": Expect(
        {"anonymous": LOGIN}, default=405, kwargs=delivery_kwargs, post=True
    ),
    "api:webhook-list": Expect({**ANONYMOUS_API, **COORDINATORS}, default=404, post=True),
    "api:webhook-detail": Expect(
        {**ANONYMOUS_API, **COORDINATORS}, default=404, kwargs=subscription_kwargs
    ),
    "api:webhook-deliveries": Expect(
        {**ANONYMOUS_API, **COORDINATORS}, default=404, kwargs=subscription_kwargs
    ),
    "api:webhook-resend": Expect({**ANONYMOUS_API}, default=405, kwargs=delivery_kwargs, post=True),
}
