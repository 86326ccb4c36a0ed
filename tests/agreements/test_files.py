"""Files on agreements and revisions follow the agreement's own rules (attachments registry)."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Agreement
from attachments.models import Attachment
from tests.agreements.factories import adopt, consult, publish
from tests.attachments import files
from tests.attachments.factories import make_attachment

pytestmark = pytest.mark.django_db

ROLES = ["coordinator", "drafter", "member", "staff", "outsider", None]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def download(client, request, role, attachment):
    if role:
        client.force_login(request.getfixturevalue(role))
    return client.get(f"/attachments/{attachment.pk}/").status_code


def upload(client, user, record, name="Beslut.pdf"):
    client.force_login(user)
    label = record._meta.label_lower
    return client.post(
        f"/attachments/{label}/{record.pk}/", {"file": SimpleUploadedFile(name, files.pdf())}
    )


# --- who downloads ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("coordinator", 200), ("drafter", 200), ("member", 404), ("staff", 404),
     ("outsider", 404), (None, 404)],
)  # fmt: skip
def test_files_of_an_unpublished_agreement_are_for_those_writing_it(
    client, request, agreement, coordinator, role, status
):
    attachment = make_attachment(agreement, by=coordinator)

    assert download(client, request, role, attachment) == status


@pytest.mark.parametrize(
    ("role", "status"),
    [("coordinator", 200), ("drafter", 200), ("member", 200), ("staff", 200),
     ("outsider", 404), (None, 404)],
)  # fmt: skip
def test_files_of_a_published_revision_are_for_its_readers(
    client, request, agreement, coordinator, role, status
):
    revision = publish(agreement, by=coordinator)
    attachment = make_attachment(revision, by=coordinator)

    assert download(client, request, role, attachment) == status


@pytest.mark.parametrize(
    ("role", "status"),
    [("coordinator", 200), ("drafter", 200), ("member", 404), ("staff", 404),
     ("outsider", 404), (None, 404)],
)  # fmt: skip
def test_files_of_the_working_draft_are_for_its_writers(
    client, request, agreement, coordinator, role, status
):
    consult(agreement, by=coordinator)
    draft = agreement.start_draft(by=coordinator)
    attachment = make_attachment(draft, by=coordinator)

    assert download(client, request, role, attachment) == status


@pytest.mark.parametrize("role", ROLES)
def test_anyone_downloads_the_files_of_a_public_adopted_agreement(
    client, request, agreement, coordinator, role
):
    revision = consult(agreement, by=coordinator)
    adopt(agreement, revision, by=coordinator)
    on_agreement = make_attachment(agreement, by=coordinator)
    on_revision = make_attachment(revision, by=coordinator)

    assert download(client, request, role, on_agreement) == 200
    assert download(client, request, role, on_revision) == 200


def test_files_of_a_non_public_adopted_agreement_stay_with_its_parties(
    client, agreement, coordinator, outsider
):
    revision = consult(agreement, by=coordinator)
    adopt(agreement, revision, by=coordinator)
    Agreement.objects.filter(pk=agreement.pk).update(is_public=False)
    attachment = make_attachment(revision, by=coordinator)

    assert client.get(f"/attachments/{attachment.pk}/").status_code == 404
    client.force_login(outsider)
    assert client.get(f"/attachments/{attachment.pk}/").status_code == 404


# --- who attaches ------------------------------------------------------------------------


def test_the_coordinator_attaches_a_file_to_the_agreement(client, agreement, coordinator):
    response = upload(client, coordinator, agreement)

    assert response.status_code == 302
    assert response["Location"] == "/agreements/lo/#attachments"
    assert Attachment.objects.for_object(agreement).get().original_name == "Beslut.pdf"


@pytest.mark.parametrize("role", ["drafter", "member", "staff", "outsider"])
def test_only_the_municipalitys_coordinators_attach_to_the_agreement(
    client, request, agreement, role
):
    response = upload(client, request.getfixturevalue(role), agreement)

    assert response.status_code == 404
    assert not Attachment.objects.exists()


def test_a_drafter_attaches_background_material_to_the_working_draft(
    client, agreement, drafter, member
):
    draft = agreement.revisions.drafts().get()

    assert upload(client, drafter, draft).status_code == 302
    assert upload(client, member, draft).status_code == 404
    assert Attachment.objects.for_object(draft).count() == 1


def test_a_published_revision_takes_files_from_its_managers_only(
    client, agreement, coordinator, drafter
):
    revision = publish(agreement, by=coordinator)

    assert upload(client, drafter, revision).status_code == 404
    assert upload(client, coordinator, revision).status_code == 302
    assert Attachment.objects.for_object(revision).count() == 1


# --- frozen revisions --------------------------------------------------------------------


def test_a_file_on_a_published_revision_cannot_be_removed(client, agreement, coordinator):
    revision = publish(agreement, by=coordinator)
    attachment = make_attachment(revision, by=coordinator)
    client.force_login(coordinator)

    response = client.post(f"/attachments/{attachment.pk}/remove/")

    assert response.status_code == 302
    assert Attachment.objects.filter(pk=attachment.pk).exists()
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Filer i en låst handling kan inte tas bort, bara markeras som ersatta."
    ]


def test_a_file_on_a_published_revision_can_be_marked_superseded(client, agreement, coordinator):
    revision = publish(agreement, by=coordinator)
    attachment = make_attachment(revision, by=coordinator)
    client.force_login(coordinator)

    page = client.get(revision.get_absolute_url())
    response = client.post(f"/attachments/{attachment.pk}/supersede/")

    assert f"/attachments/{attachment.pk}/remove/" not in page.text
    assert f"/attachments/{attachment.pk}/supersede/" in page.text
    assert response.status_code == 302
    attachment.refresh_from_db()
    assert attachment.is_superseded


def test_a_file_on_the_working_draft_can_be_removed(client, agreement, coordinator):
    draft = agreement.revisions.drafts().get()
    attachment = make_attachment(draft, by=coordinator)
    client.force_login(coordinator)

    response = client.post(f"/attachments/{attachment.pk}/remove/")

    assert response["Location"] == "/agreements/lo/draft/#attachments"
    assert not Attachment.objects.filter(pk=attachment.pk).exists()


def test_publishing_freezes_the_drafts_files(client, agreement, coordinator):
    draft = agreement.revisions.drafts().get()
    attachment = make_attachment(draft, by=coordinator)
    publish(agreement, by=coordinator)
    client.force_login(coordinator)

    client.post(f"/attachments/{attachment.pk}/remove/")

    assert Attachment.objects.filter(pk=attachment.pk).exists()


# --- the pages -----------------------------------------------------------------------------


def test_the_pages_offer_the_upload_form_to_those_who_may_attach(
    client, agreement, coordinator, drafter
):
    draft = agreement.revisions.drafts().get()
    client.force_login(coordinator)
    agreement_page = client.get("/agreements/lo/")
    client.force_login(drafter)
    draft_page = client.get("/agreements/lo/draft/")
    other_page = client.get("/agreements/lo/")

    assert f'action="/attachments/agreements.agreement/{agreement.pk}/"' in agreement_page.text
    assert f'action="/attachments/agreements.revision/{draft.pk}/"' in draft_page.text
    assert "/attachments/agreements.agreement/" not in other_page.text


def test_a_reader_sees_the_revisions_files_but_no_form(client, agreement, coordinator, member):
    revision = publish(agreement, by=coordinator)
    make_attachment(revision, name="Missiv.pdf", by=coordinator)
    client.force_login(member)

    page = client.get(revision.get_absolute_url())

    assert "Missiv.pdf" in page.text
    assert "/attachments/agreements.revision/" not in page.text


def test_the_revision_page_costs_the_same_with_many_files(
    client, agreement, coordinator, django_assert_max_num_queries
):
    revision = publish(agreement, by=coordinator)
    make_attachment(revision, by=coordinator)
    client.force_login(coordinator)

    with CaptureQueriesContext(connection) as one_file:
        client.get(revision.get_absolute_url())
    for _ in range(5):
        make_attachment(revision, by=coordinator)

    with django_assert_max_num_queries(len(one_file)):
        page = client.get(revision.get_absolute_url())

    assert page.text.count("/attachments/") >= 6
