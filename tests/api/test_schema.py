"""The OpenAPI schema is valid, documents every endpoint and its errors; the docs need no CDN."""

import re

import pytest
import yaml  # drf-spectacular's own dependency (PyYAML)
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_is_valid_openapi(schema):
    validate(schema)


def test_the_schema_describes_bearer_tokens(schema):
    assert schema["components"]["securitySchemes"]["bearerToken"]["scheme"] == "bearer"


def test_every_operation_documents_the_error_format(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            for code in ("400", "401", "404"):
                content = operation["responses"][code]["content"]["application/json"]
                assert content["schema"]["$ref"].endswith("/Error"), (method, path, code)


def test_the_docs_load_only_our_own_files(client):
    response = client.get("/api/docs/")

    sources = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert response.status_code == 200
    assert sources and all(source.startswith("/") for source in sources), sources
    assert "<script>" not in response.text and "<style" not in response.text


def test_the_docs_start_up_script_is_a_file_of_its_own(client):
    response = client.get("/api/docs/?script=")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.text


@pytest.mark.parametrize(
    "path",
    ["/api/v1/agreements/{slug}/diff/", "/api/v1/agreements/{slug}/revisions/{number}/report/"],
)
def test_single_object_endpoints_are_objects_in_the_schema(schema, path):
    body = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]

    assert body["schema"]["$ref"].startswith("#/components/schemas/")


def test_schema_generation_warns_of_nothing():
    """The deploy check runs this; enum name collisions (Status370Enum) used to be silenced."""
    from drf_spectacular.checks import schema_check

    assert [message.msg for message in schema_check(None)] == []


def test_every_choice_set_has_a_name_that_says_what_it_is(schema):
    enums = {name for name in schema["components"]["schemas"] if name.endswith("Enum")}

    assert {name for name in enums if re.search(r"\d", name)} == set()
    assert {"AgreementStatusEnum", "MeetingStatusEnum", "ActionItemStatusEnum"} <= enums


def parameter(schema, path, name, method="get"):
    found = [p for p in schema["paths"][path][method]["parameters"] if p["name"] == name]
    return found[0]["schema"]


def test_the_bounds_the_server_checks_are_in_the_schema(schema):
    assert parameter(schema, "/api/v1/agreements/", "year")["minimum"] == 1900
    assert parameter(schema, "/api/v1/meetings/", "year")["minimum"] == 1900
    for name in ("page", "page_size"):
        assert parameter(schema, "/api/v1/search/", name)["minimum"] == 1
        assert parameter(schema, "/api/v1/organisations/", name)["minimum"] == 1
    assert parameter(schema, "/api/v1/organisations/", "page_size")["maximum"] == 100
    assert "enum" in parameter(schema, "/api/v1/agreements/", "status")


def test_what_anyone_may_read_declares_the_token_optional(schema):
    for path in ("/api/v1/organisations/", "/api/v1/forums/", "/api/v1/action-items/"):
        assert {} in schema["paths"][path]["get"]["security"], path
    assert {} not in schema["paths"]["/api/v1/agreements/"]["post"]["security"]
    assert {} not in schema["paths"]["/api/v1/webhooks/"]["get"]["security"]


def test_search_declares_its_engine_failure_and_gets_declare_304(schema):
    search = schema["paths"]["/api/v1/search/"]["get"]["responses"]

    assert search["503"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
    assert "304" in search


@pytest.mark.parametrize("method", ["OPTIONS", "HEAD", "PROPFIND", "TRACE"])
@pytest.mark.parametrize(
    "path",
    ["/api/v1/agreements/finns-inte/draft/", "/api/v1/agreements/finns-inte/",
     "/api/v1/meetings/999999/minutes/", "/api/v1/webhooks/999999/", "/api/v1/search/"],
)  # fmt: skip
def test_options_head_and_unknown_methods_never_answer_500(coordinator, method, path):
    from tests.api.conftest import as_user

    response = as_user(coordinator).generic(method, path)

    assert response.status_code < 500, response.content
    if method == "OPTIONS" and response.status_code == 200:
        assert "actions" not in response.json()  # no record is looked up, none leaks
