from rest_framework import serializers

from webhooks.models import Delivery, Subscription


class WebhookSerializer(serializers.ModelSerializer):
    """A subscription as its owner sees it; the secret is never sent back."""

    owner = serializers.CharField(source="owner.username", read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="api:webhook-detail")
    kinds = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Subscription
        fields = [
            "url", "id", "name", "owner", "target_url", "kinds", "active", "failures",
            "switched_off_at", "created_at",
        ]  # fmt: skip


class DeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = Delivery
        fields = [
            "id", "event_id", "kind", "occurred_at", "record_type", "record_id", "status",
            "attempts", "next_attempt_at", "last_attempt_at", "response_status", "duration_ms",
            "error", "payload",
        ]  # fmt: skip
