"""The checks themselves, for what an HTTP upload cannot carry (Django strips folder names)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from attachments import filetypes
from tests.attachments import files


@pytest.mark.parametrize(
    "name", ["../../etc/passwd.pdf", "..\\..\\windows\\win.pdf", "mapp/beslut.pdf", ".htaccess"]
)
def test_a_name_that_tries_to_leave_its_folder_is_refused(name):
    with pytest.raises(ValidationError) as refused:
        filetypes.check_name(name)

    assert refused.value.code == "path"
    assert "mappar" in str(refused.value.messages) or "folders" in str(refused.value.messages)


def test_a_swedish_name_is_kept_and_only_tidied():
    upload = SimpleUploadedFile("Årsmöte  protokoll: 2025?.pdf", files.pdf())

    checked = filetypes.check_upload(upload)

    assert checked.name == "Årsmöte protokoll_ 2025_.pdf"


def test_a_decomposed_unicode_name_is_stored_composed():
    checked = filetypes.check_upload(SimpleUploadedFile("A\u030arsmo\u0308te.pdf", files.pdf()))

    assert checked.name == "Årsmöte.pdf"


def test_a_very_long_name_is_shortened_but_keeps_its_extension():
    checked = filetypes.check_upload(SimpleUploadedFile("å" * 300 + ".pdf", files.pdf()))

    assert len(checked.name) == 200 and checked.name.endswith(".pdf")


def test_a_damaged_zip_container_is_refused():
    content = files.docx()[:2000]
    upload = SimpleUploadedFile("trasig.docx", content)

    with pytest.raises(ValidationError) as refused:
        filetypes.check_upload(upload)

    assert refused.value.code in {"damaged", "not_allowed", "mismatch"}
