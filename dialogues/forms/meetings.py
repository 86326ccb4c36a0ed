from django import forms
from django.utils.translation import gettext_lazy as _

from dialogues.forms.widgets import DateTimeInput, active_organisations
from dialogues.models import AgendaItem, Meeting


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
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
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


class MeetingStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Meeting.Status.choices)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in meeting.allowed_statuses()]


class SectionField(forms.ModelChoiceField):
    def label_from_instance(self, section):
        agreement = section.revision.agreement
        return _("%(agreement)s, revision %(number)s: %(section)s") % {
            "agreement": agreement.title,
            "number": section.revision.number,
            "section": section.heading,
        }


def linkable_sections(user):
    """Sections of the current revision (adopted, else latest published) of each agreement
    `user` may read: the text a meeting would discuss."""
    from agreements.models import Agreement, Revision, Section

    revisions = []
    readable = Revision.objects.published().filter(agreement__in=Agreement.objects.visible_to(user))
    for agreement_id in readable.values_list("agreement", flat=True).distinct():
        mine = readable.filter(agreement_id=agreement_id)
        current = (
            mine.filter(state=Revision.State.ADOPTED).first() or mine.order_by("-number").first()
        )
        revisions.append(current.pk)
    return (
        Section.objects.filter(revision__in=revisions)
        .exclude(anchor="ingress")
        .select_related("revision__agreement")
        .order_by("revision__agreement__title", "position")
    )


class AgendaItemForm(forms.ModelForm):
    """The agenda as the notice shows it; the discussion and outcome are the minutes'."""

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "description",
            "presenter",
            "agreement",
            "section",
            "agreement_reference",
            "outcome_type",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"outcome_type": _("expected outcome")}
        field_classes = {"section": SectionField}

    def __init__(self, *args, user, **kwargs):
        from agreements.models import Agreement

        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = active_organisations()
        # Only agreements the organiser may read can be linked (their titles show here).
        self.fields["agreement"].queryset = Agreement.objects.visible_to(user).order_by("title")
        self.fields["section"].queryset = linkable_sections(user)
        self.fields["section"].help_text = _(
            "The link lands on this section of the revision; the agreement follows from it."
        )

    def clean(self):
        data = super().clean()
        section = data.get("section")
        if section is not None and not data.get("agreement"):
            data["agreement"] = self.instance.agreement = section.revision.agreement
        return data
