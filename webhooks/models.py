"""A subscription (a target URL and the kinds of event it wants) and its deliveries (the log)."""

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from webhooks.encryption import EncryptedTextField
from webhooks.exceptions import DeliveryInProgress, SubscriptionInactive


class SubscriptionQuerySet(models.QuerySet):
    def owned_by(self, user):
        """The subscriptions a user manages: their own; an administrator's are everyone's."""
        if user.is_superuser:
            return self
        return self.filter(owner=user)

    def listening_to(self, kind):
        # JSON containment is not on SQLite, so filter on the few active rows in Python.
        return [s for s in self.filter(active=True) if kind in s.kinds]


class Subscription(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhooks",
        verbose_name=_("owner"),
    )  # fmt: skip
    name = models.CharField(_("name"), max_length=100)
    target_url = models.URLField(_("target URL"), max_length=500)
    kinds = models.JSONField(_("events"), default=list)
    # Encrypted at rest (webhooks/encryption.py): it must stay readable to sign deliveries.
    secret = EncryptedTextField(_("secret"))
    active = models.BooleanField(_("active"), default=True)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    switched_off_at = models.DateTimeField(_("switched off at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")

    def __str__(self):
        return self.name

    def record_success(self):
        Subscription.objects.filter(pk=self.pk).update(failures=0)

    def record_failure(self):
        """Count a failed attempt; switch the subscription off after too many in a row.

        Returns True when this failure switched it off (the caller tells the owner)."""
        with transaction.atomic():
            locked = Subscription.objects.select_for_update().get(pk=self.pk)
            locked.failures += 1
            switch_off = locked.active and locked.failures >= settings.WEBHOOKS_SWITCH_OFF_AFTER
            if switch_off:
                locked.active, locked.switched_off_at = False, timezone.now()
            locked.save(update_fields=["failures", "active", "switched_off_at"])
        self.failures, self.active = locked.failures, locked.active
        return switch_off

    def switch_on(self):
        """Start delivering again, with a clean count of failures."""
        self.active, self.failures, self.switched_off_at = True, 0, None


class DeliveryQuerySet(models.QuerySet):
    def finished(self):
        """Deliveries nothing will send again on its own: delivered, failed or withheld."""
        Status = Delivery.Status
        return self.filter(status__in=[Status.DELIVERED, Status.FAILED, Status.WITHHELD])


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENDING = "sending", _("being sent")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")
        WITHHELD = "withheld", _("not sent: the owner may not see the record")

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    event_id = models.UUIDField(_("event"))
    kind = models.CharField(_("event"), max_length=50)
    occurred_at = models.DateTimeField(_("happened at"))
    record_type = models.CharField(_("record type"), max_length=100)
    record_id = models.PositiveBigIntegerField(_("record id"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    payload = models.JSONField(_("payload"), null=True, blank=True)
    response_status = models.PositiveIntegerField(_("answer status"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [
            # One delivery per event and subscription, however often the job runs.
            models.UniqueConstraint(fields=["subscription", "event_id"], name="one_per_event"),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.kind} → {self.subscription}"

    def resend(self):
        """Send the delivery again now (by hand), with a fresh count of attempts."""
        with transaction.atomic():
            locked = Delivery.objects.select_for_update().select_related("subscription")
            locked = locked.get(pk=self.pk)
            if not locked.subscription.active:
                raise SubscriptionInactive
            if locked.status == self.Status.SENDING and not locked.is_stale():
                raise DeliveryInProgress
            locked.status, locked.attempts = self.Status.PENDING, 0
            locked.next_attempt_at = timezone.now()
            locked.save(update_fields=["status", "attempts", "next_attempt_at"])
        return locked

    def is_stale(self):
        """A send that began long ago and never ended (its worker died)."""
        limit = timedelta(seconds=settings.WEBHOOKS_TIMEOUT * 3)
        return self.last_attempt_at is None or self.last_attempt_at < timezone.now() - limit
