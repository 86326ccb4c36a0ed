from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from followup import exceptions as errors
from followup import timeline
from followup.models.plans import ActionPlan


class Indicator(models.Model):
    """Something measured each year of the plan: entered by hand, or computed from Överens's
    own records (`computed` names the computation in followup/indicators.py)."""

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    class Computed(models.TextChoices):
        SIGNED_PARTIES = "signed_parties", _("Signed parties")
        COMMENTING_ORGANISATIONS = (
            "commenting_organisations",
            _("Organisations that commented in consultations"),
        )
        COMMENTS_ANSWERED = "comments_answered", _("Share of comments answered")
        DAYS_TO_ANSWER = "days_to_answer", _("Median days to an answer")
        MEETINGS_HELD = "meetings_held", _("Dialogue meetings held")
        ORGANISATIONS_PRESENT = "organisations_present", _("Organisations present at meetings")
        ACTION_ITEMS_ON_TIME = "action_items_on_time", _("Action items done by their deadline")

    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True, help_text=_("For example: %, st"))
    description = models.TextField(_("description"), blank=True)
    direction = models.CharField(
        _("direction"), max_length=6, choices=Direction.choices, default=Direction.HIGHER
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    computed = models.CharField(
        _("computed from"), max_length=30, choices=Computed.choices, blank=True, editable=False
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("followup:indicator", args=[self.plan.agreement.slug, self.pk])

    @property
    def title(self):
        """A computed indicator's name in the reader's language; others as entered."""
        return self.get_computed_display() if self.computed else self.name

    @transaction.atomic
    def record_value(self, *, year, value, source="", comment="", by):
        """Enter (or correct) the value for one year of the plan; computed ones are not
        entered."""
        Indicator.objects.select_for_update().get(pk=self.pk)
        if self.computed:
            raise errors.FollowUpError(_("This indicator is computed from the records."))
        self.plan.check_year(year)
        value_row, _created = self.values.update_or_create(
            year=year,
            defaults={
                "value": value,
                "source": source,
                "comment": comment,
                "by": by,
                "at": timezone.now(),
            },
        )
        timeline.log(
            self.plan.agreement, timeline.Kind.INDICATOR_VALUE, by=by,
            restricted=not self.plan.is_adopted, subject=self.name, year=year,
            value=str(value), unit=self.unit, url=self.get_absolute_url(),
        )  # fmt: skip
        return value_row


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    source = models.CharField(_("source"), max_length=200, blank=True)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("entered"), default=timezone.now)

    class Meta:
        ordering = ["year"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_value_per_year")
        ]

    def __str__(self):
        return f"{self.indicator} {self.year}: {self.value}"
