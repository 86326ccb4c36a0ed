from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from dialogues.models.meetings import Meeting
from organisations.models import Organisation


class Addendum(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="addenda")
    text = models.TextField(_("addendum"), help_text=_("Markdown."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("addendum")
        verbose_name_plural = _("addenda")

    def __str__(self):
        return f"{self.meeting}: {self.created_at:%Y-%m-%d}"


class AgendaItem(models.Model):
    """An item of the agenda and, once the meeting is held, its paragraph (§) of the minutes:
    the discussion, the outcome type and the outcome."""

    class Outcome(models.TextChoices):
        RECOMMENDATION = "recommendation", _("Recommendation")
        NOTE = "note", _("Noted")
        PROPOSAL = "proposal", _("Proposal to a committee")
        INFORMATION = "information", _("Information")

    # What the notice tells about the item: a change after the notice was sent is news.
    NOTICED_FIELDS = ("title", "description", "position", "presenter_id")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    presenter = models.ForeignKey(
        Organisation,
        verbose_name=_("presenting organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    # A section belongs to one frozen revision: the link lands on the text the meeting read.
    section = models.ForeignKey(
        "agreements.Section",
        verbose_name=_("agreement section"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Principles are no sections of a revision: they are named in text.
    agreement_reference = models.CharField(
        _("principle or other reference"),
        max_length=200,
        blank=True,
        help_text=_("For example “Principle: Dialogue”."),
    )
    discussion_summary = models.TextField(_("discussion"), blank=True)
    outcome_type = models.CharField(
        _("outcome type"), max_length=20, choices=Outcome.choices, blank=True
    )
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return f"§{self.position} {self.title}"

    def save(self, *args, **kwargs):
        if self.pk is None and not self.position:
            last = self.meeting.agenda_items.aggregate(last=Max("position"))["last"]
            self.position = (last or 0) + 1
        stored = getattr(self, "_stored", None)
        noticed = stored is None or any(getattr(self, n) != stored[n] for n in stored)
        super().save(*args, **kwargs)
        self._stored = {name: getattr(self, name) for name in self.NOTICED_FIELDS}
        if noticed:
            self.meeting.note_agenda_change()

    def get_absolute_url(self):
        """The item on its meeting's page; agenda items have no page of their own."""
        return f"{self.meeting.get_absolute_url()}#agenda-item-{self.pk}"

    def delete(self, *args, **kwargs):
        meeting = self.meeting
        result = super().delete(*args, **kwargs)
        for position, item in enumerate(meeting.agenda_items.order_by("position", "pk"), 1):
            if item.position != position:
                item.position = position
                item.save(update_fields=["position"])
        meeting.note_agenda_change()
        return result

    @classmethod
    def from_db(cls, db, field_names, values):
        item = super().from_db(db, field_names, values)
        item._stored = {name: item.__dict__.get(name) for name in cls.NOTICED_FIELDS}
        return item

    def clean(self):
        if (
            self.section_id
            and self.agreement_id
            and (self.section.revision.agreement_id != self.agreement_id)
        ):
            raise ValidationError(
                {"section": _("Choose a section of the agreement linked above, or no agreement.")}
            )

    @property
    def paragraph(self):
        """Its number in the minutes: "§3"."""
        return f"§{self.position}"

    @property
    def has_paragraph_text(self):
        return bool(self.discussion_summary.strip() or self.outcome.strip())

    @transaction.atomic
    def move(self, step):
        """Swap places with the neighbouring item above (step -1) or below (step 1)."""
        siblings = list(self.meeting.agenda_items.order_by("position", "pk"))
        index = next(i for i, item in enumerate(siblings) if item.pk == self.pk)
        other = index + step
        if not 0 <= other < len(siblings):
            return
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, item in enumerate(siblings, start=1):
            if item.position != position:
                # save(), not update(): post_save lets search reindex the item's "§N".
                item.position = position
                item.save(update_fields=["position"])
