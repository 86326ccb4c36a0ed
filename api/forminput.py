"""Request bodies checked by the pages' own forms, so an input rule lives in one place; every
write endpoint binds its body here, the same way.

- `bound(form_class, source, *, files=False, base=None, **form_kwargs)`: the form bound to the
  body (`source`: the request, or a body already read) over `base` (for PATCH: the record as
  it is, `current_values(form)`), and valid; else 400 with the form's messages per field.
  `validated(...)` returns its cleaned data.
- The body is a JSON object, form-encoded or multipart (files too). Each field takes one
  value, written as text (`true`/`false` for a checkbox); a field that takes several (e.g.
  principles) takes a list. An object, or a list where one value belongs, is a 400 for that
  field ("Send a single value."), so no shape of body reaches a form field unchecked.
- `form_serializer(form_class, name)` describes a form's fields for the schema (the form, not
  that serializer, validates).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

SINGLE_VALUE = _("Send a single value.")


def body_of(source):
    """The request body as a dict of field → value (a list where a key came more than once)."""
    data = getattr(source, "data", source)
    if hasattr(data, "getlist"):  # form-encoded or multipart; files are read from FILES
        skip = getattr(source, "FILES", {})
        data = {key: data.getlist(key) for key in data if key not in skip}
        return {key: values[0] if len(values) == 1 else values for key, values in data.items()}
    if not isinstance(data, dict):
        raise ValidationError({"non_field_errors": [_("Send a JSON object.")]})
    return {key: _text(value) for key, value in data.items() if value is not None}


def _text(value):
    """Scalars as text, as a browser sends them (a form field may call str methods on it)."""
    if isinstance(value, bool):
        return "true" if value else "false"  # what a checkbox reads; any other field refuses it
    if isinstance(value, dict):
        return value  # refused per field
    if isinstance(value, list | tuple):
        return [_text(item) for item in value]
    return str(value)


def _takes_several(field):
    return isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField) or (
        getattr(field.widget, "allow_multiple_selected", False)
    )


def _refuse_nested(form):
    wrong = {
        name: [SINGLE_VALUE]
        for name, field in form.fields.items()
        if isinstance(value := form.data.get(name), dict)
        or (isinstance(value, list) and not _takes_several(field))
        or (isinstance(value, list) and any(isinstance(v, list | dict) for v in value))
    }
    if wrong:
        raise ValidationError(wrong)


def raise_for(form):
    """The form, if valid; else 400 with its messages per field."""
    if not form.is_valid():
        raise ValidationError(
            {
                field: [error["message"] for error in errors]
                for field, errors in form.errors.get_json_data().items()
            }
        )
    return form


def bound(form_class, source, *, files=False, base=None, **form_kwargs):
    """The form bound to the body (over `base`, for PATCH) and valid; else 400."""
    data = body_of(source)
    if base is not None:
        data = {**base, **data}
    form = form_class(data, source.FILES if files else None, **form_kwargs)
    _refuse_nested(form)
    return raise_for(form)


def validated(form_class, source, **form_kwargs):
    return bound(form_class, source, **form_kwargs).cleaned_data


def current_values(form):
    """An unbound form's values: the record as it is, for a partial update."""
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


FIELD_TYPES = [
    (
        forms.ModelMultipleChoiceField,
        lambda f: serializers.ListField(child=serializers.CharField()),
    ),
    (forms.ModelChoiceField, lambda f: serializers.CharField()),
    (
        forms.MultipleChoiceField,
        lambda f: serializers.ListField(child=serializers.ChoiceField(choices=list(f.choices))),
    ),
    (forms.TypedChoiceField, lambda f: serializers.CharField()),
    (forms.ChoiceField, lambda f: serializers.ChoiceField(choices=list(f.choices))),
    (forms.BooleanField, lambda f: serializers.BooleanField()),
    (forms.IntegerField, lambda f: serializers.IntegerField()),
    (forms.DateTimeField, lambda f: serializers.DateTimeField()),
    (forms.DateField, lambda f: serializers.DateField()),
    (forms.CharField, lambda f: serializers.CharField(max_length=f.max_length)),
]


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
