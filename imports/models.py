from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership, Organisation


class ImportNotPending(Exception):
    message = _("This import has already been started.")


class ImportNotDone(Exception):
    message = _("Invitations can go out once the import is done.")


class InvitationsAlreadySent(Exception):
    message = _("The invitations for this import have already been queued.")


class RegisterImportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Imports into the municipalities the user coordinates (superusers: all)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(municipality__in=coordinated_municipalities(user))


def coordinated_municipalities(user):
    return Organisation.objects.municipalities().filter(
        memberships__user=user, memberships__role=Membership.Role.COORDINATOR
    )


class RegisterImport(models.Model):
    """One upload of the association register: its checked rows, the preview, the outcome."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Preview")
        QUEUED = "queued", _("Importing")
        DONE = "done", _("Imported")

    municipality = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="register_imports"
    )
    filename = models.CharField(_("file"), max_length=255)
    # The rows as read from the file ([row number, {field: text}]); the job plans them again.
    rows = models.JSONField(default=list)
    preview = models.JSONField(default=list)
    result = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEW)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    invitations_queued_at = models.DateTimeField(null=True, blank=True)

    objects = RegisterImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("register import")

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        return reverse("imports:detail", args=[self.pk])

    def start(self, *, by):
        """Queue the import (once: a second click, or a second person, gets ImportNotPending)."""
        from imports import work
        from jobs import queue

        with transaction.atomic():
            started = RegisterImport.objects.filter(pk=self.pk, status=self.Status.PREVIEW).update(
                status=self.Status.QUEUED
            )
            if not started:
                raise ImportNotPending
            queue.enqueue(work.run_import, self.pk, record=self)
        self.refresh_from_db()

    def queue_invitations(self, *, by):
        """Invite each imported organisation without members to its e-mail, in paced batches."""
        from imports import work
        from jobs import queue

        with transaction.atomic():
            if self.status != self.Status.DONE:
                raise ImportNotDone
            queued = RegisterImport.objects.filter(
                pk=self.pk, invitations_queued_at__isnull=True
            ).update(invitations_queued_at=timezone.now())
            if not queued:
                raise InvitationsAlreadySent
            queue.enqueue(work.send_invitations, self.pk, 0, record=self)
        self.refresh_from_db()

    def counts(self, steps=None):
        steps = self.result if steps is None else steps
        totals = {"create": 0, "update": 0, "unchanged": 0, "refused": 0}
        for step in steps:
            totals[step["action"]] += 1
        return totals
