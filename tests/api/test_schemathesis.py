"""Schemathesis generates requests from /api/schema/ and sends them, with samordnare's token,
to the WSGI app with the demo city: no response may be a server error or break the schema
(status codes, content types, bodies). It runs in both CI passes (SQLite and PostgreSQL
answer out-of-range numbers differently). The examples are derandomized (the same requests
on every run) and few per operation, so the run stays within a few minutes;
SCHEMATHESIS_EXAMPLES raises the number locally."""

import os

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.models import ApiToken

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "20"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Real records of the demo city, so requests reach past the 404s.
DEMO_PATH = {"slug": "fritid-barn-och-unga", "number": 1}


@pytest.fixture
def token(demo, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": "100000/hour", "api_anonymous": "100000/hour"},
    }
    samordnare = get_user_model().objects.get(username="samordnare")
    return ApiToken.issue(samordnare, "schemathesis")[1]


def test_the_api_answers_every_generated_request_within_its_schema(token):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    headers = {"Authorization": f"Bearer {token}"}
    failures = []

    for result in schema.get_all_operations():
        operation = result.ok()
        path_parameters = {
            name: value for name, value in DEMO_PATH.items() if "{" + name + "}" in operation.path
        }
        strategy = operation.as_strategy(path_parameters=path_parameters)

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def check(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            check()
        except (Exception, BaseExceptionGroup) as failure:  # each operation's first failure
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")

    assert failures == [], "\n\n".join(failures)
