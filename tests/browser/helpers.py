"""Steps shared by the browser stories."""

from pathlib import Path

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def login(page, username, password="demo"):
    page.goto("/accounts/login/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()


def assert_accessible(page):
    """Run axe-core on the current page; serious and critical violations fail the test.

    The script is evaluated through the DevTools protocol, so the site's Content
    Security Policy stays in force for everything else on the page.
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
