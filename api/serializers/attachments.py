from rest_framework import serializers
from rest_framework.reverse import reverse

from attachments import registry
from attachments.models import Attachment


class AttachmentSerializer(serializers.ModelSerializer):
    record = serializers.SerializerMethodField()
    uploaded_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    superseded = serializers.BooleanField(source="is_superseded", read_only=True)
    download = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = [
            "id",
            "record",
            "original_name",
            "mime_type",
            "size",
            "sha256",
            "description",
            "uploaded_by",
            "uploaded_at",
            "extraction_status",
            "superseded",
            "superseded_at",
            "download",
        ]

    def get_record(self, attachment) -> dict:
        """The record the file is on: its registry label and id, as in the upload URL."""
        parent = self.context.get("parent")
        label = registry.label_of(parent) if parent is not None else ""
        return {"label": label, "id": attachment.object_id}

    def get_download(self, attachment) -> str:
        return reverse(
            "api:attachment-download", args=[attachment.pk], request=self.context.get("request")
        )


class UploadSerializer(serializers.Serializer):
    """multipart/form-data: the file and an optional description (checked as on the page)."""

    file = serializers.FileField()
    description = serializers.CharField(max_length=500, required=False, allow_blank=True)
