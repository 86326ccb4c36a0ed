"""Reflow (WCAG 1.4.10): at 320 CSS pixels, the width of a phone or of 1280 pixels at 400 %
zoom, the pages never scroll sideways, in Swedish or English. A wide table scrolls in its
own box, and a keyboard user who tabs to a button in it sees that button."""

from tests.browser.helpers import assert_accessible, login, tab_to

PAGES = [
    "/",  # the start page: every block of a coordinator
    "/api/tokens/",
    "/agreements/lokal-overenskommelse-kullahamn/",
    "/agreements/lokal-overenskommelse-kullahamn/revisions/3/",  # long title, facts, files
    "/forums/dialogforum-lo/",
    "/forums/dialogforum-lo/action-items/1/",
    "/forums/dialogforum-lo/topics/1/",
    "/forums/styrgrupp-lo/meetings/2026/2/",
    "/search/?q=lokalbrist",
]
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Form fields that stick out of their form's box, by id.
STICKING_OUT = """() => [...document.querySelectorAll('main form')].flatMap(form => {
    const edge = form.getBoundingClientRect().right;
    return [...form.querySelectorAll('input, select, textarea, button')]
        .filter(field => field.getBoundingClientRect().right > edge + 0.5).map(field => field.id);
})"""


def test_the_pages_fit_320_pixels_in_both_languages(page):
    login(page, "samordnare")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/api/tokens/")
    assert_accessible(page)  # no tokens yet: no table to scroll
    page.get_by_label("Namn").fill("Diarieimport")  # a row with a revoke button
    page.get_by_role("button", name="Skapa nyckel").click()

    for language in ["Svenska", "English"]:
        if language == "English":  # the switcher offers the languages not in use
            page.get_by_role("contentinfo").get_by_role("button", name="English").click()
            page.get_by_role("heading", name="Search").wait_for()
        for url in PAGES:
            page.goto(url)
            assert page.evaluate(SIDEWAYS) <= 0, f"{url} in {language} scrolls sideways"
            assert page.evaluate(STICKING_OUT) == [], f"{url} in {language}"
            assert_accessible(page)  # e.g. a box that scrolls must hold something to focus


def test_a_keyboard_user_reaches_a_button_in_a_narrow_table(page):
    login(page, "samordnare")
    page.goto("/api/tokens/")
    page.get_by_label("Namn").fill("Diarieimport")
    page.get_by_role("button", name="Skapa nyckel").click()
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/api/tokens/")

    revoke = page.get_by_role("button", name="Återkalla Diarieimport")
    tab_to(page, revoke)
    box = revoke.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320  # scrolled into sight
    # Revoking is secondary: it does not look like the page's main button.
    assert revoke.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(255, 255, 255)"
