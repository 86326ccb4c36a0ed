from django.contrib import admin

from dialogues.models import ActionItem, Forum, ForumMember, Meeting, Theme


class ForumMemberInline(admin.TabularInline):
    model = ForumMember
    autocomplete_fields = ["organisation"]
    extra = 1


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organiser", "visibility"]
    list_filter = ["kind", "visibility", "themes"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ForumMemberInline]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "forum", "starts_at", "status", "minutes_status"]
    list_filter = ["forum", "status", "minutes_status"]
    readonly_fields = ["minutes_status", "minutes_approved_by", "minutes_approved_at"]


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "due_date", "status"]
    list_filter = ["status"]
    readonly_fields = ["status"]
