from django import forms
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from agreements.exceptions import ConsultationTooShort, DecisionDateInFuture
from agreements.models import Agreement, Party, Principle
from consultation.forms import InvitedFields
from core.dates import date_text
from organisations.models import Organisation


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Agreement.Status.choices
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        required=False,
        queryset=Organisation.objects.municipalities(),
        empty_label=_("All"),
    )
    party = forms.ModelChoiceField(
        label=_("Party"),
        required=False,
        queryset=Organisation.objects.active(),
        empty_label=_("All"),
    )
    principle = forms.ModelChoiceField(
        label=_("Principle"), required=False, queryset=Principle.objects.all(), empty_label=_("All")
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["municipality"]:
            queryset = queryset.filter(municipality=data["municipality"])
        if data["party"]:
            queryset = queryset.filter(parties__organisation=data["party"])
        if data["principle"]:
            queryset = queryset.filter(principles=data["principle"])
        if data["year"]:
            queryset = queryset.filter(created_at__year=data["year"])
        return queryset.distinct()


class CreateForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Organisation.objects.none()
    )
    title = forms.CharField(label=_("Title"), max_length=250)
    slug = forms.SlugField(
        label=_("Short name in the address"),
        max_length=100,
        required=False,
        help_text=_("Letters, digits and hyphens. Made from the title when left empty."),
    )
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        if municipalities.count() == 1:
            self.fields["municipality"].initial = municipalities.first()

    def clean(self):
        data = super().clean()
        slug = data.get("slug") or slugify(data.get("title", ""))[:100]
        if not slug:
            self.add_error("slug", _("Give the agreement a short name."))
        elif Agreement.objects.filter(slug=slug).exists():
            self.add_error("slug", _("Another agreement already uses this short name."))
        data["slug"] = slug
        return data


class SettingsForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "title",
            "summary",
            "principles",
            "is_public",
            "minimum_consultation_days",
            "review_interval_months",
            "valid_until",
        ]
        widgets = {
            "principles": forms.CheckboxSelectMultiple,
            "valid_until": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["principles"].queryset = Principle.objects.filter(
            municipality__isnull=True
        ) | Principle.objects.filter(municipality=self.instance.municipality)


class DraftForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "true"}),
        help_text=_('Markdown. "# 3 Commitments" starts a section, "## 3.2 …" a sub-section.'),
    )
    change_summary = forms.CharField(
        label=_("Summary of changes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    @classmethod
    def for_draft(cls, draft, data=None):
        initial = {
            "title": draft.title,
            "body": draft.body,
            "change_summary": draft.change_summary,
            "version": draft.version,
        }
        return cls(data, initial=initial)


class SectionForm(forms.Form):
    """One section of the working draft: its heading and text, and the fingerprint of the
    section as the editor read it (a changed section is a conflict, not overwritten)."""

    heading = forms.CharField(
        label=_("Heading"),
        max_length=250,
        help_text=_('With its number if the text is numbered, e.g. "3.2 Commitments".'),
    )
    body = forms.CharField(
        label=_("Text of the section"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "true"}),
        help_text=_("Markdown. Use ### for a heading inside the section."),
    )
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, preamble=False, **kwargs):
        super().__init__(*args, **kwargs)
        if preamble:  # the text before the first heading has none
            del self.fields["heading"]

    @classmethod
    def for_section(cls, section, data=None):
        initial = {"heading": section.heading, "body": section.body,
                   "fingerprint": section.fingerprint}  # fmt: skip
        return cls(data, initial=initial, preamble=section.is_preamble)


class NewSectionForm(forms.Form):
    """A section to add after another one ("" for the beginning of the text)."""

    after = forms.CharField(widget=forms.HiddenInput, required=False, max_length=120)
    level = forms.TypedChoiceField(
        label=_("Level"),
        coerce=int,
        choices=[(1, _("Section (#)")), (2, _("Sub-section (##)"))],
        initial=1,
    )
    heading = SectionForm.base_fields["heading"]
    body = SectionForm.base_fields["body"]


class SectionRemoveForm(forms.Form):
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)


class ConsultationForm(InvitedFields):
    """Open a consultation: the closing time, checked against the agreement's minimum period
    (a shorter one needs a reason), for an agreement in force putting it under review, and
    whom to invite (`InvitedFields`)."""

    field_order = ["closes_at", "shortened_reason", "start_review"]

    closes_at = forms.DateTimeField(
        label=_("Consultation closes"),
        widget=DateTimeInput(),
        help_text=_("Comments can be made until then."),
    )
    shortened_reason = forms.CharField(
        label=_("Reason for a shorter consultation period"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Only when the consultation closes before the agreement's minimum period is over. "
            "The reason is recorded with the revision."
        ),
    )
    start_review = forms.BooleanField(
        label=_("Put the agreement under review"),
        required=False,
        help_text=_(
            "Needed while the agreement is in force. The adopted text stays in force and "
            "public until its successor is adopted."
        ),
    )

    def __init__(self, *args, agreement=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement = agreement
        if agreement is None:
            return
        self.set_agreement(agreement)
        if agreement.status != Agreement.Status.IN_FORCE:
            del self.fields["start_review"]
        if agreement.minimum_consultation_days:
            self.fields["closes_at"].help_text = _(
                "Comments can be made until then. The minimum period of this agreement is "
                "%(days)s days: until %(date)s or later."
            ) % {
                "days": agreement.minimum_consultation_days,
                "date": date_text(agreement.earliest_closing_day()),
            }

    def clean_closes_at(self):
        closes_at = self.cleaned_data["closes_at"]
        if closes_at <= timezone.now():
            raise forms.ValidationError(_("The consultation must close at a time in the future."))
        return closes_at

    def clean(self):
        data = super().clean()
        closes_at, agreement = data.get("closes_at"), self.agreement
        if agreement is None:
            return data
        shortened = closes_at and agreement.shortens_consultation(closes_at)
        if shortened and not data.get("shortened_reason", "").strip():
            self.add_error(
                "shortened_reason",
                ConsultationTooShort(agreement.minimum_consultation_days).args[0],
            )
        if "start_review" in self.fields and not data.get("start_review"):
            self.add_error(
                "start_review",
                _("The agreement is in force: put it under review to consult on a new revision."),
            )
        return data


UNANSWERED_LABEL = _("Go on although comments are unanswered")
UNANSWERED_HELP = _("They can still be answered afterwards, in the consultation report.")


class CloseForm(forms.Form):
    accept_unanswered = forms.BooleanField(
        label=UNANSWERED_LABEL, required=False, help_text=UNANSWERED_HELP
    )


class AdoptForm(forms.Form):
    body = forms.CharField(label=_("Deciding body"), max_length=120, initial="Kommunfullmäktige")
    decided_on = forms.DateField(
        label=_("Decision date"),
        widget=DateInput(),
        help_text=_("Not in the future, and not before the consultation closed."),
    )
    registration_number = forms.CharField(
        label=_("Registration number"), max_length=50, help_text=_("For example KS 2024/0412.")
    )
    minute_reference = forms.CharField(
        label=_("Minute reference"), max_length=50, help_text=_("For example § 142.")
    )
    accept_unanswered = forms.BooleanField(
        label=UNANSWERED_LABEL, required=False, help_text=UNANSWERED_HELP
    )

    def clean_decided_on(self):
        decided_on = self.cleaned_data["decided_on"]
        if decided_on > timezone.localdate():
            raise forms.ValidationError(DecisionDateInFuture.message)
        return decided_on


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    on = forms.DateField(label=_("From"), widget=DateInput(), required=False)
    superseded_by = forms.ModelChoiceField(
        label=_("Replaced by"),
        queryset=Agreement.objects.none(),
        required=False,
        help_text=_("Only when the agreement is superseded."),
    )

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = Agreement.STATUS_CHANGES.get(agreement.status, ())
        self.fields["status"].choices = [(s, Agreement.Status(s).label) for s in allowed]
        self.fields["superseded_by"].queryset = Agreement.objects.filter(
            municipality=agreement.municipality
        ).exclude(pk=agreement.pk)


class PartyForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=Party.Role.choices, initial=Party.Role.SIGNATORY
    )
    is_drafter = forms.BooleanField(
        label=_("Drafting party"),
        required=False,
        help_text=_("Its members may edit the working draft."),
    )

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.active().exclude(
            agreement_parties__agreement=agreement
        )


class SignForm(forms.Form):
    name = forms.CharField(label=_("Signed by"), max_length=120)
    title = forms.CharField(
        label=_("Title of signatory"), max_length=120, help_text=_("For example Chair.")
    )
    on = forms.DateField(
        label=_("Date of signature"), widget=DateInput(), initial=timezone.localdate
    )


class WithdrawForm(forms.Form):
    on = forms.DateField(label=_("Withdrawal date"), widget=DateInput(), initial=timezone.localdate)


class CompareForm(forms.Form):
    VIEWS = [("side", _("Side by side")), ("inline", _("Inline"))]

    old = forms.TypedChoiceField(label=_("From revision"), coerce=int)
    new = forms.TypedChoiceField(label=_("To revision"), coerce=int)
    view = forms.ChoiceField(label=_("Show"), choices=VIEWS, required=False)

    def __init__(self, *args, numbers, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, _("Revision %(number)s") % {"number": n}) for n in numbers]
        self.fields["from"].choices = self.fields["to"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("from") is not None and data.get("from") == data.get("to"):
            raise forms.ValidationError(_("Choose two different revisions."))
        return data


# The query string reads ?from=1&to=2; "from" cannot be a class attribute name.
CompareForm.base_fields = {
    "from": CompareForm.base_fields["old"],
    "to": CompareForm.base_fields["new"],
    "view": CompareForm.base_fields["view"],
}
