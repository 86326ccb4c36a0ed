"""The public register at /register/: entries, search and filters, secrecy, corrections."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from records.models import Case, Correction
from tests.factories import make_organisation
from tests.records.factories import register_letter

ROLES = ["anonymous", "outsider", "member", "association_coordinator", "staff", "coordinator"]


@pytest.fixture
def case(agreement):
    return Case.of_agreement(agreement)


@pytest.fixture
def secret(case, association):
    return register_letter(
        case,
        association,
        subject="Hotbild mot föreningens lokal",
        secrecy_provision="OSL 18 kap. 8 §",
        person_name="Anna Andersson",
    )


@pytest.fixture
def open_entry(case, other_association):
    return register_letter(case, other_association, subject="Önskemål om fler lokaler")


def as_role(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_register_but_only_the_registrar_a_secret_subject(
    client, request, role, secret, open_entry
):
    as_role(client, request, role)

    page = client.get("/register/").content.decode()

    assert open_entry.number in page and secret.number in page
    assert "Önskemål om fler lokaler" in page
    assert "OSL 18 kap. 8 §" in page
    assert ("Hotbild" in page) == (role == "coordinator")
    assert "Anna Andersson" not in page


@pytest.mark.parametrize("role", ROLES)
def test_an_entry_page_hides_what_secrecy_and_privacy_hide(client, request, role, secret):
    as_role(client, request, role)

    page = client.get(f"/register/{secret.pk}/").content.decode()

    assert secret.number in page
    assert ("Hotbild" in page) == (role == "coordinator")
    assert ("Anna Andersson" in page) == (role == "coordinator")


def test_searching_finds_no_secret_entry_by_its_subject(client, secret, open_entry):
    page = client.get("/register/", {"q": "hotbild"}).content.decode()

    assert secret.number not in page


def test_the_registrar_finds_a_secret_entry_by_its_subject(client, coordinator, secret):
    client.force_login(coordinator)

    page = client.get("/register/", {"q": "hotbild"}).content.decode()

    assert secret.number in page


def test_the_organisation_filter_does_not_reveal_who_sent_a_secret_entry(
    client, association, secret
):
    page = client.get("/register/", {"organisation": association.pk}).content.decode()

    assert secret.number not in page


def test_filters_by_case_type_date_and_organisation(client, case, agreement, open_entry):
    other = register_letter(Case.of_agreement(_other_agreement(agreement)), make_organisation())
    today = open_entry.official_since.date().isoformat()

    by_case = client.get("/register/", {"case": case.pk}).content.decode()
    by_type = client.get("/register/", {"type": "minutes"}).content.decode()
    by_date = client.get("/register/", {"since": "2000-01-01", "until": "2000-12-31"})
    by_all = client.get(
        "/register/",
        {"case": case.pk, "type": "consultation_response", "since": today, "until": today},
    ).content.decode()

    assert open_entry.number in by_case and other.number not in by_case
    assert open_entry.number not in by_type
    assert open_entry.number not in by_date.content.decode()
    assert open_entry.number in by_all


def _other_agreement(agreement):
    from tests.agreements.factories import make_agreement

    return make_agreement(agreement.municipality)


def test_bad_filters_get_a_message_not_an_error(client, open_entry):
    response = client.get("/register/", {"since": "2025-13-45", "case": "x", "until": "1990-01-01"})

    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode() or "giltigt datum" in (
        response.content.decode()
    )


def test_the_register_runs_the_same_number_of_queries_for_1_or_30_entries(client, case):
    register_letter(case, make_organisation())
    with CaptureQueriesContext(connection) as few:
        client.get("/register/")
    for _ in range(29):
        register_letter(case, make_organisation())

    with CaptureQueriesContext(connection) as many:
        client.get("/register/")

    assert len(many) == len(few)


def test_the_footer_links_the_register(client):
    assert 'href="/register/"' in client.get("/accessibility/").content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [("outsider", 404), ("member", 404), ("staff", 404), ("association_coordinator", 404)],
)
def test_only_the_registrar_opens_the_correction_form(client, request, role, status, open_entry):
    as_role(client, request, role)

    assert client.get(f"/register/{open_entry.pk}/correct/").status_code == status


def test_an_anonymous_visitor_is_asked_to_log_in_to_correct(client, open_entry):
    response = client.get(f"/register/{open_entry.pk}/correct/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_registrar_corrects_an_entry_on_its_page(client, coordinator, open_entry):
    client.force_login(coordinator)
    data = {
        "subject": "Önskemål om lokaler i Norra",
        "document_type": "consultation_response",
        "organisation": open_entry.organisation_id,
        "person_name": "",
        "secrecy_provision": "",
        "reason": "Stavning",
    }

    response = client.post(f"/register/{open_entry.pk}/correct/", data)

    assert response.status_code == 302
    open_entry.refresh_from_db()
    assert open_entry.subject == "Önskemål om lokaler i Norra"
    page = client.get(f"/register/{open_entry.pk}/").content.decode()
    assert "Stavning" in page


def test_a_correction_without_reason_or_change_is_refused_with_a_message(
    client, coordinator, open_entry
):
    client.force_login(coordinator)
    unchanged = {
        "subject": open_entry.subject,
        "document_type": open_entry.document_type,
        "organisation": open_entry.organisation_id,
        "reason": "Ingen",
    }

    no_reason = client.post(f"/register/{open_entry.pk}/correct/", {**unchanged, "reason": ""})
    no_change = client.post(f"/register/{open_entry.pk}/correct/", unchanged)

    assert no_reason.status_code == 400 and no_change.status_code == 400
    assert "Nothing was changed" in no_change.content.decode() or "Inget ändrades" in (
        no_change.content.decode()
    )
    assert not Correction.objects.exists()


def test_an_entry_that_does_not_exist_is_404(client, db):
    assert client.get("/register/999999/").status_code == 404
