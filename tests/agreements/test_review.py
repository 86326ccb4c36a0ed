"""The agreement in force stays public while its successor is drafted and consulted on:
the public reads the adopted text at every step, and sees what is under review beside it."""

import pytest
from django.utils import dateformat, timezone, translation

from agreements.models import Agreement
from tests.agreements.factories import TEXT, adopt, consult, edit_draft, publish

pytestmark = pytest.mark.django_db

Status = Agreement.Status
NEW_PASSAGE = "Staden inrättar ett föreningsråd."
STEPS = [
    "in force",
    "draft started",
    "under review",
    "consultation open",
    "consultation closed",
    "successor adopted",
]


def take_step(agreement, step, by):
    if step == "draft started":
        agreement.start_draft(by=by)
        edit_draft(agreement, TEXT + f"\n{NEW_PASSAGE}\n", by=by)
    elif step == "under review":
        agreement.change_status(Status.UNDER_REVIEW, by=by)
    elif step == "consultation open":
        publish(agreement, by=by)
    elif step == "consultation closed":
        agreement.close_consultation(by=by)
    elif step == "successor adopted":
        adopt(agreement, agreement.revisions.get(number=2), by=by)


@pytest.fixture
def in_force(agreement, coordinator):
    adopt(agreement, consult(agreement, by=coordinator), by=coordinator)
    agreement.change_status(Status.IN_FORCE, by=coordinator)
    return agreement


def review_until(agreement, last_step, by):
    for step in STEPS[: STEPS.index(last_step) + 1]:
        take_step(agreement, step, by)
    return Agreement.objects.get(pk=agreement.pk)


def agreement_text(response):
    return response.text.split('<article class="agreement-text">')[1].split("</article>")[0]


@pytest.mark.parametrize("step", STEPS)
def test_anonymous_reads_the_adopted_text_at_every_step_of_a_review(
    client, in_force, coordinator, step
):
    review_until(in_force, step, coordinator)

    page = client.get("/agreements/lo/")

    assert page.status_code == 200
    assert "Staden åtar sig att bjuda in till dialog" in agreement_text(page)
    adopted_now = step == "successor adopted"
    assert (NEW_PASSAGE in agreement_text(page)) == adopted_now
    assert "Testhamns LÖ" in client.get("/agreements/").text
    assert client.get("/agreements/lo/revisions/1/").status_code == 200
    assert client.get("/agreements/lo/print/").status_code == 200


@pytest.mark.parametrize("step", STEPS)
def test_the_agreement_counts_as_public_at_every_step(in_force, coordinator, step):
    agreement = review_until(in_force, step, coordinator)

    assert agreement.is_public_now
    assert Agreement.objects.public().filter(pk=agreement.pk).exists()


def test_a_review_of_an_agreement_not_marked_public_stays_private(client, in_force, coordinator):
    Agreement.objects.filter(pk=in_force.pk).update(is_public=False)

    review_until(in_force, "consultation open", coordinator)

    assert client.get("/agreements/lo/").status_code == 404


def test_a_first_consultation_is_not_public_before_anything_is_adopted(client, agreement):
    publish(agreement)

    assert client.get("/agreements/lo/").status_code == 404
    assert client.get("/agreements/lo/revisions/1/").status_code == 404


def test_a_superseded_agreement_stays_out_of_public_view(client, in_force, municipality):
    successor = Agreement.create(municipality=municipality, title="Ny LÖ", slug="ny", by=None)

    in_force.change_status(Status.SUPERSEDED, by=None, superseded_by=successor)

    assert client.get("/agreements/lo/").status_code == 404


def test_the_banner_points_the_public_into_the_open_consultation(client, in_force, coordinator):
    review_until(in_force, "consultation open", coordinator)
    closes = in_force.revisions.get(number=2).consultation_closes_at

    page = client.get("/agreements/lo/").text

    assert "Under revidering" in page
    assert 'href="/agreements/lo/revisions/2/"' in page
    with translation.override("sv"):
        assert dateformat.format(timezone.localtime(closes), "j F Y") in page
    assert client.get("/agreements/lo/revisions/2/").status_code == 200


def test_a_party_member_is_invited_to_comment_by_the_closing_date(client, in_force, member):
    review_until(in_force, "consultation open", None)
    client.force_login(member)

    page = client.get("/agreements/lo/").text

    assert "Lämna synpunkter senast" in page
    assert 'href="/agreements/lo/revisions/2/consultation/"' in page


def test_after_the_consultation_the_proposal_awaits_a_decision(client, in_force, coordinator):
    review_until(in_force, "consultation closed", coordinator)

    page = client.get("/agreements/lo/").text

    assert "väntar på beslut" in page
    assert "Lämna synpunkter senast" not in page


def test_the_working_draft_shows_only_to_its_writers(client, in_force, coordinator, member):
    review_until(in_force, "draft started", coordinator)
    client.force_login(coordinator)
    assert 'href="/agreements/lo/draft/"' in client.get("/agreements/lo/").text

    client.force_login(member)

    assert 'href="/agreements/lo/draft/"' not in client.get("/agreements/lo/").text
    assert client.get("/agreements/lo/draft/").status_code == 404


def test_no_banner_once_the_successor_is_adopted(client, in_force, coordinator):
    review_until(in_force, "successor adopted", coordinator)

    page = client.get("/agreements/lo/").text

    assert "review-banner" not in page


def test_the_page_of_an_agreement_under_review_runs_a_fixed_number_of_queries(
    client, in_force, coordinator, django_assert_max_num_queries
):
    review_until(in_force, "consultation open", coordinator)

    with django_assert_max_num_queries(14):
        response = client.get("/agreements/lo/")

    assert response.status_code == 200
