"""A coordinator makes a personal API token for a script, uses it, and revokes it."""

from tests.browser.helpers import assert_accessible, login


def test_the_coordinator_creates_uses_and_revokes_an_api_token(page):
    login(page, "samordnare")
    page.goto("/organisations/mine/")
    page.get_by_role("link", name="API-nycklar").click()
    assert_accessible(page)

    page.get_by_label("Namn").fill("Diarieimport")
    page.get_by_role("button", name="Skapa nyckel").click()
    token = page.get_by_label("Nyckel", exact=True).input_value()
    assert_accessible(page)

    answer = page.request.get(
        "/api/v1/organisations/kullahamns-if/members/",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status == 200
    page.reload()  # the create request was redirected: reloading creates no second token
    assert page.get_by_label("Nyckel", exact=True).count() == 0
    assert page.get_by_role("cell", name="Diarieimport", exact=True).count() == 1

    page.get_by_role("button", name="Återkalla Diarieimport").click()
    assert page.get_by_text("Nyckeln ”Diarieimport” återkallades.").is_visible()
    refused = page.request.get(
        "/api/v1/organisations/", headers={"Authorization": f"Bearer {token}"}
    )
    assert refused.status == 401


def test_the_api_documentation_is_served_from_our_own_files(page):
    page.goto("/api/docs/")

    page.get_by_text("/api/v1/organisations/").first.wait_for()
    assert_accessible(page)
