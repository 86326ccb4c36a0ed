from django.contrib import admin

from api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Administrators see and revoke tokens; creating one is the user's own business."""

    list_display = ["name", "user", "created_at", "expires_at", "last_used_at"]
    search_fields = ["name", "user__username"]
    readonly_fields = ["user", "name", "created_at", "expires_at", "last_used_at"]

    def has_add_permission(self, request):
        return False
