"""Consultation records in the admin, to look up; changes go through the pages, the API or the
model verbs (`Comment.answer`, `Invitation.decline`, …), so the admin only reads."""

from django.contrib import admin

from agreements.models import Comment, Invitation


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["revision", "organisation", "created_at", "withdrawn_at"]
    list_filter = ["revision__agreement"]
    list_select_related = ["revision__agreement", "organisation"]
    search_fields = ["body", "organisation__name"]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["revision", "organisation", "invited_at", "answered_at", "declined_at"]
    list_select_related = ["revision__agreement", "organisation"]
