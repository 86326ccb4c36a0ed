from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from dialogues.forms.widgets import active_organisations, person_label
from dialogues.models import Forum, Theme
from organisations.models import Organisation


class PersonField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return person_label(user)


class ForumForm(forms.ModelForm):
    """A forum as its organiser's coordinator sets it up; members are organisations."""

    members = forms.ModelMultipleChoiceField(
        label=_("Member organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("Choose several with Ctrl (Cmd on a Mac) or Shift."),
    )
    departments = forms.ModelMultipleChoiceField(
        label=_("Departments taking part"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Forum
        fields = [
            "name",
            "kind",
            "purpose",
            "description",
            "themes",
            "visibility",
            "organiser",
            "agreement",
            "principles",
            "chair",
            "secretary",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple,
            "principles": forms.CheckboxSelectMultiple,
        }
        field_classes = {"chair": PersonField, "secretary": PersonField}

    def __init__(self, *args, user, organisers, **kwargs):
        from agreements.models import Agreement, Principle

        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisers
        self.fields["organiser"].empty_label = None
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["agreement"].queryset = Agreement.objects.visible_to(user).order_by("title")
        self.fields["principles"].queryset = Principle.objects.filter(
            municipality__isnull=True
        ) | Principle.objects.filter(municipality__in=organisers)
        self.fields["members"].queryset = active_organisations().exclude(
            kind=Organisation.Kind.DEPARTMENT
        )
        self.fields["departments"].queryset = active_organisations().filter(
            kind=Organisation.Kind.DEPARTMENT, parent__in=organisers
        )
        people = self._people()
        for name in ("chair", "secretary"):
            self.fields[name].queryset = people
            self.fields[name].help_text = _(
                "A person of a member organisation or the organiser; save new members first."
            )
        if self.instance.pk:
            chosen = [m.organisation for m in self.instance.members.select_related("organisation")]
            self.initial["members"] = [o for o in chosen if o.kind != Organisation.Kind.DEPARTMENT]
            self.initial["departments"] = [
                o for o in chosen if o.kind == Organisation.Kind.DEPARTMENT
            ]

    def _people(self):
        if self.instance.pk:
            organisations = [o for o, _users in self.instance.people()]
        else:
            organisations = self.fields["organiser"].queryset
        return (
            get_user_model()
            .objects.filter(is_active=True, memberships__organisation__in=organisations)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )

    def clean(self):
        data = super().clean()
        agreement, principles = data.get("agreement"), data.get("principles") or []
        if agreement and any(p not in agreement.principles.all() for p in principles):
            self.add_error("principles", _("Choose principles of the agreement the forum serves."))
        chosen = {*(data.get("members") or []), *(data.get("departments") or [])}
        if data.get("organiser"):
            chosen.add(data["organiser"])
        for name in ("chair", "secretary"):
            person = data.get(name)
            if person and not person.memberships.filter(organisation__in=chosen).exists():
                self.add_error(
                    name,
                    _("%(person)s is not a member of the forum's organisations.")
                    % {"person": person_label(person)},
                )
        return data

    @transaction.atomic
    def save(self, commit=True):
        forum = super().save(commit=False)
        if not forum.slug:
            forum.slug = Forum.unique_slug(forum.name)
        forum.save()
        self.save_m2m()
        forum.set_members([*self.cleaned_data["members"], *self.cleaned_data["departments"]])
        return forum


class ForumCloseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Close the forum: its records stay, no new meetings can be planned."),
        error_messages={"required": _("Tick the box to confirm.")},
    )
