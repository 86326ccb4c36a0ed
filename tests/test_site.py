import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from organisations.models import Membership, Organisation

ROOT = Path(__file__).resolve().parent.parent


def run_python(code, **env):
    """Run code in a fresh interpreter with a given environment (settings are read at import)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DATABASE_URL": "nonsense"}, "DATABASE_URL could not be parsed"),
        ({"DATABASE_URL": "mysql://u@h/db"}, "unsupported database"),
        ({"DJANGO_DEBUG": "maybe"}, "is not a boolean"),
        ({"DJANGO_DEBUG": "0"}, "DJANGO_SECRET_KEY must be set"),
        ({"SESSION_COOKIE_AGE": "a day"}, "is not a whole number"),
        ({"WEBHOOKS_SECRET_KEYS": "too-short"}, "WEBHOOKS_SECRET_KEYS: each key must be 32 bytes"),
        ({"DJANGO_SITE_URL": "overens.kullahamn.se"}, "DJANGO_SITE_URL='overens.kullahamn.se'"),
        (
            {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "k" * 60, "DJANGO_ALLOWED_HOSTS": "*"},
            "needed for the links in e-mails",
        ),
    ],
)
def test_bad_settings_stop_the_start_with_a_clear_message(env, message):
    result = run_python("import config.settings", **env)

    assert result.returncode != 0
    assert message in result.stderr


def test_the_production_settings_from_the_readme_pass_the_deploy_check():
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 20 + "a-long-and-random-production-secret-key-0123456789",
        DJANGO_ALLOWED_HOSTS="overens.example.se",
        DATABASE_URL="sqlite:////tmp/overens-deploy-check.sqlite3",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "site_url"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"DJANGO_SITE_URL": "https://overens.kullahamn.se/"}, "https://overens.kullahamn.se"),
        (
            {
                "DJANGO_DEBUG": "0",
                "DJANGO_SECRET_KEY": "k" * 60,
                "DJANGO_ALLOWED_HOSTS": ".kullahamn.se,overens.kullahamn.se",
            },
            "https://overens.kullahamn.se",
        ),
    ],
)
def test_e_mail_links_go_to_the_site_address(env, site_url):
    result = run_python("import config.settings as s; print(s.SITE_URL)", **env)

    assert result.stdout.strip() == site_url, result.stderr


def test_the_site_speaks_swedish_by_default_and_english_on_request(client, db):
    swedish = client.get("/accounts/login/")
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    english = client.get("/accounts/login/")

    assert '<html lang="sv">' in swedish.text and "Logga in" in swedish.text
    assert '<html lang="en">' in english.text and "Log in" in english.text


def test_the_accessibility_statement_is_public(client, db):
    response = client.get("/accessibility/")

    assert response.status_code == 200
    assert "Tillgänglighetsredogörelse" in response.text


def test_an_unknown_page_gives_the_swedish_404_page(client, db, settings):
    settings.DEBUG = False

    response = client.get("/finns-inte/")

    assert response.status_code == 404
    assert "Sidan hittades inte" in response.text


def test_seed_demo_creates_the_demo_city_once(demo):
    counts = Organisation.objects.count(), Membership.objects.count()
    call_command("seed_demo")  # the demo fixture ran it once

    assert (Organisation.objects.count(), Membership.objects.count()) == counts
    assert Organisation.objects.filter(kind="association").count() >= 20
    assert (
        Organisation.objects.filter(kind="department", parent__name="Kullahamns stad").count() == 6
    )
    for organisation in Organisation.objects.exclude(organisation_number=""):
        organisation.full_clean()  # every demo number passes the Luhn check


def test_each_demo_user_can_log_in(client, demo):
    # Through the login form: the login throttle needs the request that client.login() lacks.
    for username in ["admin", "samordnare", "tjansteperson", "forening", "utomstaende"]:
        response = client.post("/accounts/login/", {"username": username, "password": "demo"})
        assert response.status_code == 302, username
        assert client.session["_auth_user_id"] == str(User.objects.get(username=username).pk)
        client.post("/accounts/logout/")


def test_every_page_names_the_favicon_and_the_browsers_default_address_finds_it(client, db):
    page = client.get("/accessibility/").text

    answer = client.get("/favicon.ico")

    assert '<link rel="icon" href="/static/startpage/favicon.svg" type="image/svg+xml">' in page
    assert answer.status_code == 302 and answer["Location"] == "/static/startpage/favicon.svg"
