from django import forms
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dialogues.models import ActionItem
from dialogues.permissions import readable_forums
from followup.models import ActionPlan, Area, Commitment, Indicator
from organisations.models import Organisation


class PlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["title", "first_year", "last_year", "summary"]

    def clean(self):
        data = super().clean()
        first, last = data.get("first_year"), data.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", _("The last year cannot come before the first."))
        if first and last and last - first > 10:
            self.add_error("last_year", _("A plan covers at most ten years."))
        return data


class CommitmentForm(forms.ModelForm):
    class Meta:
        model = Commitment
        fields = [
            "number",
            "title",
            "description",
            "responsibility",
            "organisations",
            "area",
            "principles",
            "sections",
            "starts_on",
            "ends_on",
        ]
        widgets = {
            "organisations": forms.CheckboxSelectMultiple,
            "principles": forms.CheckboxSelectMultiple,
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        agreement = plan.agreement
        municipality = agreement.municipality
        self.fields["organisations"].queryset = (
            Organisation.objects.active()
            .filter(
                Q(parent=municipality, kind=Organisation.Kind.DEPARTMENT)
                | Q(agreement_parties__agreement=agreement, agreement_parties__withdrawn_on=None)
            )
            .distinct()
        )
        self.fields["principles"].queryset = agreement.principles.all()
        self.fields["area"].queryset = Area.objects.filter(
            Q(municipality__isnull=True) | Q(municipality=municipality)
        )

    @transaction.atomic
    def save_by(self, user):
        """Save the commitment with its organisations, then `record_edit` (the timeline line
        and the task of an organisation that became responsible during an open follow-up):
        the page and the API save it this way, the admin calls `record_edit` itself."""
        created = self.instance.pk is None
        commitment = self.save()
        commitment.record_edit(by=user, created=created)
        return commitment

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = self.plan.commitments.filter(number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another commitment already has this number."))
        return number

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The planned end cannot come before the start."))
        return data


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Commitment.Status.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": _("Progress must be a whole number from 0 to 100."),
            "max_value": _("Progress must be a whole number from 0 to 100."),
        },
    )
    note = forms.CharField(
        label=_("Why"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the commitment is delayed or cancelled."),
    )


class ReportForm(ProgressForm):
    note = forms.CharField(
        label=_("What has been done"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few sentences for the follow-up report."),
    )


class LinkForm(forms.Form):
    action_item = forms.ModelChoiceField(label=_("Action item"), queryset=ActionItem.objects.none())

    def __init__(self, *args, user, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        forums = readable_forums(user).filter(agreement=agreement)
        self.fields["action_item"].queryset = ActionItem.objects.filter(
            meeting__forum__in=forums
        ).select_related("meeting")


class RoundForm(forms.Form):
    year = forms.IntegerField(label=_("Year"))
    deadline = forms.DateField(
        label=_("Reporting deadline"), widget=forms.DateInput(attrs={"type": "date"})
    )


class PublishForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The coordinator's summary at the top of the report."),
    )


SCALE = [(n, str(n)) for n in range(1, 6)]


class SurveyForm(forms.Form):
    """A 1–5 score per principle of the agreement, and free text."""

    def __init__(self, *args, principles, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.principles = list(principles)
        if len(organisations) > 1:
            self.fields["organisation"] = forms.ChoiceField(
                label=_("Answer for"), choices=[(o.pk, o.name) for o in organisations]
            )
        self.organisations = {str(o.pk): o for o in organisations}
        for principle in self.principles:
            self.fields[f"p{principle.pk}"] = forms.TypedChoiceField(
                label=principle.name,
                choices=SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=_("1 = does not work at all, 5 = works very well"),
            )
        self.fields["text"] = forms.CharField(
            label=_("What works, and what should change?"),
            required=False,
            max_length=3000,
            widget=forms.Textarea(attrs={"rows": 5}),
        )

    def organisation(self):
        if "organisation" in self.cleaned_data:
            return self.organisations[self.cleaned_data["organisation"]]
        return next(iter(self.organisations.values()))

    def scores(self):
        return {p.pk: self.cleaned_data[f"p{p.pk}"] for p in self.principles}


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "description", "direction", "baseline_year", "baseline", "target"]


class ValueForm(forms.Form):
    year = forms.IntegerField(label=_("Year"))
    value = forms.DecimalField(label=_("Value"), max_digits=12, decimal_places=2)
    source = forms.CharField(label=_("Source"), max_length=200, required=False)
    comment = forms.CharField(label=_("Comment"), max_length=500, required=False)


class AreaForm(forms.ModelForm):
    class Meta:
        model = Area
        fields = ["name", "position"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
