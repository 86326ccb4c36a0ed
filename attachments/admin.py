from django.contrib import admin

from attachments.models import Attachment


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = [
        "original_name",
        "mime_type",
        "size",
        "uploaded_by",
        "uploaded_at",
        "extraction_status",
        "superseded_at",
    ]
    list_filter = ["mime_type", "extraction_status"]
    search_fields = ["original_name", "description", "sha256"]
    # Files come in through the checked upload form only; the admin reads them.
    readonly_fields = [f.name for f in Attachment._meta.fields]

    def has_add_permission(self, request):
        return False
