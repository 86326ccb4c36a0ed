"""Every change of the follow-up is a line on the agreement's timeline (issue 14, item 6)."""

from decimal import Decimal

import pytest

from agreements.models import Event
from followup.models import Commitment, Indicator
from tests.agreements.factories import make_party
from tests.factories import make_organisation, make_user
from tests.followup.factories import all_fives, make_commitment, make_plan, open_round

pytestmark = pytest.mark.django_db

K = Event.Kind
S = Commitment.Status


def kinds(agreement):
    return list(agreement.events.filter(kind__in=FOLLOWUP_KINDS).values_list("kind", flat=True))


FOLLOWUP_KINDS = [
    K.PLAN_ADOPTED, K.COMMITMENT_ADDED, K.COMMITMENT_EDITED, K.COMMITMENT_STATUS,
    K.INDICATOR_VALUE, K.FOLLOWUP_OPENED, K.FOLLOWUP_REPORTED, K.SURVEY_ANSWERED,
    K.FOLLOWUP_PUBLISHED,
]  # fmt: skip


def commitment_data(commitment, organisations):
    return {
        "number": commitment.number,
        "title": commitment.title,
        "responsibility": commitment.responsibility,
        "organisations": [o.pk for o in organisations],
        "area": commitment.area_id,
    }


def test_each_verb_of_the_follow_up_leaves_one_line_in_order(
    client, agreement, coordinator, member, association, department
):
    plan = make_plan(agreement, adopted=False)
    plan.adopt(by=coordinator)
    client.force_login(coordinator)
    client.post(
        f"/agreements/lo/action-plans/{plan.pk}/commitments/new/",
        {**commitment_data(make_commitment(plan, [department]), [department]), "number": 40},
    )
    commitment = plan.commitments.get(number=40)
    client.post(
        f"/agreements/lo/commitments/{commitment.pk}/edit/",
        commitment_data(commitment, [association, department]),
    )
    commitment.update_progress(status=S.IN_PROGRESS, progress=20, by=coordinator)
    indicator = Indicator.objects.create(plan=plan, name="Bidrag", unit="st")
    indicator.record_value(year=2025, value=Decimal(7), by=coordinator)
    round = open_round(plan, year=2026, by=coordinator)
    round.report_on(
        commitment, organisation=association, status=S.IN_PROGRESS, progress=50,
        text="Halvvägs.", by=member,
    )  # fmt: skip
    round.answer_survey(organisation=association, scores=all_fives(agreement), text="", by=member)
    round.publish(summary="", by=coordinator)

    assert kinds(agreement) == [
        K.PLAN_ADOPTED, K.COMMITMENT_ADDED, K.COMMITMENT_EDITED, K.COMMITMENT_STATUS,
        K.INDICATOR_VALUE, K.FOLLOWUP_OPENED, K.FOLLOWUP_REPORTED, K.SURVEY_ANSWERED,
        K.FOLLOWUP_PUBLISHED,
    ]  # fmt: skip


def test_a_refused_change_leaves_no_line(agreement, commitment, coordinator):
    before = agreement.events.count()

    with pytest.raises(Exception):  # noqa: B017 - any domain error
        commitment.update_progress(status=S.DONE, progress=40, by=coordinator)

    assert agreement.events.count() == before


def test_a_survey_answer_names_neither_the_organisation_nor_the_person(
    client, agreement, plan, commitment, member, association, coordinator
):
    round = open_round(plan, year=2026)

    round.answer_survey(organisation=association, scores=all_fives(agreement), text="", by=member)
    client.force_login(coordinator)
    page = client.get("/agreements/lo/").text
    line = page.split("Enkäten besvarad")[1].split("</li>")[0]

    row = agreement.events.get(kind=K.SURVEY_ANSWERED)
    assert row.actor is None
    assert association.name not in str(row.details)
    assert "Testhamns IF" not in line and "forening" not in line
    assert "1 svar hittills" in line


def test_the_public_sees_adopted_plans_and_published_reports_not_drafts_or_open_rounds(
    client, agreement, plan, commitment, coordinator, member
):
    draft = make_plan(agreement, adopted=False, title="Utkast 2027", first_year=2027,
                      last_year=2028)  # fmt: skip
    secret = make_commitment(draft, title="Hemligt åtagande")
    secret.record_edit(by=coordinator, created=True)
    commitment.update_progress(status=S.IN_PROGRESS, progress=30, by=coordinator)
    open_round(plan, year=2025, by=coordinator)

    anonymous = client.get("/agreements/lo/").text
    client.force_login(member)
    party = client.get("/agreements/lo/").text

    assert "Åtagandets status ändrad" in anonymous and commitment.title in anonymous
    assert "Hemligt åtagande" not in anonymous and "Uppföljning öppnad" not in anonymous
    assert "Hemligt åtagande" in party and "Uppföljning öppnad" in party


def test_the_start_page_shows_restricted_lines_only_to_readers_by_permission(
    client, agreement, plan, coordinator, member
):
    open_round(plan, year=2025, by=coordinator)
    stranger = make_user("granne", make_organisation(name="Grannföreningen"))

    client.force_login(member)
    party = client.get("/").text
    client.force_login(stranger)
    other = client.get("/").text

    assert "uppföljning öppnad" in party
    assert "uppföljning öppnad" not in other


def test_the_admin_records_an_edit_and_gives_a_new_organisation_its_task(
    admin_client, agreement, plan, commitment, other_association
):
    round = open_round(plan, year=2025)
    make_party(agreement, other_association)
    data = {
        **commitment_data(commitment, [*commitment.organisations.all(), other_association]),
        "plan": plan.pk,
        "sections": "",
        "changes-TOTAL_FORMS": 0,
        "changes-INITIAL_FORMS": 0,
    }

    response = admin_client.post(f"/admin/followup/commitment/{commitment.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert round.tasks.filter(organisation=other_association).exists()
    assert kinds(agreement)[-1] == K.COMMITMENT_EDITED
