"""Keyboard only: a visitor who uses no mouse skips to the content, logs in, switches language."""

from tests.browser.helpers import assert_accessible, focused_id, login, tab_to

# The width of the focus ring; Chromium reports a width even for `outline-style: none`.
OUTLINE = """() => { const style = getComputedStyle(document.activeElement);
    return style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth); }"""


def press_and_wait(page, key):
    with page.expect_navigation():
        page.keyboard.press(key)


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto("/organisations/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Hoppa till innehållet")
    assert skip_link.is_visible()
    assert skip_link.evaluate("link => link === document.activeElement")
    page.keyboard.press("Enter")

    assert focused_id(page) == "main"
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_q"  # the first field of the content, not the header


def test_a_keyboard_user_logs_in_switches_language_and_logs_out(page):
    page.goto("/")

    tab_to(page, page.get_by_role("banner").get_by_role("link", name="Logga in"))
    press_and_wait(page, "Enter")
    assert focused_id(page) == "id_username"
    assert page.evaluate(OUTLINE) >= 2  # the focus can be seen
    page.keyboard.type("forening")
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_password"
    page.keyboard.type("demo")
    press_and_wait(page, "Enter")
    assert page.get_by_role("button", name="Logga ut").is_visible()

    tab_to(page, page.get_by_role("button", name="English"))
    press_and_wait(page, "Enter")
    assert page.locator("html").get_attribute("lang") == "en"

    tab_to(page, page.get_by_role("button", name="Log out"))
    press_and_wait(page, "Enter")
    assert page.get_by_role("banner").get_by_role("link", name="Log in").is_visible()
    assert_accessible(page)


def test_a_date_field_shows_the_focus_on_its_calendar_button(page):
    login(page, "tjansteperson")
    page.goto("/search/?q=lokalbrist")

    tab_to(page, page.locator("#id_date_from"))  # its first part: the year, month or day
    for _part in range(3):
        page.keyboard.press("Tab")  # the other two parts, then the field's calendar button

    assert focused_id(page) == "id_date_from"
    assert page.evaluate(OUTLINE) >= 2
