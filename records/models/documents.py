"""The register (diarium): yearly series of case numbers, cases, and the official documents
registered under them. See records/README.md."""

import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import events
from records import exceptions as errors

DEFAULT_PREFIX = "Dnr"


class Origin(models.TextChoices):
    RECEIVED = "received", _("Received")
    DRAWN_UP = "drawn_up", _("Drawn up")


class DocumentType(models.TextChoices):
    CONSULTATION_RESPONSE = "consultation_response", _("Consultation response")
    REVISION = "revision", _("Published revision")
    CONSULTATION_REPORT = "consultation_report", _("Consultation report")
    MINUTES = "minutes", _("Approved minutes")
    FOLLOWUP_REPORT = "followup_report", _("Follow-up report")


class Series(models.Model):
    """A municipality's yearly series of case numbers; the row is the counter."""

    municipality = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="records_one_series")
        ]

    def __str__(self):
        return f"{self.municipality} {self.year}: {self.last_serial}"

    @classmethod
    def take(cls, municipality, year, at_least=0):
        """The next serial of the year's series, under a row lock (call inside a transaction).

        `at_least` moves the counter past a number given by hand, so no later number repeats it.
        """
        cls.objects.get_or_create(municipality=municipality, year=year)
        series = cls.objects.select_for_update().get(municipality=municipality, year=year)
        serial = at_least or series.last_serial + 1
        series.last_serial = max(series.last_serial, serial)
        series.save(update_fields=["last_serial"])
        return serial


def registration_format(municipality):
    from agreements.models import RegistrationFormat

    return RegistrationFormat.objects.filter(municipality=municipality).first()


def series_prefix(fmt):
    """The letters before the year in the format's example: "KS" of "KS 2024/0412"."""
    found = re.match(r"^(.*?)\s*\d{4}/\d+", fmt.example) if fmt else None
    return found.group(1) if found and found.group(1) else DEFAULT_PREFIX


class CaseQuerySet(models.QuerySet):
    def managed_by(self, user):
        from records.permissions import managed_cases

        return managed_cases(user, self)


class Case(models.Model):
    """An ärende: an agreement (or a forum that follows up none) and its documents."""

    municipality = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    number = models.CharField(_("case number"), max_length=50, unique=True)
    title = models.CharField(_("title"), max_length=250)
    agreement = models.OneToOneField(
        "agreements.Agreement", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    forum = models.OneToOneField(
        "dialogues.Forum", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    last_sequence = models.PositiveIntegerField(default=0)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.CheckConstraint(
                condition=Q(agreement__isnull=True) | Q(forum__isnull=True),
                name="records_case_of_one_thing",
            )
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def is_open(self):
        """Still being worked on: its agreement not decided yet (drafted, out for
        consultation, or a successor under review), or its forum not closed."""
        if self.agreement_id:
            from agreements.models import Agreement

            open_statuses = (Agreement.Status.CONSULTATION, *Agreement.DRAFTING_STATUSES)
            return self.agreement.status in open_statuses
        return self.forum.closed_at is None

    @classmethod
    @transaction.atomic
    def of_agreement(cls, agreement):
        """The agreement's case, opened under its registration number (or the next free one).
        The agreement's row is locked first, so two registrations open one case, one number."""
        type(agreement).objects.select_for_update().filter(pk=agreement.pk).first()
        case = cls.objects.filter(agreement=agreement).first()
        if case is None:
            case = cls.open(
                agreement.municipality,
                agreement.title,
                number=agreement.registration_number,
                agreement=agreement,
            )
        return case

    @classmethod
    @transaction.atomic
    def of_forum(cls, forum):
        """A forum's minutes belong to its agreement's case, or to a case of their own."""
        if forum.agreement_id:
            return cls.of_agreement(forum.agreement)
        type(forum).objects.select_for_update().filter(pk=forum.pk).first()
        case = cls.objects.filter(forum=forum).first()
        if case is None:
            municipality = forum.organiser.municipality or forum.organiser
            case = cls.open(municipality, forum.name, forum=forum)
        return case

    @classmethod
    @transaction.atomic
    def open(cls, municipality, title, *, number="", **subject):
        """Open a case under `number` (checked against the municipality's format) or under the
        next number of this year's series."""
        fmt = registration_format(municipality)
        year, serial = timezone.localdate().year, 0
        if number:
            found = re.search(r"(\d{4})/(\d+)", number)
            if (fmt and not fmt.matches(number)) or not found:
                raise errors.InvalidCaseNumber
            year, serial = int(found.group(1)), int(found.group(2))
        serial = Series.take(municipality, year, at_least=serial)
        number = number or f"{series_prefix(fmt)} {year}/{serial:04d}"
        return cls.objects.create(municipality=municipality, number=number, title=title, **subject)

    @transaction.atomic
    def register(self, record, document_type, *, origin, official_since, subject, organisation):
        """Number `record` as the next document of this case, once (a second call returns the
        first entry). The case row is locked, so numbers have neither duplicates nor gaps."""
        kind = ContentType.objects.get_for_model(record)
        locked = Case.objects.select_for_update().get(pk=self.pk)
        existing = Document.objects.filter(
            content_type=kind, object_id=record.pk, document_type=document_type
        ).first()
        if existing is not None:
            return existing
        locked.last_sequence += 1
        locked.save(update_fields=["last_sequence"])
        document = Document.objects.create(
            case=locked,
            sequence=locked.last_sequence,
            number=f"{locked.number}-{locked.last_sequence}",
            document_type=document_type,
            origin=origin,
            official_since=official_since,
            subject=subject[:300],
            organisation=organisation,
            content_type=kind,
            object_id=record.pk,
        )
        events.emit("document.registered", document, number=document.number)
        return document


class DocumentQuerySet(models.QuerySet):
    def for_register(self):
        return self.select_related("case", "organisation").order_by("-official_since", "-pk")

    def of(self, record):
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )


class Document(models.Model):
    """An official document (allmän handling) and its entry in the register."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="documents"
    )
    sequence = models.PositiveIntegerField()
    number = models.CharField(_("registration number"), max_length=60, unique=True)
    document_type = models.CharField(
        _("document type"), max_length=30, choices=DocumentType.choices
    )
    origin = models.CharField(_("received or drawn up"), max_length=10, choices=Origin.choices)
    official_since = models.DateTimeField(_("official document since"))
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    subject = models.CharField(_("subject"), max_length=300)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("from or to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    person_name = models.CharField(
        _("private person"),
        max_length=200,
        blank=True,
        help_text=_("A private person's name is never shown in the public register."),
    )
    secrecy_provision = models.CharField(
        _("secrecy mark"),
        max_length=200,
        blank=True,
        help_text=_(
            "The provision of the Public Access and Secrecy Act that applies, e.g. "
            "OSL 21 kap. 1 §. The entry stays public; its subject and content do not."
        ),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["case", "sequence"]
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        constraints = [
            models.UniqueConstraint(fields=["case", "sequence"], name="records_one_sequence"),
            models.UniqueConstraint(
                fields=["content_type", "object_id", "document_type"],
                name="records_registered_once",
            ),
        ]
        indexes = [models.Index(fields=["official_since"])]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("records:document", args=[self.pk])

    @property
    def is_secret(self):
        return bool(self.secrecy_provision)

    CORRECTABLE = ("subject", "document_type", "organisation", "person_name", "secrecy_provision")

    @transaction.atomic
    def correct(self, *, by, reason, **changes):
        """Change the entry's description; each changed field is logged with its old value.
        The number, case and dates are not correctable."""
        if not reason.strip():
            raise errors.CorrectionReasonMissing
        locked = Document.objects.select_for_update().get(pk=self.pk)
        changed = {
            name: value
            for name, value in changes.items()
            if name in self.CORRECTABLE and getattr(locked, name) != value
        }
        if not changed:
            raise errors.NothingCorrected
        for name, value in changed.items():
            Correction.objects.create(
                document=locked,
                field=name,
                old_value=str(getattr(locked, name) or ""),
                new_value=str(value or ""),
                reason=reason.strip(),
                by=by,
            )
            setattr(locked, name, value)
            setattr(self, name, value)
        locked.save(update_fields=list(changed))
        return changed


class Correction(models.Model):
    """One field of a register entry changed by a coordinator. Append-only."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(_("field"), max_length=30)
    old_value = models.TextField(_("before"), blank=True)
    new_value = models.TextField(_("after"), blank=True)
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return f"{self.document} {self.field} {self.at:%Y-%m-%d}"
