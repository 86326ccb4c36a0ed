"""Who wants which consultation e-mail, and which were sent (so nothing is sent twice)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationPreference(models.Model):
    """A user's choice of the closing reminder, which is no event; without a row it is on.

    E-mails about events (a consultation opened, a comment answered) follow the person's
    choice in the notification centre (notifications.Setting).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agreement_notifications"
    )
    consultation_closing = models.BooleanField(
        _("three days before a consultation closes"), default=True
    )

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        return cls.objects.filter(user=user).first() or cls(user=user)


class NotificationSent(models.Model):
    """One consultation e-mail sent to one user, recorded so reruns send nothing twice."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Consultation opened")
        CLOSING = "closing", _("Consultation closes soon")

    revision = models.ForeignKey("agreements.Revision", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "user", "kind"], name="one_notification_each"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.revision_id} → {self.user_id}"
