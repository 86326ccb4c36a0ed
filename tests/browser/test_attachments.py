"""A coordinator attaches a file to their organisation's page and downloads it again."""

import re

from tests.browser.helpers import assert_accessible, login

CITY = "/organisations/kullahamns-stad/"


def test_a_coordinator_attaches_a_file_and_downloads_it(page, tmp_path):
    decision = tmp_path / "Årsmöte protokoll.txt"
    decision.write_text("Protokoll från årsmötet i Kullahamn.\n", encoding="utf-8")
    login(page, "samordnare")
    page.goto(CITY)
    assert_accessible(page)

    page.get_by_label(re.compile(r"^Fil\b")).set_input_files(decision)
    page.get_by_label("Beskrivning").fill("Justerat protokoll")
    page.get_by_role("button", name="Bifoga fil").click()

    assert page.get_by_text("Årsmöte protokoll.txt har bifogats.").is_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Årsmöte protokoll.txt", exact=True).click()
    assert download.value.suggested_filename == "Årsmöte protokoll.txt"


def test_a_refused_file_is_explained_on_an_accessible_page(page, tmp_path):
    script = tmp_path / "inbjudan.txt"
    script.write_text("<!DOCTYPE html><html><script>alert(1)</script></html>")
    login(page, "samordnare")
    page.goto(CITY)

    page.get_by_label(re.compile(r"^Fil\b")).set_input_files(script)
    page.get_by_role("button", name="Bifoga fil").click()

    assert page.get_by_text(
        "Program, skript, webbsidor och SVG-bilder kan inte bifogas."
    ).is_visible()
    assert_accessible(page)


def test_an_outsider_cannot_remove_a_file(page):
    login(page, "samordnare")
    page.goto(CITY)
    remove_link = page.get_by_role("link", name="Ta bort Handlingsplan 2025–2026.xlsx")
    remove_url = remove_link.get_attribute("href")
    remove_link.click()
    assert_accessible(page)
    page.get_by_role("button", name="Logga ut").click()

    login(page, "utomstaende")
    page.goto(CITY)
    assert page.get_by_role("link", name="Handlingsplan 2025–2026.xlsx", exact=True).is_visible()
    assert page.get_by_role("link", name="Ta bort Handlingsplan 2025–2026.xlsx").count() == 0
    response = page.goto(remove_url)

    assert response.status == 404
