from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from followup import exceptions as errors
from followup import timeline
from organisations.models import Organisation


class Area(models.Model):
    """A field the commitments work in; municipality empty = one of the shared areas."""

    name = models.CharField(_("name"), max_length=120)
    municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followup_areas",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return self.name


class ActionPlanQuerySet(models.QuerySet):
    def adopted(self):
        return self.filter(status=ActionPlan.Status.ADOPTED)

    def visible_to(self, user):
        """Adopted plans of agreements the user may read (public ones for anyone); drafts only
        for those who read the agreement by permission (its parties and staff)."""
        from agreements.models import Agreement
        from agreements.permissions import VIEW
        from organisations.permissions import visible

        readable = Agreement.objects.visible_to(user).values("pk")
        granted = visible(user, VIEW, Agreement.objects.all()).values("pk")
        return self.filter(
            Q(status=ActionPlan.Status.ADOPTED, agreement__in=readable) | Q(agreement__in=granted)
        )


class ActionPlan(models.Model):
    """The agreement's action plan (handlingsplan) for a period of whole years."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")

    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="action_plans",
    )
    title = models.CharField(_("title"), max_length=200)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    adopted_on = models.DateField(_("adopted"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-first_year", "pk"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "first_year"], name="one_action_plan_per_start_year"
            ),
            models.CheckConstraint(
                condition=Q(last_year__gte=models.F("first_year")), name="plan_years_in_order"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("followup:plan", args=[self.agreement.slug, self.pk])

    @property
    def period(self):
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"

    @property
    def is_adopted(self):
        return self.status == self.Status.ADOPTED

    def years(self):
        return range(self.first_year, self.last_year + 1)

    def check_year(self, year):
        if year not in self.years():
            raise errors.YearOutsidePlan

    @transaction.atomic
    def adopt(self, by, on=None):
        """Adopt the draft plan: parties, and the public for a public agreement, then see it."""
        locked = ActionPlan.objects.select_for_update().get(pk=self.pk)
        if locked.status != self.Status.DRAFT:
            raise errors.PlanNotDraft
        self.status, self.adopted_on = self.Status.ADOPTED, on or timezone.localdate()
        self.save(update_fields=["status", "adopted_on"])
        timeline.log(
            self.agreement,
            timeline.Kind.PLAN_ADOPTED,
            by=by,
            subject=self.title,
            url=self.get_absolute_url(),
        )


class Commitment(models.Model):
    """One promise of the action plan (åtagande), with its status and progress."""

    class Responsibility(models.TextChoices):
        MUNICIPALITY = "municipality", _("The municipality")
        CIVIL_SOCIETY = "civil_society", _("The associations")
        JOINT = "joint", _("Jointly")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DELAYED = "delayed", _("Delayed")
        CANCELLED = "cancelled", _("Cancelled")

    # A status may stay as it is (a report says how it went); a finished commitment is only
    # reopened (back to in progress); a cancelled one restarts; the rest move freely.
    TRANSITIONS = {
        Status.NOT_STARTED: set(Status),
        Status.IN_PROGRESS: set(Status),
        Status.DELAYED: set(Status) - {Status.NOT_STARTED},
        Status.DONE: {Status.DONE, Status.IN_PROGRESS},
        Status.CANCELLED: {Status.CANCELLED, Status.NOT_STARTED, Status.IN_PROGRESS},
    }
    NEEDS_REASON = (Status.DELAYED, Status.CANCELLED)

    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    responsibility = models.CharField(
        _("responsible"), max_length=15, choices=Responsibility.choices
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("responsible organisations"),
        related_name="commitments",
        help_text=_("Departments and associations that carry out and report on it."),
    )
    principles = models.ManyToManyField(
        "agreements.Principle", verbose_name=_("principles"), blank=True, related_name="+"
    )
    sections = models.CharField(
        _("agreement sections"), max_length=100, blank=True, help_text=_("For example: 3, 6.1")
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="commitments"
    )
    starts_on = models.DateField(_("planned start"), null=True, blank=True)
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.NOT_STARTED,
        editable=False,
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, editable=False)
    action_items = models.ManyToManyField(
        "dialogues.ActionItem",
        verbose_name=_("action items"),
        blank=True,
        related_name="commitments",
    )

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_commitment_per_number"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="progress_at_most_100"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("followup:commitment", args=[self.plan.agreement.slug, self.pk])

    @staticmethod
    def check_change(old_status, status, progress, note):
        """Raise unless `status` with `progress` may follow `old_status` (with a `note`)."""
        if not isinstance(progress, int) or not 0 <= progress <= 100:
            raise errors.InvalidProgress
        if status not in Commitment.TRANSITIONS.get(old_status, ()):
            raise errors.InvalidTransition
        if status == Commitment.Status.NOT_STARTED and progress:
            raise errors.InvalidProgress(_("A commitment that has not started has no progress."))
        if status == Commitment.Status.DONE and progress != 100:
            raise errors.InvalidProgress(_("A commitment that is done has 100 % progress."))
        if status in Commitment.NEEDS_REASON and not note.strip():
            raise errors.InvalidTransition(_("Say why the commitment is delayed or cancelled."))

    @property
    def version(self):
        """How many times status and progress have changed: the version a client names (the
        API's `version`) so that it never overwrites a change it has not seen."""
        return self.changes.count()

    @transaction.atomic
    def update_progress(self, *, status, progress, note="", by, round=None, seen_version=None):
        """Set status and progress under the row lock, keeping who, when and why; with
        `seen_version`, only if nobody changed them since that version was read."""
        locked = Commitment.objects.select_for_update().get(pk=self.pk)
        if seen_version is not None and seen_version != locked.version:
            raise errors.CommitmentChanged
        self.check_change(locked.status, status, progress, note)
        change = self.changes.create(
            from_status=locked.status,
            to_status=status,
            from_progress=locked.progress,
            to_progress=progress,
            note=note,
            by=by,
            round=round,
        )
        self.status, self.progress = status, progress
        self.save(update_fields=["status", "progress"])
        if round is None:  # a report in a follow-up has its own line (FollowUpRound.report_on)
            timeline.about_commitment(
                self, timeline.Kind.COMMITMENT_STATUS, by=by,
                status=status, progress=progress, note=note,
            )  # fmt: skip
        return change

    @transaction.atomic
    def record_edit(self, *, by, created):
        """Record that this commitment was added or edited (with its responsible organisations
        set): a line on the agreement's timeline, and a reporting task in the plan's open
        follow-up for an organisation that became responsible. The form, the admin and the
        API call it after saving, so all three behave alike."""
        from followup.models.rounds import FollowUpRound

        kind = timeline.Kind.COMMITMENT_ADDED if created else timeline.Kind.COMMITMENT_EDITED
        timeline.about_commitment(self, kind, by=by)
        FollowUpRound.give_tasks(self.plan)

    @transaction.atomic
    def link_action_item(self, item, by):
        """Link a dialogue forum's action item to this commitment."""
        Commitment.objects.select_for_update().get(pk=self.pk)
        if self.action_items.filter(pk=item.pk).exists():
            raise errors.AlreadyLinked
        self.action_items.add(item)


class CommitmentChange(models.Model):
    """One line of a commitment's history. Append-only."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=12, choices=Commitment.Status.choices)
    to_status = models.CharField(max_length=12, choices=Commitment.Status.choices)
    from_progress = models.PositiveSmallIntegerField()
    to_progress = models.PositiveSmallIntegerField()
    note = models.TextField(_("why"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    round = models.ForeignKey(
        "followup.FollowUpRound", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.commitment}: {self.from_status} → {self.to_status}"
