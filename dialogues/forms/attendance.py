"""The attendance list: every member organisation's people in one form, with the chair, the
secretary and the approvers, and a line for a guest or someone from another organisation."""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogues.forms.widgets import active_organisations, person_label
from dialogues.models import Attendance
from dialogues.models.attendance import Entry

NOT_RECORDED = ""
PRESENCE = [(NOT_RECORDED, _("Not recorded")), *Attendance.Presence.choices]


@dataclass
class Line:
    """One person on the list: a user of a listed organisation (key u<id>) or a row already
    recorded for someone else (key r<id>)."""

    key: str
    label: str
    organisation: object
    user: object = None
    row: object = None
    fields: list = field(default_factory=list)


class AttendanceListForm(forms.Form):
    chair = forms.ChoiceField(label=_("Chair"), required=False)
    secretary = forms.ChoiceField(label=_("Secretary"), required=False)
    approvers = forms.MultipleChoiceField(
        label=_("Approvers of the minutes (justerare)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People present with an account; whoever writes the minutes cannot be one."),
    )
    guest_organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=active_organisations(),
        required=False,
        help_text=_("Leave empty for a private person."),
    )
    guest_role = forms.CharField(label=_("Role title"), max_length=120, required=False)
    guest_name = forms.CharField(label=_("Name (optional)"), max_length=120, required=False)
    guest_presence = forms.ChoiceField(
        label=_("Presence"), choices=Attendance.Presence.choices, initial="present", required=False
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.groups = self._groups(list(meeting.attendances.select_related("organisation", "user")))
        lines = [line for _organisation, group in self.groups for line in group]
        self.lines = {line.key: line for line in lines}
        for line in lines:
            self._add_line_fields(line)
        choices = [("", _("(nobody)"))] + [(line.key, self._choice(line)) for line in lines]
        self.fields["chair"].choices = self.fields["secretary"].choices = choices
        self.fields["approvers"].choices = [
            (line.key, self._choice(line)) for line in lines if line.user is not None
        ]
        self.initial.update(self._initial_roles(lines))

    def _groups(self, rows):
        """[(organisation, lines)]: each listed organisation's people with an account, its
        rows without one (or a line for a representative without an account), and then the
        others on the list."""
        by_user = {row.user_id: row for row in rows if row.user_id}
        groups, listed, placed = [], set(), set()
        for organisation, users in self.meeting.forum.people():
            lines = []
            for user in users:
                if user.pk not in listed:
                    listed.add(user.pk)
                    row = by_user.get(user.pk)
                    lines.append(Line(f"u{user.pk}", person_label(user), organisation, user, row))
            own = [r for r in rows if not r.user_id and r.organisation_id == organisation.pk]
            placed |= {row.pk for row in own}
            lines += [self._recorded(row) for row in own]
            if not own:
                label = gettext("Representative without an account")
                lines.append(Line(f"n{organisation.pk}", label, organisation))
            groups.append((organisation, lines))
        others = [r for r in rows if r.pk not in placed and r.user_id not in listed]
        if others:
            groups.append((None, [self._recorded(row) for row in others]))
        return groups

    def _recorded(self, row):
        return Line(
            f"r{row.pk}", row.person_name or row.role_title, row.organisation, row.user, row
        )

    def _choice(self, line):
        where = line.organisation.name if line.organisation else gettext("guest")
        return f"{line.label} ({where})"

    def _add_line_fields(self, line):
        name = f"presence-{line.key}"
        self.fields[name] = forms.ChoiceField(
            label=_("Presence of %(person)s") % {"person": line.label},
            choices=PRESENCE[1:] if line.key.startswith("r") else PRESENCE,
            required=False,
            initial=line.row.presence if line.row else NOT_RECORDED,
        )
        line.fields.append(name)
        if line.key.startswith("r"):
            remove = f"remove-{line.key}"
            self.fields[remove] = forms.BooleanField(
                label=_("Remove %(person)s") % {"person": line.label}, required=False
            )
            line.fields.append(remove)

    def _initial_roles(self, lines):
        roles = {"approvers": [line.key for line in lines if line.row and line.row.is_approver]}
        for line in lines:
            if line.row and line.row.meeting_role in ("chair", "secretary"):
                roles[line.row.meeting_role] = line.key
        return roles

    def clean(self):
        data = super().clean()
        everyone_present = "all_present" in self.data
        for key in {data.get("chair"), data.get("secretary"), *data.get("approvers", [])} - {
            None,
            "",
        }:
            line = self.lines[key]
            absent = data.get(f"presence-{key}") == NOT_RECORDED and not everyone_present
            if absent or data.get(f"remove-{key}"):
                raise forms.ValidationError(
                    _("Record the presence of %(person)s, or choose someone else for the role.")
                    % {"person": line.label}
                )
        if data.get("guest_role") and not (
            data.get("guest_name") or data.get("guest_organisation")
        ):
            raise forms.ValidationError(_("Give the guest's name or organisation."))
        return data

    def entries(self):
        """The list as model entries, for Meeting.record_attendance."""
        data, everyone_present = self.cleaned_data, "all_present" in self.data
        entries = []
        for key, line in self.lines.items():
            # "Everyone present" means the people listed, not unnamed representatives.
            presence = data.get(f"presence-{key}") or (
                Attendance.Presence.PRESENT
                if everyone_present and key.startswith("u")
                else NOT_RECORDED
            )
            if presence == NOT_RECORDED or data.get(f"remove-{key}"):
                continue
            entries.append(self._entry(key, line, presence))
        if data.get("guest_name") or data.get("guest_organisation"):
            entries.append(
                Entry(
                    organisation=data["guest_organisation"],
                    participant_name=data["guest_name"],
                    participant_role=data["guest_role"],
                    meeting_role=Attendance.Role.GUEST,
                    presence=data["guest_presence"] or Attendance.Presence.PRESENT,
                )
            )
        return entries

    def _entry(self, key, line, presence):
        data, row = self.cleaned_data, line.row
        role = Attendance.Role.MEMBER
        if row is not None and row.meeting_role not in ("chair", "secretary"):
            role = row.meeting_role
        for name in ("chair", "secretary"):
            if data.get(name) == key:
                role = name
        role_title = gettext("Representative") if key.startswith("n") else ""
        return Entry(
            organisation=row.organisation if row else line.organisation,
            user=line.user,
            participant_role=row.participant_role if row else role_title,
            participant_name=row.participant_name if row else "",
            meeting_role=role,
            presence=presence,
            is_approver=key in data.get("approvers", []),
            pk=row.pk if row else None,
        )


class AttendanceRowForm(forms.ModelForm):
    """One row, for the API: a person with an account (`user`) must belong to the
    organisation given with them."""

    class Meta:
        model = Attendance
        fields = [
            "organisation",
            "user",
            "participant_role",
            "participant_name",
            "meeting_role",
            "presence",
            "is_approver",
        ]

    def __init__(self, *args, meeting, **kwargs):
        from django.contrib.auth import get_user_model

        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["organisation"].queryset = active_organisations()
        self.fields["user"].queryset = get_user_model().objects.filter(is_active=True)

    def validate_unique(self):
        """One chair, one secretary, one row a person: the verb checks the list as a whole."""

    def entry(self):
        data = self.cleaned_data
        return Entry(**{name: data[name] for name in self.Meta.fields}, pk=self.instance.pk)
