from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation


class Theme(models.Model):
    """A theme tag shared by forums, e.g. trygghet or tillgänglighet."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class Forum(models.Model):
    class Kind(models.TextChoices):
        STEERING_GROUP = "steering_group", _("Steering group")
        DIALOGUE_FORUM = "dialogue_forum", _("Dialogue forum")
        WORKING_GROUP = "working_group", _("Working group")
        REFERENCE_GROUP = "reference_group", _("Reference group")
        CONFERENCE = "conference", _("Annual associations' conference")

    class Visibility(models.TextChoices):
        MEMBERS = "members", _("Member organisations only")
        STAFF = "staff", _("All staff of the municipality")
        PUBLIC = "public", _("Public")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="organised_forums",
    )
    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forums",
        help_text=_("The local agreement this forum follows up, if any."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        # The built-in view_forum permission is granted per forum: meetings, minutes, actions.
        permissions = [
            ("view_discussion", _("Can read the forum's discussion")),
            ("post_in_forum", _("Can post in the forum's discussion")),
            ("manage_forum", _("Can manage the forum and its meetings")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dialogues:forum_detail", args=[self.slug])

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC


class ForumMember(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        CHAIR = "chair", _("Chair")
        SECRETARIAT = "secretariat", _("Secretariat")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="members"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="forum_memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "organisation"], name="one_forum_member_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"
