from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership, Organisation


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        if q := self.cleaned_data["q"].strip():
            queryset = queryset.filter(name__icontains=q)
        if kind := self.cleaned_data["kind"]:
            queryset = queryset.filter(kind=kind)
        return queryset


class AddMemberForm(forms.Form):
    identifier = forms.CharField(
        label=_("Username or e-mail address"),
        max_length=254,
        help_text=_("The person must already have an account."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)

    def clean_identifier(self):
        identifier = self.cleaned_data["identifier"].strip()
        users = list(
            get_user_model()
            .objects.filter(Q(username__iexact=identifier) | Q(email__iexact=identifier))
            .filter(is_active=True)[:2]
        )
        if not users:
            raise forms.ValidationError(_("No user has that username or e-mail address."))
        if len(users) > 1:
            raise forms.ValidationError(
                _("Several users share that e-mail address; please give the username.")
            )
        return users[0]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
