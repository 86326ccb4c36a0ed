"""The yearly follow-up: opening, who may report, the deadline, the survey, the report."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connections
from django.utils import timezone

from followup import exceptions as errors
from followup.models import Commitment, FollowUpRound, SurveyAnswer
from followup.notifications import send_reminders
from followup.report import survey_results
from tests.factories import make_organisation, make_user
from tests.followup.factories import all_fives, make_plan, open_round

S = Commitment.Status


def test_opening_gives_each_responsible_organisation_a_task(
    commitment, other_commitment, association, department, coordinator
):
    round = open_round(commitment.plan, by=coordinator)

    assert set(round.tasks.values_list("organisation", flat=True)) == {
        association.pk,
        department.pk,
    }


def test_it_refuses_a_year_outside_the_plan_and_a_second_round(plan, commitment, coordinator):
    with pytest.raises(errors.YearOutsidePlan):
        open_round(plan, year=2027)
    open_round(plan, year=2026)

    with pytest.raises(errors.RoundExists):
        open_round(plan, year=2026)

    assert FollowUpRound.objects.count() == 1


def test_a_draft_plan_is_not_followed_up(agreement):
    plan = make_plan(agreement, adopted=False, first_year=2027, last_year=2028)

    with pytest.raises(errors.PlanNotAdopted):
        open_round(plan, year=2027)


def test_the_deadline_must_be_ahead(plan):
    with pytest.raises(errors.DeadlineInPast):
        open_round(plan, days=0)


def test_a_report_moves_the_commitment_and_completes_the_tasks(
    commitment, association, department, member
):
    round = open_round(commitment.plan)

    round.report_on(
        commitment,
        organisation=association,
        status=S.IN_PROGRESS,
        progress=30,
        text="Två kurser",
        by=member,
    )

    commitment.refresh_from_db()
    assert (commitment.status, commitment.progress) == (S.IN_PROGRESS, 30)
    assert commitment.changes.get().round == round
    assert round.tasks.filter(reported_at__isnull=False).count() == 2  # both share it


def test_an_organisation_reports_only_on_its_own_commitments(other_commitment, association, member):
    round = open_round(other_commitment.plan)

    with pytest.raises(errors.NotResponsible):
        round.report_on(
            other_commitment,
            organisation=association,
            status=S.DONE,
            progress=100,
            text="",
            by=member,
        )

    other_commitment.refresh_from_db()
    assert other_commitment.status == S.NOT_STARTED


def test_it_refuses_reports_after_the_deadline(commitment, association, member):
    round = open_round(commitment.plan)
    FollowUpRound.objects.filter(pk=round.pk).update(deadline=timezone.localdate() - timedelta(1))
    round.refresh_from_db()

    with pytest.raises(errors.DeadlinePassed):
        round.report_on(
            commitment, organisation=association, status=S.DONE, progress=100, text="", by=member
        )

    assert round.reports.count() == 0


def test_one_survey_answer_per_organisation(plan, association, member, agreement):
    round = open_round(plan)
    round.answer_survey(organisation=association, scores=all_fives(agreement), text="", by=member)

    with pytest.raises(errors.AlreadyAnswered):
        round.answer_survey(
            organisation=association, scores=all_fives(agreement), text="", by=member
        )

    assert SurveyAnswer.objects.count() == 1


@pytest.mark.parametrize("score", [0, 6])
def test_scores_run_from_1_to_5_for_every_principle(plan, association, member, agreement, score):
    round = open_round(plan)
    scores = all_fives(agreement)
    scores[next(iter(scores))] = score

    with pytest.raises(errors.InvalidScore):
        round.answer_survey(organisation=association, scores=scores, text="", by=member)
    with pytest.raises(errors.InvalidScore):
        round.answer_survey(organisation=association, scores={}, text="", by=member)

    assert SurveyAnswer.objects.count() == 0


def _answers(round, count, score=4):
    for _ in range(count):
        scores = {pk: score for pk in all_fives(round.plan.agreement)}
        round.answer_survey(organisation=make_organisation(), scores=scores, text="", by=None)


def test_survey_results_are_hidden_below_five_organisations(plan):
    round = open_round(plan)
    _answers(round, 4)

    assert {row["average"] for row in survey_results(round)} == {None}
    assert {row["answers"] for row in survey_results(round)} == {4}


def test_survey_results_show_the_average_from_five_organisations(plan):
    round = open_round(plan)
    _answers(round, 4, score=4)
    _answers(round, 1, score=2)

    assert {row["average"] for row in survey_results(round)} == {3.6}


def test_the_published_report_sums_up_the_round(commitment, other_commitment, association, member):
    round = open_round(commitment.plan)
    round.report_on(
        commitment,
        organisation=association,
        status=S.DONE,
        progress=100,
        text="Klart i maj",
        by=member,
    )
    _answers(round, 5, score=3)

    round.publish(summary="Bra år.", by=None)

    round.refresh_from_db()
    report = round.report
    assert round.status == FollowUpRound.Status.PUBLISHED
    assert {r["status"]: r["count"] for r in report["by_status"]}[S.DONE] == 1
    assert {r["status"]: r["count"] for r in report["by_status"]}[S.NOT_STARTED] == 1
    assert report["by_area"] == [{"name": "Trygghet", "commitments": 2, "progress": 50}]
    assert [t["text"] for t in report["texts"]] == ["Klart i maj"]
    assert report["survey_answers"] == 5
    assert {r["average"] for r in report["survey"]} == {3.0}


def test_a_published_round_takes_no_more_reports(commitment, association, member):
    round = open_round(commitment.plan)
    round.publish(summary="", by=None)

    with pytest.raises(errors.RoundClosed):
        round.report_on(
            commitment, organisation=association, status=S.DONE, progress=100, text="", by=member
        )
    with pytest.raises(errors.RoundClosed):
        round.publish(summary="", by=None)


def test_opening_and_publishing_are_told(plan, commitment, django_capture_on_commit_callbacks):
    import events

    heard = []

    def listener(sender, kind, record, **kwargs):
        heard.append((kind, record.year))

    events.happened.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            round = open_round(plan)
            round.publish(summary="", by=None)
    finally:
        events.happened.disconnect(listener)

    assert heard == [("followup.opened", 2026), ("followup.published", 2026)]


def test_reminders_go_once_to_organisations_that_have_not_reported(
    commitment, association, member, department, staff
):
    from tests.followup.factories import make_commitment

    make_commitment(commitment.plan, [department])  # only the department's, not reported
    round = open_round(commitment.plan, days=5)
    round.report_on(
        commitment, organisation=association, status=S.IN_PROGRESS, progress=10, text="", by=member
    )

    first, second = send_reminders(), send_reminders()

    assert (first, second) == (1, 0)
    assert [m.to for m in mail.outbox] == [[staff.email]]


def test_no_reminder_long_before_the_deadline(commitment, staff):
    open_round(commitment.plan, days=30)

    assert send_reminders() == 0


@pytest.mark.django_db(transaction=True)
def test_twenty_answers_for_one_organisation_at_once_make_one(municipality, association):
    from tests.agreements.factories import make_agreement

    agreement = make_agreement(municipality)
    plan = make_plan(agreement)
    round = open_round(plan)
    scores = all_fives(agreement)
    barrier, outcomes = threading.Barrier(20), []

    def answer():
        try:
            barrier.wait()
            FollowUpRound.objects.get(pk=round.pk).answer_survey(
                organisation=association, scores=scores, text="", by=None
            )
            outcomes.append("ok")
        except errors.AlreadyAnswered:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=answer) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["ok"] + ["refused"] * 19
    assert SurveyAnswer.objects.count() == 1


def test_a_member_of_two_organisations_is_still_one_reporter_per_organisation(
    commitment, association, department
):
    both = make_user("dubbel", association)
    from organisations.models import Membership

    Membership.objects.create(user=both, organisation=department)
    from followup.permissions import reporting_organisations

    assert set(reporting_organisations(both, commitment)) == {association, department}
