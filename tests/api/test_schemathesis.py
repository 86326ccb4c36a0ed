"""Schemathesis generates requests from /api/schema/ and sends them, with samordnare's token,
to the WSGI app with the demo city: no response may be a server error or break the schema
(status codes, content types, bodies). Every path parameter is a real record of the demo
city (`demo_path_parameters`), so the requests reach the endpoints' input checks and model
verbs instead of stopping at a 404; queries and bodies are generated. Marked `schema`: CI
runs it once, in the SQLite pass (the PostgreSQL pass deselects it with -m 'not schema'; the
forms it reaches bound every number, so the databases answer alike). The examples are
derandomized (the same requests on every run) and few per operation: 5 valid and 15 invalid
(3 + 25 found the first bugs, 15 the last, a JSON true taken as text; a smaller budget was
not checked against the old code). About 2 minutes of CPU, as the 20 + 5 without the
rejection check were. SCHEMATHESIS_EXAMPLES and SCHEMATHESIS_NEGATIVE_EXAMPLES raise them."""

import os

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    missing_required_header,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from agreements.models import Comment, Party, Question
from api.models import ApiToken
from attachments.models import Attachment
from demo.attachments import ACTION_PLAN
from dialogues.models import ActionItem, Meeting, Post, Topic
from followup.models import Commitment
from organisations.models import Organisation
from records.models import Document, DocumentRequest
from tests.webhooks.url_walk import demo_webhook

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "5"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    ignored_auth,  # an operation that says it needs a token refuses a request without one
    missing_required_header,
]
# Valid requests must answer as the schema says; invalid ones (a list, a number or an object
# where a date belongs, missing fields, values out of bounds) must be refused with a 4xx and
# never be a server error. tests/api/test_form_input.py pins down each bug this found.
NEGATIVE_EXAMPLES = int(os.environ.get("SCHEMATHESIS_NEGATIVE_EXAMPLES", "15"))
# An invalid request may also meet a state or precondition the API checks first (RFC 9110:
# If-Match before the body): 409 and 412 are rejections too, as is 413.
CONFIG = schemathesis.Config.from_dict(
    {
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": ["400", "401", "403", "404", "405", "406", "409", "412",
                                      "413", "415", "422", "428", "429"],
            }
        }
    }
)  # fmt: skip
PASSES = [
    (GenerationMode.POSITIVE, EXAMPLES, CHECKS),
    (GenerationMode.NEGATIVE, NEGATIVE_EXAMPLES, [not_a_server_error, negative_data_rejection]),
]
AGREEMENT = "fritid-barn-och-unga"  # its revision 1 is out for consultation, with comments
FORUM = "temaforum-trygghet"  # members only; samordnare manages it
DISCUSSION = "dialogforum-lo"  # the forum with the demo discussion
LO = "lokal-overenskommelse-kullahamn"  # its action plan, with the 2026 follow-up open
IOP = "iop-laxhjalp-oresundsvik"  # a draft agreement: samordnare edits its working draft


def demo_path_parameters():
    """{path template: {parameter: a real value}} for every id-addressed path of the schema;
    the longest matching template wins (see `parameters_for`)."""
    meeting = Meeting.objects.filter(forum__slug=FORUM, agenda_items__isnull=False).latest(
        "starts_at"
    )
    post = Post.objects.filter(topic__forum__slug=DISCUSSION).first()
    comment = Comment.objects.filter(revision__agreement__slug=AGREEMENT, parent=None).first()
    city = Organisation.objects.get(slug="kullahamns-stad")
    party = Party.objects.filter(agreement__slug=AGREEMENT).exclude(role="municipality").first()
    webhook, delivery = demo_webhook()
    commitment = Commitment.objects.filter(plan__agreement__slug=LO, status="in_progress")[0]
    question = Question.objects.filter(revision__agreement__slug=AGREEMENT).first()
    request = DocumentRequest.objects.order_by("pk").first()
    return {
        "/api/v1/organisations/{slug}/": {"slug": "kullahamns-if"},
        "/api/v1/agreements/{slug}/": {"slug": AGREEMENT, "number": 1, "party_id": party.pk},
        "/api/v1/agreements/{slug}/revisions/{number}/comments/{id}/": {
            "slug": AGREEMENT, "number": 1, "id": comment.pk,
        },
        "/api/v1/agreements/{slug}/revisions/{number}/questions/": {
            "slug": AGREEMENT, "number": 1, "question_id": question.pk,
        },
        # The demo's working draft (a draft agreement): its last section.
        "/api/v1/agreements/{slug}/draft/sections/": {"slug": IOP, "anchor": "giltighetstid"},
        "/api/v1/agreements/{slug}/follow-ups/": {"slug": LO, "year": 2026, "id": commitment.pk},
        "/api/v1/agreements/{slug}/commitments/": {"slug": LO, "id": commitment.pk},
        "/api/v1/forums/{slug}/": {"slug": FORUM},
        "/api/v1/forums/{forum_slug}/topics/": {
            "forum_slug": DISCUSSION, "id": Topic.objects.filter(forum__slug=DISCUSSION)[0].pk,
        },
        "/api/v1/forums/{forum_slug}/posts/": {"forum_slug": DISCUSSION, "id": post.pk},
        "/api/v1/meetings/{id}/": {"id": meeting.pk},
        "/api/v1/meetings/{meeting_id}/agenda/": {
            "meeting_id": meeting.pk, "id": meeting.agenda_items.first().pk,
        },
        "/api/v1/meetings/{meeting_id}/attendance/": {
            "meeting_id": meeting.pk, "id": meeting.attendances.first().pk,
        },
        "/api/v1/meetings/{meeting_id}/action-items/": {"meeting_id": meeting.pk},
        "/api/v1/action-items/{id}/": {
            "id": ActionItem.objects.filter(meeting__forum__slug=FORUM).first().pk,
        },
        "/api/v1/attachments/{id}/": {"id": Attachment.objects.get(original_name=ACTION_PLAN).pk},
        "/api/v1/records/{label}/{object_id}/": {
            "label": "organisations.organisation", "object_id": city.pk,
        },
        "/api/v1/register/": {"id": Document.objects.order_by("pk").first().pk},
        "/api/v1/requests/": {"id": request.pk, "code": request.code},
        # Switched off, and its delivery names no record: a resend sends nothing anywhere.
        "/api/v1/webhooks/{id}/": {"id": webhook.pk, "delivery_id": delivery.pk},
    }  # fmt: skip


def parameters_for(path, known):
    """The real values for `path`'s parameters, from the longest template it starts with."""
    prefixes = sorted((p for p in known if path.startswith(p)), key=len, reverse=True)
    values = known[prefixes[0]] if prefixes else {}
    return {name: value for name, value in values.items() if "{" + name + "}" in path}


@pytest.fixture
def token(demo, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": "100000/hour", "api_anonymous": "100000/hour"},
    }
    samordnare = get_user_model().objects.get(username="samordnare")
    return ApiToken.issue(samordnare, "schemathesis")[1]


@pytest.mark.schema
def test_the_api_answers_every_generated_request_within_its_schema(token):
    schema = schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", get_wsgi_application(), config=CONFIG
    )
    headers = {"Authorization": f"Bearer {token}"}
    known = demo_path_parameters()
    failures, unresolved = [], []

    for result in schema.get_all_operations():
        operation = result.ok()
        path_parameters = parameters_for(operation.path, known)
        if operation.path.count("{") != len(path_parameters):
            unresolved.append(operation.path)
        for mode, examples, checks in PASSES:
            strategy = operation.as_strategy(mode, path_parameters=path_parameters)
            if mode is GenerationMode.NEGATIVE:
                strategy = strategy.filter(json_or_no_body)
            failure = first_failure(strategy, examples, headers, checks)
            if failure is not None:
                failures.append(
                    f"{mode.value} {operation.method.upper()} {operation.path}: {failure}"
                )

    assert failures == [], "\n\n".join(failures)
    assert unresolved == [], "Give demo_path_parameters a real record for these paths"


def json_or_no_body(case):
    """Invalid bodies go as JSON: form encoding cannot carry some invalid shapes (an empty list
    is no field at all, so the "invalid" request is a valid one that leaves the field out).
    Form bodies are covered by the valid pass and tests/api/test_form_input.py."""
    return case.media_type in (None, "application/json")


def first_failure(strategy, examples, headers, checks):
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def check(case):
        case.call_and_validate(headers=headers, checks=checks)

    try:
        check()
    except Unsatisfiable:
        # No invalid request exists: every parameter is a fixed real id and the token is
        # optional (a public read), so a negative pass has nothing to send.
        return None
    except (Exception, BaseExceptionGroup) as failure:
        return failure
    return None
