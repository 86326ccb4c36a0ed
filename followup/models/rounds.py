from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import events
from followup import exceptions as errors
from followup import timeline
from followup.models.plans import ActionPlan, Commitment
from jobs import queue
from organisations.models import Organisation

# The survey's results are shown only where at least this many organisations answered,
# so that no single association can be singled out.
SURVEY_MIN_GROUP = 5


class FollowUpRound(models.Model):
    """The yearly follow-up of an action plan: open with a deadline, then published."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for reporting")
        PUBLISHED = "published", _("Published")

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="rounds"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    deadline = models.DateField(_("reporting deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, editable=False
    )
    summary = models.TextField(_("summary"), blank=True)
    report = models.JSONField(_("compiled report"), default=dict, blank=True, editable=False)
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="one_follow_up_per_year")
        ]

    def __str__(self):
        return _("Follow-up %(year)s") % {"year": self.year}

    def get_absolute_url(self):
        return reverse("followup:round", args=[self.plan.agreement.slug, self.year])

    def pdf_name(self, language):
        """Where the job keeps the report printed in `language` (followup.report.store_pdf)."""
        return f"followup/reports/{self.plan.agreement.slug}-{self.year}-{self.pk}.{language}.pdf"

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def deadline_passed(self):
        return timezone.localdate() > self.deadline

    @classmethod
    @transaction.atomic
    def open(cls, plan, *, year, deadline, by):
        """Open the follow-up of `plan` for `year`: one task per responsible organisation."""
        plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
        if not plan.is_adopted:
            raise errors.PlanNotAdopted
        plan.check_year(year)
        if deadline <= timezone.localdate():
            raise errors.DeadlineInPast
        if cls.objects.filter(plan=plan, year=year).exists():
            raise errors.RoundExists
        try:
            with transaction.atomic():
                round = cls.objects.create(plan=plan, year=year, deadline=deadline, opened_by=by)
        except IntegrityError:
            raise errors.RoundExists from None
        organisations = Organisation.objects.filter(commitments__plan=plan).distinct()
        ReportTask.objects.bulk_create(
            [ReportTask(round=round, organisation=org) for org in organisations]
        )
        timeline.about_round(
            round, timeline.Kind.FOLLOWUP_OPENED, by=by, deadline=deadline.isoformat()
        )
        events.emit("followup.opened", round, actor=by, year=year)
        return round

    @classmethod
    def give_tasks(cls, plan):
        """Give a task in the plan's open round to each responsible organisation that has none
        (one added to a commitment while the round is open). Safe to call twice or at once:
        a task is unique per round and organisation."""
        for round in cls.objects.filter(plan=plan, status=cls.Status.OPEN):
            missing = (
                Organisation.objects.filter(commitments__plan=plan)
                .exclude(pk__in=round.tasks.values("organisation"))
                .distinct()
            )
            ReportTask.objects.bulk_create(
                [ReportTask(round=round, organisation=org) for org in missing],
                ignore_conflicts=True,
            )

    def _lock_open(self):
        locked = FollowUpRound.objects.select_for_update().get(pk=self.pk)
        if not locked.is_open:
            raise errors.RoundClosed
        if locked.deadline_passed:
            raise errors.DeadlinePassed
        return locked

    @transaction.atomic
    def report_on(self, commitment, *, organisation, status, progress, text, by, seen_version=None):
        """`organisation` reports on one of its commitments; may be corrected until the deadline."""
        self._lock_open()
        if (
            commitment.plan_id != self.plan_id
            or not commitment.organisations.filter(pk=organisation.pk).exists()
        ):
            raise errors.NotResponsible
        commitment.update_progress(
            status=status, progress=progress, note=text, by=by, round=self,
            seen_version=seen_version,
        )  # fmt: skip
        report, _ = CommitmentReport.objects.update_or_create(
            round=self,
            commitment=commitment,
            defaults={
                "organisation": organisation,
                "status": status,
                "progress": progress,
                "text": text,
                "by": by,
                "at": timezone.now(),
            },
        )
        for responsible in commitment.organisations.all():
            self._mark_reported(responsible, by)
        timeline.about_round(
            self, timeline.Kind.FOLLOWUP_REPORTED, by=by, organisation=organisation.name,
            commitment=str(commitment), status=status, progress=progress,
        )  # fmt: skip
        return report

    def _mark_reported(self, organisation, by):
        """A task is done once every commitment of its organisation has a report this round
        (one report covers a commitment that several organisations share)."""
        theirs = self.plan.commitments.filter(organisations=organisation)
        if not theirs.exclude(reports__round=self).exists():
            self.tasks.filter(organisation=organisation, reported_at__isnull=True).update(
                reported_at=timezone.now(), reported_by=by
            )

    @transaction.atomic
    def answer_survey(self, *, organisation, scores, text, by):
        """One answer per organisation: a 1–5 score for each principle, and free text."""
        self._lock_open()
        principles = set(self.plan.agreement.principles.values_list("pk", flat=True))
        if set(scores) != principles or any(
            not isinstance(v, int) or not 1 <= v <= 5 for v in scores.values()
        ):
            raise errors.InvalidScore
        if self.survey_answers.filter(organisation=organisation).exists():
            raise errors.AlreadyAnswered
        try:
            with transaction.atomic():
                answer = self.survey_answers.create(organisation=organisation, text=text, by=by)
        except IntegrityError:
            raise errors.AlreadyAnswered from None
        SurveyScore.objects.bulk_create(
            [SurveyScore(answer=answer, principle_id=pk, score=v) for pk, v in scores.items()]
        )
        # Aggregate only: how many have answered, never who (no organisation, no actor).
        timeline.about_round(
            self, timeline.Kind.SURVEY_ANSWERED, by=None, answers=self.survey_answers.count()
        )
        return answer

    @transaction.atomic
    def publish(self, *, summary, by):
        """Compile the follow-up report from today's records, freeze it and publish it."""
        from followup.report import compile_report

        locked = FollowUpRound.objects.select_for_update().get(pk=self.pk)
        if not locked.is_open:
            raise errors.RoundClosed
        self.summary = summary
        self.report = compile_report(self)
        self.status, self.published_at = self.Status.PUBLISHED, timezone.now()
        self.save(update_fields=["summary", "report", "status", "published_at"])
        timeline.about_round(self, timeline.Kind.FOLLOWUP_PUBLISHED, by=by, restricted=False)
        events.emit("followup.published", self, actor=by, year=self.year)
        # Slow and failure-prone: the page's charts and the report's PDF are made by jobs.
        queue.enqueue("followup.dashboards.draw_plan_charts", self.plan_id, record=self)
        queue.enqueue("followup.report.store_pdf", self.pk, record=self)


class ReportTask(models.Model):
    """A responsible organisation's task in a round: report on each of its commitments."""

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="tasks")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    reported_at = models.DateTimeField(_("reported"), null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "organisation"], name="one_task_per_org")
        ]

    def __str__(self):
        return f"{self.round}: {self.organisation}"


class CommitmentReport(models.Model):
    """What the responsible organisation reported on a commitment in a round."""

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="reports")
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="reports")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=Commitment.Status.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    text = models.TextField(_("report"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["commitment__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "commitment"], name="one_report_per_commitment_and_round"
            )
        ]

    def __str__(self):
        return f"{self.round}: {self.commitment}"


class SurveyAnswer(models.Model):
    """An organisation's answer to the yearly survey; shown only in aggregate."""

    round = models.ForeignKey(
        FollowUpRound, on_delete=models.CASCADE, related_name="survey_answers"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("comments"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="one_survey_answer_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.round}: {self.organisation}"


class SurveyScore(models.Model):
    answer = models.ForeignKey(SurveyAnswer, on_delete=models.CASCADE, related_name="scores")
    principle = models.ForeignKey(
        "agreements.Principle", on_delete=models.CASCADE, related_name="+"
    )
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "principle"], name="one_score_per_principle"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="score_from_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.principle_id}: {self.score}"
