import pytest

from attachments.models import Attachment
from tests.attachments import files
from tests.attachments.factories import make_attachment

pytestmark = pytest.mark.django_db

ROLES = ["coordinator", "staff", "member", "association_coordinator", "outsider"]


def get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


def test_a_swedish_file_name_downloads_with_that_name(client, association):
    attachment = make_attachment(association, name="Årsmöte protokoll.pdf")

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="Arsmote protokoll.pdf"; '
        "filename*=UTF-8''%C3%85rsm%C3%B6te%20protokoll.pdf"
    )


def test_a_download_carries_the_stored_type_and_forbids_sniffing(client, association):
    content = files.pdf()
    attachment = make_attachment(association, name="Beslut.pdf", content=content)

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == content


def test_an_ascii_name_needs_no_extended_parameter(client, association):
    attachment = make_attachment(association, name="Protokoll 2025.pdf")

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response["Content-Disposition"] == 'attachment; filename="Protokoll 2025.pdf"'


def test_an_image_is_shown_inline(client, association):
    attachment = make_attachment(association, name="Affisch.png", content=files.image("PNG"))

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="Affisch.png"'


def test_a_text_file_is_still_a_download_not_a_page(client, association):
    attachment = make_attachment(association, name="Anteckningar.txt", content=files.txt())

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response["Content-Disposition"].startswith("attachment;")


def test_the_web_server_can_send_the_file(client, association, settings):
    settings.ATTACHMENTS_SENDFILE = "x-accel-redirect"
    settings.ATTACHMENTS_SENDFILE_PREFIX = "/protected-media/"
    attachment = make_attachment(association)

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response["X-Accel-Redirect"] == "/protected-media/" + attachment.file.name
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment;")


def test_anyone_downloads_the_files_of_an_active_organisation(client, association):
    attachment = make_attachment(association)

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response.status_code == 200


def test_the_files_of_an_inactive_organisation_are_not_found(client, association):
    attachment = make_attachment(association)
    association.is_active = False
    association.save()

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response.status_code == 404


def test_a_missing_attachment_is_not_found(client):
    assert client.get("/attachments/999/").status_code == 404


# Who may download a file of an organisation that only its members see (`members_only`).
MEMBERS_ONLY = [
    ("anonymous", 404),
    ("outsider", 404),
    ("staff", 404),
    ("member", 200),
    ("association_coordinator", 200),
    ("coordinator", 200),
]


@pytest.mark.parametrize(("role", "status"), MEMBERS_ONLY)
def test_the_download_follows_the_record_rule(
    client, request, members_only, association, role, status
):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    attachment = make_attachment(association)

    response = get(client, user, f"/attachments/{attachment.pk}/")

    assert response.status_code == status


def test_an_attachment_on_an_unregistered_record_is_not_found(client, association, monkeypatch):
    from attachments import registry

    attachment = make_attachment(association)
    monkeypatch.delitem(registry._registry, "organisations.organisation")

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response.status_code == 404


def test_a_download_takes_few_queries(
    client, association_coordinator, association, django_assert_max_num_queries
):
    attachment = make_attachment(association)
    client.force_login(association_coordinator)

    with django_assert_max_num_queries(4):
        client.get(f"/attachments/{attachment.pk}/")


def test_the_stored_type_is_what_the_content_is_not_what_the_browser_said(
    client, association_coordinator, association
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(association_coordinator)
    upload = SimpleUploadedFile("Beslut.pdf", files.pdf(), content_type="text/html")
    client.post(f"/attachments/organisations.organisation/{association.pk}/", {"file": upload})

    assert Attachment.objects.get().mime_type == "application/pdf"


def test_letters_outside_ascii_become_underscores_in_the_fallback_name(client, association):
    attachment = make_attachment(association, name="Plan 2025–2026.pdf")

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response["Content-Disposition"].startswith('attachment; filename="Plan 2025_2026.pdf"; ')
    assert "filename*=UTF-8''Plan%202025%E2%80%932026.pdf" in response["Content-Disposition"]
