"""The start page's follow-up block: the reports a person's organisations owe, the reports not
yet in for coordinators, and the organisations' commitments; only what they may see."""

import pytest

from tests.followup.conftest import agreement, commitment, plan  # noqa: F401
from tests.followup.factories import open_round


@pytest.fixture
def round(plan, commitment):  # noqa: F811
    return open_round(plan, year=2025)


def test_a_member_sees_the_report_their_organisation_owes_and_its_commitments(
    client, round, member
):
    client.force_login(member)

    page = client.get("/").text

    assert "/agreements/lo/follow-ups/2025/" in page
    assert "Trygga idrottsmiljöer" in page


def test_a_coordinator_sees_who_has_not_reported(client, round, coordinator, association):
    client.force_login(coordinator)

    page = client.get("/").text

    assert "Rapporter som inte har kommit in" in page
    assert association.name in page


def test_an_outsider_sees_no_task_and_no_commitment(client, round, outsider):
    client.force_login(outsider)

    page = client.get("/").text

    assert "/agreements/lo/follow-ups/2025/" not in page
    assert "Trygga idrottsmiljöer" not in page


def test_a_reported_task_leaves_the_block(client, round, commitment, member, association):  # noqa: F811
    round.report_on(
        commitment, organisation=association, status="in_progress", progress=40, text="", by=member
    )
    client.force_login(member)

    page = client.get("/").text

    assert "/agreements/lo/follow-ups/2025/" not in page
