"""List filters through the pages' own filter forms, so a filter means the same everywhere.

`filtered(form_class, request, queryset)` validates the query string with the form (bad
values answer 400 with field errors) and applies its `filter(queryset)`;
`form_parameters(form_class)` documents the form's fields as query parameters.
"""

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

TYPES = {
    forms.IntegerField: OpenApiTypes.INT,
    forms.BooleanField: OpenApiTypes.BOOL,
    forms.DateField: OpenApiTypes.DATE,
    forms.DateTimeField: OpenApiTypes.DATETIME,
}


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
    parameters = []
    for name, field in form_class(**form_kwargs).fields.items():
        kind = next((t for cls, t in TYPES.items() if isinstance(field, cls)), OpenApiTypes.STR)
        enum = None
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            enum = [str(value) for value, _ in field.choices if value != ""]
        parameters.append(
            OpenApiParameter(
                name,
                kind,
                OpenApiParameter.QUERY,
                required=False,
                description=str(field.label or ""),
                enum=enum,
            )
        )
    return parameters
