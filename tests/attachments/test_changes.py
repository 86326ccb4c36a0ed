import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from attachments.models import Attachment
from attachments.signals import attachment_removed
from tests.attachments import files
from tests.attachments.factories import make_attachment

pytestmark = pytest.mark.django_db

NOT_CHANGERS = ["coordinator", "staff", "member", "outsider"]


def as_user(client, request, role):
    client.force_login(request.getfixturevalue(role))
    return client


def upload_url(organisation):
    return f"/attachments/organisations.organisation/{organisation.pk}/"


# --- upload ---------------------------------------------------------------------------


def test_the_organisation_coordinator_sees_the_upload_page(
    client, association_coordinator, association
):
    client.force_login(association_coordinator)

    response = client.get(upload_url(association))

    assert response.status_code == 200
    assert "Bifoga en fil" in response.text


@pytest.mark.parametrize("role", NOT_CHANGERS)
def test_others_cannot_attach_files(client, request, association, stored_files, role):
    upload = SimpleUploadedFile("Beslut.pdf", files.pdf())

    response = as_user(client, request, role).post(upload_url(association), {"file": upload})

    assert response.status_code == 404
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_an_anonymous_visitor_is_asked_to_log_in_before_attaching(client, association):
    response = client.get(upload_url(association))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "path", ["/attachments/auth.user/1/", "/attachments/organisations.membership/1/"]
)
def test_a_record_type_that_carries_no_files_is_not_found(client, admin_user, path):
    client.force_login(admin_user)

    assert client.get(path).status_code == 404


def test_an_unknown_record_is_not_found(client, admin_user):
    client.force_login(admin_user)

    assert client.get("/attachments/organisations.organisation/999/").status_code == 404


# --- remove ---------------------------------------------------------------------------


def test_the_coordinator_removes_a_file_and_it_leaves_the_disk(
    client, association_coordinator, association, stored_files, django_capture_on_commit_callbacks
):
    attachment = make_attachment(association)
    client.force_login(association_coordinator)
    removed = []
    attachment_removed.connect(lambda **kw: removed.append(kw["attachment_id"]), weak=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/attachments/{attachment.pk}/remove/")

    assert response["Location"] == f"/organisations/{association.slug}/#attachments"
    assert not Attachment.objects.exists()
    assert stored_files() == []
    assert removed == [attachment.pk]


def test_removing_asks_for_confirmation_first(client, association_coordinator, association):
    attachment = make_attachment(association, name="Stadgar.pdf")
    client.force_login(association_coordinator)

    response = client.get(f"/attachments/{attachment.pk}/remove/")

    assert "Ta bort Stadgar.pdf" in response.text
    assert Attachment.objects.exists()


@pytest.mark.parametrize("role", NOT_CHANGERS)
def test_others_cannot_remove_a_file(client, request, association, stored_files, role):
    attachment = make_attachment(association)

    response = as_user(client, request, role).post(f"/attachments/{attachment.pk}/remove/")

    assert response.status_code == 404
    assert Attachment.objects.exists()
    assert len(stored_files()) == 1


def test_a_file_on_a_frozen_record_cannot_be_removed(
    client, association_coordinator, association, frozen, stored_files
):
    attachment = make_attachment(association)
    client.force_login(association_coordinator)

    response = client.post(f"/attachments/{attachment.pk}/remove/", follow=True)

    assert "kan inte tas bort, bara markeras som ersatta" in response.text
    assert Attachment.objects.exists()
    assert len(stored_files()) == 1


def test_the_remove_page_of_a_frozen_record_offers_to_mark_superseded(
    client, association_coordinator, association, frozen
):
    attachment = make_attachment(association)
    client.force_login(association_coordinator)

    response = client.get(f"/attachments/{attachment.pk}/remove/")

    assert "Markera som ersatt" in response.text
    assert f"/attachments/{attachment.pk}/supersede/" in response.text


# --- supersede ------------------------------------------------------------------------


def test_a_file_on_a_frozen_record_is_marked_superseded_and_kept(
    client, association_coordinator, association, frozen
):
    attachment = make_attachment(association, name="Protokoll.pdf")
    client.force_login(association_coordinator)

    response = client.post(f"/attachments/{attachment.pk}/supersede/", follow=True)

    attachment.refresh_from_db()
    assert attachment.is_superseded
    assert attachment.superseded_by == association_coordinator
    assert "Protokoll.pdf har markerats som ersatt." in response.text
    assert client.get(f"/attachments/{attachment.pk}/").status_code == 200


def test_a_file_is_superseded_only_once(client, association_coordinator, association):
    attachment = make_attachment(association, name="Protokoll.pdf")
    client.force_login(association_coordinator)
    client.post(f"/attachments/{attachment.pk}/supersede/")

    response = client.post(f"/attachments/{attachment.pk}/supersede/", follow=True)

    assert "Protokoll.pdf är redan markerad som ersatt." in response.text


@pytest.mark.parametrize("role", NOT_CHANGERS)
def test_others_cannot_mark_a_file_superseded(client, request, association, role):
    attachment = make_attachment(association)

    response = as_user(client, request, role).post(f"/attachments/{attachment.pk}/supersede/")

    assert response.status_code == 404
    attachment.refresh_from_db()
    assert not attachment.is_superseded


# --- the record goes ------------------------------------------------------------------


def test_deleting_the_record_deletes_its_files(
    association, stored_files, django_capture_on_commit_callbacks
):
    make_attachment(association)

    with django_capture_on_commit_callbacks(execute=True):
        association.delete()

    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_current_files_leave_out_the_superseded_ones(association, association_coordinator):
    old = make_attachment(association, name="Stadgar 2020.pdf")
    new = make_attachment(association, name="Stadgar 2024.pdf")
    old.mark_superseded(by=association_coordinator)

    current = Attachment.objects.for_object(association).current()

    assert list(current) == [new]
