"""Browser tests: Playwright drives Debian's Chromium against a live server.

Playwright never downloads a browser here; it starts /usr/bin/chromium (or
CHROMIUM_PATH). Without Chromium the browser tests are skipped locally and fail
in CI (CI=true), so a missing browser cannot pass unnoticed.
"""

import os
import shutil

import pytest

from tests.browser.helpers import assert_no_csp_violations, watch_csp

# Playwright's sync API runs an event loop in the test thread; the ORM calls made
# by fixtures in the same thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}; install the Debian package 'chromium'."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    context.set_default_timeout(10_000)
    page = context.new_page()
    watch_csp(page)
    yield page
    context.close()
    assert_no_csp_violations(page)
