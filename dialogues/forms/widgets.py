from django import forms
from django.utils import timezone


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def format_value(self, value):
        if hasattr(value, "strftime"):
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return value.strftime("%Y-%m-%dT%H:%M")
        return value


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


def active_organisations():
    from organisations.models import Organisation

    return Organisation.objects.active().order_by("name")


def person_label(user):
    return user.get_full_name() or user.username
