from django.contrib import admin

from dialogues.models import ActionItem, Forum, ForumMember, Meeting, Post, Theme


class ForumMemberInline(admin.TabularInline):
    model = ForumMember
    autocomplete_fields = ["organisation"]
    extra = 1


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organiser", "visibility", "closed_at"]
    list_filter = ["kind", "visibility", "themes"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["agreement", "chair", "secretary"]
    readonly_fields = ["closed_at"]
    inlines = [ForumMemberInline]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    """Status, notice and approval change through the pages' verbs; here they are read only."""

    list_display = ["title", "forum", "starts_at", "status", "minutes_status"]
    list_filter = ["forum", "status", "minutes_status"]
    readonly_fields = [
        "status",
        "notice_sent_at",
        "minutes_status",
        "approval_deadline",
        "minutes_approved_by",
        "minutes_approved_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        # Approved minutes are frozen (the model refuses changes); corrections are addenda.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "minutes"] if obj and obj.minutes_approved else fields


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "due_date", "status"]
    list_filter = ["status"]
    readonly_fields = ["status"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    """Hidden posts stay readable here, for the record."""

    list_display = ["topic", "organisation", "author", "created_at", "hidden_at"]
    list_filter = ["hidden_at"]
    readonly_fields = ["hidden_at", "hidden_by", "hidden_reason"]
