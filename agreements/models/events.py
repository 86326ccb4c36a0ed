from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import events
from agreements.exceptions import AgreementError

# What each timeline row tells the rest of Överens (events.emit), and about which record.
TOLD = {
    "consultation_opened": (("revision.published", "consultation.opened"), "revision"),
    "consultation_closed": (("consultation.closed",), "revision"),
    "adopted": (("agreement.adopted",), "revision"),
    "status_changed": (("agreement.status_changed",), "agreement"),
    "party_joined": (("party.joined",), "party"),
    "signed": (("party.signed",), "party"),
    "withdrew": (("party.left",), "party"),
}


class EventQuerySet(models.QuerySet):
    def shown_to(self, user):
        """The lines `user` may see of the timelines of agreements they may read: the
        restricted ones only on agreements they read by permission."""
        from agreements.models import Agreement
        from agreements.permissions import VIEW
        from organisations.permissions import visible

        granted = visible(user, VIEW, Agreement.objects.all()).values("pk")
        return self.filter(models.Q(restricted=False) | models.Q(agreement__in=granted))


class Event(models.Model):
    """One line of an agreement's timeline. Append-only: events are never changed or deleted."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Agreement created")
        DRAFT_STARTED = "draft_started", _("New draft started")
        DRAFT_SAVED = "draft_saved", _("Draft saved")
        CONSULTATION_OPENED = "consultation_opened", _("Opened for consultation")
        CONSULTATION_CLOSED = "consultation_closed", _("Consultation closed")
        ADOPTED = "adopted", _("Adopted")
        PARTY_JOINED = "party_joined", _("Party joined")
        SIGNED = "signed", _("Party signed")
        WITHDREW = "withdrew", _("Party withdrew")
        STATUS_CHANGED = "status_changed", _("Status changed")
        # The follow-up (followup/timeline.py): details name the plan, commitment or year.
        PLAN_ADOPTED = "plan_adopted", _("Action plan adopted")
        COMMITMENT_ADDED = "commitment_added", _("Commitment added")
        COMMITMENT_EDITED = "commitment_edited", _("Commitment edited")
        COMMITMENT_STATUS = "commitment_status", _("Commitment status changed")
        INDICATOR_VALUE = "indicator_value", _("Indicator value entered")
        FOLLOWUP_OPENED = "followup_opened", _("Follow-up opened")
        FOLLOWUP_REPORTED = "followup_reported", _("Follow-up report submitted")
        SURVEY_ANSWERED = "survey_answered", _("Survey answered")
        FOLLOWUP_PUBLISHED = "followup_published", _("Follow-up report published")

    agreement = models.ForeignKey(
        "agreements.Agreement", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=30, choices=Kind.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revision = models.ForeignKey(
        "agreements.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    party = models.ForeignKey(
        "agreements.Party", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    details = models.JSONField(default=dict, blank=True)
    # Only for those who read the agreement by permission (its parties and staff): a line
    # about a draft action plan or an open follow-up, which the public does not see.
    restricted = models.BooleanField(_("restricted"), default=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AgreementError(_("The timeline is append-only."))
        super().save(*args, **kwargs)
        self.tell()

    def tell(self):
        """Emit the event(s) this row stands for, once the change commits."""
        kinds, field = TOLD.get(self.kind, ((), None))
        record = getattr(self, field) if field else None
        for kind in kinds if record is not None else ():
            events.emit(kind, record, actor=self.actor, **self.details)

    def delete(self, *args, **kwargs):
        raise AgreementError(_("The timeline is append-only."))
