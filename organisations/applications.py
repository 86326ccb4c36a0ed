"""Applications to join an agreement (anslutning): received, completed, decided.

An association applies on the public page; the municipality's coordinators approve, ask for a
completion or refuse. Approval creates or links the organisation, makes it a party through the
agreement's own verb and invites the contact person. Each verb locks the application's row, so
of twenty coordinators deciding at once one wins and the others get `AlreadyDecided`.
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

import events
from core.errors import DomainError
from organisations.models import Membership, Organisation, OrganisationNumberField


class ApplicationError(DomainError):
    message = _("This step is not possible now.")


class AlreadyDecided(ApplicationError):
    message = _("Someone has already decided this application.")


class DuplicateApplication(ApplicationError):
    message = _(
        "An application from this organisation number is already being handled. "
        "Contact the municipality if something needs to change."
    )


class AlreadyParty(ApplicationError):
    message = _("An organisation with this organisation number is already a party.")


class PartyWithdrewBefore(ApplicationError):
    message = _(
        "This organisation has withdrawn from the agreement before and cannot rejoin through "
        "an application yet."
    )


class NotAwaitingCompletion(ApplicationError):
    message = _("The application is not waiting for a completion.")


class Area(models.TextChoices):
    SPORT = "sport", _("Sport and outdoor life")
    CULTURE = "culture", _("Culture and leisure")
    SOCIAL = "social", _("Social work and support")
    CHILDREN = "children", _("Children and young people")
    EDUCATION = "education", _("Popular education")
    INTEGRATION = "integration", _("Integration and inclusion")
    HEALTH = "health", _("Health and disability")
    ENVIRONMENT = "environment", _("Environment and nature")
    FAITH = "faith", _("Faith communities")
    NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood and local development")
    OTHER = "other", _("Other")


def new_key():
    return secrets.token_urlsafe(32)


class ApplicationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=Application.OPEN_STATUSES)

    def reviewable_by(self, user):
        """Applications to the agreements of municipalities the user coordinates."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        municipalities = Membership.objects.filter(
            user=user,
            role=Membership.Role.COORDINATOR,
            organisation__kind=Organisation.Kind.MUNICIPALITY,
        ).values("organisation")
        return self.filter(agreement__municipality__in=municipalities)


class Application(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        NEEDS_COMPLETION = "needs_completion", _("Waiting for completion")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    OPEN_STATUSES = (Status.RECEIVED, Status.NEEDS_COMPLETION)

    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("agreement"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    organisation_number = OrganisationNumberField(_("organisation number"))
    name = models.CharField(_("name of the organisation"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("contact person's e-mail"))
    areas = models.JSONField(_("areas of activity"), default=list)
    district = models.CharField(_("district"), max_length=100)
    accepted_principles_at = models.DateTimeField(_("accepted the principles"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    submitted_at = models.DateTimeField(_("received"), default=timezone.now)
    # The applicant's own link, for completing the application; e-mailed only to them.
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    message = models.TextField(
        _("message to the applicant"),
        blank=True,
        help_text=_("What to complete, or the reason for refusing."),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("application to join")
        verbose_name_plural = _("applications to join")
        constraints = [
            # One open application per organisation number and agreement, even under a race.
            models.UniqueConstraint(
                fields=["agreement", "organisation_number"],
                condition=Q(status__in=["received", "needs_completion"]),
                name="one_open_application_per_organisation",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation_number})"

    def get_absolute_url(self):
        return reverse("organisations:application", args=[self.pk])

    def get_area_labels(self):
        labels = dict(Area.choices)
        return [labels[area] for area in self.areas if area in labels]

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    def duplicates(self):
        """Other applications and organisations with the same organisation number."""
        return (
            Application.objects.filter(organisation_number=self.organisation_number)
            .exclude(pk=self.pk)
            .select_related("agreement"),
            Organisation.objects.filter(organisation_number=self.organisation_number),
        )

    # --- verbs ------------------------------------------------------------------

    @classmethod
    def submit(cls, *, agreement, **fields):
        """Receive an application; a second open one from the same organisation is refused."""
        number = fields["organisation_number"]
        if agreement.parties.active().filter(organisation__organisation_number=number).exists():
            raise AlreadyParty
        try:
            with transaction.atomic():
                application = cls.objects.create(
                    agreement=agreement, accepted_principles_at=timezone.now(), **fields
                )
                events.emit("application.received", application)
        except IntegrityError:
            raise DuplicateApplication from None
        return application

    def _lock_open(self):
        locked = Application.objects.select_for_update().get(pk=self.pk)
        if not locked.is_open:
            raise AlreadyDecided
        return locked

    def _decide(self, locked, status, by, message="", organisation=None):
        locked.status, locked.message = status, message
        locked.decided_at, locked.decided_by = timezone.now(), by
        locked.organisation = organisation
        locked.save(update_fields=["status", "message", "decided_at", "decided_by", "organisation"])
        events.emit("application.decided", locked, actor=by, decision=status)

    @transaction.atomic
    def approve(self, *, by):
        """Create or link the organisation, make it a party and invite the contact person."""
        from agreements.exceptions import AgreementError
        from agreements.exceptions import AlreadyParty as PartyExists
        from agreements.models import Party
        from organisations.invitations import Invitation

        locked = self._lock_open()
        organisation = self._organisation_for(locked)
        try:
            locked.agreement.add_party(organisation, Party.Role.SIGNATORY, by=by)
        except PartyExists:
            # Linked to an existing party: approving only adds the contact person. A party
            # that withdrew cannot come back this way (the agreements app has no verb for it).
            if locked.agreement.parties.filter(
                organisation=organisation, withdrawn_on__isnull=False
            ).exists():
                raise PartyWithdrewBefore from None
        except AgreementError as error:  # e.g. the agreement has closed meanwhile
            raise ApplicationError(str(error)) from error
        has_coordinator = organisation.memberships.filter(role=Membership.Role.COORDINATOR).exists()
        Invitation.issue(
            organisation=organisation,
            email=locked.contact_email,
            name=locked.contact_name,
            role=Membership.Role.MEMBER if has_coordinator else Membership.Role.COORDINATOR,
            by=by,
        )
        self._decide(locked, self.Status.APPROVED, by, organisation=organisation)
        self.refresh_from_db()
        return organisation

    @staticmethod
    def _organisation_for(application):
        existing = (
            Organisation.objects.select_for_update()
            .filter(organisation_number=application.organisation_number)
            .order_by("pk")
            .first()
        )
        if existing is not None:
            return existing
        return Organisation.objects.create(
            name=application.name,
            slug=unique_slug(application.name),
            kind=Organisation.Kind.ASSOCIATION,
            organisation_number=application.organisation_number,
            email=application.contact_email,
            areas=application.areas,
            district=application.district,
        )

    @transaction.atomic
    def ask_for_completion(self, *, message, by):
        """Send the application back to the applicant with what is missing."""
        locked = self._lock_open()
        self._decide(locked, self.Status.NEEDS_COMPLETION, by, message=message)
        self.refresh_from_db()

    @transaction.atomic
    def refuse(self, *, reason, by):
        """Refuse the application; the reason is sent to the contact person."""
        locked = self._lock_open()
        self._decide(locked, self.Status.REFUSED, by, message=reason)
        self.refresh_from_db()

    @transaction.atomic
    def complete(self, **fields):
        """The applicant's completed application goes back into the coordinators' queue."""
        locked = Application.objects.select_for_update().get(pk=self.pk)
        if locked.status != self.Status.NEEDS_COMPLETION:
            raise NotAwaitingCompletion
        for field, value in fields.items():
            setattr(locked, field, value)
        locked.status, locked.submitted_at = self.Status.RECEIVED, timezone.now()
        locked.save()
        events.emit("application.received", locked, completed=True)
        return locked


RESERVED_SLUGS = {"mine", "apply", "applications", "invitations"}  # paths of organisations/


def unique_slug(name):
    base = slugify(name)[:180] or "organisation"
    slug, number = base, 2
    while slug in RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
