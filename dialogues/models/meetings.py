from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import events
from dialogues import exceptions
from dialogues.models.forums import Forum
from dialogues.models.minutes import MinutesWorkflow


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")

    def awaiting_approval_by(self, user):
        """Minutes sent for approval that `user` is named to approve and has not approved."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            minutes_status=Meeting.MinutesStatus.CHECKING,
            attendances__user=user,
            attendances__is_approver=True,
            attendances__approved_at__isnull=True,
        ).distinct()


class Meeting(MinutesWorkflow, models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Called off")

    class MinutesStatus(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CHECKING = "checking", _("Sent for approval")
        APPROVED = "approved", _("Approved")

    # A held meeting can be set back to planned (a slip), a called-off one planned again.
    TRANSITIONS = {
        Status.PLANNED: {Status.HELD, Status.CANCELLED},
        Status.HELD: {Status.PLANNED},
        Status.CANCELLED: {Status.PLANNED},
    }
    # What the notice tells the members: a change to one of these after it was sent is news.
    NOTICED_FIELDS = ("title", "starts_at", "ends_at", "place", "online_url", "accessibility_notes")

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
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED, editable=False
    )
    notice_sent_at = models.DateTimeField(_("notice sent"), null=True, editable=False)
    # 0 for the notice, +1 for each update: the SEQUENCE of the event in the .ics file.
    notice_sequence = models.PositiveIntegerField(_("notice updates"), default=0, editable=False)
    notice_changed_at = models.DateTimeField(
        _("changed since the notice"), null=True, editable=False
    )
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("Markdown."))
    minutes_status = models.CharField(
        _("minutes status"),
        max_length=10,
        choices=MinutesStatus.choices,
        default=MinutesStatus.DRAFT,
        editable=False,
    )
    # Raised by every save of the minutes: an approver approves the version they read.
    minutes_version = models.PositiveIntegerField(default=0, editable=False)
    minutes_written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("minutes written by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    minutes_sent_at = models.DateTimeField(_("sent for approval"), null=True, editable=False)
    minutes_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent for approval by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    approval_deadline = models.DateField(_("approve by"), null=True, editable=False)
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
        """Number new meetings per forum and year (a closed forum raises ForumClosed); refuse
        to change approved minutes; note a change to what the notice said."""
        stored = getattr(self, "_stored", None)
        with transaction.atomic():
            if self.pk is None:
                self._number()
            else:
                self._refuse_frozen_change(stored, kwargs.get("update_fields"))
                self._note_notice_change(stored, kwargs)
            super().save(*args, **kwargs)
        self._remember()

    def get_absolute_url(self):
        return reverse("dialogues:meeting_detail", args=[self.forum.slug, self.year, self.number])

    def _refuse_frozen_change(self, stored, fields):
        """Approved minutes never change, whoever saves (form, admin, shell): the state is
        read under the row lock, so an instance read before the approval cannot write."""
        if fields is not None and "minutes" not in fields:
            return
        if stored and self.minutes == stored["minutes"]:
            return
        current = Meeting.objects.select_for_update().filter(pk=self.pk)
        current = current.values_list("minutes_status", "minutes").first()
        if current and current[0] == self.MinutesStatus.APPROVED and current[1] != self.minutes:
            raise exceptions.MinutesFrozen

    def _number(self):
        # The forum's row lock makes meetings created at the same moment take turns, and
        # keeps a forum being closed from getting a meeting.
        forum = Forum.objects.select_for_update().only("pk", "closed_at").get(pk=self.forum_id)
        forum.ensure_open()
        self.year = timezone.localtime(self.starts_at).year
        last = Meeting.objects.filter(forum_id=self.forum_id, year=self.year).aggregate(
            last=Max("number")
        )["last"]
        self.number = (last or 0) + 1

    def _note_notice_change(self, stored, kwargs):
        if not stored or not self.notice_sent_at or self.status != self.Status.PLANNED:
            return
        fields = kwargs.get("update_fields")
        names = [n for n in self.NOTICED_FIELDS if fields is None or n in fields]
        if any(getattr(self, name) != stored[name] for name in names):
            self.notice_changed_at = timezone.now()
            if fields is not None:
                kwargs["update_fields"] = [*fields, "notice_changed_at"]

    def _remember(self):
        names = ("minutes", "minutes_status", *self.NOTICED_FIELDS)
        self._stored = {name: self.__dict__.get(name) for name in names}

    @classmethod
    def from_db(cls, db, field_names, values):
        meeting = super().from_db(db, field_names, values)
        meeting._remember()
        return meeting

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The meeting must end after it starts.")})

    def _lock(self):
        """Re-read this meeting under a row lock: its state changes take turns on it."""
        return Meeting.objects.select_for_update().get(pk=self.pk)

    @property
    def reference(self):
        return f"{self.number}/{self.year}"

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def notice_outdated(self):
        """Time, place or agenda changed after the notice; an update is due."""
        return self.notice_changed_at is not None

    def ensure_agenda_open(self):
        """The agenda and attendance are part of the minutes: refused while the minutes are
        out for approval (MinutesSentForApproval) and once approved (AgendaFrozen)."""
        if self.minutes_approved:
            raise exceptions.AgendaFrozen
        if self.minutes_status == self.MinutesStatus.CHECKING:
            raise exceptions.MinutesSentForApproval

    def record_attendance(self, entries, by=None):
        """Replace the attendance with `entries` (see models/attendance.py)."""
        from dialogues.models.attendance import record_attendance

        record_attendance(self, entries, by)

    # --- status ----------------------------------------------------------------------

    def allowed_statuses(self):
        allowed = self.TRANSITIONS[self.status]
        if self.minutes_status != self.MinutesStatus.DRAFT:
            allowed = allowed & {self.Status.HELD}  # minutes on their way: it was held
        return [status for status in self.Status if status in allowed]

    @transaction.atomic
    def change_status(self, to, by=None):
        """Hold, call off or plan again (TRANSITIONS); other moves raise
        InvalidMeetingTransition. Calling off a meeting whose notice went out tells the
        members; planning it again makes the notice's update due."""
        locked = self._lock()
        if to not in locked.allowed_statuses():
            raise exceptions.InvalidMeetingTransition
        self.status = to
        fields = ["status"]
        if to == self.Status.CANCELLED and locked.notice_sent_at:
            self.notice_changed_at = None
            fields.append("notice_changed_at")
            transaction.on_commit(lambda: _notifications().notify_cancelled(self.pk))
        if to == self.Status.CANCELLED:
            events.emit("meeting.cancelled", self, actor=by)
        elif locked.status == self.Status.CANCELLED and locked.notice_sent_at:
            self.notice_changed_at = timezone.now()
            fields.append("notice_changed_at")
        self.save(update_fields=fields)

    # --- notice ----------------------------------------------------------------------

    @transaction.atomic
    def send_notice(self, by=None):
        """E-mail the notice (kallelse) to the forum's members with an .ics file; once it was
        sent, the same verb sends an update. Returns True for an update.

        The e-mails leave after the commit, through dialogues.notifications.
        """
        locked = self._lock()
        if locked.status == self.Status.CANCELLED:
            raise exceptions.MeetingCancelled
        if locked.ends_at < timezone.now():
            raise exceptions.MeetingOver
        update = locked.notice_sent_at is not None
        if update:
            self.notice_sequence = locked.notice_sequence + 1
        else:
            self.notice_sent_at, self.notice_sequence = timezone.now(), 0
        self.notice_changed_at = None
        self.save(update_fields=["notice_sent_at", "notice_sequence", "notice_changed_at"])
        sequence = self.notice_sequence
        transaction.on_commit(lambda: _notifications().notify_notice(self.pk, sequence))
        events.emit("meeting.notice_sent", self, actor=by, update=update)
        return update

    def note_agenda_change(self):
        """The agenda of a meeting whose notice went out changed: an update is due."""
        Meeting.objects.filter(
            pk=self.pk,
            notice_sent_at__isnull=False,
            status=self.Status.PLANNED,
            ends_at__gte=timezone.now(),
        ).update(notice_changed_at=timezone.now())


def _notifications():
    from dialogues import notifications

    return notifications
