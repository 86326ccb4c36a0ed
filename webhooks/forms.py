import secrets

from django import forms
from django.utils.translation import gettext_lazy as _

import events
from webhooks import targets
from webhooks.exceptions import TargetRefused
from webhooks.models import Subscription

SECRET_MIN_LENGTH = 16


class SubscriptionForm(forms.ModelForm):
    """A subscription: where to send, which events, and the secret that signs each delivery.

    On a new subscription the secret is suggested (random); when changing one, an empty secret
    keeps the current one. The target is resolved and checked (targets.py) before it is saved.
    """

    target_url = forms.CharField(
        label=_("Target URL"),
        max_length=500,
        help_text=_("The http or https address that receives the events as JSON (POST)."),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Events"), choices=events.kinds, widget=forms.CheckboxSelectMultiple
    )
    secret = forms.CharField(
        label=_("Secret"),
        min_length=SECRET_MIN_LENGTH,
        max_length=200,
        help_text=_(
            "Signs every delivery (HMAC-SHA256), so the receiver can tell it came from "
            "Överens. Copy it to the receiving system; at least 16 characters."
        ),
    )

    class Meta:
        model = Subscription
        fields = ["name", "target_url", "kinds", "secret", "active"]
        help_texts = {"name": _("What the webhook is for, e.g. “Diarium”.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["secret"].required = False
            self.fields["secret"].help_text = _("Leave empty to keep the current secret.")
            self.initial["secret"] = ""
        else:
            self.initial.setdefault("secret", secrets.token_urlsafe(32))
            del self.fields["active"]

    def clean_target_url(self):
        url = self.cleaned_data["target_url"].strip()
        try:
            targets.resolve(url)
        except TargetRefused as error:
            raise forms.ValidationError(str(error)) from None
        return url

    def clean_secret(self):
        secret = self.cleaned_data["secret"]
        if not secret and self.instance.pk:
            return self.instance.secret
        return secret

    def save(self, commit=True):
        subscription = super().save(commit=False)
        if "active" in self.changed_data and subscription.active:
            subscription.switch_on()
        if commit:
            subscription.save()
        return subscription
