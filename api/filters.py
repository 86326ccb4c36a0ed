"""List filters through the pages' own filter forms, so a filter means the same everywhere.

`filtered(form_class, request, queryset)` validates the query string with the form (bad
values answer 400 with field errors) and applies its `filter(queryset)`;
`form_parameters(form_class)` documents the form's fields as query parameters.
"""

from django import forms
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

TYPES = {
    forms.IntegerField: {"type": "integer"},
    forms.BooleanField: {"type": "boolean"},
    forms.DateTimeField: {"type": "string", "format": "date-time"},
    forms.DateField: {"type": "string", "format": "date"},
}


STRING = {"type": "string"}


def filtered(form_class, request, queryset, **form_kwargs):
    form = form_class(request.query_params, **form_kwargs)
    if not form.is_valid():
        raise ValidationError(
            {
                field: [error["message"] for error in errors]
                for field, errors in form.errors.get_json_data().items()
            }
        )
    return form.filter(queryset)


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
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        schema["enum"] = [str(value) for value, _ in field.choices if value != ""]
    return schema
