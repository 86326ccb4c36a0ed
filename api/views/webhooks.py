"""Webhook subscriptions and their delivery log: municipal coordinators (and administrators)
manage their own, everyone else gets 404, as on the pages. Rules: webhooks/permissions.py;
input: webhooks/forms.py (the target is resolved and checked: no private networks); changes:
the form's save, `webhooks.delivery.resend`."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.errors import register_domain_error
from api.forminput import bound, current_values, form_serializer
from api.permissions import SignedIn
from api.routers import Router
from api.serializers.webhooks import DeliverySerializer, WebhookSerializer
from webhooks import delivery as deliveries
from webhooks.exceptions import WebhookError
from webhooks.forms import SubscriptionForm
from webhooks.models import Subscription
from webhooks.permissions import subscription_or_404, subscriptions_of

register_domain_error(WebhookError)

WebhookRequest = form_serializer(SubscriptionForm, "WebhookRequest")


@extend_schema(tags=["webhooks"])
class WebhookViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):  # fmt: skip
    serializer_class = WebhookSerializer
    permission_classes = [SignedIn]
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema, generated without a user
            return Subscription.objects.none()
        return subscriptions_of(self.request.user)

    def get_object(self):
        return subscription_or_404(self.request.user, self.kwargs["pk"])

    @extend_schema(request=WebhookRequest, responses={201: WebhookSerializer})
    def create(self, request):
        subscriptions_of(request.user)  # 404 unless the user may manage webhooks
        form = bound(SubscriptionForm, request)
        form.instance.owner = request.user
        subscription = form.save()
        return Response(self.serialize(subscription), status=status.HTTP_201_CREATED)

    @extend_schema(request=WebhookRequest)
    def partial_update(self, request, pk=None):
        subscription = self.get_object()
        base = current_values(SubscriptionForm(instance=subscription))
        form = bound(SubscriptionForm, request, base=base, instance=subscription)
        return Response(self.serialize(form.save()))

    @extend_schema(responses=DeliverySerializer(many=True))
    @action(detail=True)
    def deliveries(self, request, pk=None):
        """The delivery log, newest first (paginated)."""
        subscription = self.get_object()
        page = self.paginate_queryset(subscription.deliveries.all())
        return self.get_paginated_response(DeliverySerializer(page, many=True).data)

    @extend_schema(request=None, responses=DeliverySerializer)
    @action(
        detail=True, methods=["post"], url_path=r"deliveries/(?P<delivery_id>[0-9]+)/resend",
        url_name="resend",
    )  # fmt: skip
    def resend(self, request, pk=None, delivery_id=None):
        """Send a delivery again now (409 `subscription_inactive` when switched off)."""
        subscription = self.get_object()
        delivery = get_object_or_404(subscription.deliveries, pk=delivery_id)
        delivery = deliveries.resend(delivery)
        delivery.refresh_from_db()
        return Response(DeliverySerializer(delivery).data)

    def serialize(self, subscription):
        return WebhookSerializer(subscription, context={"request": self.request}).data


router = Router()
router.register("webhooks", WebhookViewSet, basename="webhook")
urlpatterns = router.urls
