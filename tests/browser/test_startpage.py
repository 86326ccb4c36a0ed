"""The start page in the demo city, as each demo user meets it on a phone."""

import re

import pytest

from tests.browser.helpers import assert_accessible, login

SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("username", ["samordnare", "forening", "tjansteperson", "utomstaende"])
def test_the_start_page_fits_a_phone_and_passes_axe(page, username):
    login(page, username)
    page.set_viewport_size({"width": 390, "height": 800})

    page.goto("/")

    assert page.get_by_role("heading", level=1).inner_text().startswith("Välkommen")
    assert page.evaluate(SIDEWAYS) <= 0
    assert_accessible(page)


def test_forening_follows_the_open_consultation_from_the_start_page(page):
    login(page, "forening")
    page.goto("/")

    block = page.get_by_role("region", name="Öppna remisser")
    block.get_by_role("link").first.click()

    assert "/consultation/" in page.url


def test_a_visitor_meets_the_agreement_in_force_on_a_phone(page):
    page.set_viewport_size({"width": 390, "height": 800})

    page.goto("/")

    agreements = page.get_by_role("region", name="Gällande överenskommelser")
    assert agreements.get_by_role("link").first.is_visible()
    assert page.get_by_role("heading", name="Hur kan vår förening delta?").is_visible()
    assert page.evaluate(SIDEWAYS) <= 0
    assert_accessible(page)


def test_the_notifications_page_fits_a_phone_and_passes_axe(page):
    login(page, "forening")
    page.set_viewport_size({"width": 390, "height": 800})

    # "Aviseringar 25 olästa", beside "Inställningar för aviseringar"
    page.get_by_role("banner").get_by_role("link", name=re.compile("^Aviseringar")).click()

    assert page.get_by_role("heading", name="Aviseringar").is_visible()
    assert page.evaluate(SIDEWAYS) <= 0
    assert_accessible(page)
