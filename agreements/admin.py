from django.contrib import admin

from agreements.models import Agreement, Event, Party, Principle, RegistrationFormat, Revision


class PartyInline(admin.TabularInline):
    model = Party
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "status", "registration_number", "is_public"]
    list_filter = ["status", "municipality", "is_public"]
    search_fields = ["title", "registration_number"]
    readonly_fields = ["status", "superseded_by"]
    inlines = [PartyInline]


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    # Text changes go through the draft editor; frozen revisions refuse them anyway.
    list_display = ["agreement", "number", "state", "published_at"]
    list_filter = ["state"]
    readonly_fields = ["state", "number", "version"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["agreement", "kind", "at", "actor"]
    list_filter = ["kind"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(Principle)
admin.site.register(RegistrationFormat)
