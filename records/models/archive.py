"""Packages for the e-archive: a coordinator asks for the package of a closed case, a job
builds and validates it (records/archive/), the coordinator downloads it."""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobs import queue
from records import exceptions as errors

log = logging.getLogger(__name__)


class ArchivePackage(models.Model):
    """One export of a case as an E-ARK submission information package (a ZIP)."""

    class State(models.TextChoices):
        BUILDING = "building", _("Being built")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    case = models.ForeignKey(
        "records.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="packages"
    )
    package_id = models.CharField(_("package id"), max_length=60, unique=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.BUILDING
    )
    file = models.FileField(_("package"), upload_to="archive/", blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("e-archive package")
        verbose_name_plural = _("e-archive packages")

    def __str__(self):
        return self.package_id

    @property
    def filename(self):
        return f"{self.package_id}.zip"

    @classmethod
    @transaction.atomic
    def request(cls, case, *, by):
        """Ask for the package of `case`; a job builds it. A case still open is refused."""
        if case.is_open:
            raise errors.CaseStillOpen
        package = cls.objects.create(case=case, requested_by=by, package_id=f"uuid-{uuid.uuid4()}")
        queue.enqueue(build, package.pk, record=package)
        return package

    def finish(self, content):
        """Keep the built package, once: a second run of the job (at least once delivery)
        finds it finished and removes the file it wrote."""
        name = self.file.storage.save(f"archive/{self.filename}", ContentFile(content))
        done = ArchivePackage.objects.filter(pk=self.pk, state=self.State.BUILDING).update(
            state=self.State.READY,
            file=name,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            finished_at=timezone.now(),
        )
        if not done:
            self.file.storage.delete(name)

    def fail(self, error):
        ArchivePackage.objects.filter(pk=self.pk, state=self.State.BUILDING).update(
            state=self.State.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )


def build(package_pk):
    """Job: build the package, validate it and keep it. A package that does not validate is
    marked failed with the errors (building it again would give the same result)."""
    from records.archive import package as sip
    from records.archive.validation import InvalidPackage, check_package

    package = ArchivePackage.objects.select_related("case__municipality").get(pk=package_pk)
    if package.state != ArchivePackage.State.BUILDING:
        return
    content = sip.build(package.case, package.package_id)
    try:
        check_package(content)
    except InvalidPackage as error:
        log.error("e-archive package %s does not validate: %s", package.package_id, error)
        package.fail(error)
        return
    package.finish(content)
