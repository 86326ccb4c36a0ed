from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SentEmail(models.Model):
    """One e-mail of the dialogues sent to one person, by its key (e.g. the notice of a meeting
    and its update number), so a job that runs twice sends nothing twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=120)
    kind = models.CharField(max_length=40)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_dialogue_email_per_key")
        ]

    def __str__(self):
        return f"{self.key} → {self.user_id}"
