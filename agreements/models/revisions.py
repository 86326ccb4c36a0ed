from django.conf import settings
from django.db import models, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements import draft_sections
from agreements import exceptions as errors
from agreements.markdown import split_sections
from agreements.models.invitations import Readers

TEXT_FIELDS = ("title", "body", "change_summary")


class RevisionQuerySet(models.QuerySet):
    def drafts(self):
        return self.filter(state=Revision.State.DRAFT)

    def published(self):
        """Frozen revisions: published for consultation, adopted, or superseded by a later one."""
        return self.exclude(state=Revision.State.DRAFT)

    def open(self, now=None):
        """Revisions out for consultation now: the rule of `Revision.consultation_is_open`."""
        return self.filter(
            state=Revision.State.PUBLISHED,
            consultation_closed_at__isnull=True,
            consultation_closes_at__gt=now or timezone.now(),
        )


class Revision(models.Model):
    """One version of an agreement's text. Drafts change; numbered revisions never do."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Working draft")
        PUBLISHED = "published", _("Published")
        ADOPTED = "adopted", _("Adopted")
        SUPERSEDED = "superseded", _("Adopted, later replaced")

    FROZEN_STATES = (State.PUBLISHED, State.ADOPTED, State.SUPERSEDED)

    agreement = models.ForeignKey(
        "agreements.Agreement", on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=250)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    change_summary = models.TextField(_("summary of changes"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    # Optimistic concurrency: the editor carries the version it started from.
    version = models.PositiveIntegerField(default=1)
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("last saved"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    consultation_closes_at = models.DateTimeField(_("consultation closes"), null=True, blank=True)
    consultation_closed_at = models.DateTimeField(_("consultation closed"), null=True, blank=True)
    consultation_shortened_reason = models.TextField(
        _("reason for a shorter consultation period"), blank=True
    )
    cover_letter = models.TextField(
        _("cover letter"), blank=True, help_text=_("Markdown. Sent with the consultation.")
    )
    consultation_readers = models.CharField(
        _("who reads the consultation"),
        max_length=10,
        choices=Readers.choices,
        default=Readers.PARTIES,
    )
    adopted_by_body = models.CharField(_("deciding body"), max_length=120, blank=True)
    adopted_on = models.DateField(_("decision date"), null=True, blank=True)
    minute_reference = models.CharField(_("minute reference"), max_length=50, blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["agreement", "number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="one_revision_per_number"),
            models.UniqueConstraint(
                fields=["agreement"],
                condition=Q(state="draft"),
                name="one_draft_per_agreement",
            ),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(number__isnull=False),
                name="frozen_revisions_are_numbered",
            ),
        ]

    def __str__(self):
        if self.number is None:
            return f"{self.agreement_id}: {_('working draft')}"
        return f"{self.title} ({_('revision')} {self.number})"

    def save(self, *args, **kwargs):
        loaded = getattr(self, "_loaded", None)
        # A text field set on a frozen revision counts as a change unless it equals what was
        # loaded (a deferred field that was never loaded cannot be compared, so it counts).
        changed = loaded and any(
            f in self.__dict__ and (f not in loaded or self.__dict__[f] != loaded[f])
            for f in TEXT_FIELDS
        )
        if changed and loaded.get("state") in self.FROZEN_STATES:
            raise errors.RevisionFrozen
        super().save(*args, **kwargs)
        self._loaded = {f: self.__dict__[f] for f in ("state", *TEXT_FIELDS) if f in self.__dict__}

    def get_absolute_url(self):
        if self.number is None:
            return reverse("agreements:draft", args=[self.agreement.slug])
        return reverse("agreements:revision", args=[self.agreement.slug, self.number])

    @classmethod
    def from_db(cls, db, field_names, values):
        revision = super().from_db(db, field_names, values)
        revision._loaded = {
            f: revision.__dict__[f] for f in ("state", *TEXT_FIELDS) if f in revision.__dict__
        }
        return revision

    @property
    def is_draft(self):
        return self.state == self.State.DRAFT

    @property
    def consultation_is_open(self):
        # Revision.objects.open() is the same rule over many rows.
        return (
            self.state == self.State.PUBLISHED
            and self.consultation_closed_at is None
            and self.consultation_closes_at is not None
            and self.consultation_closes_at > timezone.now()
        )

    @property
    def consultation_ended_at(self):
        """When the consultation closed (or will close, while it is open)."""
        return self.consultation_closed_at or self.consultation_closes_at

    def section_list(self):
        """Stored sections of a frozen revision; a draft's are parsed from its text."""
        if self.is_draft:
            return split_sections(self.body)
        return list(self.sections.all())

    @transaction.atomic
    def save_text(self, *, title, body, change_summary, base_version, by):
        """Save the working draft, unless someone saved since `base_version` (EditConflict)."""
        from agreements.models import Event

        locked = Revision.objects.select_for_update().get(pk=self.pk)
        if locked.state != self.State.DRAFT:
            raise errors.RevisionNotDraft
        if locked.version != base_version:
            raise errors.EditConflict(locked)
        locked.title, locked.body, locked.change_summary = title, body, change_summary
        locked.version += 1
        locked.updated_at, locked.updated_by = timezone.now(), by
        locked.save()
        locked.agreement.events.create(kind=Event.Kind.DRAFT_SAVED, actor=by, revision=locked)
        return locked

    def draft_sections(self):
        """The working draft's sections, each with its source text and fingerprint."""
        return draft_sections.sections_of(self.body)

    @transaction.atomic
    def _change_sections(self, by, change, what):
        """Apply `change` (the locked draft's body → (new body, result)) to the draft as it is
        now, record who changed which section, and return (the draft, result). Every section
        verb goes through here, so each bumps `version` (a whole-text editor opened before
        gets its conflict page) and leaves a line in the timeline."""
        from agreements.models import Event

        locked = Revision.objects.select_for_update().select_related("agreement").get(pk=self.pk)
        if locked.state != self.State.DRAFT or locked.agreement.is_closed:
            raise errors.RevisionNotDraft
        try:
            locked.body, result = change(locked.body)
        except errors.SectionConflict as conflict:
            conflict.current = locked
            raise
        locked.version += 1
        locked.updated_at, locked.updated_by = timezone.now(), by
        locked.save()
        # Which step, not which heading: the timeline is public and the draft is not.
        locked.agreement.events.create(
            kind=Event.Kind.DRAFT_SAVED, actor=by, revision=locked, details={"section": what}
        )
        return locked, result

    def save_section(self, anchor, *, heading, body, base_fingerprint, by):
        """Replace one section (its heading and text) of the working draft, unless it changed
        since the editor read it (`SectionConflict`). Returns (draft, the section's anchor,
        None when an emptied preamble went away)."""
        return self._change_sections(
            by, lambda text: draft_sections.replace(
                text, anchor, base_fingerprint, heading, body
            ), "edited",
        )  # fmt: skip

    def add_section(self, *, after, heading, level, body, by):
        """Insert a new section after the section at `after` ("" for the beginning).
        Returns (draft, the new section's anchor)."""
        return self._change_sections(
            by, lambda text: draft_sections.add(text, after, heading, level, body),
            "added",
        )  # fmt: skip

    def move_section(self, anchor, direction, *, by):
        """Swap the section at `anchor` with the one above ("up") or below ("down")."""
        return self._change_sections(
            by, lambda text: (draft_sections.move(text, anchor, direction), anchor),
            "moved",
        )[0]  # fmt: skip

    def remove_section(self, anchor, *, base_fingerprint, by):
        """Remove the section at `anchor`, if it is still the text the remover confirmed."""
        return self._change_sections(
            by, lambda text: draft_sections.remove(text, anchor, base_fingerprint),
            "removed",
        )[0]  # fmt: skip

    def publish(
        self, *, agreement, closes_at, by, change_summary=None, shortened_reason="", invited=None
    ):
        """Freeze this draft as the agreement's next number; the caller holds the agreement lock.

        `invited` (an `Invited`: organisations, questions, cover letter, readers) names who is
        consulted; without it the parties comment, as before invitations existed."""
        from agreements.models import Event

        if not self.body.strip():
            raise errors.EmptyDraft
        highest = agreement.revisions.aggregate(n=Max("number"))["n"] or 0
        self.number = highest + 1
        if change_summary is not None:
            self.change_summary = change_summary
        self.state = self.State.PUBLISHED
        self.published_at, self.published_by = timezone.now(), by
        self.consultation_closes_at = closes_at
        self.consultation_shortened_reason = shortened_reason
        if invited is not None:
            self.cover_letter, self.consultation_readers = invited.cover_letter, invited.readers
        self.save()
        self.store_sections()
        if invited is not None:
            invited.store(self, by)
        agreement.events.create(kind=Event.Kind.CONSULTATION_OPENED, actor=by, revision=self)

    def store_sections(self):
        Section.objects.bulk_create(
            Section(revision=self, **vars(parsed)) for parsed in split_sections(self.body)
        )

    def mark_adopted(self, body, decided_on, minute_reference):
        self.state = self.State.ADOPTED
        self.adopted_by_body, self.adopted_on = body, decided_on
        self.minute_reference = minute_reference
        self.save(update_fields=["state", "adopted_by_body", "adopted_on", "minute_reference"])


class Section(models.Model):
    """A numbered heading of a frozen revision and its own text, e.g. "3.2 Föreningslivets
    åtaganden". The anchor comes from the title, so it stays when sections are renumbered and
    a later revision's section can be matched to an earlier one."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="sections")
    number = models.CharField(_("number"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=250, blank=True)
    anchor = models.SlugField(_("anchor"), max_length=120)
    level = models.PositiveSmallIntegerField(default=1)
    position = models.PositiveIntegerField()
    body = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["revision", "position"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["revision", "anchor"], name="one_section_per_anchor")
        ]

    def __str__(self):
        return self.heading or self.anchor

    def get_absolute_url(self):
        return f"{self.revision.get_absolute_url()}#{self.anchor}"

    @property
    def heading(self):
        return f"{self.number} {self.title}".strip()
