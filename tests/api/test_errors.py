"""One error format: {code, message} in the request's language; 400 adds errors per field."""

import pytest
from django.test import override_settings
from rest_framework.settings import api_settings
from rest_framework.test import APIClient

from agreements.exceptions import InvalidTransition
from api.errors import exception_handler

pytestmark = pytest.mark.django_db


def test_an_unknown_record_is_404_with_a_code_and_a_swedish_message(api):
    response = api.get("/api/v1/organisations/finns-inte/")

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "Hittades inte."}


def test_the_message_follows_the_requested_language(api):
    response = api.get("/api/v1/organisations/finns-inte/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.json()["message"] == "Not found."


def test_a_path_that_names_no_endpoint_answers_json(api):
    response = api.get("/api/v1/inget-sadant/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_post_to_a_path_that_names_no_endpoint_answers_json_not_the_csrf_page(member):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(member)

    response = client.post("/api/v1/agreements/lo/revisions/1/comments/-1/response/", {})

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_bad_filter_is_400_with_the_field_named(api):
    response = api.get("/api/v1/organisations/", {"kind": "planet", "q": "x" * 101})

    body = response.json()
    assert response.status_code == 400
    assert body["code"] == "invalid"
    assert set(body["errors"]) == {"kind", "q"}
    assert all(isinstance(message, str) for message in body["errors"]["kind"])


@pytest.mark.parametrize("page", ["abc", "0", "999", "-1", "1e9"])
def test_a_bad_page_number_is_404_not_500(api, page):
    response = api.get("/api/v1/organisations/", {"page": page})

    assert response.status_code == 404
    assert set(response.json()) == {"code", "message"}


def test_a_method_that_is_not_allowed_says_so_in_the_format(api, member):
    api.force_authenticate(member)

    response = api.delete("/api/v1/organisations/")

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_a_domain_error_is_409_with_its_name_and_the_pages_message(rf):
    response = exception_handler(InvalidTransition(), {})

    assert response.status_code == 409
    assert response.data["code"] == "invalid_transition"
    assert response.data["message"] == str(InvalidTransition())


def test_too_many_requests_are_throttled_per_token(api, member, outsider):
    from tests.api.conftest import as_user

    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "api": "2/minute"}
    first, second = as_user(member), as_user(outsider)
    with override_settings(REST_FRAMEWORK={**_rest(), "DEFAULT_THROTTLE_RATES": rates}):
        answers = [first.get("/api/v1/organisations/").status_code for _ in range(3)]
        others = second.get("/api/v1/organisations/")
        throttled = first.get("/api/v1/organisations/")

    assert answers == [200, 200, 429]
    assert others.status_code == 200
    assert throttled.json()["code"] == "throttled"
    assert int(throttled["Retry-After"]) > 0


def _rest():
    from django.conf import settings

    return settings.REST_FRAMEWORK
