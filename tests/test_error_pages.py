"""The 403, 404 and 500 pages speak the visitor's language and reveal nothing of the inside."""

import pytest
from django.test import Client

from tests.error_urls import SECRET

pytestmark = pytest.mark.urls("tests.error_urls")

INTERNALS = [SECRET, "Traceback", "RuntimeError", "PermissionDenied", "SECRET_KEY", "DATABASES"]
PAGES = {
    ("/test-only/forbidden/", "sv"): (403, "Inte tillåtet"),
    ("/test-only/forbidden/", "en"): (403, "Not allowed"),
    ("/finns-inte/", "sv"): (404, "Sidan hittades inte"),
    ("/finns-inte/", "en"): (404, "Page not found"),
    ("/test-only/broken/", "sv"): (500, "Något gick fel"),
    ("/test-only/broken/", "en"): (500, "Something went wrong"),
}


def visitor(language):
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = language
    return client


@pytest.mark.parametrize(("path", "language"), PAGES)
def test_error_pages_speak_the_visitors_language_without_internals(path, language, db, settings):
    settings.DEBUG = False
    status, heading = PAGES[path, language]

    response = visitor(language).get(path)

    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in response.text or f"<h2>{heading}</h2>" in response.text
    assert [text for text in INTERNALS if text in response.text] == []


@pytest.mark.parametrize(
    ("language", "heading"), [("sv", "Formuläret har gått ut"), ("en", "The form has expired")]
)
def test_a_form_without_csrf_token_gets_the_expired_form_page(language, heading, db, settings):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = language

    response = client.post("/accounts/login/", {"username": "forening", "password": "demo"})

    assert response.status_code == 403
    assert f"<h1>{heading}</h1>" in response.text
    assert "CSRF" not in response.text
