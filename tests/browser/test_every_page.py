"""Every page type passes axe-core and breaks no Content Security Policy rule.

The sweep takes its pages from the URL walk (tests/<app>/url_walk.py): every URL that
answers 200 to some demo role is opened as the role that sees the most of it, so a new
page is checked the day its expectation is added. Error pages, the expired-form page and
the lockout page, which no URL walk reaches, have their own tests; Django's admin pages are
held to the Content Security Policy only.
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.browser.helpers import CSP_MARK, assert_accessible, login
from tests.test_url_walk import expectations, url_names

# Most to least privileged: the first role that gets a page sees most of its controls.
PREFERENCE = ("admin", "samordnare", "tjansteperson", "forening", "utomstaende", "anonymous")


def pages_by_role():
    """{role: [url, ...]} for every walked URL that some role can open."""
    table = expectations()
    pages = {}
    for name in sorted(set(url_names()) & set(table)):
        expect = table[name]
        role = next((r for r in PREFERENCE if expect.status_for(r) == 200), None)
        if role:
            pages.setdefault(role, []).append(reverse(name, kwargs=expect.kwargs()))
    return pages


def problems_on(page, url):
    # Ask first: a file download is not a page, and navigating to it aborts the browser.
    probe = page.request.get(url)
    if probe.status != 200:
        return [f"{url}: {probe.status}"]
    if "text/html" not in probe.headers.get("content-type", ""):
        return []
    page.goto(url)
    try:
        assert_accessible(page)
    except AssertionError as error:
        page.csp_violations.clear()
        return [str(error)]
    return []


def test_every_page_passes_axe_without_csp_violations(page):
    problems = []

    for role, urls in pages_by_role().items():
        page.context.clear_cookies()
        if role != "anonymous":
            login(page, role)
        for url in urls:
            problems += problems_on(page, url)

    assert problems == []


def test_the_admin_pages_break_no_csp_rule(page):
    """Django's admin is not ours to restyle, but it must keep working under our policy."""
    login(page, "admin")
    urls = ["/admin/"]
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        urls += [reverse("admin:{}_{}_changelist".format(*info))]
        urls += [reverse("admin:{}_{}_add".format(*info))]

    statuses = {url: page.goto(url).status for url in urls}

    assert set(statuses.values()) <= {200, 403}, statuses
    assert page.csp_violations == []


@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/test-only/forbidden/", "Inte tillåtet"),
        ("/finns-inte/", "Sidan hittades inte"),
        ("/test-only/broken/", "Något gick fel"),
    ],
)
def test_the_error_pages_are_accessible(page, path, heading):
    page.goto(path)

    assert page.get_by_role("heading", name=heading).is_visible()
    assert_accessible(page)


def test_an_expired_form_explains_itself_accessibly(page):
    page.goto("/accounts/login/")
    page.context.clear_cookies()  # as if the CSRF cookie had expired

    login_form = page.get_by_role("main").get_by_role("button", name="Logga in")
    page.get_by_label("Användarnamn").fill("forening")
    page.get_by_label("Lösenord").fill("demo")
    login_form.click()

    assert page.get_by_role("heading", name="Formuläret har gått ut").is_visible()
    assert_accessible(page)


def test_five_wrong_passwords_lock_the_login_with_an_accessible_message(page):
    for _ in range(5):
        login(page, "forening", password="fel")

    assert page.get_by_role("heading", name="För många inloggningsförsök").is_visible()
    assert page.get_by_role("alert").get_by_text("spärrad i 15 minuter").is_visible()
    assert_accessible(page)


def test_the_csp_watch_notices_an_inline_script(page):
    page.goto("/")

    with page.expect_console_message(lambda message: CSP_MARK in message.text):
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.injected = 1'; document.body.append(s); }"
        )

    assert page.evaluate("() => window.injected") is None
    assert any("script-src" in v for v in page.csp_violations)
    page.csp_violations.clear()
