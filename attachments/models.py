import hashlib
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from attachments import extraction, filetypes, registry
from attachments.signals import attachment_changed, attachment_removed
from jobs import queue


class AttachmentFrozen(Exception):
    """The record is part of the official record: its files can only be marked superseded."""


class AlreadySuperseded(Exception):
    """The file is already marked as superseded."""


def storage_name(instance, filename):
    """A random name under a month folder; the user's filename never reaches the disk."""
    suffix = PurePosixPath(filename).suffix.lower()
    return timezone.now().strftime("attachments/%Y/%m/") + uuid.uuid4().hex + suffix


PREFETCHED = "_prefetched_attachments"


def files_of(record):
    """The record's files, oldest first: prefetched by `prefetch_for`, else one query."""
    if PREFETCHED in record.__dict__:
        return record.__dict__[PREFETCHED]
    return list(Attachment.objects.for_object(record))


class AttachmentQuerySet(models.QuerySet):
    def for_object(self, obj):
        """The files attached to one record, oldest first."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).select_related("uploaded_by")

    def current(self):
        return self.filter(superseded_at__isnull=True)

    def prefetch_for(self, records):
        """Load the files of many records of one model in one query, for list pages.

        Each record keeps its list for `files_of`, which the panels use, so a page of
        fifty posts costs one query for their files instead of fifty.
        """
        records = list(records)
        if not records:
            return records
        files = {}
        for attachment in self.filter(
            content_type=ContentType.objects.get_for_model(records[0]),
            object_id__in={record.pk for record in records},
        ).select_related("uploaded_by"):
            files.setdefault(attachment.object_id, []).append(attachment)
        for record in records:
            record.__dict__[PREFETCHED] = files.get(record.pk, [])
        return records


class Attachment(models.Model):
    class Extraction(models.TextChoices):
        PENDING = "pending", _("Not read yet")
        OK = extraction.OK, _("Text read")
        EMPTY = extraction.EMPTY, _("No text")
        FAILED = extraction.FAILED, _("Text could not be read")

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    parent = GenericForeignKey("content_type", "object_id")
    file = models.FileField(_("file"), upload_to=storage_name, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    mime_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField("SHA-256", max_length=64)
    description = models.CharField(_("description"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    extracted_text = models.TextField(_("extracted text"), blank=True)
    extraction_status = models.CharField(
        _("text extraction"), max_length=10, choices=Extraction.choices, default=Extraction.PENDING
    )
    extraction_error = models.CharField(_("extraction error"), max_length=300, blank=True)
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.original_name

    @property
    def filetype(self):
        return filetypes.BY_MIME_TYPE.get(self.mime_type)

    @property
    def is_inline(self):
        return bool(self.filetype and self.filetype.inline)

    @property
    def uploader_name(self):
        user = self.uploaded_by
        return (user.get_full_name() or user.username) if user else "–"

    @property
    def is_superseded(self):
        return self.superseded_at is not None

    @classmethod
    def create_from_upload(cls, parent, upload, checked, *, by, description=""):
        """Store a checked upload on `parent` and queue the reading of its text for search.

        If saving fails, the stored file is removed (and no job is queued).
        """
        attachment = cls(
            parent=parent,
            original_name=checked.name,
            mime_type=checked.filetype.mime_type,
            size=upload.size,
            sha256=sha256_of(upload),
            description=description,
            uploaded_by=by,
        )
        try:
            with transaction.atomic():
                attachment.file.save(checked.name, upload, save=False)
                attachment.save()
                queue.enqueue(read_text, attachment.pk, record=attachment)
        except BaseException:
            if attachment.file.name:
                attachment.file.storage.delete(attachment.file.name)
            raise
        return attachment

    def extract_text(self):
        """Read the file's text for search; a failure is recorded, never raised."""
        kind = self.filetype.key if self.filetype else ""
        with self.file.open("rb") as handle:
            result = extraction.extract(handle.read(), kind, **extraction_limits())
        self.extracted_text = result.text
        self.extraction_status = result.status
        self.extraction_error = result.reason
        self.save(update_fields=["extracted_text", "extraction_status", "extraction_error"])
        self._announce_change()

    def mark_superseded(self, by):
        """Keep the file in the record but show that a newer one replaces it."""
        if self.is_superseded:
            raise AlreadySuperseded
        self.superseded_at = timezone.now()
        self.superseded_by = by
        self.save(update_fields=["superseded_at", "superseded_by"])
        self._announce_change()

    def remove(self, by):
        """Delete the file; refused on frozen records, whose files are part of the record."""
        parent = registry.parent_of_or_404(self)
        if registry.is_frozen(parent):
            raise AttachmentFrozen
        self.delete_with_file()

    def delete_with_file(self):
        """Delete the row, and the stored file once the deletion is committed."""
        storage, name, pk = self.file.storage, self.file.name, self.pk
        self.delete()
        transaction.on_commit(lambda: storage.delete(name))
        transaction.on_commit(
            lambda: attachment_removed.send(sender=Attachment, attachment_id=pk, attachment=self)
        )

    def _announce_change(self):
        transaction.on_commit(lambda: attachment_changed.send(sender=Attachment, attachment=self))


def read_text(attachment_id):
    """The job queued for a new file: read its text once (`extract_attachments` re-reads)."""
    attachment = Attachment.objects.get(pk=attachment_id)
    if attachment.extraction_status == Attachment.Extraction.PENDING:
        attachment.extract_text()


def sha256_of(upload):
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def extraction_limits():
    return {
        "max_pages": getattr(settings, "ATTACHMENTS_EXTRACTION_MAX_PAGES", 500),
        "max_chars": getattr(settings, "ATTACHMENTS_EXTRACTION_MAX_CHARS", 300_000),
        "timeout": getattr(settings, "ATTACHMENTS_EXTRACTION_TIMEOUT", 20),
    }
