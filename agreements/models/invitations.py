"""Invited bodies (remissinstanser) of a consultation: who is consulted, the questions they are
asked, their answers and their declines. See consultation/README.md, "Invited bodies"."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultation import errors


class Readers(models.TextChoices):
    """Who reads a consultation (its comments, answers and invited bodies)."""

    PARTIES = "parties", _("The parties and the invited organisations")
    PUBLIC = "public", _("Everyone (public consultation)")
    INVITED = "invited", _("Only the invited organisations")


class InvitationQuerySet(models.QuerySet):
    def waiting(self):
        """Invited bodies that have neither answered nor declined."""
        return self.filter(answered_at__isnull=True, declined_at__isnull=True)


class Invitation(models.Model):
    """One organisation consulted on one revision, and where its answer stands."""

    class Status(models.TextChoices):
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined")
        WAITING = "waiting", _("No answer yet")

    revision = models.ForeignKey(
        "agreements.Revision", on_delete=models.CASCADE, related_name="invitations"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="consultation_invitations",
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    reminded_at = models.DateTimeField(_("last reminded"), null=True, blank=True)
    # Set by the reminder job once the e-mails of the reminder at `reminded_at` are queued.
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("invited body")
        verbose_name_plural = _("invited bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "organisation"], name="one_invitation_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.revision}"

    @property
    def status(self):
        if self.declined_at:
            return self.Status.DECLINED
        if self.answered_at:
            return self.Status.ANSWERED
        return self.Status.WAITING

    def get_status_display(self):
        return self.Status(self.status).label

    @classmethod
    @transaction.atomic
    def invite(cls, revision, organisation, *, by):
        """Add `organisation` to the bodies consulted on `revision` while it is open."""
        if not revision.consultation_is_open:
            raise errors.ConsultationClosed
        if organisation.pk == revision.agreement.municipality_id:
            raise errors.NotInvited(_("The municipality runs the consultation; it is not invited."))
        try:
            with transaction.atomic():
                invitation = cls.objects.create(
                    revision=revision, organisation=organisation, invited_by=by
                )
        except IntegrityError:
            raise errors.AlreadyInvited from None
        sync_grants(revision, [organisation])
        return invitation

    @classmethod
    def locked(cls, revision, organisation):
        """The invitation under a row lock (answers and declines serialise on it)."""
        rows = cls.objects.select_for_update().filter(revision=revision, organisation=organisation)
        invitation = rows.order_by("pk").first()
        if invitation is None:
            raise errors.NotInvited
        return invitation

    @transaction.atomic
    def decline(self, *, reason, by):
        """Say "avstår": the organisation will not answer. Refused once it has answered."""
        if not self.revision.consultation_is_open:
            raise errors.ConsultationClosed
        locked = Invitation.locked(self.revision, self.organisation)
        if locked.declined_at:
            raise errors.AlreadyDeclined
        if locked.answered_at:
            raise errors.DeclineAfterAnswer
        locked.declined_at, locked.declined_by = timezone.now(), by
        locked.decline_reason = reason.strip()
        locked.save(update_fields=["declined_at", "declined_by", "decline_reason"])
        self.declined_at, self.decline_reason = locked.declined_at, locked.decline_reason
        return locked

    def mark_answered(self):
        """Called under the lock by the verbs that answer (a comment or an answer)."""
        if self.declined_at:
            raise errors.AlreadyDeclined
        if self.answered_at is None:
            self.answered_at = timezone.now()
            self.save(update_fields=["answered_at"])


@dataclass
class Invited:
    """Who is consulted when a consultation opens, what they are asked, and who reads it."""

    organisations: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    cover_letter: str = ""
    readers: str = Readers.PARTIES

    def store(self, revision, by):
        municipality = revision.agreement.municipality_id
        organisations = [o for o in dict.fromkeys(self.organisations) if o.pk != municipality]
        Invitation.objects.bulk_create(
            Invitation(revision=revision, organisation=o, invited_by=by) for o in organisations
        )
        Question.objects.bulk_create(
            Question(revision=revision, position=number, text=text.strip())
            for number, text in enumerate((q for q in self.questions if q.strip()), start=1)
        )
        sync_grants(revision, organisations)


def sync_grants(revision, organisations):
    from agreements.permissions import sync_agreement_permissions

    sync_agreement_permissions(revision.agreement, organisations=organisations)


class Question(models.Model):
    """A question the municipality asks the invited bodies, besides comments on the text."""

    revision = models.ForeignKey(
        "agreements.Revision", on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField()
    text = models.TextField(_("question"))

    class Meta:
        ordering = ["revision", "position"]
        verbose_name = _("consultation question")
        verbose_name_plural = _("consultation questions")
        constraints = [
            models.UniqueConstraint(fields=["revision", "position"], name="one_question_per_place")
        ]

    def __str__(self):
        return f"{self.position}. {self.text}"

    @transaction.atomic
    def answer(self, *, organisation, body, by):
        """The invited organisation's one answer to this question; a second is refused."""
        if not self.revision.consultation_is_open:
            raise errors.ConsultationClosed
        invitation = Invitation.locked(self.revision, organisation)
        if invitation.declined_at:
            raise errors.AlreadyDeclined
        if self.answers.filter(organisation=organisation).exists():
            raise errors.AlreadyAnswered
        try:
            with transaction.atomic():
                answer = self.answers.create(
                    organisation=organisation, body=body.strip(), author=by
                )
        except IntegrityError:
            raise errors.AlreadyAnswered from None
        invitation.mark_answered()
        return answer


class Answer(models.Model):
    """One organisation's answer to one question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="consultation_answers",
    )
    body = models.TextField(_("answer"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        ordering = ["question", "organisation__name"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "organisation"], name="one_answer_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation}: {self.question}"


@transaction.atomic
def remind_waiting(revision, *, by):
    """Queue a reminder to every invited body that has neither answered nor declined."""
    from consultation.notifications import send_invitation_reminders
    from jobs import queue

    if not revision.consultation_is_open:
        raise errors.ConsultationClosed
    now = timezone.now()
    waiting = list(
        revision.invitations.select_for_update()
        .waiting()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not waiting:
        raise errors.NothingToRemind
    Invitation.objects.filter(pk__in=waiting).update(reminded_at=now)
    queue.enqueue(send_invitation_reminders, revision.pk, now.isoformat(), record=revision)
    return len(waiting)
