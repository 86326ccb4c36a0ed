"""Forms of the consultation pages; the rules themselves live in the model verbs."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Disposition, Invited, NotificationPreference, Readers, Section
from consultation.permissions import revision_commenting_organisations
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


# Invited bodies: whom to invite when it opens (mixed into the opening form), answering the
# questions, declining, and inviting one more organisation.

MAX_QUESTIONS = 20


def invitable(agreement):
    """Organisations that may be invited besides the parties: any active one but the
    municipality itself."""
    return Organisation.objects.active().exclude(pk=agreement.municipality_id).order_by("name")


class InvitedFields(forms.Form):
    """Who is consulted: all parties unless left out, other organisations, the questions, the
    cover letter and who reads the consultation."""

    left_out_parties = forms.ModelMultipleChoiceField(
        label=_("Parties not invited"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every party is invited unless ticked here."),
    )
    other_organisations = forms.ModelMultipleChoiceField(
        label=_("Other organisations invited"),
        queryset=Organisation.objects.none(),
        required=False,
        to_field_name="slug",
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("An umbrella body, a department, an association that is not a party."),
    )
    readers = forms.ChoiceField(
        label=_("Who reads the consultation"),
        choices=Readers.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Only the invited organisations may comment when the consultation is for them only."
        ),
    )
    cover_letter = forms.CharField(
        label=_("Cover letter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=BODY_HELP,
    )
    questions = forms.CharField(
        label=_("Questions to the invited (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One question per line. Each invited organisation answers each once."),
    )

    def set_agreement(self, agreement):
        parties = Organisation.objects.filter(
            pk__in=agreement.parties.active().values("organisation")
        ).exclude(pk=agreement.municipality_id)
        self.fields["left_out_parties"].queryset = parties.order_by("name")
        self.fields["left_out_parties"].to_field_name = "slug"
        self.fields["other_organisations"].queryset = invitable(agreement).exclude(
            pk__in=parties.values("pk")
        )
        # Public by default where the agreement is public now (a review of the one in force);
        # a new agreement, not yet public, is consulted on among its parties unless chosen.
        self.fields["readers"].initial = (
            Readers.PUBLIC if agreement.is_public_now else Readers.PARTIES
        )
        self.parties = parties

    def clean_questions(self):
        questions = [line.strip() for line in self.cleaned_data["questions"].splitlines()]
        questions = [question for question in questions if question]
        if len(questions) > MAX_QUESTIONS:
            raise forms.ValidationError(
                _("Ask at most %(count)s questions.") % {"count": MAX_QUESTIONS}
            )
        return questions

    def invited(self):
        """The `Invited` the model verb takes, from the cleaned data."""
        data = self.cleaned_data
        left_out = {o.pk for o in data.get("left_out_parties") or []}
        organisations = [o for o in self.parties if o.pk not in left_out]
        organisations += list(data.get("other_organisations") or [])
        return Invited(
            organisations=organisations,
            questions=data.get("questions") or [],
            cover_letter=data.get("cover_letter", "").strip(),
            readers=data.get("readers") or self.fields["readers"].initial,
        )


class OnBehalfOfForm(forms.Form):
    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {
            "organisation": OrganisationChoiceField(
                label=_("On behalf of"),
                queryset=Organisation.objects.filter(pk__in=[o.pk for o in organisations]),
                empty_label=None,
            ),
            **self.fields,
        }


class DeclineForm(OnBehalfOfForm):
    reason = forms.CharField(
        label=_("Reason (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(OnBehalfOfForm):
    body = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 4}))


class InviteForm(forms.Form):
    organisation = OrganisationChoiceField(label=_("Organisation"), queryset=Organisation.objects)

    def __init__(self, *args, revision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = invitable(revision.agreement).exclude(
            consultation_invitations__revision=revision
        )
