import pytest

from search import backends
from tests.browser.helpers import assert_accessible, login


@pytest.fixture(autouse=True)
def search_index(tmp_path, settings):
    """A fresh index, filled by the demo city's records as they are committed."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    yield
    backends.close_all()


def search_from_header(page, text):
    page.get_by_role("search").first.get_by_label("Sök i Överens").fill(text)
    page.get_by_role("search").first.get_by_role("button", name="Sök").click()
    page.wait_for_load_state()


def test_a_visitor_finds_a_demo_organisation_by_a_word_and_by_a_compound_part(page):
    page.goto("/")

    search_from_header(page, "simskola")
    assert (
        page.locator(".hit-list").get_by_role("link", name="Hamnstadens Simsällskap").is_visible()
    )
    assert_accessible(page)

    search_from_header(page, "idrott")
    assert page.locator(".hit-list").get_by_role("link", name="Kullahamns IF").is_visible()
    assert page.locator(".snippet mark").first.is_visible()


def test_a_search_without_hits_is_explained_and_accessible(page):
    login(page, "tjansteperson")

    page.goto("/search/?q=xyzzyqq")

    assert page.get_by_role("heading", name="0 träffar").is_visible()
    assert_accessible(page)


def test_the_empty_search_page_with_its_help_is_accessible(page):
    page.goto("/search/")
    page.get_by_text("Så söker du").click()

    assert page.get_by_text("lokal överenskommelse").is_visible()
    assert_accessible(page)


STORY_WORDS = "lokalbrist idrottsföreningar"


def test_a_staff_member_finds_a_steering_group_minutes_passage_and_opens_its_agenda_item(page):
    login(page, "tjansteperson")

    search_from_header(page, STORY_WORDS)
    hit = (
        page.locator(".hit-list > li")
        .filter(has_text="Minnesanteckningar")
        .filter(has_text="Styrgruppen")
    )
    assert hit.first.locator(".snippet mark").first.is_visible()
    assert_accessible(page)
    hit.first.get_by_role("link").click()
    page.wait_for_load_state()

    assert "#paragraph-" in page.url  # the minutes' paragraph, inside its agenda item
    assert page.locator(":target").is_visible()
    target = page.locator("li:has(:target)")
    assert target.get_by_role(
        "heading", name="Lokalbrist för idrottsföreningar i Södra hamnen"
    ).is_visible()


def test_an_outsider_with_the_same_words_finds_only_public_records(page):
    login(page, "utomstaende")

    search_from_header(page, STORY_WORDS)

    hits = page.locator(".hit-list > li")
    assert hits.count() > 0
    assert hits.filter(has_text="Styrgruppen").count() == 0
    assert hits.filter(has_text="Temaforum trygghet").count() == 0


def test_a_forum_pages_search_box_searches_only_that_forum(page):
    login(page, "tjansteperson")
    page.goto("/forums/styrgrupp-lo/")

    box = page.get_by_role("search", name="Sök i det här forumet")
    box.get_by_label("Sök i det här forumet").fill("lokalbrist")
    box.get_by_role("button", name="Sök").click()
    page.wait_for_load_state()

    scope = "Du söker bara i Styrgruppen för den lokala överenskommelsen."
    assert page.get_by_text(scope).is_visible()
    assert page.locator(".hit-list > li").count() > 0
    assert page.locator(".hit-list > li").filter(has_text="Dialogforum för den").count() == 0
    assert_accessible(page)
    page.get_by_role("link", name="Sök överallt").click()
    page.wait_for_load_state()
    assert page.locator(".hit-list > li").filter(has_text="Dialogforum för den").count() > 0
