from django.contrib import admin

from webhooks.models import Delivery, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "target_url", "active", "failures", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "target_url", "owner__username"]
    raw_id_fields = ["owner"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["kind", "subscription", "status", "attempts", "response_status", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = [f.name for f in Delivery._meta.fields]
