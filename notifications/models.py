"""In-app notifications: one row per person and thing that happened."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """`kind` (events.hub.KINDS) happened to `record`; `user` is told in the app.

    No title of the record is stored: the page shows it only while the person may still see
    the record (events.can_view), and "no longer available" otherwise.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("what happened"), max_length=50)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    event_key = models.CharField(max_length=100)
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            # A job that runs twice tells nobody twice.
            models.UniqueConstraint(fields=["user", "event_key"], name="one_notification_per_event")
        ]

    def __str__(self):
        return f"{self.kind} → {self.user_id}"

    @property
    def is_read(self):
        return self.read_at is not None

    def mark_read(self):
        """Mark as read (once; a second call changes nothing)."""
        if self.read_at is None:
            Notification.objects.filter(pk=self.pk, read_at__isnull=True).update(
                read_at=timezone.now()
            )
            self.read_at = timezone.now()


class Delivery(models.TextChoices):
    """How a person hears of one kind: the notification is listed in the app in every case."""

    AT_ONCE = "at_once", _("E-mail at once")
    DAILY = "daily", _("In a daily e-mail digest")
    WEEKLY = "weekly", _("In a weekly e-mail digest")
    OFF = "off", _("No e-mail, only here")


class Setting(models.Model):
    """One person's choice for one kind; without a row the kind's default applies
    (notifications.preferences.KINDS)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    kind = models.CharField(_("what happened"), max_length=50)
    delivery = models.CharField(_("how"), max_length=10, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_notification_setting_each")
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind}: {self.delivery}"


class Digest(models.Model):
    """One digest e-mail to one person for one period, so a job that runs twice sends one."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(max_length=10, choices=Delivery.choices)
    period_end = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "frequency", "period_end"], name="one_digest_per_period"
            )
        ]

    def __str__(self):
        return f"{self.frequency} {self.period_end:%Y-%m-%d} → {self.user_id}"
