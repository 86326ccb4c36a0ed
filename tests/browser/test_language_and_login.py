from tests.browser.helpers import assert_accessible, login


def test_a_visitor_signs_in_in_swedish_and_switches_to_english(page):
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name="Logga in").first.click()
    assert_accessible(page)

    login(page, "forening")
    page.get_by_role("button", name="English").click()

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("button", name="Log out").is_visible()
    assert page.get_by_role("button", name="Svenska").is_visible()


def test_the_organisation_pages_are_accessible(page):
    login(page, "samordnare")

    for path in [
        "/organisations/",
        "/organisations/kullahamns-if/",
        "/organisations/mine/",
        "/accessibility/",
    ]:
        page.goto(path)
        assert_accessible(page)


def test_a_wrong_password_is_explained_in_swedish(page):
    login(page, "forening", password="fel")

    assert page.get_by_text("Observera att båda fälten är skiftlägeskänsliga").is_visible()
