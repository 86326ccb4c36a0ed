"""The information management plan (informationshanteringsplan) and disposal (gallring):
what happens to each type of document, and the log of what was disposed of."""

from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from records import exceptions as errors
from records.models.documents import Document, DocumentType


class RetentionRule(models.Model):
    """One document type of the plan: kept for ever, or disposed of after N years."""

    class Action(models.TextChoices):
        KEEP = "keep", _("Keep")
        DISPOSE = "dispose", _("Dispose of")

    document_type = models.CharField(
        _("document type"), max_length=30, choices=DocumentType.choices, unique=True
    )
    action = models.CharField(_("what happens"), max_length=10, choices=Action.choices)
    years = models.PositiveSmallIntegerField(
        _("years"), null=True, blank=True, help_text=_("Disposed of this many years after.")
    )
    decision = models.CharField(
        _("decision"), max_length=200, help_text=_("The decision that adopted the rule.")
    )

    class Meta:
        ordering = ["document_type"]
        verbose_name = _("retention rule")
        verbose_name_plural = _("information management plan")
        constraints = [
            models.CheckConstraint(
                condition=Q(action="keep", years__isnull=True)
                | Q(action="dispose", years__isnull=False),
                name="records_dispose_after_years",
            )
        ]

    def __str__(self):
        return f"{self.get_document_type_display()}: {self.get_action_display()}"

    def due_on(self, document):
        since = timezone.localdate(document.official_since)
        try:
            return since.replace(year=since.year + self.years)
        except ValueError:  # 29 February
            return date(since.year + self.years, 3, 1)


def due_for_disposal(today=None):
    """(document, rule) pairs the plan lets go by `today`, not yet disposed of or listed."""
    today = today or timezone.localdate()
    rules = {r.document_type: r for r in RetentionRule.objects.filter(action="dispose")}
    candidates = Document.objects.filter(
        document_type__in=rules, disposal__isnull=True
    ).select_related("case")
    return [
        (d, rules[d.document_type]) for d in candidates if rules[d.document_type].due_on(d) <= today
    ]


class Disposal(models.Model):
    """A document listed for disposal and, once a coordinator approved it, disposed of: the
    register entry stays, the content goes. Kept as the log of what was disposed of."""

    document = models.OneToOneField(Document, on_delete=models.PROTECT, related_name="disposal")
    due_on = models.DateField(_("due"))
    decision = models.CharField(_("decision"), max_length=200)
    listed_at = models.DateTimeField(_("listed"), default=timezone.now)
    disposed_at = models.DateTimeField(_("disposed of"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("disposal")
        verbose_name_plural = _("disposals")

    def __str__(self):
        return f"{self.document} ({self.decision})"

    @classmethod
    def list_due(cls, today=None):
        """Scheduled job: list what the plan lets go (a coordinator approves each); returns how
        many were newly listed."""
        listed = [
            cls.objects.get_or_create(
                document=document,
                defaults={"due_on": rule.due_on(document), "decision": rule.decision},
            )[0]
            for document, rule in due_for_disposal(today)
        ]
        return len(listed)

    @transaction.atomic
    def approve(self, by):
        """Dispose of the document's content under the plan. Refused for a type the plan keeps
        (asked again now: the plan may have changed since listing) and twice."""
        from records.disposers import remove_content

        locked = Disposal.objects.select_for_update().select_related("document").get(pk=self.pk)
        if locked.disposed_at is not None:
            raise errors.AlreadyDisposed
        rule = RetentionRule.objects.filter(document_type=locked.document.document_type).first()
        if rule is None or rule.action == RetentionRule.Action.KEEP:
            raise errors.DocumentKept
        if rule.due_on(locked.document) > timezone.localdate():
            raise errors.NotDueYet
        remove_content(locked.document)
        locked.disposed_at, locked.approved_by = timezone.now(), by
        locked.save(update_fields=["disposed_at", "approved_by"])
        self.disposed_at, self.approved_by = locked.disposed_at, by


def list_due():
    """The scheduled job (`JOBS_SCHEDULE["records_disposals"]`)."""
    return Disposal.list_due()
