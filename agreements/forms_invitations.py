"""Forms for the invited bodies of a consultation: whom to invite when it opens (mixed into
the opening form), answering the questions, declining, and inviting one more organisation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.forms_consultation import BODY_HELP, OrganisationChoiceField
from agreements.models import Invited, Readers
from organisations.models import Organisation

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
