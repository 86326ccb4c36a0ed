"""Files on records: a coordinator attaches and downloads them, parties read them, outsiders
get 404, and files of frozen records are superseded rather than removed."""

import re

from demo import samples
from demo.attachments import dialogue_meeting
from tests.browser.helpers import assert_accessible, login

CITY = "/organisations/kullahamns-stad/"
YOUTH_REVISION = "/agreements/fritid-barn-och-unga/revisions/1/"


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


def test_a_coordinator_attaches_a_pdf_to_a_consultation_draft_and_a_party_downloads_it(
    page, tmp_path
):
    memo = tmp_path / "Missiv till remissen.pdf"
    memo.write_bytes(samples.pdf_bytes(["Missiv: synpunkter senast om två veckor."]))
    login(page, "samordnare")
    page.goto(YOUTH_REVISION)

    page.get_by_label(re.compile(r"^Fil\b")).set_input_files(memo)
    page.get_by_role("button", name="Bifoga fil").click()

    assert page.get_by_text("Missiv till remissen.pdf har bifogats.").is_visible()
    assert_accessible(page)
    link = page.get_by_role("link", name="Missiv till remissen.pdf", exact=True)
    download_url = link.get_attribute("href")
    page.get_by_role("button", name="Logga ut").click()

    login(page, "forening")
    page.goto(YOUTH_REVISION)
    assert page.get_by_label(re.compile(r"^Fil\b")).count() == 0
    with page.expect_download() as download:
        page.get_by_role("link", name="Missiv till remissen.pdf", exact=True).click()
    assert download.value.suggested_filename == "Missiv till remissen.pdf"
    page.get_by_role("button", name="Logga ut").click()

    login(page, "utomstaende")
    assert page.goto(download_url).status == 404


def test_files_of_approved_minutes_are_superseded_not_removed(page):
    meeting_url = dialogue_meeting().get_absolute_url()
    login(page, "samordnare")
    page.goto(meeting_url)
    assert page.get_by_role("link", name="Ta bort Handlingsplan 2025–2026.xlsx").count() == 0
    download_url = page.get_by_role(
        "link", name="Handlingsplan 2025–2026.xlsx", exact=True
    ).get_attribute("href")

    page.get_by_role("button", name="Markera Handlingsplan 2025–2026.xlsx som ersatt").click()

    assert page.get_by_text("Handlingsplan 2025–2026.xlsx har markerats som ersatt.").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Logga ut").click()

    login(page, "utomstaende")
    page.goto(meeting_url)
    assert page.get_by_role("link", name="Handlingsplan 2025–2026.xlsx", exact=True).is_visible()
    assert page.get_by_role("button", name=re.compile("Markera")).count() == 0
    assert page.goto(download_url.rstrip("/") + "/remove/").status == 404
