from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from agreements import exceptions as errors
from organisations.models import Organisation


class PartyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_on__isnull=True)

    def drafters(self):
        return self.active().filter(is_drafter=True)


class Party(models.Model):
    """An organisation's place in an agreement, from accession to signature or withdrawal."""

    class Role(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        SIGNATORY = "signatory", _("Signatory")
        UMBRELLA = "umbrella", _("Umbrella representative")
        OBSERVER = "observer", _("Observer")

    agreement = models.ForeignKey(
        "agreements.Agreement", on_delete=models.CASCADE, related_name="parties"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SIGNATORY)
    is_drafter = models.BooleanField(
        _("drafting party"), default=False, help_text=_("Its members may edit the working draft.")
    )
    joined_on = models.DateField(_("joined"))
    signed_on = models.DateField(_("signed"), null=True, blank=True)
    signed_by_name = models.CharField(_("signed by"), max_length=120, blank=True)
    signed_by_title = models.CharField(_("title of signatory"), max_length=120, blank=True)
    withdrawn_on = models.DateField(_("withdrew"), null=True, blank=True)

    objects = PartyQuerySet.as_manager()

    class Meta:
        ordering = ["role", "organisation__name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="one_party_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"

    @transaction.atomic
    def sign(self, *, name, title, on, by):
        """Record that the party signed the adopted agreement, by whom and when."""
        from agreements.models import Agreement, Event

        agreement = self.agreement._lock()
        if agreement.status not in (*Agreement.PUBLIC_STATUSES, Agreement.Status.UNDER_REVIEW):
            raise errors.NotAdopted
        locked = Party.objects.select_for_update().get(pk=self.pk)
        if locked.withdrawn_on:
            raise errors.PartyWithdrawn
        if locked.signed_on:
            raise errors.AlreadySigned
        self.signed_on, self.signed_by_name, self.signed_by_title = on, name, title
        self.save(update_fields=["signed_on", "signed_by_name", "signed_by_title"])
        agreement.events.create(
            kind=Event.Kind.SIGNED, actor=by, party=self, details={"name": name, "title": title}
        )

    @transaction.atomic
    def withdraw(self, *, on, by, reason=""):
        """The party leaves the agreement; its members no longer see what parties see.

        The reason, if given, stays on the agreement's timeline."""
        from agreements.models import Event

        locked = Party.objects.select_for_update().get(pk=self.pk)
        if locked.withdrawn_on:
            raise errors.PartyWithdrawn
        if locked.role == self.Role.MUNICIPALITY:
            raise errors.InvalidTransition(
                _("The municipality cannot withdraw from its own agreement.")
            )
        self.withdrawn_on = on
        self.save(update_fields=["withdrawn_on"])
        self.agreement.events.create(
            kind=Event.Kind.WITHDREW,
            actor=by,
            party=self,
            details={"reason": reason} if reason else {},
        )
