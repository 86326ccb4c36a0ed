"""The register and requests for documents in the API, with the register's rules: entries
for anyone, a secret entry's subject, organisation and private names for the case's
coordinators only; anyone asks (no name needed) and reads the answer with the code;
the case's coordinators list and answer the requests, others get 404."""

import pytest

from agreements.models import RegistrationFormat
from records.models import Case, DocumentRequest
from tests.api.conftest import as_user
from tests.consultation.factories import make_agreement, make_party
from tests.factories import make_organisation
from tests.records.factories import register_letter

READERS = ["anonymous", "outsider", "member", "association_coordinator", "staff"]
MANAGERS = ["coordinator", "admin"]


@pytest.fixture
def case(municipality, coordinator, association):
    RegistrationFormat.objects.create(
        municipality=municipality, pattern=r"KS \d{4}/\d{4}", example="KS 2024/0412"
    )
    agreement = make_agreement(municipality, by=coordinator, slug="lo", title="Testhamns LÖ")
    make_party(agreement, association)
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


@pytest.fixture
def waiting(open_entry):
    return DocumentRequest.receive(open_entry, message="Får jag läsa?")


def client_for(request, role):
    return as_user(None if role == "anonymous" else request.getfixturevalue(role))


@pytest.mark.parametrize("role", READERS)
def test_readers_see_a_secret_entry_without_its_subject_or_names(request, role, secret, open_entry):
    api = client_for(request, role)

    listed = api.get("/api/v1/register/").json()["results"]
    one = api.get(f"/api/v1/register/{secret.pk}/").json()

    by_number = {entry["number"]: entry for entry in listed}
    assert by_number[open_entry.number]["subject"] == "Önskemål om fler lokaler"
    assert by_number[secret.number]["secrecy_provision"] == "OSL 18 kap. 8 §"
    for entry in (by_number[secret.number], one):
        assert (entry["subject"], entry["organisation"], entry["person_name"]) == ("", "", "")


@pytest.mark.parametrize("role", MANAGERS)
def test_the_cases_coordinators_see_everything(request, role, secret, association):
    entry = client_for(request, role).get(f"/api/v1/register/{secret.pk}/").json()

    assert entry["subject"] == "Hotbild mot föreningens lokal"
    assert entry["organisation"] == association.slug
    assert entry["person_name"] == "Anna Andersson"


def test_search_does_not_look_into_secret_subjects(secret):
    found = as_user(None).get("/api/v1/register/", {"q": "Hotbild"}).json()

    assert found["count"] == 0


def test_a_bad_filter_is_a_400_naming_it(case):
    response = as_user(None).get("/api/v1/register/", {"since": "igår"})

    assert response.status_code == 400
    assert "since" in response.json()["errors"]


@pytest.mark.parametrize("role", READERS + MANAGERS)
def test_anyone_asks_for_a_document_and_reads_the_answer_by_its_code(request, role, open_entry):
    api = client_for(request, role)

    asked = api.post(f"/api/v1/register/{open_entry.pk}/requests/", {"message": "Hej"})
    code = asked.json()["code"]
    read = as_user(None).get(f"/api/v1/requests/{code}/").json()

    assert asked.status_code == 201
    assert read["status"] == "waiting" and read["number"] == open_entry.number
    assert DocumentRequest.objects.get(code=code).message == "Hej"


def test_a_request_for_an_entry_that_does_not_exist_is_a_404(case):
    response = as_user(None).post("/api/v1/register/999999/requests/", {"message": "Hej"})

    assert response.status_code == 404
    assert not DocumentRequest.objects.exists()


def test_a_bad_e_mail_address_is_a_400_and_nothing_is_logged(open_entry):
    response = as_user(None).post(
        f"/api/v1/register/{open_entry.pk}/requests/", {"contact_email": "inte en adress"}
    )

    assert response.status_code == 400 and "contact_email" in response.json()["errors"]
    assert not DocumentRequest.objects.exists()


@pytest.mark.parametrize("role", READERS)
def test_only_the_cases_coordinators_list_and_answer_requests(request, role, waiting):
    api = client_for(request, role)

    listed = api.get("/api/v1/requests/")
    answered = api.post(
        f"/api/v1/requests/{waiting.pk}/answer/", {"status": "released", "answer": "Ja."}
    )

    assert answered.status_code in (401, 404)
    assert listed.status_code == 401 or listed.json()["results"] == []
    waiting.refresh_from_db()
    assert waiting.status == "waiting"


@pytest.mark.parametrize("role", MANAGERS)
def test_a_coordinator_answers_a_request_once(request, role, waiting):
    api = client_for(request, role)

    listed = api.get("/api/v1/requests/").json()["results"]
    first = api.post(
        f"/api/v1/requests/{waiting.pk}/answer/", {"status": "released", "answer": "Varsågod."}
    )
    second = api.post(
        f"/api/v1/requests/{waiting.pk}/answer/", {"status": "refused", "answer": "Nej."}
    )

    assert [r["message"] for r in listed] == ["Får jag läsa?"]
    assert first.status_code == 200 and first.json()["status"] == "released"
    assert second.status_code == 409
    reader = as_user(None).get(f"/api/v1/requests/{waiting.code}/").json()
    assert (reader["status"], reader["answer"]) == ("released", "Varsågod.")


def test_withholding_without_a_provision_is_refused_and_changes_nothing(coordinator, waiting):
    response = as_user(coordinator).post(
        f"/api/v1/requests/{waiting.pk}/answer/", {"status": "refused", "answer": "Nej."}
    )

    assert response.status_code == 409
    waiting.refresh_from_db()
    assert waiting.status == "waiting"


def test_the_register_makes_a_constant_number_of_queries(case, django_assert_max_num_queries):
    for n in range(10):
        register_letter(case, make_organisation(), subject=f"Brev {n}")

    with django_assert_max_num_queries(8):
        response = as_user(None).get("/api/v1/register/")

    assert response.json()["count"] == 10
