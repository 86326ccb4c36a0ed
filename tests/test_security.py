"""Hardening a visitor can notice: headers, the login throttle, session expiry."""

import re
from datetime import timedelta
from pathlib import Path

from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "secret-pass-123"  # tests/factories.py make_user's default
POLICY = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
}
INLINE = re.compile(r"<script(?![^>]*\ssrc=)|<style|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def log_in(client, username="forening", password=PASSWORD, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def fail_to_log_in(client, times, username="forening"):
    for _ in range(times):
        log_in(client, username, password="wrong-password")


def test_pages_forbid_inline_scripts_inline_styles_and_framing(client, db):
    response = client.get("/")

    assert {part.strip() for part in response["Content-Security-Policy"].split(";")} == POLICY
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_template_has_inline_scripts_styles_or_event_handlers():
    templates = [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/templates/**/*.html")]

    offenders = [str(path) for path in templates if INLINE.search(path.read_text())]

    assert len(templates) > 10
    assert offenders == []


def test_five_failed_logins_lock_the_username_out_with_a_swedish_message(client, member):
    fail_to_log_in(client, 5)

    response = log_in(client)

    assert response.status_code == 429
    assert "Inloggningen misslyckades för många gånger" in response.text
    assert "15 minuter" in response.text
    assert "_auth_user_id" not in client.session


def test_the_lockout_message_is_in_english_for_english_visitors(client, member):
    client.cookies["django_language"] = "en"
    fail_to_log_in(client, 5)

    response = log_in(client)

    assert "Logging in failed too many times" in response.text
    assert "15 minutes" in response.text


def test_four_failed_logins_do_not_lock_anyone_out(client, member):
    fail_to_log_in(client, 4)

    response = log_in(client)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_a_successful_login_starts_the_count_again(client, member):
    fail_to_log_in(client, 4)
    log_in(client)
    client.post("/accounts/logout/")
    fail_to_log_in(client, 4)

    response = log_in(client)

    assert response.status_code == 302


def test_the_lockout_hits_only_that_username_from_that_address(client, member, outsider):
    fail_to_log_in(client, 5)

    other_user = log_in(Client(), username="utomstaende")
    other_address = log_in(Client(), REMOTE_ADDR="192.0.2.7")

    assert other_user.status_code == 302
    assert other_address.status_code == 302


def test_behind_the_proxy_a_forged_forwarded_address_does_not_dodge_the_lockout(
    client, member, settings
):
    settings.BEHIND_PROXY = True
    for forged in ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"]:
        log_in(client, password="wrong", HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.9")

    same_client = log_in(client, HTTP_X_FORWARDED_FOR="192.0.2.6, 203.0.113.9")
    other_client = log_in(Client(), HTTP_X_FORWARDED_FOR="203.0.113.10")

    assert same_client.status_code == 429
    assert other_client.status_code == 302


def test_the_lockout_ends_after_fifteen_minutes(client, member):
    fail_to_log_in(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    response = log_in(client)

    assert response.status_code == 302


def test_a_session_ends_with_the_browser_and_at_most_eight_hours_after_login(client, member):
    response = log_in(client)

    cookie = response.cookies["sessionid"]
    expires = Session.objects.get().expire_date
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert timedelta(hours=7, minutes=59) < expires - timezone.now() <= timedelta(hours=8)


def test_an_expired_session_must_log_in_again(client, member):
    log_in(client)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    response = client.get("/organisations/mine/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_accessibility_statement_names_the_contact_address_when_one_is_set(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "tillganglighet@kullahamn.se"

    response = client.get("/accessibility/")

    assert 'href="mailto:tillganglighet@kullahamn.se"' in response.text
    assert 'href="https://www.digg.se/tdosanmalan"' in response.text
