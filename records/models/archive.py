"""Packages for the e-archive: a coordinator asks for the package of a closed case, jobs
build and validate it (records/archive/), the coordinator downloads it.

A case's package is built in steps, each a job well inside JOBS_TIMEOUT however large the case:
one job per file prints that PDF/A into storage (`print_part`, tried again with backoff when it
fails), and the job that prints the last of them queues the final job (`assemble`), which
writes METS, PREMIS and the checksums around the printed files, validates the package and keeps
it. Every job is idempotent (the queue delivers at least once). A case has one package being
built at a time (a partial unique constraint), so twenty clicks on "Build" start one build.
"""

import hashlib
import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from jobs import queue
from records import exceptions as errors

log = logging.getLogger(__name__)


class ArchivePackageQuerySet(models.QuerySet):
    def with_progress(self):
        """Each package with `documents_total` and `documents_done`: its registered
        documents and how many of them are printed (the case's summary is not counted)."""
        documents = Q(parts__document__isnull=False)
        done = documents & Q(parts__state=ArchivePart.State.DONE)
        return self.annotate(
            documents_total=Count("parts", filter=documents),
            documents_done=Count("parts", filter=done),
        )


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
    # The last sign of life of the build (a file printed or failed, a retry): a build without
    # one for JOBS_RETRY_AFTER seconds (a print job stopped by the timeout) may be tried again.
    progress_at = models.DateTimeField(default=timezone.now)
    # Set once, by the print job that finds every file printed, as it queues `assemble`.
    assembly_queued = models.BooleanField(default=False)

    objects = ArchivePackageQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("e-archive package")
        verbose_name_plural = _("e-archive packages")
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(state="building"),
                name="records_one_package_being_built",
            )
        ]

    def __str__(self):
        return self.package_id

    @property
    def filename(self):
        return f"{self.package_id}.zip"

    @classmethod
    def request(cls, case, *, by):
        """Ask for the package of `case`; jobs build it. A case still open is refused, and so
        is a second package while one is being built."""
        if case.is_open:
            raise errors.CaseStillOpen
        from records.archive import package as sip

        try:
            with transaction.atomic():
                package = cls.objects.create(
                    case=case, requested_by=by, package_id=f"uuid-{uuid.uuid4()}"
                )
                ArchivePart.objects.bulk_create(
                    ArchivePart(package=package, path=path, document=document)
                    for path, document in sip.planned_files(case)
                )
                package._print(package.parts.all())
        except IntegrityError:
            if cls.objects.filter(case=case, state=cls.State.BUILDING).exists():
                raise errors.PackageBeingBuilt from None
            raise
        return package

    def _print(self, parts):
        for part in parts.order_by("pk"):
            queue.enqueue(print_part, part.pk, record=part)

    def can_retry(self, now=None):
        """A failed package with files left to print, or a build that has shown no sign of
        life for JOBS_RETRY_AFTER seconds."""
        if self.state == self.State.FAILED:
            return self.parts.exclude(state=ArchivePart.State.DONE).exists()
        stalled = (now or timezone.now()) - timedelta(seconds=settings.JOBS_RETRY_AFTER)
        return self.state == self.State.BUILDING and self.progress_at < stalled

    def retry(self):
        """Print again the files not printed yet, then assemble as usual. Once: of twenty
        clicks, one queues the jobs and the others are told the package is being built."""
        now = timezone.now()
        if not self.can_retry(now):
            raise errors.PackageNotRetriable
        stalled = now - timedelta(seconds=settings.JOBS_RETRY_AFTER)
        try:
            with transaction.atomic():
                taken = ArchivePackage.objects.filter(
                    Q(state=self.State.FAILED) | Q(progress_at__lt=stalled),
                    pk=self.pk,
                    state__in=[self.State.FAILED, self.State.BUILDING],
                ).update(
                    state=self.State.BUILDING,
                    error="",
                    finished_at=None,
                    progress_at=now,
                    assembly_queued=False,
                )
                if not taken:
                    raise errors.PackageBeingBuilt
                pending = self.parts.exclude(state=ArchivePart.State.DONE)
                pending.update(state=ArchivePart.State.WAITING, attempts=0, error="")
                self._print(pending)
        except IntegrityError:
            raise errors.PackageBeingBuilt from None
        self.part_printed()  # every file printed already: the assembly itself had stalled

    def signal_progress(self):
        ArchivePackage.objects.filter(pk=self.pk).update(progress_at=timezone.now())

    def part_printed(self):
        """Called after a file was printed (and committed): the call that finds every file
        printed queues the assembly, once."""
        if self.parts.exclude(state=ArchivePart.State.DONE).exists():
            return
        with transaction.atomic():
            first = ArchivePackage.objects.filter(
                pk=self.pk, state=self.State.BUILDING, assembly_queued=False
            ).update(assembly_queued=True)
            if first:
                queue.enqueue(assemble, self.pk, record=self)

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
        return bool(done)

    def fail(self, error):
        ArchivePackage.objects.filter(pk=self.pk, state=self.State.BUILDING).update(
            state=self.State.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )

    def remove_printed_files(self):
        for part in self.parts.exclude(file=""):
            part.file.storage.delete(part.file.name)
        self.parts.update(file="")


class ArchivePart(models.Model):
    """One PDF/A file of a package, printed by its own job: a registered document, or the
    case's summary (no document)."""

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting to be printed")
        DONE = "done", _("Printed")
        FAILED = "failed", _("Could not be printed")

    package = models.ForeignKey(ArchivePackage, on_delete=models.CASCADE, related_name="parts")
    document = models.ForeignKey(
        "records.Document", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    path = models.CharField(max_length=300)
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    file = models.FileField(upload_to="archive/parts/", blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["package", "path"], name="records_part_path_once")
        ]

    def __str__(self):
        return self.path

    @property
    def label(self):
        return self.document.number if self.document_id else gettext("the case's summary")

    def failed(self, error):
        """Note a failed try; after JOBS_MAX_ATTEMPTS tries the file, and so its package, has
        failed (a coordinator may try again from the case's page)."""
        attempts = self.attempts + 1
        final = attempts >= settings.JOBS_MAX_ATTEMPTS
        message = f"{type(error).__name__}: {error}"[:2000]
        ArchivePart.objects.filter(pk=self.pk).exclude(state=self.State.DONE).update(
            attempts=attempts,
            error=message,
            state=self.State.FAILED if final else self.State.WAITING,
        )
        self.package.signal_progress()
        if final:
            self.package.fail(
                ngettext(
                    "%(file)s could not be printed (tried once): %(error)s",
                    "%(file)s could not be printed (tried %(n)d times): %(error)s",
                    attempts,
                )
                % {"file": self.label, "n": attempts, "error": message}
            )


def print_part(part_pk):
    """Job: print one file of a package as PDF/A into storage. A file already printed is left
    as it is; a failure is noted on the file and raised, so the queue tries again later."""
    from records.archive import package as sip

    part = ArchivePart.objects.select_related(
        "package__case__municipality",
        "document__case",
        "document__organisation",
        "document__disposal",
    ).get(pk=part_pk)
    package = part.package
    if part.state == ArchivePart.State.DONE or package.state == ArchivePackage.State.READY:
        return
    try:
        content = sip.render_file(package.case, part.document)
    except Exception as error:
        part.failed(error)
        raise
    name = part.file.storage.save(
        f"archive/parts/{package.package_id}/{part.path.rsplit('/', 1)[-1]}", ContentFile(content)
    )
    done = (
        ArchivePart.objects.filter(pk=part.pk)
        .exclude(state=ArchivePart.State.DONE)
        .update(state=ArchivePart.State.DONE, file=name, error="")
    )
    if not done:  # another run of this job printed it meanwhile
        part.file.storage.delete(name)
        return
    package.signal_progress()
    package.part_printed()


def assemble(package_pk):
    """Job: put the printed files together with METS, PREMIS and checksums, validate the
    package and keep it. A package that does not validate is marked failed with the errors
    (building it again would give the same result)."""
    from records.archive import package as sip
    from records.archive.validation import InvalidPackage, check_package

    package = ArchivePackage.objects.select_related("case__municipality").get(pk=package_pk)
    if package.state != ArchivePackage.State.BUILDING:
        return
    parts = list(package.parts.all())
    if any(part.state != ArchivePart.State.DONE for part in parts):
        log.warning("e-archive package %s: files left to print", package.package_id)
        return
    pdfs = {}
    for part in parts:
        with part.file.open("rb") as printed:
            pdfs[part.path] = printed.read()
    content = sip.assemble(package.case, package.package_id, pdfs)
    try:
        check_package(content)
    except InvalidPackage as error:
        log.error("e-archive package %s does not validate: %s", package.package_id, error)
        package.fail(error)
    else:
        package.finish(content)
    package.remove_printed_files()
