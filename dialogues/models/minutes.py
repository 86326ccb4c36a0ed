"""The minutes' verbs, a part of Meeting: draft → sent for approval → approved (frozen).

The minutes are one paragraph (§) per agenda item (its discussion, outcome type and outcome,
kept on the item) and free notes in Markdown (`Meeting.minutes`). The named approvers
(attendance rows with `is_approver`) approve them one by one; when the last has approved they
never change again, and corrections are addenda.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import events
from dialogues import exceptions

PARAGRAPH_FIELDS = ("discussion_summary", "outcome_type", "outcome")
WRITER_IS_APPROVER = _(
    "Whoever wrote the minutes cannot approve them: name another approver on the attendance page."
)


class MinutesWorkflow:
    @property
    def minutes_approved(self):
        return self.minutes_status == self.MinutesStatus.APPROVED

    def approver_rows(self):
        """The attendance rows named to approve the minutes (from the prefetched rows)."""
        return [row for row in self.attendances.all() if row.is_approver]

    def has_minutes(self):
        return bool(self.minutes.strip()) or any(
            item.discussion_summary.strip() or item.outcome.strip()
            for item in self.agenda_items.all()
        )

    def _writers(self):
        return {self.minutes_written_by_id, self.minutes_sent_by_id} - {None}

    @transaction.atomic
    def write_minutes(self, text, by=None, paragraphs=None, base_version=None):
        """Save the notes and the paragraphs ({agenda item id: {field: value}}) of draft
        minutes. Raises MinutesFrozen once approved, MinutesSentForApproval while out for
        approval, MinutesEditConflict when `base_version` is not the version saved last."""
        locked = self._lock()
        if locked.minutes_status == self.MinutesStatus.APPROVED:
            raise exceptions.MinutesFrozen
        if locked.minutes_status == self.MinutesStatus.CHECKING:
            raise exceptions.MinutesSentForApproval
        if base_version is not None and base_version != locked.minutes_version:
            raise exceptions.MinutesEditConflict
        for item in locked.agenda_items.all():
            values = (paragraphs or {}).get(item.pk)
            if values and any(getattr(item, k) != values[k] for k in PARAGRAPH_FIELDS):
                for name in PARAGRAPH_FIELDS:
                    setattr(item, name, values[name])
                item.save(update_fields=list(PARAGRAPH_FIELDS))
        self.minutes = text
        self.minutes_version = locked.minutes_version + 1
        self.minutes_written_by = by if by is not None and by.is_authenticated else None
        self.save(update_fields=["minutes", "minutes_version", "minutes_written_by"])

    @transaction.atomic
    def send_minutes_for_approval(self, by=None, deadline=None, notify=True):
        """Send the draft to the named approvers, to approve by `deadline` (a date, not
        before the meeting). The approvers are e-mailed after the commit (not with
        `notify=False`: minutes of the past, e.g. imported or the demo's history)."""
        locked = self._lock()
        if locked.status == self.Status.CANCELLED:
            raise exceptions.MeetingCancelled
        if locked.minutes_status != self.MinutesStatus.DRAFT:
            raise exceptions.MinutesNotDraft
        if not locked.has_minutes():
            raise exceptions.MinutesEmpty
        approvers = locked.approver_rows()
        if not approvers:
            raise exceptions.NoApprovers
        writers = locked._writers() | ({by.pk} if by is not None and by.pk else set())
        if any(row.user_id in writers for row in approvers):
            raise exceptions.WriterCannotApprove(WRITER_IS_APPROVER)
        if deadline is not None and deadline < timezone.localtime(locked.starts_at).date():
            raise exceptions.DeadlineBeforeMeeting
        locked.attendances.filter(approved_at__isnull=False).update(approved_at=None)
        self.minutes_status = self.MinutesStatus.CHECKING
        self.minutes_sent_at = timezone.now()
        self.minutes_sent_by = by if by is not None and by.pk else None
        self.approval_deadline = deadline
        self.save(
            update_fields=[
                "minutes_status",
                "minutes_sent_at",
                "minutes_sent_by",
                "approval_deadline",
            ]
        )
        version = locked.minutes_version
        events.emit("minutes.sent_for_approval", self, actor=self.minutes_sent_by)
        if notify:
            transaction.on_commit(lambda: _notifications().request_approval(self.pk, version))

    @transaction.atomic
    def take_back_minutes(self, by=None):
        """Return minutes out for approval to the draft, to correct them; approvals given so
        far are void (they approved another text)."""
        locked = self._lock()
        if locked.minutes_status == self.MinutesStatus.APPROVED:
            raise exceptions.MinutesFrozen
        if locked.minutes_status != self.MinutesStatus.CHECKING:
            raise exceptions.MinutesNotSentForChecking
        locked.attendances.update(approved_at=None)
        self.minutes_status = self.MinutesStatus.DRAFT
        self.minutes_sent_at = None
        self.save(update_fields=["minutes_status", "minutes_sent_at"])

    @transaction.atomic
    def approve_minutes(self, by, seen_version=None):
        """`by`, a named approver who did not write the minutes, approves the version they
        read (`seen_version`). When every approver has approved, the minutes are frozen.
        Returns True when this approval was the last."""
        locked = self._lock()
        if locked.minutes_status != self.MinutesStatus.CHECKING:
            raise (
                exceptions.MinutesFrozen
                if locked.minutes_approved
                else exceptions.MinutesNotSentForChecking
            )
        rows = locked.approver_rows()
        row = next((r for r in rows if by.pk and r.user_id == by.pk and r.is_present), None)
        if row is None:
            raise exceptions.NotAnApprover
        if by.pk in locked._writers():
            raise exceptions.WriterCannotApprove
        if row.approved_at:
            raise exceptions.AlreadyApproved
        if seen_version is not None and seen_version != locked.minutes_version:
            raise exceptions.MinutesChanged
        row.approved_at = timezone.now()
        row.save(update_fields=["approved_at"])
        if any(other.approved_at is None for other in rows if other.pk != row.pk):
            return False
        self._freeze(locked, by, row.approved_at)
        return True

    def _freeze(self, locked, by, when):
        self.minutes = locked.minutes
        self.minutes_status = self.MinutesStatus.APPROVED
        self.minutes_approved_at = when
        self.minutes_approved_by = by
        self.status = self.Status.HELD if locked.status == self.Status.PLANNED else locked.status
        self.save(
            update_fields=["minutes_status", "minutes_approved_at", "minutes_approved_by", "status"]
        )
        events.emit("minutes.approved", self, actor=by)

    def add_addendum(self, text, by):
        """Correct approved minutes with an addendum that keeps its own author and time."""
        if not self.minutes_approved:
            raise exceptions.MinutesNotApproved
        return self.addenda.create(text=text, author=by)


def _notifications():
    from dialogues import notifications

    return notifications
