"""Indicators: entered values stay inside the plan; computed ones count the records."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from agreements.models import Comment, Disposition, Response
from dialogues.models import ActionItem, Attendance, Meeting
from followup import exceptions as errors
from followup import indicators
from followup.models import Indicator
from tests.agreements.factories import make_agreement, make_party, publish
from tests.dialogues.factories import make_action_item, make_forum, make_meeting
from tests.factories import make_organisation, make_user

C = Indicator.Computed


def at(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 10))


def test_a_value_for_a_year_outside_the_plan_is_refused(plan, coordinator):
    indicator = Indicator.objects.create(plan=plan, name="Bidrag", unit="st")

    with pytest.raises(errors.YearOutsidePlan):
        indicator.record_value(year=2031, value=Decimal(5), by=coordinator)
    indicator.record_value(year=2025, value=Decimal(5), source="Registret", by=coordinator)
    indicator.record_value(year=2025, value=Decimal(7), source="Registret", by=coordinator)

    assert indicators.series(indicator) == {2025: Decimal(7), 2026: None}


def test_a_computed_indicator_takes_no_entered_values(plan, coordinator):
    indicators.add_computed(plan)
    computed = plan.indicators.get(computed=C.MEETINGS_HELD)

    with pytest.raises(errors.FollowUpError):
        computed.record_value(year=2025, value=Decimal(1), by=coordinator)

    assert plan.indicators.count() == len(C.choices)
    indicators.add_computed(plan)
    assert plan.indicators.count() == len(C.choices)  # added once


def test_signed_parties_count_signatures_up_to_the_end_of_the_year(plan, agreement, association):
    party = agreement.parties.get(organisation=association)
    type(party).objects.filter(pk=party.pk).update(signed_on=datetime(2025, 5, 1).date())
    late = make_party(agreement, make_organisation())
    type(late).objects.filter(pk=late.pk).update(signed_on=datetime(2026, 2, 1).date())

    assert indicators.signed_parties(agreement, 2024) == 0
    assert indicators.signed_parties(agreement, 2025) == 1
    assert indicators.signed_parties(agreement, 2026) == 2


def test_comment_indicators_count_answers_and_their_days(db, municipality, coordinator):
    agreement = make_agreement(municipality, by=coordinator)
    revision = publish(agreement, by=coordinator)
    first, second = make_organisation(), make_organisation()
    comments = [
        Comment.objects.create(
            revision=revision,
            author=make_user(),
            organisation=org,
            body="Text",
            created_at=at(2025, 3, 1),
        )
        for org in (first, first, second)
    ]
    for comment, days in zip(comments[:2], (4, 10), strict=True):
        Response.objects.create(
            comment=comment,
            disposition=Disposition.NOTED,
            reason="Noterat",
            responded_at=at(2025, 3, 1) + timedelta(days=days),
        )

    assert indicators.commenting_organisations(agreement, 2025) == 2
    assert indicators.comments_answered(agreement, 2025) == Decimal("66.7")
    assert indicators.days_to_answer(agreement, 2025) == 7
    assert indicators.comments_answered(agreement, 2024) is None


def test_meeting_indicators_count_held_meetings_and_organisations_present(
    municipality, association, other_association
):
    agreement = make_agreement(municipality)
    forum = make_forum(municipality, agreement=agreement)
    held = make_meeting(forum, starts_at=at(2025, 4, 1), status=Meeting.Status.HELD)
    make_meeting(forum, starts_at=at(2025, 9, 1), status=Meeting.Status.CANCELLED)
    for org, presence in ((association, "present"), (other_association, "apologies")):
        Attendance.objects.create(meeting=held, organisation=org, presence=presence)

    assert indicators.meetings_held(agreement, 2025) == 1
    assert indicators.organisations_present(agreement, 2025) == 1


def test_action_items_on_time_count_done_by_the_due_date(municipality, coordinator):
    agreement = make_agreement(municipality)
    meeting = make_meeting(make_forum(municipality, agreement=agreement))
    due = timezone.localdate() + timedelta(days=10)
    on_time = make_action_item(meeting, municipality, due_date=due)
    on_time.change_status(ActionItem.Status.DONE, by=coordinator)
    make_action_item(meeting, municipality, due_date=due)  # still open
    cancelled = make_action_item(meeting, municipality, due_date=due)
    cancelled.change_status(ActionItem.Status.CANCELLED, by=coordinator)

    assert indicators.action_items_on_time(agreement, due.year) == Decimal("50.0")


def test_the_report_has_each_indicator_up_to_the_year(plan, coordinator, commitment):
    from tests.followup.factories import open_round

    indicator = Indicator.objects.create(plan=plan, name="Bidrag", unit="st", target=10)
    indicator.record_value(year=2025, value=Decimal(4), by=coordinator)
    indicator.record_value(year=2026, value=Decimal(6), by=coordinator)
    round = open_round(plan, year=2025)

    round.publish(summary="", by=coordinator)

    [row] = round.report["indicators"]
    assert row["values"] == [[2025, 4.0]]
    assert row["target"] == 10.0


def test_a_coordinator_enters_a_value_and_bad_input_changes_nothing(client, plan, coordinator):
    indicator = Indicator.objects.create(plan=plan, name="Bidrag", unit="st")
    client.force_login(coordinator)
    url = f"/agreements/lo/indicators/{indicator.pk}/values/"

    outside = client.post(url, {"year": 2019, "value": "3"})
    not_a_number = client.post(url, {"year": 2025, "value": "många"})
    fine = client.post(url, {"year": 2025, "value": "3.5", "source": "Registret"})

    assert (outside.status_code, not_a_number.status_code, fine.status_code) == (400, 400, 302)
    assert [str(m) for m in outside.context["messages"]] == [
        "Året ligger utanför handlingsplanens period."
    ]
    assert list(indicator.values.values_list("year", "value")) == [(2025, Decimal("3.50"))]


def test_the_public_reads_computed_indicators_with_how_they_are_computed(client, plan):
    indicators.add_computed(plan)
    meetings = plan.indicators.get(computed=C.MEETINGS_HELD)

    response = client.get(f"/agreements/lo/indicators/{meetings.pk}/")

    assert response.status_code == 200
    assert "forum" in response.context["how"]


def test_the_plan_page_shows_indicators_in_bounded_queries(
    client, plan, coordinator, django_assert_max_num_queries
):
    indicators.add_computed(plan)
    client.force_login(coordinator)

    with django_assert_max_num_queries(60):
        response = client.get(f"/agreements/lo/action-plans/{plan.pk}/")

    assert len(response.context["indicators"]) == len(C.choices)
