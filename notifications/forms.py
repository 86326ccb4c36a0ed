from django import forms

import events
from notifications.models import Delivery


class SettingsForm(forms.Form):
    """One choice per kind the notification centre tells about; a kind left out keeps its
    current choice."""

    def __init__(self, *args, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        for kind, delivery in current.items():
            self.fields[kind] = forms.ChoiceField(
                label=events.label(kind), choices=Delivery.choices, initial=delivery, required=False
            )

    def choices(self):
        return {kind: self.cleaned_data[kind] or now for kind, now in self.current.items()}
