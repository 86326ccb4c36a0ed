"""Write endpoints validate with the pages' own forms, so a rule about input lives once.

`validated(form_class, request_data, **form_kwargs)` returns the form's cleaned data or
raises 400 with the form's messages per field; `form_serializer(form_class)` describes the
form's fields for the schema (the form, not this serializer, validates).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

FIELD_TYPES = [
    (
        forms.ModelMultipleChoiceField,
        lambda f: serializers.ListField(child=serializers.CharField()),
    ),
    (forms.ModelChoiceField, lambda f: serializers.CharField()),
    (forms.TypedChoiceField, lambda f: serializers.CharField()),
    (forms.ChoiceField, lambda f: serializers.ChoiceField(choices=list(f.choices))),
    (forms.BooleanField, lambda f: serializers.BooleanField()),
    (forms.IntegerField, lambda f: serializers.IntegerField()),
    (forms.DateTimeField, lambda f: serializers.DateTimeField()),
    (forms.DateField, lambda f: serializers.DateField()),
    (forms.CharField, lambda f: serializers.CharField(max_length=f.max_length)),
]


class FormData(dict):
    """A request body as a form reads it: lists stay lists, other values become text."""

    def __init__(self, data):
        if hasattr(data, "getlist"):  # a form-encoded or multipart body
            data = {key: data.getlist(key) for key in data}
            data = {key: value[0] if len(value) == 1 else value for key, value in data.items()}
        if not isinstance(data, dict):
            raise ValidationError({"non_field_errors": [_("Send a JSON object.")]})
        super().__init__((key, _text(value)) for key, value in data.items() if value is not None)

    def getlist(self, key):
        value = self.get(key, [])
        return value if isinstance(value, list) else [value]


def _text(value):
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, list | tuple):
        return [_text(item) for item in value]
    if isinstance(value, dict):
        return ""  # no form field takes an object; the field's own check refuses it
    return str(getattr(value, "pk", value))


def bound_form(form_class, data, **form_kwargs):
    """The form bound to `data` and valid; 400 with its messages per field otherwise."""
    form = form_class(FormData(data), **form_kwargs)
    if not form.is_valid():
        raise ValidationError(
            {
                field: [error["message"] for error in errors]
                for field, errors in form.errors.get_json_data().items()
            }
        )
    return form


def validated(form_class, data, **form_kwargs):
    return bound_form(form_class, data, **form_kwargs).cleaned_data


def initial_data(form):
    """An unbound form's initial values, as data: what a partial update starts from."""
    return {name: form[name].value() for name in form.fields}


def form_serializer(form_class, name, **form_kwargs):
    """A serializer class named `name` with the form's fields, for the schema."""
    fields = {}
    form = form_class(**form_kwargs) if form_kwargs else None
    for field_name, field in (form.fields if form else form_class.base_fields).items():
        make = next((m for cls, m in FIELD_TYPES if isinstance(field, cls)), None)
        if make is None:
            continue
        field_serializer = make(field)
        field_serializer.required = field.required
        field_serializer.help_text = str(field.help_text or field.label or "")
        if not field.required:
            field_serializer.allow_null = True
            if isinstance(field_serializer, serializers.CharField):
                field_serializer.allow_blank = True
        fields[field_name] = field_serializer
    return type(name, (serializers.Serializer,), fields)
