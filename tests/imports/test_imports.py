"""Importing the association register: upload, preview row by row, import, invite."""

import io
import threading

import openpyxl
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections

from imports import work
from imports.models import ImportNotPending, RegisterImport
from organisations.models import Invitation, Organisation
from tests.factories import make_organisation, valid_orgnr

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the messages below are in English


HEADING = "organisationsnummer;namn;e-post;kategori;stadsdel\n"


def register_csv(*rows, heading=HEADING, name="register.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, (heading + "\n".join(rows) + "\n").encode(encoding))


def upload(client, user, municipality, file):
    client.force_login(user)
    return client.post("/imports/", {"municipality": municipality.pk, "file": file})


def imported(client, user, municipality, file):
    upload(client, user, municipality, file)
    register = RegisterImport.objects.order_by("pk").last()
    client.post(f"/imports/{register.pk}/start/")
    register.refresh_from_db()
    return register


def test_the_preview_shows_each_row_and_changes_nothing(client, coordinator, municipality):
    existing = make_organisation(name="Gamla namnet", organisation_number=valid_orgnr())
    file = register_csv(
        f"{valid_orgnr()};Nya Föreningen;info@nya.example;Kultur och fritid;Centrum",
        f"{existing.organisation_number};Nya namnet;;;",
        "123;Fel;;;",
    )

    response = upload(client, coordinator, municipality, file)

    register = RegisterImport.objects.get()
    assert response["Location"] == f"/imports/{register.pk}/"
    assert [s["action"] for s in register.preview] == ["create", "update", "refused"]
    assert register.preview[2]["row"] == 4
    assert register.preview[2]["column"] == "organisation number"
    page = client.get(f"/imports/{register.pk}/").text
    assert "Nya Föreningen" in page
    assert "organisation number" in page
    assert not Organisation.objects.filter(name="Nya Föreningen").exists()
    existing.refresh_from_db()
    assert existing.name == "Gamla namnet"


def test_the_import_does_what_the_preview_showed(client, coordinator, municipality):
    number = valid_orgnr()
    file = register_csv(
        f"{number};Nya Föreningen;Info@Nya.example;Kultur och fritid;Centrum",
        f"{number};Samma nummer igen;;;",
    )

    register = imported(client, coordinator, municipality, file)

    assert register.status == RegisterImport.Status.DONE
    assert [s["action"] for s in register.result] == [s["action"] for s in register.preview]
    organisation = Organisation.objects.get(organisation_number=number)
    assert (organisation.name, organisation.email) == ("Nya Föreningen", "info@nya.example")
    assert (organisation.areas, organisation.district) == (["culture"], "Centrum")
    assert "row 2" in register.result[1]["reason"]


def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    client, coordinator, municipality
):
    rows = [f"{valid_orgnr()};Förening {n};f{n}@example.org;;Norr" for n in range(3)]
    imported(client, coordinator, municipality, register_csv(*rows))
    before = list(Organisation.objects.values().order_by("pk"))

    again = imported(client, coordinator, municipality, register_csv(*rows))

    assert {s["action"] for s in again.result} == {"unchanged"}
    assert list(Organisation.objects.values().order_by("pk")) == before


def test_the_demo_register_imports_and_a_second_import_creates_nothing(
    client, coordinator, municipality
):
    with open("static/imports/foreningsregister-exempel.csv", "rb") as demo:
        content = demo.read()

    first = imported(client, coordinator, municipality, SimpleUploadedFile("r.csv", content))
    second = imported(client, coordinator, municipality, SimpleUploadedFile("r.csv", content))

    assert first.counts()["create"] == 5
    assert first.counts()["refused"] == 2
    assert second.counts() == {"create": 0, "update": 0, "unchanged": 5, "refused": 2}


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://evil.example","Klicka")', "+1+1", "@SUM(A1)", "-2+3"]
)
def test_a_formula_in_a_cell_is_refused_with_its_row_and_column(
    client, coordinator, municipality, cell
):
    file = register_csv(f"{valid_orgnr()};Förening;;;{cell}")

    upload(client, coordinator, municipality, file)

    step = RegisterImport.objects.get().preview[0]
    assert (step["action"], step["row"], step["column"]) == ("refused", 2, "district")
    assert "formula" in step["reason"]


def test_an_xlsx_register_is_read_and_its_formulas_refused(client, coordinator, municipality):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Organisationsnummer", "Namn", "E-post", "Kategori", "Stadsdel"])
    sheet.append([valid_orgnr(), "Excelföreningen", "", "sport", "Söder"])
    sheet.append([valid_orgnr(), '=HYPERLINK("http://evil.example")', "", "", ""])
    content = io.BytesIO()
    workbook.save(content)

    upload(client, coordinator, municipality, SimpleUploadedFile("r.xlsx", content.getvalue()))

    preview = RegisterImport.objects.get().preview
    assert [s["action"] for s in preview] == ["create", "refused"]
    assert preview[0]["values"]["areas"] == ["sport"]
    assert preview[1]["column"] == "name"


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (register_csv("x", heading="a;b;c\n"), "missing: organisation number, name"),
        (register_csv("802000-2005;Förening;;;Malmö", encoding="utf-16"), "UTF-8"),
        (SimpleUploadedFile("r.xlsx", b"not a zip"), "not a readable Excel"),
        (SimpleUploadedFile("r.pdf", b"%PDF-1.4"), "CSV or Excel"),
        (
            SimpleUploadedFile("big.csv", HEADING.encode() + b"x" * (50 * 1024 * 1024)),
            "at most 5 MB",
        ),
    ],
)
def test_a_file_that_is_not_a_register_gets_a_clear_message_and_changes_nothing(
    client, coordinator, municipality, file, message
):
    response = upload(client, coordinator, municipality, file)

    assert response.status_code == 200
    assert message in response.text
    assert not RegisterImport.objects.exists()


def test_only_municipal_coordinators_see_imports(
    client, coordinator, municipality, member, association_coordinator, staff, outsider
):
    register = imported(client, coordinator, municipality, register_csv())
    client.logout()
    assert client.get("/imports/").status_code == 302  # anonymous: sign in first
    for user in (member, association_coordinator, staff, outsider):
        client.force_login(user)
        assert client.get("/imports/").status_code == 404
        assert client.get(f"/imports/{register.pk}/").status_code == 404
        assert client.post(f"/imports/{register.pk}/invitations/").status_code == 404
    client.force_login(coordinator)
    assert client.get("/imports/").status_code == 200
    assert client.get(f"/imports/{register.pk}/").status_code == 200


def test_starting_twice_is_refused_with_a_message(client, coordinator, municipality):
    register = imported(client, coordinator, municipality, register_csv())

    response = client.post(f"/imports/{register.pk}/start/", follow=True)

    assert "already been started" in response.text


def test_invitations_go_out_once_to_organisations_without_members(
    client, coordinator, municipality, association, member, django_capture_on_commit_callbacks
):
    association.organisation_number = valid_orgnr()
    association.save()
    rows = [f"{valid_orgnr()};Förening {n};f{n}@example.org;;" for n in range(3)]
    rows.append(f"{association.organisation_number};{association.name};a@example.org;;")
    register = imported(client, coordinator, municipality, register_csv(*rows))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/imports/{register.pk}/invitations/")
        again = client.post(f"/imports/{register.pk}/invitations/", follow=True)
        work.send_invitations(register.pk, 0)  # a job run twice

    invited = set(Invitation.objects.values_list("email", flat=True))
    assert invited == {"f0@example.org", "f1@example.org", "f2@example.org"}
    assert "already been queued" in again.text
    assert sorted(m.to[0] for m in mail.outbox) == sorted(invited)


def test_invitations_are_sent_in_paced_batches(monkeypatch, coordinator, municipality, client):
    rows = [f"{valid_orgnr()};Förening {n};f{n}@example.org;;" for n in range(5)]
    register = imported(client, coordinator, municipality, register_csv(*rows))
    later = []
    monkeypatch.setattr(work, "INVITATIONS_PER_BATCH", 2)
    monkeypatch.setattr(work.queue, "enqueue_later", lambda *a, **kw: later.append((a, kw)))

    work.send_invitations(register.pk, 0)

    assert Invitation.objects.count() == 2
    assert later[0][0][1:] == (register.pk, 2)
    assert later[0][1]["seconds"] == work.SECONDS_BETWEEN_BATCHES


@pytest.mark.django_db(transaction=True)
def test_twenty_coordinators_starting_the_import_at_once_import_it_once(coordinator, municipality):
    register = RegisterImport.objects.create(
        municipality=municipality,
        filename="r.csv",
        rows=[[2, {"organisation_number": valid_orgnr(), "name": "En förening"}]],
        preview=[],
        created_by=coordinator,
    )
    barrier, outcomes = threading.Barrier(20), []

    def start():
        try:
            barrier.wait()
            try:
                RegisterImport.objects.get(pk=register.pk).start(by=coordinator)
                outcomes.append("won")
            except ImportNotPending:
                outcomes.append("told")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=start) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["told"] * 19 + ["won"]
    assert Organisation.objects.filter(name="En förening").count() == 1
