"""Request bodies checked by the pages' own forms, so an input rule lives in one place; every
write endpoint binds its body here, the same way.

- `bound(form_class, source, *, files=False, base=None, **form_kwargs)`: the form bound to the
  body (`source`: the request, or a body already read) over `base` (for PATCH: the record as
  it is, `current_values(form)`), and valid; else 400 with the form's messages per field.
  `validated(...)` returns its cleaned data.
- The body is a JSON object, form-encoded or multipart (files too). Each field takes one
  value, written as text (`true`/`false` for a checkbox); a field that takes several (e.g.
  principles) takes a list; null is an empty value. An object, a list where one value
  belongs, a decimal for a whole number, a checkbox other than true/false or text over the
  field's length is a 400 for that field (`shape_errors`, shared with the query string's
  check in filters.py), so no shape of body reaches a form field unchecked.
- `form_serializer(form_class, name)` describes a form's fields for the schema (the form, not
  that serializer, validates).
"""

import re

from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

SINGLE_VALUE = _("Send a single value.")


def body_of(source):
    """The request body as a dict of field → value (a list where a key came more than once);
    a JSON null is an empty value, as a browser sends an empty field."""
    data = getattr(source, "data", source)
    if hasattr(data, "getlist"):  # form-encoded or multipart; files are read from FILES
        skip = getattr(source, "FILES", {})
        data = {key: data.getlist(key) for key in data if key not in skip}
        return {key: values[0] if len(values) == 1 else values for key, values in data.items()}
    if not isinstance(data, dict):
        raise ValidationError({"non_field_errors": [_("Send a JSON object.")]})
    return {key: _text(value) for key, value in data.items()}


class JsonBoolean(str):
    """A JSON true or false as the text a checkbox reads; `shape_errors` refuses it for any
    other field (where "true" would pass as text)."""


class JsonNumber(str):
    """A JSON number as the text a number field reads; `shape_errors` refuses it for a text
    field, whose schema type is string (where 12 would pass as "12")."""


def _text(value):
    """Scalars as text, as a browser sends them (a form field may call str methods on it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return JsonBoolean("true" if value else "false")
    if isinstance(value, dict | str):
        return value  # a dict is refused per field
    if isinstance(value, list | tuple):
        return [_text(item) for item in value]
    if isinstance(value, int | float):
        return JsonNumber(value)
    return str(value)


def takes_several(field):
    return isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField) or (
        getattr(field.widget, "allow_multiple_selected", False)
    )


WHOLE_NUMBER = re.compile(r"[-+]?[0-9]+")
CHECKBOX = _("Send true or false.")
NOT_BOOLEAN = _("Send a value of this field's type, not true or false.")
NOT_NUMBER = _("Send text in this field, not a number.")


def shape_errors(fields, sent):
    """{field: [message]} for each value `sent` (body_of's dict) whose shape or type its form
    field would otherwise bend: an object, a list where one value belongs (or lists in a
    list), a number with decimals for a whole number, a checkbox other than true or false, a
    JSON true or false for any other field, a JSON number for a text field, text longer than
    the field takes before the form strips its spaces. The one check of bodies and query
    strings alike, so the API takes exactly what its schema describes."""
    errors = {}
    for name, field in fields.items():
        if name in sent and (message := _shape_error(field, sent[name])):
            errors[name] = [message]
    return errors


def _shape_error(field, value):
    if isinstance(value, dict) or (
        isinstance(value, list)
        and (not takes_several(field) or any(isinstance(v, list | dict) for v in value))
    ):
        return SINGLE_VALUE
    for item in value if isinstance(value, list) else [value]:
        if not isinstance(item, str):
            continue  # a file
        if _is_whole_number(field) and item.strip() and not WHOLE_NUMBER.fullmatch(item.strip()):
            return field.error_messages["invalid"]
        if _is_checkbox(field) and item not in ("true", "false", ""):
            return CHECKBOX
        if isinstance(item, JsonBoolean) and not _is_checkbox(field):
            return NOT_BOOLEAN
        if isinstance(item, JsonNumber) and isinstance(field, forms.CharField):
            return NOT_NUMBER
        if getattr(field, "max_length", None) and len(item) > field.max_length:
            try:
                MaxLengthValidator(field.max_length)(item)
            except DjangoValidationError as error:
                return error.messages[0]
    return None


def _is_whole_number(field):
    return isinstance(field, forms.IntegerField) and not isinstance(field, forms.FloatField)


def _is_checkbox(field):
    return isinstance(field, forms.BooleanField) and not isinstance(field, forms.NullBooleanField)


def checked_form(form_class, data, sent, files=None, *, wrong=None, **form_kwargs):
    """`form_class` bound to `data` and valid; else 400 with the shape errors of what was
    `sent` (and any other `wrong` fields) beside the form's messages for the rest (the form
    never sees a value of the wrong shape)."""
    form = form_class(data, files, **form_kwargs)
    wrong = {**shape_errors(form.fields, sent), **(wrong or {})}
    if wrong:
        rest = data.copy()
        for name in wrong:
            rest.pop(name, None)
        form = form_class(rest, files, **form_kwargs)
    return raise_for(form, wrong)


def raise_for(form, wrong=None):
    """The form, if valid and nothing is `wrong`; else 400 with the messages per field."""
    if wrong or not form.is_valid():
        errors = {
            field: [error["message"] for error in errors]
            for field, errors in form.errors.get_json_data().items()
        }
        raise ValidationError({**errors, **(wrong or {})})
    return form


def bound(form_class, source, *, files=False, base=None, **form_kwargs):
    """The form bound to the body (over `base`, for PATCH) and valid; else 400."""
    sent = body_of(source)
    data = sent if base is None else {**base, **sent}
    return checked_form(form_class, data, sent, source.FILES if files else None, **form_kwargs)


def validated(form_class, source, **form_kwargs):
    return bound(form_class, source, **form_kwargs).cleaned_data


def current_values(form):
    """An unbound form's values: the record as it is, for a partial update."""
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


def _choices(field):
    return [(value, label) for value, label in field.choices if value != ""]


def _blank(field):
    return {"allow_blank": not field.required}


# Form field → (serializer field, its arguments from the form field). The arguments go to the
# constructor: DRF copies a serializer's fields by calling it again with them, so an attribute
# set afterwards would be lost (and the schema would then promise what the form refuses).
FIELD_TYPES = [
    (
        forms.ModelMultipleChoiceField,
        lambda f: (serializers.ListField, {"child": serializers.CharField()}),
    ),
    (forms.ModelChoiceField, lambda f: (serializers.CharField, _blank(f))),
    (
        forms.MultipleChoiceField,
        lambda f: (serializers.ListField, {"child": serializers.ChoiceField(_choices(f))}),
    ),
    (forms.ChoiceField, lambda f: (serializers.ChoiceField, {"choices": _choices(f), **_blank(f)})),
    (forms.BooleanField, lambda f: (serializers.BooleanField, {})),
    (
        forms.IntegerField,
        lambda f: (serializers.IntegerField, {"min_value": f.min_value, "max_value": f.max_value}),
    ),
    (forms.DateTimeField, lambda f: (serializers.DateTimeField, {})),
    (forms.DateField, lambda f: (serializers.DateField, {})),
    (
        forms.CharField,
        lambda f: (
            serializers.CharField,
            {"max_length": f.max_length, "min_length": f.min_length, **_blank(f)},
        ),
    ),
]


def form_serializer(form_class, name, **form_kwargs):
    """A serializer class named `name` with the form's fields, for the schema: the same
    types, choices, bounds and lengths, required as the form requires them (the form, not
    that serializer, validates)."""
    fields = {}
    form = form_class(**form_kwargs) if form_kwargs else None
    for field_name, field in (form.fields if form else form_class.base_fields).items():
        make = next((m for cls, m in FIELD_TYPES if isinstance(field, cls)), None)
        if make is None:
            continue
        serializer_class, kwargs = make(field)
        fields[field_name] = serializer_class(
            required=field.required,
            allow_null=not field.required,
            help_text=field.help_text or field.label or "",  # in the schema's language
            **kwargs,
        )
    return type(name, (serializers.Serializer,), fields)
