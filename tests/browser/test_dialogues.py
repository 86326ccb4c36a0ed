"""The dialogue story: samordnare holds a meeting from agenda to approved minutes with an
action item; forening approves as the minutes checker's organisation, reads it and posts."""

from tests.browser.helpers import assert_accessible, login

FORUM = "/forums/dialogforum-lo/"


def logout(page):
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_load_state()


def plan_meeting(page):
    page.goto(FORUM)
    assert_accessible(page)
    page.get_by_role("link", name="Nytt möte").click()
    assert_accessible(page)
    page.locator("#id_title").fill("Extra dialogmöte om lokaler")
    page.locator("#id_starts_at").fill("2030-05-02T17:00")
    page.locator("#id_ends_at").fill("2030-05-02T19:00")
    page.locator("#id_place").fill("Stadshuset")
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_role("heading", name="Extra dialogmöte om lokaler").is_visible()
    assert_accessible(page)


def prepare_agenda_and_attendance(page):
    page.get_by_role("link", name="Lägg till dagordningspunkt").click()
    page.locator("#id_title").fill("Lokalbrist för idrottsföreningar")
    page.locator("#id_outcome_type").select_option(label="Rekommendation")
    page.locator("#id_outcome").fill("Forumet rekommenderar en gemensam lokalbank.")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("link", name="Registrera närvaro").first.click()
    page.locator("#id_organisation").select_option(label="Kullahamns IF")
    page.locator("#id_participant_role").fill("Ordförande")
    page.locator("#id_meeting_role").select_option(label="Justerare")
    page.get_by_role("button", name="Spara").click()


def write_and_send_minutes(page):
    page.get_by_role("link", name="Skriv minnesanteckningar").click()
    page.locator("#id_minutes").fill("### §1 Lokalbrist\n\nForumet diskuterade **lokalbanken**.")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("button", name="Skicka till deltagarna för justering").click()
    assert page.get_by_text("skickades till deltagarna för justering").is_visible()


def add_action_item(page):
    page.get_by_role("link", name="Lägg till åtgärdspunkt").click()
    page.locator("#id_title").fill("Utreda en lokalbank")
    page.locator("#id_owner").select_option(label="Kultur- och fritidsförvaltningen")
    page.locator("#id_due_date").fill("2030-09-30")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("link", name="Utreda en lokalbank").click()
    assert_accessible(page)


def test_a_meeting_from_agenda_to_approved_minutes_then_read_and_discussed(page):
    login(page, "samordnare")
    plan_meeting(page)
    meeting_url = page.url
    prepare_agenda_and_attendance(page)
    write_and_send_minutes(page)
    add_action_item(page)
    logout(page)

    login(page, "forening")
    page.goto(meeting_url)
    page.get_by_role("button", name="Justera minnesanteckningarna").click()
    assert page.get_by_text("justerades och kan inte längre ändras").is_visible()
    assert page.locator(".minutes strong", has_text="lokalbanken").is_visible()
    assert_accessible(page)

    page.goto(FORUM)
    page.get_by_role("link", name="Lokaler för träning vintertid").click()
    page.locator("#id_body").fill("Vi ställer gärna upp i arbetet med **lokalbanken**.")
    page.get_by_role("button", name="Publicera").click()

    assert page.locator(".posts strong", has_text="lokalbanken").is_visible()
    assert_accessible(page)


def test_the_forum_list_and_the_action_item_board_are_accessible(page):
    login(page, "tjansteperson")

    for path in ["/forums/", "/forums/action-items/", "/forums/action-items/?overdue=on"]:
        page.goto(path)
        assert_accessible(page)
    page.goto("/forums/action-items/?overdue=on")
    assert page.get_by_text("Försenad").first.is_visible()


def test_an_outsider_reads_a_public_forum_and_starts_nothing(page):
    login(page, "utomstaende")

    page.goto("/forums/")
    page.get_by_role("link", name="Dialogforum för den lokala överenskommelsen").click()

    assert page.get_by_role("heading", name="Tidigare möten").is_visible()
    assert page.get_by_role("link", name="Nytt ämne").count() == 0
    assert_accessible(page)
