"""The local agreement's life in the browser, as the demo coordinator lives it."""

from datetime import timedelta

from django.utils import timezone

from tests.browser.helpers import assert_accessible, login

IOP = "/agreements/iop-laxhjalp-oresundsvik/"
LO = "/agreements/lokal-overenskommelse-kullahamn/"


def in_days(days):
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def save_draft(page, text):
    page.goto(IOP + "draft/")
    page.get_by_label("Text", exact=True).fill(text)
    page.get_by_role("button", name="Spara utkastet").click()
    assert page.get_by_text("Utkastet sparades.").is_visible()


def open_consultation(page):
    page.goto(IOP)
    page.get_by_role("link", name="Skicka på remiss").click()
    assert_accessible(page)
    page.get_by_label("Remisstiden slutar").fill(in_days(30))
    page.get_by_role("button", name="Publicera och skicka på remiss").click()
    assert page.get_by_text("Versionen publicerades och skickades på remiss.").is_visible()


def close_consultation(page):
    page.goto(IOP + "consultation/close/")
    page.get_by_role("button", name="Avsluta remissen").click()


def test_the_coordinator_drafts_and_opens_a_consultation(page):
    login(page, "samordnare")
    page.goto("/agreements/")
    assert_accessible(page)
    page.get_by_role(
        "link", name="Idéburet offentligt partnerskap om läxhjälp i Öresundsvik"
    ).click()
    assert_accessible(page)
    page.get_by_role("link", name="Redigera arbetsutkastet").click()
    assert_accessible(page)

    page.get_by_label("Text", exact=True).fill("# 1 Bakgrund\n\nLäxhjälp fyra dagar i veckan.")
    page.get_by_role("button", name="Förhandsvisa").click()
    assert page.get_by_role("heading", name="1 Bakgrund").is_visible()
    page.get_by_role("button", name="Spara utkastet").click()
    open_consultation(page)

    page.goto(IOP + "revisions/1/")
    assert_accessible(page)
    assert page.get_by_role("heading", name="1 Bakgrund").is_visible()


def test_two_people_save_at_once_and_nothing_is_lost(page):
    login(page, "samordnare")
    other = page.context.new_page()
    other.goto(IOP + "draft/")
    save_draft(page, "Samordnarens text.")

    other.get_by_label("Text", exact=True).fill("Min egen text.")
    other.get_by_role("button", name="Spara utkastet").click()

    assert other.get_by_role("heading", name="Någon annan sparade utkastet").is_visible()
    assert other.get_by_label("Text", exact=True).input_value() == "Min egen text."
    assert other.get_by_text("Samordnarens text.").first.is_visible()
    assert_accessible(other)


def test_a_new_revision_is_compared_with_the_first(page):
    login(page, "samordnare")
    save_draft(page, "# 1 Bakgrund\n\nLäxhjälp två dagar i veckan.")
    open_consultation(page)
    close_consultation(page)
    page.goto(IOP)
    page.get_by_role("button", name="Påbörja ett nytt utkast").click()
    save_draft(page, "# 1 Bakgrund\n\nLäxhjälp fyra dagar i veckan.")
    open_consultation(page)

    page.goto(IOP + "revisions/2/")
    page.get_by_role("link", name="Ändringar sedan version 1").click()

    assert_accessible(page)
    assert page.locator("del", has_text="två").first.is_visible()
    assert page.locator("ins", has_text="fyra").first.is_visible()
    page.get_by_label("Visa").select_option("inline")
    page.get_by_role("button", name="Jämför", exact=True).click()
    assert_accessible(page)


def test_adoption_and_signatures(page):
    login(page, "samordnare")
    save_draft(page, "# 1 Bakgrund\n\nLäxhjälp för alla.")
    open_consultation(page)
    close_consultation(page)

    page.goto(IOP + "revisions/1/")
    page.get_by_role("link", name="Registrera antagandet").click()
    assert_accessible(page)
    page.get_by_label("Beslutsdatum").fill(timezone.localdate().isoformat())
    page.get_by_label("Diarienummer").fill("KS 2025/0101")
    page.get_by_label("Paragraf i protokollet").fill("§ 12")
    page.get_by_role("button", name="Registrera antagandet").click()
    assert page.get_by_text("Antagandet registrerades.").is_visible()

    page.get_by_role("link", name="Underskrift för Öresundsviks Boxningsklubb").click()
    page.get_by_label("Undertecknad av").fill("Ahmed Hassan")
    page.get_by_label("Undertecknarens titel").fill("Ordförande")
    page.get_by_role("button", name="Registrera underskrift").click()

    assert page.get_by_text("Undertecknad", exact=False).first.is_visible()
    assert page.get_by_text("Ahmed Hassan").first.is_visible()
    page.goto(IOP + "print/")
    assert_accessible(page)


def test_anyone_reads_the_adopted_agreement_and_its_print_view(page):
    page.goto(LO)
    assert_accessible(page)
    page.get_by_role("link", name="Utskriftsversion").click()
    assert_accessible(page)
    assert page.get_by_role("heading", name="3.2 Föreningslivets åtaganden").is_visible()
