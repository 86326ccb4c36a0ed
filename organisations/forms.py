from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations import directory
from organisations.models import Membership, Organisation


class DirectoryFilterForm(forms.Form):
    PARTY_CHOICES = [("", _("Parties and others")), ("yes", _("Parties")), ("no", _("Not parties"))]

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
    )
    area = forms.ChoiceField(label=_("Area of activity"), required=False)
    district = forms.CharField(label=_("District"), required=False, max_length=100)
    year = forms.IntegerField(
        label=_("Year joined"), required=False, min_value=1900, max_value=9999
    )
    party = forms.ChoiceField(
        label=_("Party to the agreement"), required=False, choices=PARTY_CHOICES
    )

    def __init__(self, *args, **kwargs):
        from organisations.applications import Area

        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("All areas")), *Area.choices]

    def filter(self, queryset):
        # An aggregate drops the model's default ordering, so name it again.
        queryset = directory.with_public_party(queryset).order_by("name", "pk")
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        if q := data["q"].strip():
            queryset = queryset.filter(name__icontains=q)
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["area"]:
            queryset = directory.in_area(queryset, data["area"])
        if data["district"]:
            queryset = queryset.filter(district__iexact=data["district"].strip())
        if data["year"]:
            queryset = directory.joined_in(queryset, data["year"])
        if data["party"]:
            queryset = queryset.filter(is_party=data["party"] == "yes")
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
