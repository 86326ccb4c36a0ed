"""A coordinator keeps the municipality's own areas in the app; nobody else sees the pages."""

import threading

import pytest
from django.db import connections
from django.test import Client

from followup.models import Area

NOT_MANAGING = ["member", "association_coordinator", "staff", "outsider"]


@pytest.fixture
def shared(db):
    return Area.objects.get_or_create(name="Trygghet", municipality=None)[0]


def test_a_coordinator_adds_and_renames_an_area(client, agreement, coordinator, municipality):
    client.force_login(coordinator)

    client.post("/agreements/lo/areas/new/", {"name": "Kultur", "position": 5})
    area = Area.objects.get(name="Kultur")
    response = client.post(
        f"/agreements/lo/areas/{area.pk}/edit/", {"name": "Kultur och fritid", "position": 5}
    )
    page = client.get("/agreements/lo/areas/").text

    assert response.status_code == 302
    assert Area.objects.get(pk=area.pk).municipality == municipality
    assert "Kultur och fritid" in page


def test_a_new_area_can_be_chosen_for_a_commitment(client, plan, coordinator):
    client.force_login(coordinator)
    client.post("/agreements/lo/areas/new/", {"name": "Kultur", "position": 5})

    page = client.get(f"/agreements/lo/action-plans/{plan.pk}/commitments/new/").text

    assert "Kultur" in page


def test_a_name_already_taken_is_refused_and_nothing_changes(
    client, agreement, coordinator, shared
):
    client.force_login(coordinator)

    response = client.post("/agreements/lo/areas/new/", {"name": "trygghet", "position": 1})

    assert response.status_code == 400
    assert "redan ett område" in response.text
    assert Area.objects.filter(name__iexact="trygghet").count() == 1


def test_the_shared_areas_are_not_edited_here(client, agreement, coordinator, shared):
    client.force_login(coordinator)

    response = client.post(f"/agreements/lo/areas/{shared.pk}/edit/", {"name": "X", "position": 1})

    assert response.status_code == 404
    assert Area.objects.get(pk=shared.pk).name == "Trygghet"


def test_anonymous_visitors_are_sent_to_log_in(client, agreement):
    assert client.get("/agreements/lo/areas/").status_code == 302


@pytest.mark.parametrize("role", NOT_MANAGING)
def test_everyone_but_the_coordinators_gets_not_found(client, request, agreement, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get("/agreements/lo/areas/").status_code == 404
    assert client.post("/agreements/lo/areas/new/", {"name": "Kultur"}).status_code == 404
    assert not Area.objects.filter(name="Kultur").exists()


@pytest.mark.django_db(transaction=True)
def test_twenty_coordinators_adding_one_name_at_once_make_one_area(agreement, coordinator):
    barrier, answers = threading.Barrier(20), []

    def add():
        try:
            client = Client()
            client.force_login(coordinator)
            barrier.wait()
            answers.append(
                client.post(
                    "/agreements/lo/areas/new/", {"name": "Kultur", "position": 1}
                ).status_code
            )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Area.objects.filter(name="Kultur").count() == 1
    assert sorted(answers) == [302] + [400] * 19
