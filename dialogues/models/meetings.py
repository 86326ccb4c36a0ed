from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogues import exceptions
from dialogues.models.forums import Forum
from organisations.models import Organisation


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Called off")

    class MinutesStatus(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CHECKING = "checking", _("Sent for checking")
        APPROVED = "approved", _("Approved")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="meetings"
    )
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveSmallIntegerField(_("number"), editable=False)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    accessibility_notes = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("For example hearing loop, sign language or spoken language interpretation."),
    )
    registration_number = models.CharField(_("registration number"), max_length=40, blank=True)
    notice_date = models.DateField(_("notice sent"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("Markdown."))
    minutes_status = models.CharField(
        _("minutes status"),
        max_length=10,
        choices=MinutesStatus.choices,
        default=MinutesStatus.DRAFT,
        editable=False,
    )
    minutes_sent_at = models.DateTimeField(_("sent for checking"), null=True, editable=False)
    minutes_approved_at = models.DateTimeField(_("approved"), null=True, editable=False)
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        related_name="+",
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "year", "number"], name="one_meeting_number_per_forum_and_year"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="meeting_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.forum} {self.reference}: {self.title}"

    def save(self, *args, **kwargs):
        """Number new meetings per forum and year; refuse to change approved minutes."""
        if getattr(self, "_stored_minutes_status", None) == self.MinutesStatus.APPROVED and (
            self.minutes != self._stored_minutes
        ):
            raise exceptions.MinutesFrozen
        if self.pk is None:
            self.year = timezone.localtime(self.starts_at).year
            last = Meeting.objects.filter(forum_id=self.forum_id, year=self.year).aggregate(
                last=Max("number")
            )["last"]
            self.number = (last or 0) + 1
        super().save(*args, **kwargs)
        self._stored_minutes = self.minutes
        self._stored_minutes_status = self.minutes_status

    def get_absolute_url(self):
        return reverse("dialogues:meeting_detail", args=[self.forum.slug, self.year, self.number])

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The meeting must end after it starts.")})

    @classmethod
    def from_db(cls, db, field_names, values):
        meeting = super().from_db(db, field_names, values)
        meeting._stored_minutes = meeting.__dict__.get("minutes")
        meeting._stored_minutes_status = meeting.__dict__.get("minutes_status")
        return meeting

    @property
    def reference(self):
        return f"{self.number}/{self.year}"

    @property
    def minutes_approved(self):
        return self.minutes_status == self.MinutesStatus.APPROVED

    def minutes_checker(self):
        """The present attendance row with the minutes checker role, if any."""
        for row in self.attendances.all():
            if row.meeting_role == Attendance.Role.MINUTES_CHECKER and row.is_present:
                return row
        return None

    def ensure_agenda_open(self):
        """The agenda and attendance are part of approved minutes: raise AgendaFrozen then."""
        if self.minutes_approved:
            raise exceptions.AgendaFrozen

    def write_minutes(self, text, by=None):
        """Replace the draft minutes; approved minutes raise MinutesFrozen."""
        if self.minutes_approved:
            raise exceptions.MinutesFrozen
        self.minutes = text
        self.save(update_fields=["minutes"])

    @transaction.atomic
    def send_minutes_for_checking(self, by=None):
        """Send the draft to the attendees; the minutes checker then approves it."""
        if self.minutes_status != self.MinutesStatus.DRAFT:
            raise exceptions.MinutesNotDraft
        if not self.minutes.strip():
            raise exceptions.MinutesEmpty
        if self.minutes_checker() is None:
            raise exceptions.NoMinutesChecker
        self.minutes_status = self.MinutesStatus.CHECKING
        self.minutes_sent_at = timezone.now()
        self.save(update_fields=["minutes_status", "minutes_sent_at"])

    @transaction.atomic
    def approve_minutes(self, by, organisation_ids):
        """The minutes checker (a member of its organisation) approves; the text then freezes.

        `organisation_ids` are the organisations `by` belongs to.
        """
        if self.minutes_status != self.MinutesStatus.CHECKING:
            raise exceptions.MinutesNotSentForChecking
        checker = self.minutes_checker()
        if checker is None:
            raise exceptions.NoMinutesChecker
        if checker.organisation_id not in organisation_ids and not by.is_superuser:
            raise exceptions.NotMinutesChecker
        self.minutes_status = self.MinutesStatus.APPROVED
        self.minutes_approved_at = timezone.now()
        self.minutes_approved_by = by
        if self.status == self.Status.PLANNED:
            self.status = self.Status.HELD
        self.save(
            update_fields=["minutes_status", "minutes_approved_at", "minutes_approved_by", "status"]
        )

    def add_addendum(self, text, by):
        """Correct approved minutes with an addendum that keeps its own author and time."""
        if not self.minutes_approved:
            raise exceptions.MinutesNotApproved
        return self.addenda.create(text=text, author=by)


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
    class Outcome(models.TextChoices):
        RECOMMENDATION = "recommendation", _("Recommendation")
        NOTE = "note", _("Noted")
        PROPOSAL = "proposal", _("Proposal to a committee")
        INFORMATION = "information", _("Information")

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
    # Most items name a principle, which is no section of a revision; and a section belongs
    # to one frozen revision. So the agreement is a link and the section or principle text.
    agreement_reference = models.CharField(
        _("agreement section or principle"),
        max_length=200,
        blank=True,
        help_text=_("For example “Principle: Dialogue” or “Section 4.2”."),
    )
    discussion_summary = models.TextField(_("discussion summary"), blank=True)
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
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The item on its meeting's page; agenda items have no page of their own."""
        return f"{self.meeting.get_absolute_url()}#agenda-item-{self.pk}"

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


class Attendance(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        SECRETARY = "secretary", _("Secretary")
        MINUTES_CHECKER = "minutes_checker", _("Minutes checker")
        MEMBER = "member", _("Member")
        CO_OPTED = "co_opted", _("Co-opted")

    class Presence(models.TextChoices):
        PRESENT = "present", _("Present")
        APOLOGIES = "apologies", _("Sent apologies")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    participant_role = models.CharField(
        _("role title"),
        max_length=120,
        help_text=_("Preferred over a name, e.g. “Chair” or “Head of culture and leisure”."),
    )
    participant_name = models.CharField(
        _("name (optional)"),
        max_length=120,
        blank=True,
        help_text=_("Only when the record needs it."),
    )
    meeting_role = models.CharField(
        _("meeting role"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )
    presence = models.CharField(
        _("presence"), max_length=10, choices=Presence.choices, default=Presence.PRESENT
    )

    class Meta:
        ordering = ["organisation__name", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(meeting_role="chair"),
                name="one_chair_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(meeting_role="minutes_checker"),
                name="one_minutes_checker_per_meeting",
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.participant_role}"

    @property
    def is_present(self):
        return self.presence == self.Presence.PRESENT

    def clean(self):
        """A chair or minutes checker must be present; each is one per meeting."""
        if self.meeting_role in (self.Role.CHAIR, self.Role.MINUTES_CHECKER):
            if not self.is_present:
                raise ValidationError(
                    {"presence": _("The chair and the minutes checker must be present.")}
                )
            taken = Attendance.objects.filter(
                meeting_id=self.meeting_id, meeting_role=self.meeting_role
            ).exclude(pk=self.pk)
            if taken.exists():
                raise ValidationError(
                    {"meeting_role": _("The meeting already has someone in this role.")}
                )
