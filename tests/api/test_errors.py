"""One error format: {code, message} in the request's language; 400 adds errors per field."""

import pytest
from django.test import override_settings
from rest_framework.settings import api_settings
from rest_framework.test import APIClient

from agreements.exceptions import InvalidTransition
from api.errors import exception_handler
from dialogues.models import Forum
from tests.api.conftest import as_user

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


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1e9", "last"])
def test_a_page_number_that_is_not_a_whole_number_from_1_is_400_naming_it(api, page):
    response = api.get("/api/v1/organisations/", {"page": page})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["page"]


def test_a_page_past_the_end_is_404(api):
    response = api.get("/api/v1/organisations/", {"page": 999})

    assert response.status_code == 404
    assert set(response.json()) == {"code", "message"}


@pytest.mark.parametrize("size", ["0", "101", "ten"])
def test_a_page_size_outside_1_to_100_is_400_not_quietly_replaced(api, association, size):
    response = api.get("/api/v1/organisations/", {"page_size": size})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["page_size"]


def test_a_page_size_sent_twice_is_400(api, association):
    response = api.get("/api/v1/organisations/?page_size=1&page_size=2")

    assert response.status_code == 400
    assert response.json()["errors"] == {"page_size": ["Skicka ett enda värde."]}


def test_a_page_size_gives_that_many_results_a_page(api, association, other_association):
    response = api.get("/api/v1/organisations/", {"page_size": 1})

    body = response.json()
    assert len(body["results"]) == 1
    assert body["count"] == 2
    assert "page_size=1" in body["next"]


def test_a_body_larger_than_the_upload_limit_is_413_and_changes_nothing(coordinator, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = as_user(coordinator).post(
        "/api/v1/forums/", {"name": "Forum", "description": "x" * 2000}, format="json"
    )

    assert response.status_code == 413
    assert response.json() == {
        "code": "request_too_large",
        "message": "Begäran är för stor. Skicka mindre åt gången.",
    }
    assert not Forum.objects.exists()


def test_a_form_with_more_fields_than_allowed_is_413_too(coordinator, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5

    response = as_user(coordinator).post(
        "/api/v1/forums/", {f"field{n}": "x" for n in range(10)}, format="multipart"
    )

    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


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
