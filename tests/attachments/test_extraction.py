"""Extraction is bounded in pages, characters and time, and never fails an upload."""

import pytest

from attachments import extraction
from attachments.models import Attachment
from attachments.signals import attachment_changed
from tests.attachments import files
from tests.attachments.factories import make_attachment


def test_plain_text_falls_back_from_utf8_to_cp1252():
    assert extraction.decode_text("Växjö".encode("cp1252")) == "Växjö"
    assert extraction.decode_text("\ufeffVäxjö".encode()) == "Växjö"


def test_bytes_that_no_windows_code_page_knows_are_read_as_latin1():
    assert extraction.decode_text(b"\x81\xe5") == "\x81å"


def test_only_the_first_pages_are_read():
    content = files.pdf("Första sidan", extra_pages=[["Andra sidan"], ["Tredje sidan"]])

    result = extraction.extract(content, "pdf", max_pages=2)

    assert result.text == "Första sidan\nAndra sidan"


def test_the_text_stops_at_the_character_limit():
    result = extraction.extract(b"a" * 5000, "txt", max_chars=100)

    assert result.status == extraction.OK
    assert len(result.text) == 100


def test_an_extraction_that_takes_too_long_is_stopped_and_recorded():
    result = extraction.extract(files.pdf(), "pdf", timeout=0.001)

    assert result.status == extraction.FAILED
    assert "longer than" in result.reason


def test_a_damaged_file_is_recorded_as_failed_with_its_reason():
    result = extraction.extract(files.docx()[:3000], "docx")

    assert result.status == extraction.FAILED
    assert result.reason


def test_a_file_without_text_is_empty_not_failed():
    assert extraction.extract(b"   \n", "txt").status == extraction.EMPTY
    assert extraction.extract(files.image("PNG"), "png").status == extraction.EMPTY


@pytest.mark.django_db
def test_the_text_is_stored_on_the_attachment_and_announced_for_search(
    association, django_capture_on_commit_callbacks
):
    attachment = make_attachment(association, name="Remissvar.docx", content=files.docx())
    announced = []
    attachment_changed.connect(lambda **kw: announced.append(kw["attachment"].pk), weak=False)

    with django_capture_on_commit_callbacks(execute=True):
        attachment.extract_text()

    stored = Attachment.objects.get()
    assert stored.extraction_status == Attachment.Extraction.OK
    assert files.SWEDISH in stored.extracted_text
    assert announced == [attachment.pk]


@pytest.mark.django_db
def test_a_timeout_during_upload_is_recorded_and_the_file_kept(
    client, association_coordinator, association, settings, stored_files
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.ATTACHMENTS_EXTRACTION_TIMEOUT = 0.001
    client.force_login(association_coordinator)
    upload = SimpleUploadedFile("Beslut.pdf", files.pdf())

    response = client.post(
        f"/attachments/organisations.organisation/{association.pk}/", {"file": upload}
    )

    assert response.status_code == 302
    assert Attachment.objects.get().extraction_status == Attachment.Extraction.FAILED
    assert len(stored_files()) == 1


def test_an_xml_entity_bomb_inside_an_opendocument_is_not_expanded():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><text:p>&b;</text:p>'
        "</office:document-content>"
    )
    content = files._odf_raw("application/vnd.oasis.opendocument.text", bomb)

    result = extraction.extract(content, "odt")

    assert result.status == extraction.FAILED
    assert "Entities" in result.reason


@pytest.mark.django_db
def test_the_command_reads_what_is_not_read_yet(association):
    from io import StringIO

    from django.core.management import call_command

    make_attachment(association, name="Anteckningar.txt", content=files.txt())
    Attachment.objects.update(extraction_status=Attachment.Extraction.PENDING, extracted_text="")
    out = StringIO()

    call_command("extract_attachments", stdout=out)

    assert Attachment.objects.get().extraction_status == Attachment.Extraction.OK
    assert "1 attachments read" in out.getvalue()
