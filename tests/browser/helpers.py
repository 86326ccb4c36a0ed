"""Steps shared by the browser stories."""

from pathlib import Path

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CSP_MARK = "Content Security Policy"


def login(page, username, password="demo"):
    page.goto("/accounts/login/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()


def assert_accessible(page):
    """Run axe-core on the current page; serious and critical violations fail the test.

    The script is evaluated through the DevTools protocol, so the site's Content
    Security Policy stays in force for everything else on the page. Any CSP
    violation reported so far fails the test too.
    """
    page.evaluate(AXE_SOURCE + "\n;0")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert problems == [], f"{page.url}: " + "; ".join(problems)
    assert_no_csp_violations(page)


def watch_csp(page):
    """Collect the Content Security Policy violations Chromium reports on its console."""
    page.csp_violations = []

    def on_console(message):
        if CSP_MARK in message.text:
            page.csp_violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)


def assert_no_csp_violations(page):
    violations = getattr(page, "csp_violations", [])
    assert violations == [], "\n".join(violations)


def tab_to(page, locator, presses=60):
    """Press Tab until `locator` has the keyboard focus, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator} on {page.url}")


def focused_id(page):
    """The id of the element with the keyboard focus, once it has settled.

    The browser moves the focus to an `autofocus` field only after the page has loaded, and a
    keypress's effect arrives a moment later: wait up to two seconds for a focused element with
    an id before asking which it is.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:
        page.wait_for_function(
            "() => document.activeElement && document.activeElement.id", timeout=2000
        )
    except PlaywrightTimeoutError:
        return ""
    return page.evaluate("() => document.activeElement.id")
