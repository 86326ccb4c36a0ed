"""The attachment settings come from the environment, like every other setting."""

import pytest

from tests.attachments.factories import make_attachment
from tests.test_site import run_python

pytestmark = pytest.mark.django_db

PRINT = (
    "import config.settings as s;"
    "print(s.ATTACHMENTS_SENDFILE_HEADER, s.ATTACHMENTS_SENDFILE_PREFIX, s.ATTACHMENTS_MAX_SIZE,"
    " s.ATTACHMENTS_EXTRACTION_TIMEOUT)"
)


def test_the_defaults_let_django_stream_files_of_at_most_25_mb():
    result = run_python(PRINT)

    assert result.stdout.split() == ["/protected-media/", str(25 * 1024 * 1024), "20"]


def test_the_environment_hands_the_file_to_the_web_server_and_sets_the_limits():
    result = run_python(
        PRINT,
        ATTACHMENTS_SENDFILE="X-Accel-Redirect",
        ATTACHMENTS_SENDFILE_PREFIX="/skyddat/",
        ATTACHMENTS_MAX_SIZE_MB="10",
        ATTACHMENTS_EXTRACTION_TIMEOUT="5",
    )

    assert result.stdout.split() == ["X-Accel-Redirect", "/skyddat/", str(10 * 1024 * 1024), "5"]


def test_an_unknown_sendfile_method_stops_the_start_with_a_clear_message():
    result = run_python("import config.settings", ATTACHMENTS_SENDFILE="apache")

    assert result.returncode != 0
    assert "ATTACHMENTS_SENDFILE='apache': use one of x-accel-redirect, x-sendfile" in (
        result.stderr
    )


def test_with_x_sendfile_the_web_server_gets_the_files_path(client, association, settings):
    settings.ATTACHMENTS_SENDFILE_HEADER = "X-Sendfile"
    attachment = make_attachment(association)

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response["X-Sendfile"] == attachment.file.path
    assert response.content == b""
    assert response["X-Content-Type-Options"] == "nosniff"
