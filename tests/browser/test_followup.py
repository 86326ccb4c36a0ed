"""The follow-up's pages pass axe-core without CSP violations, and the done-when story:
`forening` reports and answers the survey in the browser; a visitor reads the charts."""

from django.urls import reverse

from tests.browser.helpers import assert_accessible, login
from tests.browser.test_every_page import PREFERENCE, problems_on
from tests.followup.url_walk import URLS


def test_every_follow_up_page_passes_axe(page):
    problems = []
    for role in PREFERENCE:
        urls = [
            reverse(name, kwargs=expect.kwargs())
            for name, expect in URLS.items()
            if expect.status_for(role) == 200
            and next(r for r in PREFERENCE if expect.status_for(r) == 200) == role
        ]
        page.context.clear_cookies()
        if role != "anonymous":
            login(page, role)
        for url in urls:
            problems += problems_on(page, url)

    assert problems == []


def test_forening_reports_by_keyboard_and_the_public_sees_the_charts(page):
    from followup.models import Commitment

    commitment = Commitment.objects.get(
        plan__agreement__slug="lokal-overenskommelse-kullahamn", number=16
    )
    login(page, "forening")
    page.goto("/agreements/lokal-overenskommelse-kullahamn/follow-ups/2026/")
    page.get_by_role("link", name=f"{commitment.number}. {commitment.title}").click()
    page.get_by_label("Genomfört (%)").fill("55")
    page.get_by_label("Vad som har gjorts").fill("Tre av fyra utbildningar hållna.")
    page.get_by_role("button", name="Skicka rapporten").click()
    page.wait_for_load_state()

    assert page.get_by_text("Tack, rapporten har sparats.").is_visible()
    commitment.refresh_from_db()
    assert commitment.progress == 55

    page.context.clear_cookies()
    page.goto("/agreements/lokal-overenskommelse-kullahamn/follow-up/")
    assert page.locator("figure img.chart").count() >= 3
    assert_accessible(page)
