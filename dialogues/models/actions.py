from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogues import exceptions
from dialogues.models.agenda import AgendaItem
from dialogues.models.meetings import Meeting
from organisations.models import Membership, Organisation


def today():
    return timezone.localdate()


class ActionItemQuerySet(models.QuerySet):
    def unfinished(self):
        return self.filter(status__in=ActionItem.UNFINISHED)

    def overdue(self, on=None):
        """Past their due date and neither done nor cancelled."""
        return self.unfinished().filter(due_date__lt=on or today())

    def with_overdue_flag(self, on=None):
        return self.annotate(
            overdue=Case(
                When(Q(status__in=ActionItem.UNFINISHED, due_date__lt=on or today()), then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        )


class ActionItem(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    UNFINISHED = (Status.OPEN, Status.IN_PROGRESS)
    # Done and cancelled items may be reopened; everything else moves forward.
    TRANSITIONS = {
        Status.OPEN: {Status.IN_PROGRESS, Status.DONE, Status.CANCELLED},
        Status.IN_PROGRESS: {Status.OPEN, Status.DONE, Status.CANCELLED},
        Status.DONE: {Status.IN_PROGRESS},
        Status.CANCELLED: {Status.OPEN},
    }

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    title = models.CharField(_("what"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        Organisation, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        Organisation,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_for_action_items",
        help_text=_("A member of the owning organisation."),
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dialogues:action_item_detail", args=[self.meeting.forum.slug, self.pk])

    @property
    def is_overdue(self):
        if hasattr(self, "overdue"):
            return self.overdue
        return self.status in self.UNFINISHED and self.due_date < today()

    def allowed_statuses(self):
        return [s for s in self.Status if s in self.TRANSITIONS[self.status]]

    def clean(self):
        if (
            self.responsible_id
            and self.owner_id
            and not Membership.objects.filter(
                user_id=self.responsible_id, organisation_id=self.owner_id
            ).exists()
        ):
            raise ValidationError(
                {
                    "responsible": _("%(person)s is not a member of %(organisation)s.")
                    % {
                        "person": self.responsible.get_full_name() or self.responsible.username,
                        "organisation": self.owner,
                    }
                }
            )

    @transaction.atomic
    def change_status(self, to, by, note=""):
        """Move to status `to`, keeping a history row; invalid moves raise InvalidTransition.
        The row lock makes two changes at the same moment take turns."""
        locked = ActionItem.objects.select_for_update().get(pk=self.pk)
        if to not in self.TRANSITIONS.get(locked.status, ()):
            raise exceptions.InvalidTransition
        change = self.history.create(from_status=locked.status, to_status=to, by=by, note=note)
        self.status = to
        self.save(update_fields=["status"])
        return change

    @transaction.atomic
    def edit(self, by=None, **changes):
        """Change what, description, due date, owner, department, responsible person or agenda
        item (validated by the form or full_clean), under the row lock."""
        ActionItem.objects.select_for_update().filter(pk=self.pk).first()
        for name, value in changes.items():
            setattr(self, name, value)
        self.save(update_fields=list(changes))

    @property
    def days_overdue(self):
        return (today() - self.due_date).days if self.is_overdue else 0


class ActionItemStatusChange(models.Model):
    item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(_("from"), max_length=12, choices=ActionItem.Status.choices)
    to_status = models.CharField(_("to"), max_length=12, choices=ActionItem.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT)
    at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.item}: {self.from_status} → {self.to_status}"
