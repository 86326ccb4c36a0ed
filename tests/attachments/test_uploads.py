import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from attachments.models import Attachment
from tests.attachments import files

pytestmark = pytest.mark.django_db

ALLOWED = [
    ("Beslut åäö.pdf", files.pdf, "application/pdf"),
    (
        "Remissvar.docx",
        files.docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("Protokoll.odt", files.odt, "application/vnd.oasis.opendocument.text"),
    (
        "Budget.xlsx",
        files.xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("Budget.ods", files.ods, "application/vnd.oasis.opendocument.spreadsheet"),
    (
        "Bilder.pptx",
        files.pptx,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("Anteckningar.txt", files.txt, "text/plain"),
    ("Dagordning.md", files.markdown, "text/markdown"),
    ("Aktiviteter.csv", files.csv, "text/csv"),
]
IMAGES = [
    ("Affisch.png", "PNG", "image/png"),
    ("Foto.jpg", "JPEG", "image/jpeg"),
    ("Foto.webp", "WEBP", "image/webp"),
]


def upload(client, organisation, name, content, **data):
    return client.post(
        f"/attachments/organisations.organisation/{organisation.pk}/",
        {"file": SimpleUploadedFile(name, content), "description": "", **data},
    )


@pytest.fixture
def signed_in(client, association_coordinator):
    client.force_login(association_coordinator)
    return client


@pytest.mark.parametrize(("name", "make", "mime_type"), ALLOWED)
def test_each_document_type_is_accepted_and_its_text_read(
    signed_in, association, name, make, mime_type
):
    response = upload(signed_in, association, name, make())

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.original_name == name
    assert attachment.mime_type == mime_type
    assert attachment.extraction_status == Attachment.Extraction.OK
    assert files.SWEDISH in attachment.extracted_text


@pytest.mark.parametrize(("name", "kind", "mime_type"), IMAGES)
def test_each_image_type_is_accepted_without_text(signed_in, association, name, kind, mime_type):
    response = upload(signed_in, association, name, files.image(kind))

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.mime_type == mime_type
    assert attachment.extraction_status == Attachment.Extraction.EMPTY


def test_a_stored_file_gets_a_random_name_size_and_checksum(signed_in, association, stored_files):
    content = files.pdf()

    upload(signed_in, association, "Årsmöte protokoll.pdf", content, description="Justerat")

    attachment = Attachment.objects.get()
    assert "Årsmöte" not in attachment.file.name and attachment.file.name.endswith(".pdf")
    assert attachment.size == len(content)
    assert len(attachment.sha256) == 64
    assert attachment.description == "Justerat"
    assert attachment.uploaded_by.username == "ordforande"
    assert [p.read_bytes() for p in stored_files()] == [content]


def test_a_text_file_from_an_older_windows_office_is_read_as_cp1252(signed_in, association):
    upload(signed_in, association, "Gammal.txt", files.txt(encoding="cp1252"))

    assert files.SWEDISH.replace("–", "–") in Attachment.objects.get().extracted_text


ATTACKS = [
    (
        "an executable renamed .pdf",
        "faktura.pdf",
        files.windows_executable,
        "Program, skript, webbsidor och SVG-bilder kan inte bifogas.",
    ),
    (
        "an HTML page renamed .txt",
        "notering.txt",
        files.html_page,
        "Program, skript, webbsidor och SVG-bilder kan inte bifogas.",
    ),
    (
        "an SVG with a script",
        "logga.svg",
        files.svg_with_script,
        "Program, skript, webbsidor och SVG-bilder kan inte bifogas.",
    ),
    (
        "an SVG renamed .png",
        "logga.png",
        files.svg_with_script,
        "Program, skript, webbsidor och SVG-bilder kan inte bifogas.",
    ),
    (
        "a PDF/ZIP polyglot",
        "beslut.pdf",
        files.pdf_zip_polyglot,
        "Filen kan också läsas som en annan sorts fil (ett zip-arkiv) och kan inte bifogas.",
    ),
    ("an empty file", "tom.pdf", lambda: b"", "Filen är tom."),
    (
        "a zip bomb named .docx",
        "remissvar.docx",
        files.zip_bomb_docx,
        "Filen packas upp till långt mer än sin storlek (en zip-bomb) och kan inte bifogas.",
    ),
    (
        "a PDF named .docx",
        "remissvar.docx",
        files.pdf,
        "Filnamnet stämmer inte med innehållet (application/pdf).",
    ),
    ("a DOCX named .pdf", "remissvar.pdf", files.docx, "Filnamnet stämmer inte med innehållet"),
    (
        "a text file without a known extension",
        "anteckningar.exe",
        files.txt,
        "Filnamnet stämmer inte med innehållet (text/plain).",
    ),
    (
        "a zip archive",
        "arkiv.zip",
        lambda: files.pdf_zip_polyglot()[len(files.pdf()) :],
        "Den här filtypen kan inte bifogas (application/zip).",
    ),
]


@pytest.mark.parametrize(
    ("name", "make", "message"), [a[1:] for a in ATTACKS], ids=[a[0] for a in ATTACKS]
)
def test_the_attack_list_is_refused_with_a_clear_message_and_nothing_stored(
    signed_in, association, stored_files, name, make, message
):
    response = upload(signed_in, association, name, make())

    assert response.status_code == 200
    assert message in response.text
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_an_oversized_file_is_refused_before_it_is_read(
    signed_in, association, stored_files, settings
):
    settings.ATTACHMENTS_MAX_SIZE = 1024

    response = upload(signed_in, association, "stor.txt", b"a" * 1025)

    assert "Filen är för stor: högst 1,0\xa0kB är tillåtet." in response.text
    assert stored_files() == []


def test_a_container_unpacking_beyond_the_limit_is_refused(
    signed_in, association, stored_files, settings
):
    settings.ATTACHMENTS_MAX_UNPACKED_SIZE = 10_000

    response = upload(signed_in, association, "Remissvar.docx", files.docx())

    assert "(en zip-bomb)" in response.text
    assert stored_files() == []


def test_a_failed_extraction_is_recorded_and_the_upload_still_succeeds(signed_in, association):
    damaged = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n" + b"x" * 200

    response = upload(signed_in, association, "Trasig.pdf", damaged)

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.extraction_status == Attachment.Extraction.FAILED
    assert attachment.extraction_error != ""


def test_a_refused_upload_keeps_the_form_and_names_the_allowed_types(signed_in, association):
    response = upload(signed_in, association, "logga.svg", files.svg_with_script())

    assert 'name="description"' in response.text
    assert "PDF" in response.text and "DOCX" in response.text


def test_a_path_in_the_uploaded_name_never_reaches_the_disk(
    signed_in, association, stored_files, media
):
    boundary = "grans"
    body = (
        (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="file"; filename="../../etc/passwd.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + files.pdf()
        + f"\r\n--{boundary}--\r\n".encode()
    )

    signed_in.generic(
        "POST",
        f"/attachments/organisations.organisation/{association.pk}/",
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )

    attachment = Attachment.objects.get()
    assert attachment.original_name == "passwd.pdf"
    assert [path.parent.parent.parent for path in stored_files()] == [media / "attachments"]


def test_a_failure_while_saving_leaves_no_file_behind(association, stored_files, monkeypatch):
    from tests.attachments.factories import make_attachment

    def broken_save(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Attachment, "save", broken_save)

    with pytest.raises(RuntimeError):
        make_attachment(association)

    assert stored_files() == []
