from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “Diarium import”."),
    )
    expires_on = forms.DateField(
        label=_("Valid until (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The token stops working after this day. Leave empty for no end date."),
    )

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        if day and day < timezone.localdate():
            raise forms.ValidationError(_("The last day cannot be in the past."))
        return day

    def expires_at(self):
        """The end of the chosen day, local time."""
        day = self.cleaned_data["expires_on"]
        if not day:
            return None
        return timezone.make_aware(datetime.combine(day, time.max))
