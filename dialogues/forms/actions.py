from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dialogues.forms.forums import PersonField
from dialogues.forms.widgets import DateInput, active_organisations
from dialogues.models import ActionItem, Forum
from organisations.models import Organisation


class ActionItemForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = [
            "title",
            "description",
            "owner",
            "department",
            "responsible",
            "due_date",
            "agenda_item",
        ]
        widgets = {"due_date": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"responsible": PersonField}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["owner"].queryset = active_organisations()
        self.fields["department"].queryset = active_organisations().filter(
            kind=Organisation.Kind.DEPARTMENT
        )
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()
        # The people of the forum and of the owner; the model checks the owner's membership.
        organisations = [o for o, _users in meeting.forum.people()]
        self.fields["responsible"].queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(memberships__organisation__in=organisations)
                | Q(memberships__organisation=self.instance.owner_id)
            )
            .distinct()
            .order_by("first_name", "last_name", "username")
        )

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due is not None and not 1900 <= due.year <= 2100:
            raise forms.ValidationError(_("Enter a date between the years 1900 and 2100."))
        return due


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ActionItem.Status.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in item.allowed_statuses()]


class BoardFilterForm(forms.Form):
    # A filter left empty shows everything: its empty choice reads "All", not "Choose …".
    forum = forms.ModelChoiceField(
        label=_("Forum"), queryset=Forum.objects.none(), required=False, empty_label=_("All")
    )
    organisation = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    person = PersonField(
        label=_("Responsible person"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("All"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Open or in progress")), ("all", _("All")), *ActionItem.Status.choices],
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args, organisations, forums=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["forum"].queryset = forums if forums is not None else Forum.objects.all()
        self.fields["person"].queryset = (
            people if people is not None else get_user_model().objects.all()
        )

    def filter(self, items, today):
        if not self.is_valid():
            return items.unfinished()
        data = self.cleaned_data
        if data["forum"]:
            items = items.filter(meeting__forum=data["forum"])
        if data["organisation"]:
            items = items.filter(owner=data["organisation"])
        if data["person"]:
            items = items.filter(responsible=data["person"])
        if data["status"] == "":
            items = items.unfinished()
        elif data["status"] != "all":
            items = items.filter(status=data["status"])
        if data["overdue"]:
            items = items.overdue(today)
        return items
