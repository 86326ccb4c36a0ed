"""Who wants which consultation e-mail, and which were sent (so nothing is sent twice)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationPreference(models.Model):
    """A user's choice of consultation e-mails; without a row every e-mail is on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agreement_notifications"
    )
    consultation_opened = models.BooleanField(_("when a consultation opens"), default=True)
    consultation_closing = models.BooleanField(
        _("three days before a consultation closes"), default=True
    )
    comment_answered = models.BooleanField(_("when one of my comments is answered"), default=True)

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
