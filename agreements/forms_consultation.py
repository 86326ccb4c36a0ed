"""Forms of the consultation pages; the rules themselves live in the model verbs."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Disposition, NotificationPreference, Section
from agreements.permissions_comments import revision_commenting_organisations
from organisations.models import Organisation

BODY_HELP = _("Markdown: *italic*, **bold**, lists with -. No HTML.")


class OrganisationChoiceField(forms.ModelChoiceField):
    """An organisation by id (the page's select) or by slug (the API)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        key = "pk" if str(value).isdigit() else "slug"
        try:
            return self.queryset.get(**{key: value})
        except (ValueError, TypeError, self.queryset.model.DoesNotExist):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


def organisation_field(user, revision, organisations=None):
    if organisations is None:
        organisations = revision_commenting_organisations(user, revision)
    field = OrganisationChoiceField(
        label=_("On behalf of"),
        queryset=Organisation.objects.filter(pk__in=[o.pk for o in organisations]),
        empty_label=None,
    )
    return field


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.heading or _("Introduction")


class CommentForm(forms.Form):
    section = SectionChoiceField(
        label=_("About"), queryset=Section.objects.none(), required=False,
        empty_label=_("The whole revision"),
    )  # fmt: skip
    quote = forms.CharField(
        label=_("Quoted passage (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Copy the exact words from the section your comment is about."),
    )
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, user, revision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"organisation": organisation_field(user, revision), **self.fields}
        self.fields["section"].queryset = revision.sections.all()
        self.fields["section"].to_field_name = "anchor"
        self.fields["body"].help_text = BODY_HELP


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, revision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"organisation": organisation_field(user, revision), **self.fields}


class EditCommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 6}), help_text=BODY_HELP
    )


class ResponseForm(forms.Form):
    disposition = forms.ChoiceField(
        label=_("Disposition"), choices=Disposition.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))
    addressed_section = SectionChoiceField(
        label=_("Addressed in (later revision and section)"),
        queryset=Section.objects.none(),
        required=False,
        empty_label=_("Not stated"),
    )

    def __init__(self, *args, revision, **kwargs):
        super().__init__(*args, **kwargs)
        later = Section.objects.filter(
            revision__agreement=revision.agreement, revision__number__gt=revision.number
        ).select_related("revision")
        field = self.fields["addressed_section"]
        field.queryset = later.order_by("revision__number", "position")
        field.label_from_instance = lambda s: f"{s.revision.number}: {s.heading or s.anchor}"


class ExtendForm(forms.Form):
    closes_at = forms.DateTimeField(
        label=_("New closing time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def clean_closes_at(self):
        value = self.cleaned_data["closes_at"]
        if value <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return value


ANSWERED_CHOICES = [
    ("", _("All")),
    ("answered", _("Answered")),
    ("unanswered", _("Not answered")),
    ("mine", _("My organisations' comments")),
]


class CommentFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False,
        empty_label=_("All"),
    )  # fmt: skip
    section = SectionChoiceField(
        label=_("Section"), queryset=Section.objects.none(), required=False, empty_label=_("All"),
        to_field_name="anchor",
    )  # fmt: skip
    disposition = forms.ChoiceField(
        label=_("Disposition"), choices=[("", _("All")), *Disposition.choices], required=False
    )
    status = forms.ChoiceField(label=_("Show"), choices=ANSWERED_CHOICES, required=False)

    def __init__(self, *args, revision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = revision.sections.all()
        self.fields["organisation"].queryset = Organisation.objects.filter(
            agreement_comments__revision=revision
        ).distinct()


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["consultation_closing"]
