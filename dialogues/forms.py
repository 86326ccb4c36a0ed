from django import forms
from django.utils.translation import gettext_lazy as _

from dialogues.models import ActionItem, AgendaItem, Attendance, Meeting, Post
from organisations.models import Organisation


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def format_value(self, value):
        if hasattr(value, "strftime"):
            from django.utils import timezone

            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return value.strftime("%Y-%m-%dT%H:%M")
        return value


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


def _active_organisations():
    return Organisation.objects.active().order_by("name")


class MeetingForm(forms.ModelForm):
    online_url = forms.URLField(
        label=_("online meeting link"), required=False, assume_scheme="https"
    )

    class Meta:
        model = Meeting
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "accessibility_notes",
            "registration_number",
            "notice_date",
            "status",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "notice_date": DateInput(),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }

    # A meeting in year 675 is a typing error; before 1900 local time also had odd offsets
    # (+01:12:12) that no ISO 8601 reader accepts.
    YEARS = (1900, 2100)

    def _plausible(self, name):
        value = self.cleaned_data.get(name)
        if value is not None and not self.YEARS[0] <= value.year <= self.YEARS[1]:
            raise forms.ValidationError(
                _("Enter a time between the years %(first)s and %(last)s."),
                params={"first": self.YEARS[0], "last": self.YEARS[1]},
            )
        return value

    def clean_starts_at(self):
        return self._plausible("starts_at")

    def clean_ends_at(self):
        return self._plausible("ends_at")


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "description",
            "presenter",
            "agreement",
            "agreement_reference",
            "discussion_summary",
            "outcome_type",
            "outcome",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "discussion_summary": forms.Textarea(attrs={"rows": 4}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        from agreements.models import Agreement

        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = _active_organisations()
        # Only agreements the organiser may read can be linked (their titles show here).
        self.fields["agreement"].queryset = Agreement.objects.visible_to(user).order_by("title")


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = [
            "organisation",
            "participant_role",
            "participant_name",
            "meeting_role",
            "presence",
        ]

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["organisation"].queryset = _active_organisations()


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text=_("Markdown: headings with ###, lists with -, **bold**."),
    )


class AddendumForm(forms.Form):
    text = forms.CharField(
        label=_("Addendum"), widget=forms.Textarea(attrs={"rows": 4}), help_text=_("Markdown.")
    )


class ActionItemForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["title", "description", "owner", "department", "due_date", "agenda_item"]
        widgets = {"due_date": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["owner"].queryset = _active_organisations()
        self.fields["department"].queryset = _active_organisations().filter(
            kind=Organisation.Kind.DEPARTMENT
        )
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ActionItem.Status.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in item.allowed_statuses()]


class BoardFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Owner"), queryset=Organisation.objects.none(), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Open or in progress")), ("all", _("All")), *ActionItem.Status.choices],
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def filter(self, items, today):
        if not self.is_valid():
            return items.unfinished()
        data = self.cleaned_data
        if data["organisation"]:
            items = items.filter(owner=data["organisation"])
        if data["status"] == "":
            items = items.unfinished()
        elif data["status"] != "all":
            items = items.filter(status=data["status"])
        if data["overdue"]:
            items = items.overdue(today)
        return items


class PostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["organisation", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None


class EditPostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}


class TopicForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200)

    field_order = ["title", "organisation", "body"]

    class Meta(PostForm.Meta):
        pass


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason for hiding"), max_length=300)
