"""The follow-up pages as each role uses them; bad input changes nothing and
says why, in Swedish (the default language)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from followup.models import ActionPlan, Commitment, FollowUpRound, SurveyAnswer
from tests.agreements.factories import make_party
from tests.followup.factories import make_plan, open_round

S = Commitment.Status


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_the_public_reads_the_adopted_plan_of_a_public_agreement(client, commitment):
    response = client.get(f"/agreements/lo/commitments/{commitment.pk}/")

    assert response.status_code == 200
    assert "Trygga idrottsmiljöer" in response.text


def test_a_draft_plan_is_for_parties_not_the_public(client, agreement, member, outsider):
    plan = make_plan(agreement, adopted=False, first_year=2027, last_year=2028)
    url = f"/agreements/lo/action-plans/{plan.pk}/"

    anonymous = client.get(url).status_code
    client.force_login(outsider)
    outside = client.get(url).status_code
    client.force_login(member)
    party = client.get(url).status_code

    assert (anonymous, outside, party) == (404, 404, 200)


def test_a_coordinator_creates_and_adopts_a_plan(client, agreement, coordinator):
    client.force_login(coordinator)

    client.post(
        "/agreements/lo/action-plans/new/",
        {"title": "Handlingsplan 2027", "first_year": 2027, "last_year": 2027},
    )
    plan = ActionPlan.objects.get(title="Handlingsplan 2027")
    client.post(f"/agreements/lo/action-plans/{plan.pk}/adopt/")

    plan.refresh_from_db()
    assert plan.is_adopted


def test_a_plan_whose_years_are_backwards_is_refused(client, agreement, coordinator):
    client.force_login(coordinator)

    response = client.post(
        "/agreements/lo/action-plans/new/",
        {"title": "Baklänges", "first_year": 2028, "last_year": 2026},
    )

    assert response.status_code == 400
    assert not ActionPlan.objects.filter(title="Baklänges").exists()


def test_a_coordinator_changes_status_with_a_reason(client, commitment, coordinator):
    client.force_login(coordinator)

    response = client.post(
        f"/agreements/lo/commitments/{commitment.pk}/status/",
        {"status": S.DELAYED, "progress": 20, "note": "Ledarna saknas"},
        follow=True,
    )

    commitment.refresh_from_db()
    assert (commitment.status, commitment.progress) == (S.DELAYED, 20)
    assert "Ledarna saknas" in response.text


@pytest.mark.parametrize("progress", ["101", "-5", "mycket"])
def test_bad_progress_is_refused_with_a_message(client, commitment, coordinator, progress):
    client.force_login(coordinator)

    response = client.post(
        f"/agreements/lo/commitments/{commitment.pk}/status/",
        {"status": S.IN_PROGRESS, "progress": progress, "note": ""},
    )

    assert response.status_code == 400
    assert 'role="alert"' in response.text or "errorlist" in response.text
    commitment.refresh_from_db()
    assert (commitment.status, commitment.progress) == (S.NOT_STARTED, 0)


def test_a_domain_rule_is_told_as_a_message(client, commitment, coordinator):
    client.force_login(coordinator)

    response = client.post(
        f"/agreements/lo/commitments/{commitment.pk}/status/",
        {"status": S.DONE, "progress": 50, "note": ""},
    )

    assert response.status_code == 400
    assert messages_of(response) == ["Ett åtagande som är klart är genomfört till 100 %."]
    assert commitment.changes.count() == 0


def test_a_member_reports_on_the_organisations_commitment(client, commitment, member):
    round = open_round(commitment.plan)
    client.force_login(member)

    response = client.post(
        f"/agreements/lo/follow-ups/2026/commitments/{commitment.pk}/report/",
        {"status": S.IN_PROGRESS, "progress": 40, "note": "Två av fyra kurser hållna"},
    )

    assert response.status_code == 302
    report = round.reports.get()
    assert (report.progress, report.text, report.by) == (40, "Två av fyra kurser hållna", member)


def test_nobody_reports_for_someone_elses_commitment(client, other_commitment, member, outsider):
    open_round(other_commitment.plan)
    url = f"/agreements/lo/follow-ups/2026/commitments/{other_commitment.pk}/report/"
    data = {"status": S.DONE, "progress": 100, "note": ""}

    client.force_login(member)
    as_member = client.post(url, data).status_code
    client.force_login(outsider)
    as_outsider = client.post(url, data).status_code

    assert (as_member, as_outsider) == (404, 404)
    other_commitment.refresh_from_db()
    assert other_commitment.status == S.NOT_STARTED


def test_a_report_after_the_deadline_is_refused_with_a_message(client, commitment, member):
    round = open_round(commitment.plan)
    FollowUpRound.objects.filter(pk=round.pk).update(deadline=timezone.localdate() - timedelta(1))
    client.force_login(member)

    response = client.post(
        f"/agreements/lo/follow-ups/2026/commitments/{commitment.pk}/report/",
        {"status": S.DONE, "progress": 100, "note": ""},
    )

    assert messages_of(response) == ["Sista dag för rapportering har passerat."]
    assert round.reports.count() == 0


def _survey_data(agreement, score="4"):
    return {f"p{pk}": score for pk in agreement.principles.values_list("pk", flat=True)} | {
        "text": "Dialogen fungerar."
    }


def test_a_member_answers_the_survey_once(client, agreement, plan, member):
    open_round(plan)
    client.force_login(member)

    first = client.post("/agreements/lo/follow-ups/2026/survey/", _survey_data(agreement))
    second = client.post("/agreements/lo/follow-ups/2026/survey/", _survey_data(agreement, "1"))

    assert first.status_code == 302
    assert messages_of(second)[-1] == "Din organisation har redan svarat på enkäten i år."
    assert SurveyAnswer.objects.get().scores.filter(score=4).count() == agreement.principles.count()


def test_a_score_outside_1_to_5_is_refused(client, agreement, plan, member):
    open_round(plan)
    client.force_login(member)

    response = client.post("/agreements/lo/follow-ups/2026/survey/", _survey_data(agreement, "7"))

    assert response.status_code == 400
    assert SurveyAnswer.objects.count() == 0


def test_the_coordinator_sees_who_has_not_reported_and_publishes(
    client, commitment, other_commitment, coordinator, association, member
):
    round = open_round(commitment.plan)
    round.report_on(
        commitment, organisation=association, status=S.IN_PROGRESS, progress=20, text="", by=member
    )
    client.force_login(coordinator)

    page = client.get("/agreements/lo/follow-ups/2026/")
    client.post("/agreements/lo/follow-ups/2026/publish/", {"summary": "Ett bra år."})

    tasks = {t.organisation.name: t.reported_at for t in page.context["tasks"]}
    assert tasks["Testhamns IF"] is not None
    assert tasks["Kulturförvaltningen"] is None  # the hearing loops are not reported yet
    round.refresh_from_db()
    assert round.status == FollowUpRound.Status.PUBLISHED


def test_the_public_reads_a_published_report_not_an_open_round(client, commitment):
    round = open_round(commitment.plan)

    before = client.get("/agreements/lo/follow-ups/2026/").status_code
    round.publish(summary="Sammanfattning för alla.", by=None)
    after = client.get("/agreements/lo/follow-ups/2026/")

    assert before == 404
    assert "Sammanfattning för alla." in after.text


def test_a_private_agreement_keeps_its_plan_from_the_public(client, agreement, commitment):
    agreement.is_public = False
    agreement.save(update_fields=["is_public"])

    response = client.get(f"/agreements/lo/commitments/{commitment.pk}/")

    assert response.status_code == 404


def test_pages_use_a_bounded_number_of_queries(
    client, plan, commitment, other_commitment, coordinator, django_assert_max_num_queries
):
    from tests.followup.factories import make_commitment

    for _ in range(10):
        make_commitment(plan, list(commitment.organisations.all()))
    open_round(plan)
    client.force_login(coordinator)

    with django_assert_max_num_queries(25):
        client.get(f"/agreements/lo/action-plans/{plan.pk}/")
    with django_assert_max_num_queries(30):
        client.get(f"/agreements/lo/commitments/{commitment.pk}/")
    with django_assert_max_num_queries(30):
        client.get("/agreements/lo/follow-ups/2026/")


def test_a_year_beyond_any_calendar_is_not_found(client, plan):
    assert client.get("/agreements/lo/follow-ups/99999999999/").status_code == 404
    assert client.get("/api/v1/agreements/lo/follow-ups/99999999999/").status_code == 404


def test_an_organisation_added_to_a_commitment_during_an_open_round_gets_a_task(
    client, plan, commitment, coordinator, other_association
):
    round = open_round(plan, year=2025)
    make_party(plan.agreement, other_association)  # a new party, responsible from now on
    client.force_login(coordinator)
    data = {
        "number": commitment.number,
        "title": commitment.title,
        "responsibility": commitment.responsibility,
        "organisations": [
            *commitment.organisations.values_list("pk", flat=True),
            other_association.pk,
        ],
        "area": commitment.area_id,
    }

    response = client.post(f"/agreements/lo/commitments/{commitment.pk}/edit/", data)
    client.post(f"/agreements/lo/commitments/{commitment.pk}/edit/", data)

    assert response.status_code == 302
    assert round.tasks.filter(organisation=other_association).count() == 1
