"""Who took part in a meeting, and the one verb that records it.

A row is a person: a user of Överens in an organisation, or someone without an account
(a role title and, only when the record needs it, a name), from an organisation or as a
private guest. The chair, the secretary and the approvers (justerare) are rows too.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogues import exceptions
from dialogues.models.meetings import Meeting
from organisations.models import Membership, Organisation


class Attendance(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Member")
        CO_OPTED = "co_opted", _("Co-opted")
        GUEST = "guest", _("Guest")

    class Presence(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        APOLOGIES = "apologies", _("Sent apologies")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for a private person."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attendances",
    )
    participant_role = models.CharField(
        _("role title"),
        max_length=120,
        blank=True,
        help_text=_("Preferred over a name, e.g. “Chair” or “Head of culture and leisure”."),
    )
    participant_name = models.CharField(
        _("name (optional)"),
        max_length=120,
        blank=True,
        help_text=_("Only when the record needs it."),
    )
    meeting_role = models.CharField(
        _("meeting role"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )
    presence = models.CharField(
        _("presence"), max_length=10, choices=Presence.choices, default=Presence.PRESENT
    )
    is_approver = models.BooleanField(_("approves the minutes"), default=False)
    approved_at = models.DateTimeField(_("approved the minutes"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"], condition=Q(meeting_role="chair"), name="one_chair_per_meeting"
            ),
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(meeting_role="secretary"),
                name="one_secretary_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["meeting", "user"], name="one_attendance_per_person_and_meeting"
            ),
            models.CheckConstraint(
                condition=Q(is_approver=False) | Q(presence="present", user__isnull=False),
                name="approver_is_a_present_user",
            ),
        ]

    def __str__(self):
        return f"{self.organisation or gettext('Guest')}: {self.person_name or self.role_title}"

    @property
    def is_present(self):
        return self.presence == self.Presence.PRESENT

    @property
    def person_name(self):
        if self.user_id:
            return self.user.get_full_name() or self.user.username
        return self.participant_name

    @property
    def role_title(self):
        return self.participant_role or self.get_meeting_role_display()

    @property
    def is_private_person(self):
        """Not acting for the municipality: a published record leaves out the name."""
        return self.organisation is None or self.organisation.municipality is None

    def clean(self):
        try:
            check_row(self.meeting, entry_of(self))
        except exceptions.AttendanceInvalid as error:
            field = getattr(error, "field", None)
            raise ValidationError({field: str(error)} if field else str(error)) from None


@dataclass
class Entry:
    """One row as a form or the API gives it; `pk` names an existing row to keep."""

    organisation: Organisation | None = None
    user: object = None
    participant_role: str = ""
    participant_name: str = ""
    meeting_role: str = Attendance.Role.MEMBER
    presence: str = Attendance.Presence.PRESENT
    is_approver: bool = False
    pk: int | None = None

    @property
    def who(self):
        if self.user is not None:
            return self.user.get_full_name() or self.user.username
        return self.participant_name or self.participant_role or str(self.organisation or "")


def entry_of(row):
    return Entry(
        organisation=row.organisation,
        user=row.user,
        participant_role=row.participant_role,
        participant_name=row.participant_name,
        meeting_role=row.meeting_role,
        presence=row.presence,
        is_approver=row.is_approver,
        pk=row.pk,
    )


def _invalid(message, entry, field=None):
    error = exceptions.AttendanceInvalid(
        message % {"person": entry.who, "organisation": entry.organisation}
    )
    error.field = field  # where a form shows it
    return error


def check_row(meeting, entry):
    """Raise AttendanceInvalid when one row breaks a rule, naming the person."""
    if entry.organisation is None and entry.user is None and not entry.participant_name:
        raise _invalid(_("Give a name or an organisation for each person."), entry)
    if (
        entry.user is not None
        and entry.organisation is not None
        and not (
            Membership.objects.filter(user=entry.user, organisation=entry.organisation).exists()
        )
    ):
        raise _invalid(_("%(person)s is not a member of %(organisation)s."), entry, "user")
    present = entry.presence == Attendance.Presence.PRESENT
    if entry.meeting_role in (Attendance.Role.CHAIR, Attendance.Role.SECRETARY) and not present:
        message = _("The chair and the secretary must be present (%(person)s is not).")
        raise _invalid(message, entry, "presence")
    if entry.is_approver:
        _check_approver(meeting, entry, present)


def _check_approver(meeting, entry, present):
    from dialogues.permissions import access

    if entry.user is None:
        message = _("%(person)s has no account in Överens and cannot approve.")
        raise _invalid(message, entry, "is_approver")
    if not present:
        message = _("An approver must be present at the meeting; %(person)s is not.")
        raise _invalid(message, entry, "presence")
    if not entry.user.is_active or not access(entry.user, meeting.forum).view:
        message = _("%(person)s cannot read this forum's records and so cannot approve them.")
        raise _invalid(message, entry, "is_approver")


def check_attendance(meeting, entries):
    """Raise AttendanceInvalid when the rows as a whole break a rule."""
    for entry in entries:
        check_row(meeting, entry)
    users = [entry.user.pk for entry in entries if entry.user is not None]
    if len(users) != len(set(users)):
        raise exceptions.AttendanceInvalid(_("Each person can be on the list only once."))
    for role, label in (
        (Attendance.Role.CHAIR, _("chair")),
        (Attendance.Role.SECRETARY, _("secretary")),
    ):
        if sum(entry.meeting_role == role for entry in entries) > 1:
            raise exceptions.AttendanceInvalid(
                _("The meeting can have only one %(role)s.") % {"role": label}
            )


FIELDS = ("organisation", "user", "participant_role", "participant_name", "meeting_role")


@transaction.atomic
def record_attendance(meeting, entries, by=None):
    """Replace the meeting's attendance with `entries` (rows with a `pk` are kept and updated,
    the others created, rows not named removed). Refused while the minutes are out for
    approval or approved; a broken rule raises AttendanceInvalid and changes nothing."""
    locked = meeting._lock()
    locked.ensure_agenda_open()
    check_attendance(meeting, entries)
    rows = {row.pk: row for row in locked.attendances.all()}
    kept = {entry.pk for entry in entries if entry.pk in rows}
    locked.attendances.exclude(pk__in=kept).delete()
    # Roles move between rows: clear them first, so no moment has two chairs.
    changing = [pk for pk in kept if _role_changes(rows[pk], entries)]
    locked.attendances.filter(pk__in=changing).update(
        meeting_role=Attendance.Role.MEMBER, is_approver=False
    )
    for entry in entries:
        row = rows.get(entry.pk) or Attendance(meeting=locked)
        for name in (*FIELDS, "presence", "is_approver"):
            setattr(row, name, getattr(entry, name))
        row.save()


def _role_changes(row, entries):
    entry = next(e for e in entries if e.pk == row.pk)
    return (entry.meeting_role, entry.is_approver) != (row.meeting_role, row.is_approver)
