"""The follow-up's read-only API follows the pages' rules."""

from tests.followup.factories import make_plan, open_round


def test_the_public_reads_adopted_plans_of_a_public_agreement_not_drafts(client, plan, commitment):
    make_plan(plan.agreement, adopted=False, first_year=2027, last_year=2028)

    response = client.get("/api/v1/agreements/lo/action-plans/")

    assert response.status_code == 200
    [only] = response.json()
    assert only["id"] == plan.pk
    assert [c["title"] for c in only["commitments"]] == ["Trygga idrottsmiljöer"]


def test_an_open_follow_up_is_for_parties_and_a_published_one_for_all(
    client, plan, commitment, member, outsider
):
    round = open_round(plan)
    url = "/api/v1/agreements/lo/follow-ups/2026/"
    client.force_login(outsider)
    outside = client.get(url).status_code
    client.force_login(member)
    party = client.get(url).json()
    client.logout()
    round.publish(summary="Klart.", by=None)
    public = client.get(url).json()

    assert outside == 404
    assert (party["status"], party["report"]) == ("open", {})
    assert public["report"]["commitments"] == 1


def test_a_private_agreement_is_not_found(client, agreement, plan):
    agreement.is_public = False
    agreement.save(update_fields=["is_public"])

    assert client.get("/api/v1/agreements/lo/action-plans/").status_code == 404
