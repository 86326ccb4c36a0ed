"""Consultation: comments on a published revision, the municipality's responses, and how
each comment carries over into the next revision. See agreements/README.md, "Consultation"."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import events
from agreements.passages import context_of, plain_text
from consultation import errors

# The job behind the answer e-mail, named by path: consultation imports these models.
ANSWERED_NOTICE = "consultation.notifications.send_answered_notice"


class Disposition(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("Partly accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    NOTED = "noted", _("Noted")


class CommentQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def current(self):
        """Not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)

    def answered(self):
        return self.filter(response__isnull=False)

    def unanswered(self):
        return self.filter(response__isnull=True)

    def counts_by_section(self):
        """{section id or None: number of current top-level comments}."""
        rows = self.top_level().current().values("section_id").annotate(n=Count("pk"))
        return {row["section_id"]: row["n"] for row in rows.order_by()}

    def for_preview(self):
        """What a comment shows beside the text it is about (the consultation page)."""
        return self.select_related("author", "organisation", "response").annotate(
            reply_count=Count("replies", filter=Q(replies__withdrawn_at__isnull=True))
        )

    def for_display(self):
        return self.for_preview().select_related("section", "response__addressed_in_section")


class Comment(models.Model):
    """What an organisation says about a published revision, its section or an exact passage."""

    revision = models.ForeignKey(
        "agreements.Revision", on_delete=models.CASCADE, related_name="comments"
    )
    section = models.ForeignKey(
        "agreements.Section",
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        help_text=_("Empty: the comment is about the whole revision."),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    quote = models.TextField(_("quoted passage"), blank=True)
    quote_prefix = models.CharField(max_length=100, blank=True)
    quote_suffix = models.CharField(max_length=100, blank=True)
    body = models.TextField(_("comment"), help_text=_("Markdown."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("on behalf of"),
        on_delete=models.PROTECT,
        related_name="agreement_comments",
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["revision", "section", "created_at"])]

    def __str__(self):
        return f"{self.organisation} – {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self):
        revision = self.revision
        return reverse(
            "consultation:comment", args=[revision.agreement.slug, revision.number, self.pk]
        )

    @property
    def response_or_none(self):
        try:
            return self.response
        except Response.DoesNotExist:
            return None

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @classmethod
    @transaction.atomic
    def post(cls, *, revision, author, organisation, body, section=None, quote="", parent=None):
        """Comment (or reply to `parent`) on behalf of `organisation` while consultation is open.
        An invited organisation's comment counts as its answer (it can no longer decline)."""
        from agreements.models import Invitation
        from consultation.permissions import commenting_organisations

        if not revision.consultation_is_open:
            raise errors.ConsultationClosed
        if organisation not in commenting_organisations(author, revision):
            raise errors.NotOnBehalfOf
        invitation = revision.invitations.filter(organisation=organisation).exists()
        if invitation:
            Invitation.locked(revision, organisation).mark_answered()
        if parent is not None:
            if parent.parent_id is not None:
                raise errors.ReplyTooDeep
            section, quote = parent.section, ""
        if section is not None and section.revision_id != revision.pk:
            raise errors.WrongRevision
        comment = cls(revision=revision, section=section, parent=parent, body=body.strip())
        comment.author, comment.organisation = author, organisation
        comment.set_quote(quote)
        comment.save()
        events.emit("comment.received", comment, actor=author)
        return comment

    def set_quote(self, quote):
        """Store the quote with the text around it; the quote must be in the section's text."""
        if not quote.strip():
            self.quote = self.quote_prefix = self.quote_suffix = ""
            return
        source = self.section.body if self.section else self.revision.body
        around = context_of(quote, plain_text(source))
        if around is None:
            raise errors.QuoteNotFound
        self.quote = " ".join(quote.split())
        self.quote_prefix, self.quote_suffix = around

    def check_editable(self, by):
        if self.author_id != by.pk:
            raise errors.NotAuthor
        if self.is_withdrawn:
            raise errors.CommentWithdrawn
        if not self.revision.consultation_is_open:
            raise errors.ConsultationClosed

    def edit(self, *, body, by):
        """Change the text; only its author, only while the consultation is open."""
        self.check_editable(by)
        self.body, self.edited_at = body.strip(), timezone.now()
        self.save(update_fields=["body", "edited_at"])

    def withdraw(self, *, by):
        """Take the comment back; it stays listed as withdrawn, without its text."""
        self.check_editable(by)
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["withdrawn_at"])

    @transaction.atomic
    def answer(self, *, disposition, reason, by, addressed_in=None, addressed_section=None):
        """Record (or change) the municipality's response; returns (response, created).

        Once the change commits, a job tells the author (if they still may see the
        consultation and want to know): the page, the API, the admin and commands alike."""
        from jobs import queue

        if self.parent_id is not None or self.is_withdrawn:
            raise errors.NotAnswerable
        response, created = Response.objects.update_or_create(
            comment=self,
            defaults={
                "disposition": disposition,
                "reason": reason.strip(),
                "responded_by": by,
                "responded_at": timezone.now(),
                "addressed_in": addressed_in,
                "addressed_in_section": addressed_section,
            },
        )
        events.emit("comment.answered", self, actor=by, first_answer=created)
        comment_id = self.pk
        transaction.on_commit(lambda: queue.enqueue(ANSWERED_NOTICE, comment_id, record=self))
        return response, created


class Response(models.Model):
    """The municipal coordinator's answer to a comment, with its disposition and reason."""

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="response")
    disposition = models.CharField(_("disposition"), max_length=20, choices=Disposition.choices)
    reason = models.TextField(_("reason"))
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    responded_at = models.DateTimeField(_("answered"), default=timezone.now)
    addressed_in = models.ForeignKey(
        "agreements.Revision",
        verbose_name=_("addressed in revision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    addressed_in_section = models.ForeignKey(
        "agreements.Section",
        verbose_name=_("addressed in section"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return self.get_disposition_display()


class CarryOver(models.Model):
    """Where a comment on revision N landed in revision N+1."""

    class Kind(models.TextChoices):
        EXACT = "exact", _("Passage unchanged")
        FUZZY = "fuzzy", _("Passage moved or changed")
        ORPHANED = "orphaned", _("Passage gone")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="carry_overs")
    revision = models.ForeignKey(
        "agreements.Revision", on_delete=models.CASCADE, related_name="carried_comments"
    )
    section = models.ForeignKey(
        "agreements.Section",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="carried_comments",
    )
    kind = models.CharField(_("match"), max_length=10, choices=Kind.choices)
    matched_text = models.TextField(_("matched text"), blank=True)
    ratio = models.FloatField(default=1.0)

    class Meta:
        verbose_name = _("carried-over comment")
        verbose_name_plural = _("carried-over comments")
        constraints = [
            models.UniqueConstraint(fields=["comment", "revision"], name="one_carry_over_each")
        ]

    def __str__(self):
        return f"{self.comment_id} → {self.revision_id}: {self.kind}"


class ConsultationExtension(models.Model):
    """A note that the closing time of a consultation was moved later, by whom and when."""

    revision = models.ForeignKey(
        "agreements.Revision", on_delete=models.CASCADE, related_name="extensions"
    )
    previous_closes_at = models.DateTimeField()
    closes_at = models.DateTimeField(_("new closing time"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at"]

    def __str__(self):
        return f"{self.revision_id}: {self.previous_closes_at} → {self.closes_at}"


@transaction.atomic
def extend_consultation(revision, *, closes_at, by):
    """Move the consultation's closing time later (the municipal coordinator's verb)."""
    from agreements.models import Revision

    locked = Revision.objects.select_for_update().get(pk=revision.pk)
    if locked.state != Revision.State.PUBLISHED or locked.consultation_closed_at is not None:
        raise errors.ExtensionNotPossible
    previous = locked.consultation_closes_at
    if closes_at <= timezone.now() or (previous and closes_at <= previous):
        raise errors.ClosingTimeNotLater
    locked.consultation_closes_at = closes_at
    locked.save(update_fields=["consultation_closes_at"])
    revision.consultation_closes_at = closes_at
    return ConsultationExtension.objects.create(
        revision=locked, previous_closes_at=previous or timezone.now(), closes_at=closes_at, by=by
    )
