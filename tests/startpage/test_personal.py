"""The signed-in start page shows each person exactly what waits for them."""

import datetime

import pytest
from django.utils import timezone

from tests.dialogues.factories import make_meeting
from tests.startpage.conftest import comment


@pytest.fixture
def everything(consultation, minutes_for_member, overdue_item, member, association):
    comment(consultation, member, association)
    make_meeting(minutes_for_member.forum, title="Vårmötet")


def test_a_member_sees_the_open_consultation_and_a_link_into_it(client, everything, member):
    client.force_login(member)

    page = client.get("/").text

    assert "Öppna remisser" in page
    assert "/agreements/lo/revisions/1/consultation/" in page
    assert "Din organisation har lämnat synpunkter" in page


def test_a_member_whose_organisation_has_not_commented_is_told_so(client, consultation, member):
    client.force_login(member)

    page = client.get("/").text

    assert "Din organisation har inte lämnat synpunkter än" in page


def test_a_member_sees_the_minutes_to_approve_the_meeting_and_the_overdue_action_item(
    client, everything, member
):
    client.force_login(member)

    page = client.get("/").text

    assert "/forums/trygghet/meetings/" in page and "/minutes/approve/" in page
    assert "Vårmötet" in page and "meeting.ics" in page
    assert "Ta fram lokalförteckning" in page and "Försenad" in page


def test_a_member_is_shown_the_answer_to_their_comment(client, consultation, member, coordinator):
    mine = comment(consultation, member, member.memberships.get().organisation)
    mine.answer(disposition="accepted", reason="Vi lägger till det.", by=coordinator)
    client.force_login(member)

    page = client.get("/").text

    assert mine.get_absolute_url() in page
    assert "Beaktad" in page


def test_a_member_gets_no_coordinator_blocks(client, everything, member):
    client.force_login(member)

    page = client.get("/").text

    assert "Synpunkter som väntar på svar" not in page


def test_the_coordinator_counts_the_unanswered_comments_and_the_minutes_out_for_approval(
    client, everything, coordinator, consultation, member, association
):
    comment(consultation, member, association, body="En andra synpunkt.")
    client.force_login(coordinator)

    response = client.get("/")

    blocks = response.context
    assert blocks["unanswered"].count == 2
    assert blocks["minutes_to_check"].count == 1
    assert blocks["overdue"].count == 1
    page = response.text
    assert "Synpunkter som väntar på svar" in page
    assert "/agreements/lo/revisions/1/comments/?status=unanswered" in page
    assert "0 av 1 justerare har justerat" in page


def test_the_coordinator_sees_consultations_closing_within_a_week(client, agreement, coordinator):
    closes_at = timezone.now() + datetime.timedelta(days=3)
    agreement.open_consultation(closes_at=closes_at, by=coordinator)
    client.force_login(coordinator)

    closing = client.get("/").context["closing_soon"]

    assert [row.agreement for row in closing] == [agreement]


def test_an_outsider_sees_none_of_the_agreements_tasks(client, everything, outsider):
    client.force_login(outsider)

    response = client.get("/")

    page = response.text
    assert "Testhamns LÖ" not in page
    assert "Trygghetsforum" not in page
    assert "Ta fram lokalförteckning" not in page
    assert response.context["consultations"].count == 0
    assert response.context["meetings"].count == 0
    assert "Ingen remiss är öppen för dina organisationer" in page


def test_staff_read_the_consultation_but_are_not_asked_to_comment(client, everything, staff):
    client.force_login(staff)

    page = client.get("/").text

    assert "/agreements/lo/revisions/1/consultation/" in page
    assert "inte lämnat synpunkter" not in page
    assert "Synpunkter som väntar på svar" not in page


def test_a_withdrawn_party_no_longer_sees_the_consultation(client, everything, agreement, member):
    agreement.parties.get(organisation__memberships__user=member).withdraw(
        on=timezone.localdate(), by=None
    )
    client.force_login(member)

    assert client.get("/").context["consultations"].count == 0


def test_recent_events_name_the_opened_consultation(client, everything, member):
    client.force_login(member)

    page = client.get("/").text

    assert "Senast" in page
    assert "skickades på remiss" in page
