from django.contrib import admin

from records.models import Case, Correction, Disposal, Document, DocumentRequest, RetentionRule


@admin.register(RetentionRule)
class RetentionRuleAdmin(admin.ModelAdmin):
    """The information management plan is entered here; nothing else of the register is
    edited in the admin: numbers come from registration, changes from Document.correct."""

    list_display = ["document_type", "action", "years", "decision"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ["number", "document_type", "origin", "official_since", "subject"]
    list_filter = ["document_type", "origin"]
    search_fields = ["number", "subject"]


admin.site.register(Case, ReadOnlyAdmin)
admin.site.register(Correction, ReadOnlyAdmin)
admin.site.register(Disposal, ReadOnlyAdmin)
admin.site.register(DocumentRequest, ReadOnlyAdmin)
