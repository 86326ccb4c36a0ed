"""The attachment settings come from the environment, like every other setting."""

import json

import pytest

from tests.attachments.factories import make_attachment
from tests.test_site import run_python

pytestmark = pytest.mark.django_db

PRINT = (
    "import config.settings as s;"
    "print(s.ATTACHMENTS_SENDFILE or '-', s.ATTACHMENTS_SENDFILE_PREFIX, s.ATTACHMENTS_MAX_SIZE,"
    " s.ATTACHMENTS_EXTRACTION_TIMEOUT)"
)


def test_the_defaults_let_django_stream_files_of_at_most_25_mb():
    result = run_python(PRINT)

    assert result.stdout.split() == ["-", "/protected-media/", str(25 * 1024 * 1024), "20"]


def test_the_environment_hands_the_file_to_the_web_server_and_sets_the_limits():
    result = run_python(
        PRINT,
        ATTACHMENTS_SENDFILE="X-Accel-Redirect",
        ATTACHMENTS_SENDFILE_PREFIX="/skyddat/",
        ATTACHMENTS_MAX_SIZE_MB="10",
        ATTACHMENTS_EXTRACTION_TIMEOUT="5",
    )

    assert result.stdout.split() == ["x-accel-redirect", "/skyddat/", str(10 * 1024 * 1024), "5"]


def test_an_unknown_sendfile_method_stops_the_start_with_a_clear_message():
    result = run_python("import config.settings", ATTACHMENTS_SENDFILE="apache")

    assert result.returncode != 0
    assert "ATTACHMENTS_SENDFILE='apache': use one of signed-url, x-accel-redirect, x-sendfile" in (
        result.stderr
    )


def test_with_x_sendfile_the_web_server_gets_the_files_path(client, association, settings):
    settings.ATTACHMENTS_SENDFILE = "x-sendfile"
    attachment = make_attachment(association)

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response["X-Sendfile"] == attachment.file.path
    assert response.content == b""
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_environment_puts_the_files_in_a_private_bucket():
    result = run_python(
        "import json, config.settings as s; print(json.dumps(s.STORAGES['default']))",
        FILE_STORAGE="s3",
        S3_BUCKET="kullahamn-overens",
        S3_ENDPOINT_URL="https://s3.example.se/",
        S3_REGION="sto1",
        S3_ACCESS_KEY_ID="nyckel",
        S3_SECRET_ACCESS_KEY="hemlig",
        S3_ADDRESSING_STYLE="path",
    )

    storage = json.loads(result.stdout)
    expected = {
        "bucket_name": "kullahamn-overens",
        "endpoint_url": "https://s3.example.se",
        "region_name": "sto1",
        "access_key": "nyckel",
        "secret_key": "hemlig",
        "addressing_style": "path",
        "default_acl": None,  # no ACL of our own: the private bucket's default
        "querystring_auth": True,  # every address of an object is signed
    }
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert {key: storage["OPTIONS"][key] for key in expected} == expected


def test_the_local_folder_is_the_default_storage():
    result = run_python("import config.settings as s; print(s.STORAGES['default']['BACKEND'])")

    assert result.stdout.strip() == "django.core.files.storage.FileSystemStorage"


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        (
            {"FILE_STORAGE": "s3", "S3_BUCKET": "overens", "ATTACHMENTS_SENDFILE": "x-sendfile"},
            "ATTACHMENTS_SENDFILE=x-sendfile gives the web server a path on its own disk, but "
            "FILE_STORAGE=s3 keeps the files in an object store",
        ),
        (
            {"ATTACHMENTS_SENDFILE": "signed-url"},
            "ATTACHMENTS_SENDFILE=signed-url redirects to the object store, but FILE_STORAGE is "
            "local",
        ),
        ({"FILE_STORAGE": "s3"}, "FILE_STORAGE=s3 needs S3_BUCKET"),
        ({"FILE_STORAGE": "minio"}, "FILE_STORAGE='minio': use one of local, s3"),
        (
            {"FILE_STORAGE": "s3", "S3_BUCKET": "overens", "S3_ENDPOINT_URL": "s3.example.se"},
            "S3_ENDPOINT_URL='s3.example.se': give the object store's address",
        ),
        (
            {"FILE_STORAGE": "s3", "S3_BUCKET": "overens", "S3_ACCESS_KEY_ID": "nyckel"},
            "Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither",
        ),
    ],
)
def test_a_file_storage_that_cannot_work_stops_the_start_naming_the_variables(environment, message):
    result = run_python("import config.settings", **environment)

    assert result.returncode != 0
    assert f"ImproperlyConfigured: {message}" in result.stderr
