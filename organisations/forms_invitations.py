from django import forms
from django.contrib.auth import password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership

TERMS = _(
    "I accept the terms of use: Överens keeps my name, e-mail address and memberships to let me "
    "act on behalf of my organisation, and shows my name with what I write."
)


class AcceptForm(forms.Form):
    accept_terms = forms.BooleanField(
        label=TERMS, error_messages={"required": _("To join, accept the terms of use.")}
    )


class NewPersonForm(AcceptForm):
    """The invited person's own account: the password is theirs, chosen here."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("The same password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["first_name", "last_name", "password1", "password2", "accept_terms"]

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for withdrawing"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the agreement's timeline."),
    )
    on = forms.DateField(
        label=_("Withdrawal date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
