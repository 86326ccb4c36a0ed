"""Requests for official documents: anyone asks, the registrar answers, the requester reads it."""

from datetime import datetime

import pytest
from django.core import mail
from django.utils import timezone

from records import exceptions as errors
from records.models import Case, DocumentRequest
from records.models.requests import one_working_day_before
from tests.records.factories import register_letter
from tests.records.test_register_views import ROLES, as_role


@pytest.fixture
def entry(agreement, association):
    return register_letter(Case.of_agreement(agreement), association)


@pytest.fixture
def waiting(entry):
    return DocumentRequest.receive(entry, message="Vill läsa", contact_email="a@example.org")


def answer(client, request_, **data):
    return client.post(f"/register/requests/{request_.pk}/answer/", data)


def test_an_anonymous_visitor_asks_without_a_name_and_reads_the_status_by_code(client, entry):
    response = client.post(f"/register/{entry.pk}/request/", {"message": "", "contact_email": ""})

    logged = DocumentRequest.objects.get()
    assert (
        response.status_code == 302 and response["Location"] == f"/register/requests/{logged.code}/"
    )
    assert abs((timezone.now() - logged.arrived_at).total_seconds()) < 60
    assert logged.status == DocumentRequest.Status.WAITING
    page = client.get(response["Location"]).content.decode()
    assert entry.number in page


def test_a_request_with_a_bad_address_is_refused_with_a_message(client, entry):
    response = client.post(f"/register/{entry.pk}/request/", {"contact_email": "inte en adress"})

    assert response.status_code == 400
    assert not DocumentRequest.objects.exists()


def test_a_request_for_an_entry_that_does_not_exist_is_404(client, db):
    assert client.post("/register/999999/request/", {}).status_code == 404


def test_the_registrar_releases_and_the_requester_is_told_by_e_mail(client, coordinator, waiting):
    client.force_login(coordinator)

    response = answer(client, waiting, status="released", answer="Bifogas.", provision="")

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert (waiting.status, waiting.answered_by) == ("released", coordinator)
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert f"/register/requests/{waiting.code}/" in mail.outbox[0].body


def test_withholding_names_the_provision_and_says_how_to_appeal(client, coordinator, waiting):
    client.force_login(coordinator)

    answer(client, waiting, status="partly_released", answer="Delvis.", provision="OSL 21:1")

    page = client.get(f"/register/requests/{waiting.code}/").content.decode()
    assert "OSL 21:1" in page
    assert "kammarrätten" in page


def test_a_refusal_without_provision_changes_nothing(client, coordinator, waiting):
    client.force_login(coordinator)

    response = answer(client, waiting, status="refused", answer="Nej.", provision=" ")

    assert response.status_code == 400
    waiting.refresh_from_db()
    assert waiting.status == "waiting"
    assert mail.outbox == []


@pytest.mark.parametrize("role", [r for r in ROLES if r != "coordinator"])
def test_only_the_registrar_answers(client, request, role, waiting):
    as_role(client, request, role)

    response = answer(client, waiting, status="released", answer="Ja.")

    assert response.status_code == (302 if role == "anonymous" else 404)
    waiting.refresh_from_db()
    assert waiting.status == "waiting"


def test_the_registrar_lists_the_requests_and_others_get_404(client, coordinator, member, waiting):
    client.force_login(member)
    assert client.get("/register/requests/").status_code == 404

    client.force_login(coordinator)
    page = client.get("/register/requests/").content.decode()

    assert waiting.document.number in page


def test_an_answered_request_cannot_be_answered_again(coordinator, waiting):
    waiting.decide(status="released", answer="Ja.", by=coordinator)

    with pytest.raises(errors.RequestAlreadyAnswered):
        DocumentRequest.objects.get().decide(
            status="refused", answer="Nej.", by=coordinator, provision="OSL 1:1"
        )

    assert DocumentRequest.objects.get().status == "released"


@pytest.mark.parametrize(
    ("now", "before"),
    [
        (datetime(2026, 12, 7, 10), datetime(2026, 12, 4, 10)),  # Monday -> Friday
        (datetime(2026, 12, 8, 10), datetime(2026, 12, 7, 10)),  # Tuesday -> Monday
        (datetime(2026, 12, 6, 10), datetime(2026, 12, 4, 10)),  # Sunday -> Friday
        (datetime(2026, 12, 28, 10), datetime(2026, 12, 23, 10)),  # Christmas: Eve to Boxing Day
        (datetime(2027, 1, 7, 10), datetime(2027, 1, 5, 10)),  # Epiphany (Wednesday)
        (datetime(2026, 4, 7, 10), datetime(2026, 4, 2, 10)),  # Easter: Good Friday to Monday
        (datetime(2026, 6, 22, 10), datetime(2026, 6, 18, 10)),  # midsummer eve (Friday)
    ],
)
def test_one_working_day_skips_the_weekend_and_holidays(now, before):
    assert one_working_day_before(now) == before


def test_requests_older_than_a_working_day_stand_out_on_the_registrars_start_page(
    client, coordinator, member, entry
):
    old = DocumentRequest.receive(entry)
    DocumentRequest.objects.filter(pk=old.pk).update(
        arrived_at=timezone.now() - timezone.timedelta(days=4)
    )
    DocumentRequest.receive(entry)
    client.force_login(coordinator)

    page = client.get("/").content.decode()

    assert page.count("/register/requests/") >= 2
    assert page.count("More than a working day") + page.count("Mer än en arbetsdag") == 1
    assert DocumentRequest.objects.overdue().get() == old
    client.force_login(member)
    assert entry.number not in client.get("/").content.decode()
