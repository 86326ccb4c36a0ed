"""A commitment through the API: read with its history; status and progress written by the
plan's managers (as the status page) and by members of a responsible organisation in an
open follow-up (as the report page), naming the version they read."""

import threading

import pytest
from django.db import connections
from rest_framework.test import APIClient

from followup.models import Commitment
from tests.api.conftest import as_user
from tests.followup.factories import open_round

S = Commitment.Status


def url(commitment, step=""):
    return f"/api/v1/agreements/lo/commitments/{commitment.pk}/{step}"


def report_url(commitment):
    return f"/api/v1/agreements/lo/follow-ups/2026/commitments/{commitment.pk}/report/"


def test_anyone_reads_a_public_commitment_with_its_history_but_not_who(
    client, commitment, coordinator
):
    commitment.update_progress(status=S.IN_PROGRESS, progress=30, note="Igång", by=coordinator)

    body = client.get(url(commitment)).json()
    staff_view = as_user(coordinator).get(url(commitment)).json()

    assert (body["status"], body["progress"], body["version"]) == ("in_progress", 30, 1)
    assert body["history"][0]["note"] == "Igång"
    assert body["history"][0]["by"] is None
    assert staff_view["history"][0]["by"] == coordinator.username


def test_reading_a_commitment_takes_the_same_queries_however_long_its_history(
    commitment, coordinator, django_assert_max_num_queries
):
    client = as_user(coordinator)
    client.get(url(commitment))  # the token's first use is written once
    for progress in range(10, 60, 10):
        commitment.update_progress(status=S.IN_PROGRESS, progress=progress, by=coordinator)

    with django_assert_max_num_queries(12):
        response = client.get(url(commitment))

    assert len(response.json()["history"]) == 5


def test_a_private_agreements_commitment_is_404_for_outsiders_and_the_public(
    agreement, commitment, outsider
):
    agreement.is_public = False
    agreement.save(update_fields=["is_public"])

    assert APIClient().get(url(commitment)).status_code == 404
    assert as_user(outsider).get(url(commitment)).status_code == 404


def test_the_coordinator_sets_status_and_progress_with_the_version_read(commitment, coordinator):
    response = as_user(coordinator).post(
        url(commitment, "status/"),
        {"status": "in_progress", "progress": 40, "note": "Kursen bokad", "version": 0},
        format="json",
    )

    assert response.status_code == 200
    assert (response.json()["progress"], response.json()["version"]) == (40, 1)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.progress) == (S.IN_PROGRESS, 40)


@pytest.mark.parametrize(
    ("who", "expected"),
    [("member", 404), ("staff", 404), ("association_coordinator", 404), ("outsider", 404)],
)
def test_only_the_plans_managers_change_the_status_outside_a_follow_up(
    request, commitment, who, expected
):
    client = as_user(request.getfixturevalue(who))

    response = client.post(
        url(commitment, "status/"), {"status": "done", "progress": 100, "version": 0}
    )

    assert response.status_code == expected
    commitment.refresh_from_db()
    assert commitment.status == S.NOT_STARTED


def test_an_anonymous_write_is_401(commitment):
    response = APIClient().post(url(commitment, "status/"), {"status": "done"})

    assert response.status_code == 401


def test_a_stale_version_is_409_and_changes_nothing(commitment, coordinator):
    commitment.update_progress(status=S.IN_PROGRESS, progress=30, by=coordinator)

    response = as_user(coordinator).post(
        url(commitment, "status/"), {"status": "done", "progress": 100, "version": 0}
    )

    assert response.status_code == 409
    assert response.json()["code"] == "commitment_changed"
    commitment.refresh_from_db()
    assert commitment.status == S.IN_PROGRESS


def test_if_match_with_the_etag_read_stands_for_the_version_and_a_stale_one_is_412(
    commitment, coordinator
):
    client = as_user(coordinator)
    etag = client.get(url(commitment))["ETag"]
    body = {"status": "in_progress", "progress": 10}

    first = client.post(url(commitment, "status/"), body, HTTP_IF_MATCH=etag)
    second = client.post(url(commitment, "status/"), body, HTTP_IF_MATCH=etag)

    assert first.status_code == 200
    assert second.status_code == 412
    assert commitment.changes.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "done", "progress": 101, "version": 0}, "progress"),
        ({"status": "done", "progress": 99.5, "version": 0}, "progress"),
        ({"status": "finished", "progress": 100, "version": 0}, "status"),
        ({"status": "done", "progress": 100}, "version"),
        ({"status": ["done"], "progress": 100, "version": 0}, "status"),
    ],
)
def test_bad_input_is_400_on_its_field_and_changes_nothing(commitment, coordinator, body, field):
    response = as_user(coordinator).post(url(commitment, "status/"), body, format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert commitment.changes.count() == 0


def test_a_move_the_commitment_cannot_make_is_409(commitment, coordinator):
    response = as_user(coordinator).post(
        url(commitment, "status/"), {"status": "delayed", "progress": 0, "version": 0}
    )

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_a_member_of_a_responsible_organisation_reports_in_the_open_follow_up(
    plan, commitment, member
):
    round = open_round(plan)

    response = as_user(member).post(
        report_url(commitment),
        {"status": "in_progress", "progress": 60, "note": "Två kurser hållna", "version": 0},
    )

    assert response.status_code == 200
    report = round.reports.get()
    assert (report.organisation.slug, report.progress) == (member_org_slug(member), 60)


def member_org_slug(user):
    return user.memberships.get().organisation.slug


@pytest.mark.parametrize("who", ["outsider", "association_coordinator", "coordinator"])
def test_others_cannot_report_for_the_organisation(request, plan, other_commitment, who):
    open_round(plan)

    response = as_user(request.getfixturevalue(who)).post(
        report_url(other_commitment), {"status": "in_progress", "progress": 5, "version": 0}
    )

    assert response.status_code == 404
    assert other_commitment.changes.count() == 0


@pytest.mark.django_db(transaction=True)
def test_twenty_writers_of_the_same_version_one_wins_the_others_get_409(commitment, coordinator):
    barrier, statuses = threading.Barrier(20), []
    body = {"status": "in_progress", "progress": 50, "note": "", "version": 0}
    clients = [as_user(coordinator) for _ in range(20)]

    def write(client):
        try:
            barrier.wait()
            statuses.append(client.post(url(commitment, "status/"), body).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200] + [409] * 19
    assert commitment.changes.count() == 1


def test_an_organisation_made_responsible_through_the_api_gets_its_task_in_the_open_round(
    plan, commitment, coordinator, other_association
):
    from tests.agreements.factories import make_party

    round = open_round(plan, year=2026)
    make_party(plan.agreement, other_association)
    slugs = [*commitment.organisations.values_list("slug", flat=True), other_association.slug]

    response = as_user(coordinator).patch(url(commitment), {"organisations": slugs}, format="json")

    assert response.status_code == 200, response.json()
    assert other_association.slug in response.json()["organisations"]
    assert round.tasks.filter(organisation=other_association).count() == 1
    assert commitment.plan.agreement.events.filter(kind="commitment_edited").count() == 1


def test_only_the_plans_managers_edit_a_commitment_through_the_api(
    client, commitment, member, outsider
):
    body = {"title": "Kapad"}

    answers = [
        as_user(member).patch(url(commitment), body, format="json").status_code,
        as_user(outsider).patch(url(commitment), body, format="json").status_code,
        client.patch(url(commitment), body, content_type="application/json").status_code,
    ]

    commitment.refresh_from_db()
    assert answers[:2] == [404, 404] and answers[2] in (401, 403, 404)
    assert commitment.title == "Trygga idrottsmiljöer"


@pytest.mark.parametrize("slug", ["finns-inte", "a\x00b", ""])
def test_an_unknown_organisation_is_refused_and_changes_nothing(commitment, coordinator, slug):
    response = as_user(coordinator).patch(
        url(commitment), {"organisations": [slug], "title": "Nytt"}, format="json"
    )

    commitment.refresh_from_db()
    assert response.status_code == 400
    assert "organisations" in str(response.json())
    assert commitment.title == "Trygga idrottsmiljöer"
    assert commitment.organisations.count() == 2
