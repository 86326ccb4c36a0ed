"""List filters through the pages' own filter forms, so a filter means the same everywhere.

`filtered(form_class, request, queryset)` validates the query string with the form and applies
its `filter(queryset)`; `valid_query(form_class, request)` is that check alone (the valid
form), shared by every query parameter (filters, pagination): a bad value, or a value sent
twice for a parameter that takes one, or sent empty, is a 400 with the messages per parameter;
`form_parameters(form_class)` documents the form's fields as query parameters.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter

from api.forminput import body_of, checked_form

EMPTY = _("Leave the parameter out rather than sending it empty.")

TYPES = {
    forms.IntegerField: {"type": "integer"},
    forms.BooleanField: {"type": "boolean"},
    forms.DateTimeField: {"type": "string", "format": "date-time"},
    forms.DateField: {"type": "string", "format": "date"},
}


STRING = {"type": "string"}


def valid_query(form_class, request, **form_kwargs):
    """`form_class` bound to the query string, and valid; else 400."""
    query = request.query_params
    sent = body_of(query)
    empty = {name: [EMPTY] for name, value in sent.items() if value in ("", [])}
    return checked_form(form_class, query, sent, wrong=empty, **form_kwargs)


def filtered(form_class, request, queryset, **form_kwargs):
    return valid_query(form_class, request, **form_kwargs).filter(queryset)


def form_parameters(form_class, **form_kwargs):
    """The form's fields as query parameters, with every bound the form checks."""
    return [
        OpenApiParameter(
            name,
            field_schema(field),
            OpenApiParameter.QUERY,
            required=False,
            description=str(field.label or ""),
        )
        for name, field in form_class(**form_kwargs).fields.items()
    ]


def field_schema(field):
    schema = dict(next((t for cls, t in TYPES.items() if isinstance(field, cls)), STRING))
    bounds = {
        "minimum": getattr(field, "min_value", None),
        "maximum": getattr(field, "max_value", None),
        "minLength": getattr(field, "min_length", None),
        "maxLength": getattr(field, "max_length", None),
    }
    schema.update({key: value for key, value in bounds.items() if value is not None})
    if schema["type"] == "string":
        schema.setdefault("minLength", 1)  # an empty value is refused (valid_query)
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        schema["enum"] = [str(value) for value, _ in field.choices if value != ""]
    return schema
