from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from records.models import Case, Document, DocumentRequest, DocumentType


class RegisterFilterForm(forms.Form):
    """The public register's search and filters; every field may be left empty."""

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    # A filter left empty shows everything: its empty choice reads "All", not "Choose …".
    case = forms.ModelChoiceField(
        label=_("Case"),
        queryset=Case.objects.order_by("number"),
        required=False,
        empty_label=_("All"),
    )
    type = forms.ChoiceField(
        label=_("Document type"),
        choices=[("", _("All types")), *DocumentType.choices],
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label=_("From or to"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    since = forms.DateField(
        label=_("From date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(_("The start date comes after the end date."))
        return data


class CorrectionForm(forms.ModelForm):
    reason = forms.CharField(
        label=_("Why is the entry corrected?"), widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Document
        fields = list(Document.CORRECTABLE)


class RequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("You need not give your name or say why you ask."),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address for the answer (optional)"),
        required=False,
        help_text=_("Without one, read the answer on the page you come to next; keep its address."),
    )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[c for c in DocumentRequest.Status.choices if c[0] != "waiting"],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Answer to the requester"), widget=forms.Textarea(attrs={"rows": 4})
    )
    provision = forms.CharField(
        label=_("Provision"),
        max_length=200,
        required=False,
        help_text=_("Required when anything is withheld, e.g. OSL 21 kap. 1 §."),
    )
