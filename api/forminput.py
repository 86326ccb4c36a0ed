"""Request bodies checked by the pages' own forms, so an input rule lives in one place.

`bound(form_class, request, **form_kwargs)` binds the body (JSON object, form-encoded or
multipart, files too) and answers 400 with the form's messages per field when it is invalid;
`current_values(form)` is what a partial update (PATCH) starts from.
"""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError


def body_of(request):
    data = request.data
    if hasattr(data, "getlist"):
        return data
    if not isinstance(data, dict):
        raise ValidationError({"non_field_errors": [_("Send a JSON object.")]})
    nested = [key for key, value in data.items() if isinstance(value, dict | list)]
    if nested:
        raise ValidationError({key: [_("Send a single value.")] for key in nested})
    return {key: value for key, value in data.items() if value is not None}


def raise_for(form):
    if not form.is_valid():
        raise ValidationError(
            {
                field: [error["message"] for error in errors]
                for field, errors in form.errors.get_json_data().items()
            }
        )
    return form


def bound(form_class, request, *, files=False, base=None, **form_kwargs):
    """The form bound to the request body (over `base`, for PATCH) and valid; else 400."""
    data = body_of(request)
    if base is not None:
        data = {**base, **(data.dict() if hasattr(data, "dict") else data)}
    form_files = request.FILES if files else None
    return raise_for(form_class(data, form_files, **form_kwargs))


def current_values(form):
    """An unbound form's values: the record as it is, for a partial update."""
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}
