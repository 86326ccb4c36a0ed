"""The "Skicka på remiss" link leads somewhere from every state: without a draft to the
place where one is started, during an open consultation to closing it, in force to putting
it under review."""

from agreements.models import Agreement
from tests.agreements.factories import adopt, consult, publish


def test_without_a_draft_the_coordinator_is_sent_to_start_one(client, agreement, coordinator):
    publish(agreement, by=coordinator)
    client.force_login(coordinator)

    response = client.get("/agreements/lo/consultation/open/", follow=True)

    assert response.redirect_chain[-1][0] == "/agreements/lo/"
    assert "Det finns inget arbetsutkast" in response.text


def test_the_draft_page_during_a_consultation_leads_to_closing_it(client, agreement, coordinator):
    publish(agreement, by=coordinator)
    agreement.start_draft(by=coordinator)
    client.force_login(coordinator)

    page = client.get("/agreements/lo/draft/").text

    assert "/agreements/lo/consultation/close/" in page
    assert "/agreements/lo/consultation/open/" not in page


def test_the_agreement_page_in_force_with_a_draft_offers_the_consultation(
    client, agreement, coordinator
):
    adopt(agreement, consult(agreement, by=coordinator), by=coordinator)
    agreement.change_status(Agreement.Status.IN_FORCE, by=coordinator)
    agreement.start_draft(by=coordinator)
    client.force_login(coordinator)

    page = client.get("/agreements/lo/").text

    assert "/agreements/lo/consultation/open/" in page
