from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from attachments import filetypes
from organisations.applications import Application, ApplicationError, Area
from organisations.orgnr import normalise_orgnr


class BoardDecisionField(forms.FileField):
    """The board's decision to join (protokollsutdrag), checked like every attachment."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("The board's decision to join"),
            allow_empty_file=True,  # refused by filetypes.check_size with our own message
            widget=forms.ClearableFileInput(attrs={"accept": filetypes.ACCEPT}),
            **kwargs,
        )

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            upload.checked = filetypes.check_upload(upload)
        return upload


class ApplicationDetailsForm(forms.Form):
    """What an applicant may write, and correct when asked to complete the application."""

    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    contact_email = forms.EmailField(
        label=_("Contact person's e-mail"),
        help_text=_("We send the decision and, once approved, an invitation here."),
    )
    areas = forms.MultipleChoiceField(
        label=_("Areas of activity"), choices=Area.choices, widget=forms.CheckboxSelectMultiple
    )
    district = forms.CharField(
        label=_("District"), max_length=100, help_text=_("Where the organisation is active.")
    )
    board_decision = BoardDecisionField(required=False)

    DETAILS = ("name", "contact_name", "contact_email", "areas", "district")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board_decision"].help_text = _(
            "An extract of the minutes where the board decided to join. %(types)s, at most "
            "%(size)s."
        ) % {"types": filetypes.allowed_labels(), "size": filesizeformat(filetypes.max_size())}

    def details(self):
        return {field: self.cleaned_data[field] for field in self.DETAILS}

    def attach_board_decision(self, application):
        from attachments.models import Attachment

        upload = self.cleaned_data.get("board_decision")
        if upload:
            Attachment.create_from_upload(
                application,
                upload,
                upload.checked,
                by=None,
                description=str(_("The board's decision to join")),
            )


class ApplyForm(ApplicationDetailsForm):
    agreement = forms.ModelChoiceField(
        label=_("Agreement"), queryset=None, empty_label=None, to_field_name="slug"
    )
    organisation_number = forms.CharField(
        label=_("Organisation number"), max_length=20, help_text=_("Written NNNNNN-NNNN.")
    )
    accept_principles = forms.BooleanField(
        label=_("We accept the agreement's principles and will work by them."),
        error_messages={"required": _("To join, the organisation must accept the principles.")},
    )

    field_order = ["agreement", "organisation_number", "name"]

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = agreements
        self.fields["board_decision"].required = True

    def clean_organisation_number(self):
        return normalise_orgnr(self.cleaned_data["organisation_number"])

    def save(self):
        """The application and its board decision, together or not at all."""
        try:
            with transaction.atomic():
                application = Application.submit(
                    agreement=self.cleaned_data["agreement"],
                    organisation_number=self.cleaned_data["organisation_number"],
                    **self.details(),
                )
                self.attach_board_decision(application)
        except ApplicationError as error:
            self.add_error("organisation_number", str(error))
            return None
        return application


class CompletionForm(ApplicationDetailsForm):
    def save(self, application):
        try:
            with transaction.atomic():
                completed = application.complete(**self.details())
                self.attach_board_decision(completed)
        except ApplicationError as error:
            self.add_error(None, str(error))
            return None
        return completed


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approve", _("Approve")),
            ("complete", _("Ask for a completion")),
            ("refuse", _("Refuse")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when asking for a completion or refusing: say what and why."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") in ("complete", "refuse") and not data.get("message", "").strip():
            self.add_error(
                "message", ValidationError(_("Write what is missing, or why you refuse."))
            )
        return data

    def apply(self, application, by):
        decision, message = self.cleaned_data["decision"], self.cleaned_data["message"].strip()
        if decision == "approve":
            return application.approve(by=by)
        if decision == "complete":
            return application.ask_for_completion(message=message, by=by)
        return application.refuse(reason=message, by=by)
