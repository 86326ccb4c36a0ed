"""The dialogue story as a secretary runs it (issue 18): samordnare sets up a forum, plans a
meeting, sends the notice, records everyone's attendance in one form, writes the minutes from
the agenda and sends them for approval; only forening, the named approver, approves them; the
protocol downloads as a PDF."""

import datetime

from django.core import mail
from django.utils import timezone

from tests.browser.helpers import assert_accessible, login

FORUM_NAME = "Forum för idrottens lokaler"
ITEM = "Lokalbrist för idrottsföreningar"


def logout(page):
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_load_state()


def set_up_forum(page):
    page.goto("/forums/")
    page.get_by_role("link", name="Nytt forum").click()
    assert_accessible(page)
    page.locator("#id_name").fill(FORUM_NAME)
    page.locator("#id_kind").select_option(label="Arbetsgrupp")
    page.locator("#id_purpose").fill("Följa upp lokalbristen för idrottsföreningar.")
    page.locator("#id_members").select_option(label="Kullahamns IF")
    page.get_by_role("button", name="Skapa forumet").click()
    assert page.get_by_role("heading", name=FORUM_NAME).is_visible()


def plan_meeting_and_send_notice(page):
    day = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    page.get_by_role("link", name="Nytt möte").click()
    page.locator("#id_title").fill("Första mötet")
    page.locator("#id_starts_at").fill(f"{day}T17:00")
    page.locator("#id_ends_at").fill(f"{day}T19:00")
    page.locator("#id_place").fill("Stadshuset")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("link", name="Lägg till dagordningspunkt").click()
    page.locator("#id_title").fill(ITEM)
    page.locator("#id_outcome_type").select_option(label="Rekommendation")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("button", name="Skicka kallelsen").click()
    assert page.get_by_text("Kallelsen skickades till medlemmarna.").is_visible()
    assert_accessible(page)


def record_attendance(page):
    page.get_by_role("link", name="Registrera närvaro").click()
    assert_accessible(page)
    page.get_by_label("Närvaro för Fatima Nilsson").select_option(label="Närvarande")
    page.get_by_label("Närvaro för Sara Lind").select_option(label="Närvarande")
    page.locator("#id_secretary").select_option(label="Sara Lind (Kullahamns stad)")
    page.get_by_label("Fatima Nilsson (Kullahamns IF)").check()
    page.get_by_role("button", name="Spara närvaron").click()
    assert page.get_by_text("Närvaron sparades.").is_visible()


def write_and_send_minutes(page):
    page.get_by_role("link", name="Skriv minnesanteckningar").click()
    assert_accessible(page)
    paragraph = page.get_by_role("group", name=f"§1 {ITEM}")
    paragraph.get_by_label("Diskussion").fill("Fjorton föreningar saknar tider i hallarna.")
    paragraph.get_by_label("Utfall", exact=True).fill("Forumet rekommenderar en lokalbank.")
    page.get_by_role("button", name="Spara minnesanteckningarna").click()
    page.get_by_role("button", name="Skicka till justerarna").click()
    assert page.get_by_text("Minnesanteckningarna skickades till justerarna.").is_visible()


def test_a_secretary_runs_a_meeting_from_forum_to_approved_protocol(page):
    login(page, "samordnare")
    set_up_forum(page)
    plan_meeting_and_send_notice(page)
    meeting_url = page.url.split("#")[0]
    record_attendance(page)
    write_and_send_minutes(page)
    page.goto(meeting_url + "minutes/approve/")
    assert page.get_by_text("Endast de justerare som utsetts").is_visible()
    logout(page)

    login(page, "forening")
    page.goto("/")
    waiting = page.get_by_role("region", name="Minnesanteckningar som väntar på din justering")
    waiting.get_by_role("listitem").filter(has_text=FORUM_NAME).get_by_role("link").click()
    assert page.get_by_text("Fjorton föreningar saknar tider i hallarna.").is_visible()
    assert_accessible(page)
    page.get_by_label("Jag har läst minnesanteckningarna").check()
    page.get_by_role("button", name="Justera minnesanteckningarna").click()

    assert page.get_by_text("Minnesanteckningarna är justerade").is_visible()
    protocol = page.request.get(meeting_url + "protocol.pdf")
    assert protocol.headers["content-type"] == "application/pdf"
    assert protocol.body().startswith(b"%PDF")
    assert any("forening@demo.example" in message.to for message in mail.outbox)
