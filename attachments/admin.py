from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

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
    exclude = ["file"]
    readonly_fields = [f.name for f in Attachment._meta.fields if f.name != "file"] + ["download"]

    @admin.display(description=_("file"))
    def download(self, attachment):
        # The download page, under the record's own rule: never the storage's address of the
        # file (a signed address of the bucket's object would skip that rule).
        url = reverse("attachments:download", args=[attachment.pk])
        return format_html('<a href="{}">{}</a>', url, attachment.original_name)

    def has_add_permission(self, request):
        return False
