from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.orgnr import normalise_orgnr


class LastCoordinator(Exception):
    """An organisation must keep at least one coordinator."""


class AlreadyMember(Exception):
    """The user is already a member of the organisation."""


class OrganisationNumberField(models.CharField):
    """Stores an organisation number normalised to NNNNNN-NNNN."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 11)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_orgnr(value) if value else value

    def get_prep_value(self, value):
        # Validation belongs to full_clean (forms, admin); saving must not raise it.
        return models.Field.get_prep_value(self, value)


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def municipalities(self):
        return self.filter(kind=Organisation.Kind.MUNICIPALITY)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        DEPARTMENT = "department", _("Municipal department")
        ASSOCIATION = "association", _("Association")
        UMBRELLA = "umbrella", _("Umbrella organisation")
        OTHER = "other", _("Other idea-driven organisation")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    organisation_number = OrganisationNumberField(_("organisation number"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    # From the association register or an application: what the directory filters on.
    areas = models.JSONField(_("areas of activity"), default=list, blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [
            ("view_members", _("Can see the member list")),
            ("manage_members", _("Can add, change and remove members")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", args=[self.slug])

    @property
    def municipality(self):
        """The municipality this organisation belongs to, if it is one or a department."""
        if self.kind == self.Kind.MUNICIPALITY:
            return self
        if self.kind == self.Kind.DEPARTMENT and self.parent_id:
            return self.parent
        return None

    @transaction.atomic
    def add_member(self, user, role, by=None):
        """Make `user` a member with `role`; raises AlreadyMember if they already are."""
        if self.memberships.filter(user=user).exists():
            raise AlreadyMember
        return self.memberships.create(user=user, role=role)


class Membership(models.Model):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "user__username"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_membership_per_user_and_organisation"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    def _is_last_coordinator(self):
        return (
            self.role == self.Role.COORDINATOR
            and not self.organisation.memberships.filter(role=self.Role.COORDINATOR)
            .exclude(pk=self.pk)
            .exists()
        )

    @transaction.atomic
    def change_role(self, role, by=None):
        """Give the member another role; the last coordinator cannot step down."""
        if role != self.role and self._is_last_coordinator():
            raise LastCoordinator
        self.role = role
        self.save(update_fields=["role"])

    @transaction.atomic
    def remove(self, by=None):
        """End the membership; the last coordinator cannot be removed."""
        if self._is_last_coordinator():
            raise LastCoordinator
        self.delete()


class OrganisationGroup(models.Model):
    """The auth group that holds one organisation's members of one role.

    Object permissions are granted to these groups, never to single users, so a
    membership change takes effect everywhere without touching any permission.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="role_groups"
    )
    role = models.CharField(max_length=20, choices=Membership.Role.choices)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="organisation_role")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "role"], name="one_group_per_role")
        ]

    def __str__(self):
        return self.group.name


# The join flow's models live in their own modules; Django finds them through this import.
from organisations.applications import Application  # noqa: E402, F401
from organisations.invitations import Invitation  # noqa: E402, F401
