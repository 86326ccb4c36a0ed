import re
from datetime import date, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from agreements import exceptions as errors
from organisations.models import Organisation


class Principle(models.Model):
    """A principle the agreement rests on; municipality empty = one of the national six."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="principles",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("principle")
        verbose_name_plural = _("principles")

    def __str__(self):
        return self.name


class RegistrationFormat(models.Model):
    """A municipality's format for registration numbers (diarienummer), as a regular expression."""

    municipality = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="registration_format"
    )
    pattern = models.CharField(_("pattern"), max_length=200)
    example = models.CharField(_("example"), max_length=50)

    def __str__(self):
        return f"{self.municipality}: {self.example}"

    def matches(self, value):
        return re.fullmatch(self.pattern, value or "") is not None


# The job that e-mails the parties when a consultation opens; one job fans out to all their
# members, so opening takes the same time for ten recipients as for a thousand.
OPENED_NOTICE = "consultation.notifications.notify_consultation_opened"


def public_condition():
    """Public agreements: marked public and adopted or in force, and still so while a new
    revision is drafted and consulted on (the adopted text stays in force until replaced)."""
    from agreements.models import Revision

    adopted_text = Exists(
        Revision.objects.filter(agreement=OuterRef("pk"), state=Revision.State.ADOPTED)
    )
    return Q(is_public=True) & (
        Q(status__in=Agreement.PUBLIC_STATUSES)
        | Q(adopted_text, status__in=Agreement.REVIEW_STATUSES)
    )


class AgreementQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public_condition())

    def visible_to(self, user):
        """Agreements the user may read: by object permission, or public ones for anyone."""
        from agreements.permissions import VIEW
        from organisations.permissions import visible

        granted = visible(user, VIEW, Agreement.objects.all()).values("pk")
        return self.filter(Q(pk__in=granted) | public_condition())


class Agreement(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTATION = "consultation", _("Out for consultation")
        ADOPTED = "adopted", _("Adopted")
        IN_FORCE = "in_force", _("In force")
        UNDER_REVIEW = "under_review", _("Under review")
        SUPERSEDED = "superseded", _("Superseded")
        EXPIRED = "expired", _("Expired")

    PUBLIC_STATUSES = (Status.ADOPTED, Status.IN_FORCE)
    CLOSED_STATUSES = (Status.SUPERSEDED, Status.EXPIRED)
    DRAFTING_STATUSES = (Status.DRAFT, Status.UNDER_REVIEW)
    # While a successor is drafted and consulted on, an adopted revision stays in force.
    REVIEW_STATUSES = (Status.DRAFT, Status.CONSULTATION, Status.UNDER_REVIEW)
    # status -> the statuses `change_status` may move it to; the text workflow has its own verbs.
    STATUS_CHANGES = {
        Status.ADOPTED: (Status.IN_FORCE, Status.SUPERSEDED, Status.EXPIRED),
        Status.IN_FORCE: (Status.UNDER_REVIEW, Status.SUPERSEDED, Status.EXPIRED),
        Status.UNDER_REVIEW: (Status.IN_FORCE, Status.SUPERSEDED, Status.EXPIRED),
    }

    municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="agreements",
        limit_choices_to={"kind": Organisation.Kind.MUNICIPALITY},
    )
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    registration_number = models.CharField(_("registration number"), max_length=50, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    principles = models.ManyToManyField(
        Principle, verbose_name=_("principles"), blank=True, related_name="agreements"
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"), null=True, blank=True
    )
    next_review = models.DateField(_("next review"), null=True, blank=True)
    minimum_consultation_days = models.PositiveSmallIntegerField(
        _("minimum consultation period (days)"),
        default=0,
        help_text=_(
            "A shorter consultation needs a recorded reason. Six weeks (42 days) is common; "
            "0 sets no minimum."
        ),
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Anyone may read the adopted text.")
    )
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        permissions = [
            ("edit_draft", _("Can edit the working draft")),
            ("manage_agreement", _("Can publish, adopt and manage the agreement")),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:detail", args=[self.slug])

    @property
    def is_closed(self):
        return self.status in self.CLOSED_STATUSES

    @property
    def is_public_now(self):
        """Anyone may read it: the same rule as `Agreement.objects.public()`."""
        if not self.is_public:
            return False
        return self.status in self.PUBLIC_STATUSES or self.is_under_review

    @property
    def is_under_review(self):
        """An adopted text is in force while its successor is drafted or consulted on."""
        return self.status in self.REVIEW_STATUSES and self.adopted_revision is not None

    @cached_property
    def adopted_revision(self):
        """The adopted revision (the text in force once the agreement is), or None."""
        from agreements.models import Revision

        # The text (often long) is loaded only by those who read it.
        return self.revisions.filter(state=Revision.State.ADOPTED).defer("body").first()

    def check_registration_number(self, value):
        """Raise InvalidRegistrationNumber unless `value` fits the municipality's format."""
        fmt = RegistrationFormat.objects.filter(municipality_id=self.municipality_id).first()
        if not value or (fmt and not fmt.matches(value)):
            raise errors.InvalidRegistrationNumber

    def _log(self, kind, by, **details):
        return self.events.create(kind=kind, actor=by, **details)

    def _lock(self):
        """Re-read this agreement under a row lock; workflow steps serialise on it."""
        return Agreement.objects.select_for_update().get(pk=self.pk)

    # --- workflow ----------------------------------------------------------------

    @classmethod
    @transaction.atomic
    def create(cls, *, municipality, title, slug, by, summary="", principles=None, body=""):
        """Start an agreement with the municipality as drafting party and an empty draft."""
        from agreements.models import Event, Party

        agreement = cls.objects.create(
            municipality=municipality, title=title, slug=slug, summary=summary, created_by=by
        )
        if principles is None:
            principles = Principle.objects.filter(municipality__isnull=True)
        agreement.principles.set(principles)
        agreement._log(Event.Kind.CREATED, by)
        Party.objects.create(
            agreement=agreement,
            organisation=municipality,
            role=Party.Role.MUNICIPALITY,
            is_drafter=True,
            joined_on=timezone.localdate(),
        )
        agreement.revisions.create(title=title, body=body, created_by=by)
        return agreement

    @transaction.atomic
    def start_draft(self, by):
        """Open a new working draft, copied from the latest published revision."""
        from agreements.models import Event

        locked = self._lock()
        if locked.is_closed:
            raise errors.AgreementClosed
        if self.revisions.drafts().exists():
            raise errors.DraftExists
        latest = self.revisions.published().order_by("-number").first()
        if latest is None:
            raise errors.NothingPublished
        draft = self.revisions.create(
            title=latest.title, body=latest.body, based_on=latest, created_by=by
        )
        self._log(Event.Kind.DRAFT_STARTED, by, revision=latest)
        return draft

    @transaction.atomic
    def open_consultation(
        self,
        *,
        closes_at,
        by,
        change_summary=None,
        shortened_reason="",
        start_review=False,
        invited=None,
    ):
        """Freeze the working draft as the next numbered revision, open for comments.

        An agreement in force is first put under review when `start_review` is given (its
        adopted text stays in force). A closing time earlier than the agreement's minimum
        period needs `shortened_reason`, recorded with the revision. `invited` (an `Invited`)
        names the bodies consulted, the questions, the cover letter and who reads it.

        The previous revision's comments are carried over into the new one, and once the
        change commits one job tells the parties and the invited bodies."""
        from agreements.models import Event
        from consultation.carryover import carry_over
        from jobs import queue

        locked = self._lock()
        if locked.is_closed:
            raise errors.AgreementClosed
        if locked.status == self.Status.CONSULTATION:
            raise errors.ConsultationOpen
        status = locked.status
        if start_review and status == self.Status.IN_FORCE:
            status = self.Status.UNDER_REVIEW
        if status not in self.DRAFTING_STATUSES:
            raise errors.InvalidTransition(_("Put the agreement under review first."))
        draft = self.revisions.drafts().first()
        if draft is None:
            raise errors.NoDraft
        if closes_at <= timezone.now():
            raise errors.ClosingTimeInPast
        if locked.shortens_consultation(closes_at) and not shortened_reason.strip():
            raise errors.ConsultationTooShort(locked.minimum_consultation_days)
        if status != locked.status:
            self._log(Event.Kind.STATUS_CHANGED, by, details={"from": locked.status, "to": status})
        draft.publish(
            agreement=locked,
            closes_at=closes_at,
            by=by,
            change_summary=change_summary,
            shortened_reason=shortened_reason.strip(),
            invited=invited,
        )
        self._set_status(locked, self.Status.CONSULTATION)
        carry_over(draft)
        draft_id = draft.pk
        transaction.on_commit(lambda: queue.enqueue(OPENED_NOTICE, draft_id, record=draft))
        return draft

    def earliest_closing_day(self, today=None):
        """The first day a consultation opened `today` may close without a reason."""
        return (today or timezone.localdate()) + timedelta(days=self.minimum_consultation_days)

    def shortens_consultation(self, closes_at):
        return timezone.localdate(closes_at) < self.earliest_closing_day()

    @transaction.atomic
    def close_consultation(self, by, accept_unanswered=False):
        """End the open consultation now; the text goes back to drafting. Unanswered comments
        need `accept_unanswered` (they can still be answered afterwards)."""
        from agreements.models import Event, Revision

        locked = self._lock()
        if locked.status != self.Status.CONSULTATION:
            raise errors.NoOpenConsultation
        revision = self.revisions.published().order_by("-number").first()
        check_unanswered(revision, accept_unanswered)
        now = timezone.now()
        revision.consultation_closed_at = now
        revision.consultation_closes_at = min(revision.consultation_closes_at or now, now)
        revision.save(update_fields=["consultation_closed_at", "consultation_closes_at"])
        adopted_before = self.revisions.filter(
            state__in=[Revision.State.ADOPTED, Revision.State.SUPERSEDED]
        )
        back_to = self.Status.UNDER_REVIEW if adopted_before.exists() else self.Status.DRAFT
        self._set_status(locked, back_to)
        self._log(Event.Kind.CONSULTATION_CLOSED, by, revision=revision)

    def _set_status(self, locked, status):
        locked.status = self.status = status
        locked.save(update_fields=["status"])

    @transaction.atomic
    def adopt(
        self,
        revision,
        *,
        body,
        decided_on,
        registration_number,
        minute_reference,
        by,
        accept_unanswered=False,
    ):
        """Record the decision adopting `revision`; an earlier adopted revision is superseded.

        The decision date lies neither in the future nor before the revision's consultation
        closed; unanswered comments on the revision need `accept_unanswered`."""
        from agreements.models import Event, Revision

        locked = self._lock()
        if locked.is_closed:
            raise errors.AgreementClosed
        if locked.status == self.Status.CONSULTATION:
            raise errors.ConsultationOpen
        if locked.status not in self.DRAFTING_STATUSES:
            raise errors.InvalidTransition(_("Put the agreement under review first."))
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        if revision.state != Revision.State.PUBLISHED or revision.agreement_id != self.pk:
            raise errors.RevisionNotPublished
        check_decision_date(revision, decided_on)
        self.check_registration_number(registration_number)
        check_unanswered(revision, accept_unanswered)
        self.revisions.filter(state=Revision.State.ADOPTED).update(state=Revision.State.SUPERSEDED)
        revision.mark_adopted(body, decided_on, minute_reference)
        self.__dict__.pop("adopted_revision", None)
        locked.registration_number = self.registration_number = registration_number
        locked.save(update_fields=["registration_number"])
        self._set_status(locked, self.Status.ADOPTED)
        self._log(
            Event.Kind.ADOPTED,
            by,
            revision=revision,
            details={
                "body": body,
                "decided_on": decided_on.isoformat(),
                "registration_number": registration_number,
                "minute_reference": minute_reference,
            },
        )
        return revision

    @transaction.atomic
    def change_status(self, status, by, *, on=None, superseded_by=None):
        """Put the agreement in force, under review, superseded or expired."""
        from agreements.models import Event

        locked = self._lock()
        if status not in self.STATUS_CHANGES.get(locked.status, ()):
            raise errors.InvalidTransition
        if status == self.Status.SUPERSEDED and (superseded_by is None or superseded_by == self):
            raise errors.InvalidTransition(_("Choose the agreement that replaces this one."))
        on = on or timezone.localdate()
        self._apply_status_dates(locked, status, on, superseded_by)
        old = locked.status
        self._set_status(locked, status)
        self._log(Event.Kind.STATUS_CHANGED, by, details={"from": old, "to": status})

    def _apply_status_dates(self, locked, status, on, superseded_by):
        if status == self.Status.IN_FORCE and locked.valid_from is None:
            locked.valid_from = on
            if locked.review_interval_months:
                locked.next_review = add_months(on, locked.review_interval_months)
        if status in self.CLOSED_STATUSES:
            locked.valid_until = on
        locked.superseded_by = superseded_by if status == self.Status.SUPERSEDED else None
        locked.save(update_fields=["valid_from", "next_review", "valid_until", "superseded_by"])
        for field in ("valid_from", "next_review", "valid_until", "superseded_by"):
            setattr(self, field, getattr(locked, field))

    @transaction.atomic
    def add_party(self, organisation, role, *, by, is_drafter=False, joined_on=None):
        """Make `organisation` a party (an accession); its members then see the agreement."""
        from agreements.models import Event, Party

        if self.is_closed:
            raise errors.AgreementClosed
        if self.parties.filter(organisation=organisation).exists():
            raise errors.AlreadyParty
        party = Party.objects.create(
            agreement=self,
            organisation=organisation,
            role=role,
            is_drafter=is_drafter,
            joined_on=joined_on or timezone.localdate(),
        )
        self._log(Event.Kind.PARTY_JOINED, by, party=party)
        return party


def check_unanswered(revision, accepted):
    """Raise UnansweredComments unless every current comment is answered or `accepted`."""
    if accepted:
        return
    count = revision.comments.top_level().current().unanswered().count()
    if count:
        raise errors.UnansweredComments(count)


def check_decision_date(revision, decided_on):
    if decided_on is None:
        raise errors.DecisionDateMissing
    if decided_on > timezone.localdate():
        raise errors.DecisionDateInFuture
    ended = revision.consultation_ended_at
    if ended is not None and decided_on < timezone.localdate(ended):
        raise errors.DecisionBeforeConsultation(timezone.localdate(ended))


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)
