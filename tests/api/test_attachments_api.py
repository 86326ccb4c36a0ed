"""Files through the API: the same checks as the upload form, the record's own rules."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from attachments.models import Attachment
from dialogues.models import Forum
from tests.api.conftest import as_user
from tests.attachments import files
from tests.attachments.factories import make_attachment
from tests.dialogues.factories import approve, make_checked_meeting, make_forum, make_meeting

pytestmark = pytest.mark.django_db

ROLES = [None, "admin", "coordinator", "staff", "member", "outsider"]
READERS = {"admin", "coordinator", "staff", "member"}
MANAGERS = {"admin", "coordinator"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def stored_files(media):
    def listing():
        return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []

    return listing


@pytest.fixture
def meeting(municipality, department, association):
    forum = make_forum(municipality, members=[association], visibility=Forum.Visibility.MEMBERS)
    return make_meeting(forum)


def client_for(request, role):
    return as_user(request.getfixturevalue(role) if role else None)


def record_url(meeting):
    return f"/api/v1/records/dialogues.meeting/{meeting.pk}/attachments/"


def upload(client, meeting, name, content, **data):
    return client.post(
        record_url(meeting), {"file": SimpleUploadedFile(name, content), **data}, format="multipart"
    )


@pytest.mark.parametrize("role", ROLES)
def test_a_records_files_are_listed_and_downloaded_by_whoever_reads_the_record(
    request, role, meeting, coordinator
):
    attachment = make_attachment(meeting, name="Dagordning åäö.pdf", by=coordinator)
    client = client_for(request, role)

    listed = client.get(record_url(meeting))
    detail = client.get(f"/api/v1/attachments/{attachment.pk}/")
    download = client.get(f"/api/v1/attachments/{attachment.pk}/download/")

    expected = 200 if role in READERS else 404
    assert (listed.status_code, detail.status_code, download.status_code) == (expected,) * 3
    if expected == 200:
        assert listed.json()[0]["original_name"] == "Dagordning åäö.pdf"
        assert listed.json()[0]["record"] == {"label": "dialogues.meeting", "id": meeting.pk}


def test_a_download_has_the_pages_headers(meeting, coordinator, member):
    attachment = make_attachment(meeting, name="Årsmöte.pdf", by=coordinator)

    response = as_user(member).get(f"/api/v1/attachments/{attachment.pk}/download/")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="Arsmote.pdf"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == files.pdf()


@pytest.mark.parametrize("role", ROLES)
def test_only_those_who_change_the_record_upload(request, role, meeting, stored_files):
    response = upload(client_for(request, role), meeting, "Protokoll.pdf", files.pdf())

    expected = {None: 401, "admin": 201, "coordinator": 201}.get(role, 404)
    assert response.status_code == expected
    assert Attachment.objects.exists() == (expected == 201)
    assert len(stored_files()) == (1 if expected == 201 else 0)


def test_an_upload_is_stored_with_its_detected_type_and_its_text_read_by_a_job(
    meeting, coordinator
):
    response = upload(
        as_user(coordinator), meeting, "Remissvar.docx", files.docx(), description="Svar"
    )

    body = response.json()
    assert body["mime_type"].endswith("wordprocessingml.document")
    assert body["description"] == "Svar"
    assert body["extraction_status"] == "pending"  # the answer does not wait for the text
    assert body["uploaded_by"] == "samordnare"
    assert files.SWEDISH in Attachment.objects.get().extracted_text  # the job ran (eagerly)


ATTACKS = [
    ("an executable renamed .pdf", "faktura.pdf", files.windows_executable, "Program, skript"),
    ("HTML renamed .txt", "notering.txt", files.html_page, "Program, skript"),
    ("an SVG with a script", "logga.svg", files.svg_with_script, "Program, skript"),
    ("a PDF/ZIP polyglot", "beslut.pdf", files.pdf_zip_polyglot, "(ett zip-arkiv)"),
    ("an empty file", "tom.pdf", lambda: b"", "Filen är tom."),
    ("a zip bomb", "remissvar.docx", files.zip_bomb_docx, "(en zip-bomb)"),
    ("a PDF named .docx", "remissvar.docx", files.pdf, "Filnamnet stämmer inte"),
]


@pytest.mark.parametrize(
    ("name", "make", "message"), [a[1:] for a in ATTACKS], ids=[a[0] for a in ATTACKS]
)
def test_the_attack_list_is_refused_with_the_reason_and_nothing_stored(
    meeting, coordinator, stored_files, name, make, message
):
    response = upload(as_user(coordinator), meeting, name, make())

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert message in response.json()["errors"]["file"][0]
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_the_reason_is_in_the_requests_language(meeting, coordinator, stored_files):
    client = as_user(coordinator)
    client.credentials(
        HTTP_AUTHORIZATION=client._credentials["HTTP_AUTHORIZATION"], HTTP_ACCEPT_LANGUAGE="en"
    )

    response = upload(client, meeting, "faktura.pdf", files.windows_executable())

    assert response.json()["errors"]["file"] == [
        "Programs, scripts, web pages and SVG images cannot be attached."
    ]


def test_an_oversized_file_is_refused(meeting, coordinator, stored_files, settings):
    settings.ATTACHMENTS_MAX_SIZE = 1024

    response = upload(as_user(coordinator), meeting, "stor.txt", b"a" * 1025)

    assert response.status_code == 400
    assert "Filen är för stor" in response.json()["errors"]["file"][0]
    assert stored_files() == []


def test_an_upload_without_a_file_or_as_json_is_a_400(meeting, coordinator, stored_files):
    client = as_user(coordinator)

    empty = client.post(record_url(meeting), {}, format="multipart")
    json_body = client.post(record_url(meeting), {"file": "x"}, format="json")

    assert empty.status_code == 400 and "file" in empty.json()["errors"]
    assert json_body.status_code == 415
    assert stored_files() == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/records/auth.user/1/attachments/",
        "/api/v1/records/dialogues.meeting/999999/attachments/",
    ],
)
def test_an_unregistered_or_missing_record_is_a_404(coordinator, path):
    assert as_user(coordinator).get(path).status_code == 404


def test_a_file_is_removed_by_a_manager_and_nobody_else(meeting, coordinator, member, media):
    attachment = make_attachment(meeting, by=coordinator)
    path = f"/api/v1/attachments/{attachment.pk}/"

    refused = as_user(member).delete(path)
    removed = as_user(coordinator).delete(path)

    assert refused.status_code == 404
    assert removed.status_code == 204
    assert not Attachment.objects.exists()


def test_files_of_approved_minutes_are_only_superseded(
    municipality, association, coordinator, department
):
    forum = make_forum(municipality, members=[association])
    meeting = make_checked_meeting(forum, association)
    approve(meeting, association)
    attachment = make_attachment(meeting, by=coordinator)
    client = as_user(coordinator)

    removal = client.delete(f"/api/v1/attachments/{attachment.pk}/")
    superseded = client.post(f"/api/v1/attachments/{attachment.pk}/supersede/")
    again = client.post(f"/api/v1/attachments/{attachment.pk}/supersede/")

    assert removal.status_code == 409
    assert removal.json()["code"] == "attachment_frozen"
    assert superseded.json()["superseded"] is True
    assert again.status_code == 409
    assert Attachment.objects.filter(pk=attachment.pk).exists()


def test_the_list_queries_do_not_grow(meeting, coordinator, member, django_assert_max_num_queries):
    for number in range(8):
        make_attachment(meeting, name=f"Fil {number}.pdf", by=coordinator)
    client = as_user(member)

    with django_assert_max_num_queries(8):
        response = client.get(record_url(meeting))

    assert len(response.json()) == 8
