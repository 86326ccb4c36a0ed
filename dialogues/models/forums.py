from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from dialogues import exceptions
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
    purpose = models.TextField(
        _("purpose"), blank=True, help_text=_("What the forum is for, in a few sentences.")
    )
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
    principles = models.ManyToManyField(
        "agreements.Principle",
        verbose_name=_("principles"),
        blank=True,
        related_name="forums",
        help_text=_("The principles of the agreement that the forum works with."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    # Persons, not organisations: the chair leads the meetings, the secretary keeps the records.
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chair"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("secretary"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
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

    @property
    def is_closed(self):
        return self.closed_at is not None

    @classmethod
    def unique_slug(cls, name):
        base = slugify(name)[:190] or "forum"
        slug, suffix = base, 2
        while cls.objects.filter(slug=slug).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug

    def _lock(self):
        return Forum.objects.select_for_update().get(pk=self.pk)

    @transaction.atomic
    def close(self, by=None):
        """Close the forum: its records stay readable, no new meeting is planned in it.

        Raises ForumClosed when it is closed already, UpcomingMeetings while planned meetings
        lie ahead (call them off first, so no member waits for a meeting that will not come).
        """
        locked = self._lock()
        if locked.is_closed:
            raise exceptions.ForumClosed
        if locked.meetings.filter(status="planned", ends_at__gte=timezone.now()).exists():
            raise exceptions.UpcomingMeetings
        self.closed_at = timezone.now()
        self.save(update_fields=["closed_at"])

    @transaction.atomic
    def reopen(self, by=None):
        """Open a closed forum again; raises ForumOpen when it is open."""
        if not self._lock().is_closed:
            raise exceptions.ForumOpen
        self.closed_at = None
        self.save(update_fields=["closed_at"])

    def ensure_open(self):
        if self.is_closed:
            raise exceptions.ForumClosed

    @transaction.atomic
    def set_members(self, organisations):
        """Make exactly `organisations` members; those staying keep their role."""
        self._lock()
        wanted = {organisation.pk: organisation for organisation in organisations}
        for member in self.members.exclude(organisation__in=list(wanted)):
            member.delete()  # one by one: the signal recomputes the grants
        present = set(self.members.values_list("organisation_id", flat=True))
        for pk, organisation in wanted.items():
            if pk not in present:
                ForumMember.objects.create(forum=self, organisation=organisation)

    def people(self):
        """Active users of the member organisations and the organiser, with their
        organisation: [(organisation, [users])] in name order."""
        from organisations.models import Membership

        organisations = sorted(
            {self.organiser, *(m.organisation for m in self.members.all())}, key=lambda o: o.name
        )
        memberships = (
            Membership.objects.filter(organisation__in=organisations, user__is_active=True)
            .select_related("user")
            .order_by("user__first_name", "user__last_name", "user__username")
        )
        by_organisation = {organisation.pk: [] for organisation in organisations}
        for membership in memberships:
            by_organisation[membership.organisation_id].append(membership.user)
        return [(organisation, by_organisation[organisation.pk]) for organisation in organisations]


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
