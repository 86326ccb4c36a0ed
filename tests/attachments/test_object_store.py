"""Files in an S3-compatible object store (FILE_STORAGE=s3), against a moto server on 127.0.0.1.

The `bucket` fixture configures the storage from the same environment variables production
uses and hands the test a plain boto3 view of the bucket, to see what really is stored.
"""

import io
import re
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from attachments.models import Attachment
from demo import attachments as demo_files
from tests.attachments import files
from tests.attachments.factories import make_attachment
from tests.attachments.test_downloads import MEMBERS_ONLY

pytestmark = pytest.mark.django_db

RANDOM_NAME = r"attachments/\d{4}/\d{2}/[0-9a-f]{32}\.pdf"


def fetch(url):
    """What a browser (or nginx) gets at `url`: the status, the headers and the body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 (127.0.0.1 only)
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def upload(client, user, organisation, name="Beslut.pdf", content=None):
    client.force_login(user)
    upload = SimpleUploadedFile(name, content or files.pdf(), content_type="text/html")
    return client.post(
        f"/attachments/organisations.organisation/{organisation.pk}/", {"file": upload}
    )


# --- storing --------------------------------------------------------------------------


def test_an_upload_goes_to_the_bucket_under_a_random_name_and_not_to_the_disk(
    client, association_coordinator, association, bucket, stored_files
):
    upload(client, association_coordinator, association, name="Årsmöte protokoll.pdf")

    attachment = Attachment.objects.get()
    assert re.fullmatch(RANDOM_NAME, attachment.file.name)
    assert bucket.keys() == [attachment.file.name]
    assert bucket.read(attachment.file.name) == files.pdf()
    assert stored_files() == []


def test_nobody_reads_an_object_without_a_signature(association, bucket, object_store):
    attachment = make_attachment(association)

    status, _headers, body = fetch(f"{object_store}/{bucket.name}/{attachment.file.name}")

    assert status == 403
    assert body == b""
    grants = bucket.client.get_object_acl(Bucket=bucket.name, Key=attachment.file.name)["Grants"]
    assert [grant["Grantee"]["Type"] for grant in grants] == ["CanonicalUser"]  # the owner only


def test_an_object_never_carries_the_type_the_browser_claimed(
    client, association_coordinator, association, bucket
):
    upload(client, association_coordinator, association)

    head = bucket.client.head_object(Bucket=bucket.name, Key=Attachment.objects.get().file.name)
    assert head["ContentType"] == "application/octet-stream"
    assert head["ContentDisposition"] == "attachment"


def test_the_text_of_a_pdf_is_read_from_the_bucket(association, bucket):
    attachment = Attachment.objects.get(pk=make_attachment(association).pk)

    attachment.extract_text()

    assert attachment.extraction_status == Attachment.Extraction.OK
    assert files.SWEDISH in attachment.extracted_text


def test_the_text_can_be_read_again(association, bucket):
    attachment = make_attachment(association)
    attachment.extract_text()

    attachment.extract_text()

    assert attachment.extraction_status == Attachment.Extraction.OK


# --- downloading ----------------------------------------------------------------------


@pytest.mark.parametrize(("role", "status"), MEMBERS_ONLY)
def test_django_streams_the_file_from_the_bucket_to_those_the_record_rule_lets_in(
    client, request, members_only, association, bucket, role, status
):
    attachment = make_attachment(association, name="Beslut.pdf")
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == files.pdf()
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="Beslut.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"


def test_nginx_gets_the_object_with_a_signature_that_expires_within_a_minute(
    client, association, bucket, object_store, settings
):
    settings.ATTACHMENTS_SENDFILE = "x-accel-redirect"
    settings.ATTACHMENTS_SENDFILE_PREFIX = "/protected-media/"
    attachment = make_attachment(association, name="Beslut.pdf")

    response = client.get(f"/attachments/{attachment.pk}/")

    target = response["X-Accel-Redirect"]
    assert target.startswith(f"/protected-media/{attachment.file.name}?")
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert parse_qs(urlsplit(target).query)["X-Amz-Expires"] == ["60"]
    # nginx: `location /protected-media/ { internal; proxy_pass <endpoint>/<bucket>/; }`
    status, headers, body = fetch(
        f"{object_store}/{bucket.name}/" + target.removeprefix("/protected-media/")
    )
    assert (status, body) == (200, files.pdf())
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"] == 'attachment; filename="Beslut.pdf"'


def test_with_signed_urls_the_browser_is_sent_to_the_object_for_a_minute(
    client, association, bucket, object_store, settings
):
    settings.ATTACHMENTS_SENDFILE = "signed-url"
    attachment = make_attachment(association, name="Årsmöte.pdf")

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{object_store}/{bucket.name}/{attachment.file.name}?")
    assert parse_qs(urlsplit(location).query)["X-Amz-Expires"] == ["60"]
    assert response["Cache-Control"] == "private, no-store"
    status, headers, body = fetch(location)
    assert (status, body) == (200, files.pdf())
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"] == (
        "attachment; filename=\"Arsmote.pdf\"; filename*=UTF-8''%C3%85rsm%C3%B6te.pdf"
    )


@pytest.mark.parametrize("method", ["", "x-accel-redirect", "signed-url"])
def test_an_outsider_gets_neither_the_file_nor_a_way_to_it(
    client, outsider, members_only, association, bucket, settings, method
):
    settings.ATTACHMENTS_SENDFILE = method
    attachment = make_attachment(association)
    client.force_login(outsider)

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response
    assert bucket.name not in response.get("Location", "")
    assert "X-Amz-Signature" not in response.text


def test_the_api_downloads_from_the_bucket_too(
    client, association_coordinator, association, bucket
):
    attachment = make_attachment(association)
    client.force_login(association_coordinator)

    response = client.get(f"/api/v1/attachments/{attachment.pk}/download/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == files.pdf()


def test_a_download_from_the_bucket_takes_few_queries(
    client, association_coordinator, association, bucket, django_assert_max_num_queries
):
    attachment = make_attachment(association)
    client.force_login(association_coordinator)

    with django_assert_max_num_queries(4):
        client.get(f"/attachments/{attachment.pk}/")


# --- superseding and removing ---------------------------------------------------------


def test_a_superseded_file_stays_in_the_bucket_and_downloads(
    client, association_coordinator, association, frozen, bucket
):
    attachment = make_attachment(association)
    client.force_login(association_coordinator)

    client.post(f"/attachments/{attachment.pk}/supersede/")

    attachment.refresh_from_db()
    assert attachment.is_superseded
    assert bucket.keys() == [attachment.file.name]
    download = client.get(f"/attachments/{attachment.pk}/")
    assert b"".join(download.streaming_content) == files.pdf()


def test_a_removed_file_leaves_the_bucket_once_the_removal_is_committed(
    client, association_coordinator, association, bucket, django_capture_on_commit_callbacks
):
    attachment = make_attachment(association)
    client.force_login(association_coordinator)

    with django_capture_on_commit_callbacks() as after_commit:
        client.post(f"/attachments/{attachment.pk}/remove/")
    still_there = bucket.keys()
    for callback in after_commit:
        callback()

    assert still_there == [attachment.file.name]
    assert bucket.keys() == []
    assert not Attachment.objects.exists()


def test_deleting_a_record_deletes_its_objects(
    association, bucket, django_capture_on_commit_callbacks
):
    make_attachment(association)
    make_attachment(association, name="Stadgar.pdf")

    with django_capture_on_commit_callbacks(execute=True):
        association.delete()

    assert bucket.keys() == []


# --- the demo city --------------------------------------------------------------------


def test_the_demo_city_keeps_its_files_in_the_bucket(demo, bucket):
    Attachment.objects.all().delete()  # the snapshot's files are local ones: seed them again

    demo_files.seed(io.StringIO())

    assert set(Attachment.objects.values_list("original_name", flat=True)) == {
        demo_files.BOARD_DECISION,
        demo_files.CONSULTATION_RESPONSE,
        demo_files.ACTION_PLAN,
    }
    assert len(bucket.keys()) == 3
    decision = Attachment.objects.get(original_name=demo_files.BOARD_DECISION)
    assert "§ 87 Antagande av lokal överenskommelse" in decision.extracted_text


def test_the_admin_links_to_the_download_page_not_to_the_bucket(admin_client, association, bucket):
    attachment = make_attachment(association, name="Stadgar.pdf")

    response = admin_client.get(f"/admin/attachments/attachment/{attachment.pk}/change/")

    assert response.status_code == 200
    assert f'<a href="/attachments/{attachment.pk}/">Stadgar.pdf</a>' in response.text
    assert "X-Amz-Signature" not in response.text
