"""Conditional requests, so an integration can poll cheaply and never overwrite a newer text.

- Every successful GET under /api/v1/ carries an `ETag` (a hash of its body), and a GET whose
  `If-None-Match` names it answers `304 Not Modified` without a body: Django's own
  ConditionalGetMiddleware, kept to the API.
- A write that names the version it read (the working draft, the minutes, their approval)
  also takes `If-Match` with the ETag of the record as read: another ETag is
  `412 Precondition Failed`, and the version may then be left out of the body.
"""

import hashlib

from django.middleware.http import ConditionalGetMiddleware
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer

from api.forminput import body_of


class ApiConditionalGetMiddleware(ConditionalGetMiddleware):
    def process_response(self, request, response):
        if not request.path.startswith("/api/v1/"):
            return response
        return super().process_response(request, response)


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"
    default_detail = _(
        "The record has changed since you read it. Read it again and send its new ETag."
    )


def etag_of(data):
    """The ETag a GET of `data` answers: the MD5 of its JSON, as ConditionalGetMiddleware
    makes it from the same bytes."""
    content = JSONRenderer().render(data)
    return f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'


def if_match(request, current):
    """False without `If-Match`; True if it names `current` (the record's data as a GET shows
    it) or `*`; else 412. A weak ETag (W/"…") never matches, as RFC 9110 says for If-Match."""
    header = request.headers.get("If-Match")
    if header is None:
        return False
    sent = [tag.strip() for tag in header.split(",")]
    if "*" in sent or etag_of(current) in sent:
        return True
    raise PreconditionFailed


def body_with_version(request, current, version, field="version"):
    """The request body, with `field` filled from the record when If-Match vouched for it."""
    body = body_of(request)
    if if_match(request, current) and not body.get(field):
        body[field] = str(version)
    return body


IF_MATCH = OpenApiParameter(
    "If-Match", str, OpenApiParameter.HEADER, required=False,
    description="The ETag of the record as you read it (GET): 412 if it has changed since; "
    "the version may then be left out of the body.",
)  # fmt: skip
# Every GET takes If-None-Match; it is declared by this answer rather than as a parameter of
# each GET (a parameter any string satisfies leaves schemathesis no invalid request to make).
NOT_MODIFIED = {"description": "Not Modified: the ETag sent in If-None-Match is still current."}


def with_precondition(responses):
    """`responses` of a write that takes If-Match, with its 412."""
    from api.errors import ErrorSerializer

    failed = OpenApiResponse(ErrorSerializer, "Precondition Failed: the record has changed.")
    return {**responses, 412: failed}
