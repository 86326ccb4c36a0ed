"""The API's one error format.

Every error answers `{"code": "...", "message": "..."}` in the request's language; a 400
adds `errors`, the messages per field (`non_field_errors` for the request as a whole).
Domain errors of the apps (an illegal step in an agreement's life, a frozen record) are
409 Conflict with the exception's name as the code and its message, the same message the
pages show. Nothing the client sends may turn into a 500.
"""

import re

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from agreements.exceptions import AgreementError
from dialogues.exceptions import DialogueError

# Domain exception base classes and the status they answer; other apps' errors may be added
# with register_domain_error.
DOMAIN_ERRORS = {AgreementError: status.HTTP_409_CONFLICT, DialogueError: status.HTTP_409_CONFLICT}


def register_domain_error(exception_class, status_code=status.HTTP_409_CONFLICT):
    DOMAIN_ERRORS[exception_class] = status_code


class Conflict(exceptions.APIException):
    """409 with extra members in the body, e.g. both versions of an edited draft."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"

    def __init__(self, message, code=None, **extra):
        super().__init__(message, code)
        self.extra = extra


class RequestTooLarge(exceptions.APIException):
    """413: the body is larger than DATA_UPLOAD_MAX_MEMORY_SIZE (files apart), or has more
    fields or files than DATA_UPLOAD_MAX_NUMBER_FIELDS / _FILES. Django raises these as
    suspicious operations, which would otherwise be its HTML 400 page."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"
    default_detail = gettext_lazy("The request is too large. Send less at a time.")


TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def snake_case(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def error_body(code, message, **extra):
    return {"code": code, "message": str(message), **extra}


def exception_handler(exc, context):
    domain_status = next(
        (code for cls, code in DOMAIN_ERRORS.items() if isinstance(exc, cls)), None
    )
    if domain_status is not None:
        return Response(error_body(snake_case(type(exc).__name__), exc), status=domain_status)
    # The default messages, translated; Django's name the model ("No Organisation matches").
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, TOO_LARGE):
        exc = RequestTooLarge()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a bug, not bad input: let Django log it and answer 500
    response.data = body_for(exc, response.data)
    return response


def body_for(exc, data):
    if isinstance(exc, exceptions.ValidationError):
        errors = data if isinstance(data, dict) else {"non_field_errors": data}
        message = _("The request has errors; see the fields in errors.")
        return error_body("invalid", message, errors=errors)
    detail = getattr(exc, "detail", "")
    code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    return error_body(code, detail or data.get("detail", ""), **getattr(exc, "extra", {}))


@csrf_exempt  # a 404 changes nothing; without it a POST here got the HTML CSRF page
@login_not_required
def not_found(request, *args, **kwargs):
    """JSON 404 for paths under /api/v1/ that name no endpoint."""
    return JsonResponse(
        error_body("not_found", _("There is no such endpoint.")), status=status.HTTP_404_NOT_FOUND
    )


class ErrorSerializer(serializers.Serializer):
    """The error body, for the schema."""

    code = serializers.CharField(help_text="What went wrong, for programs: e.g. not_found.")
    message = serializers.CharField(help_text="What went wrong, in the request's language.")
    errors = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text="400 only: the messages per field (non_field_errors for the whole request).",
    )
