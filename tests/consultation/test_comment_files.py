"""Files on consultation comments: the commenting organisation attaches them while the
consultation is open; whoever reads the comments reads them; closing freezes them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from attachments.models import Attachment
from tests.attachments import files
from tests.attachments.factories import make_attachment
from tests.consultation.factories import make_comment, make_party
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def other_party_member(agreement):
    """A member of another party association: reads the comment, cannot add files to it."""
    organisation = make_organisation(name="Kullahamns Scoutkår")
    make_party(agreement, organisation)
    return make_user("scout", organisation)


def upload(client, user, comment):
    client.force_login(user)
    return client.post(
        f"/attachments/agreements.comment/{comment.pk}/",
        {"file": SimpleUploadedFile("Remissvar.docx", files.docx())},
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 200), ("other_party_member", 200), ("coordinator", 200), ("staff", 200),
     ("outsider", 404), (None, 404)],
)  # fmt: skip
def test_a_comments_files_are_read_by_whoever_reads_the_comments(
    client, request, comment, member, role, status
):
    attachment = make_attachment(comment, by=member)
    if role:
        client.force_login(request.getfixturevalue(role))

    response = client.get(f"/attachments/{attachment.pk}/")

    assert response.status_code == status


def test_a_withdrawn_comments_files_are_withdrawn_with_it(client, comment, member, coordinator):
    attachment = make_attachment(comment, by=member)
    comment.withdraw(by=member)
    client.force_login(coordinator)

    response = client.get(f"/attachments/{attachment.pk}/")
    page = client.get(comment.get_absolute_url())

    assert response.status_code == 404
    assert f"/attachments/{attachment.pk}/" not in page.text


def test_the_commenting_organisation_attaches_its_response(client, comment, member):
    response = upload(client, member, comment)

    assert response.status_code == 302
    assert response["Location"] == comment.get_absolute_url() + "#attachments"
    assert Attachment.objects.for_object(comment).get().original_name == "Remissvar.docx"


@pytest.mark.parametrize("role", ["other_party_member", "coordinator", "staff", "outsider"])
def test_no_one_else_attaches_to_the_comment(client, request, comment, role):
    response = upload(client, request.getfixturevalue(role), comment)

    assert response.status_code == 404
    assert not Attachment.objects.exists()


def test_closing_the_consultation_freezes_the_files(client, agreement, comment, member):
    attachment = make_attachment(comment, by=member)
    agreement.close_consultation(by=None, accept_unanswered=True)
    comment.refresh_from_db()
    client.force_login(member)

    removal = client.post(f"/attachments/{attachment.pk}/remove/")
    late = upload(client, member, comment)

    assert removal.status_code == 404
    assert late.status_code == 404
    assert Attachment.objects.filter(pk=attachment.pk).exists()


def test_while_open_the_commenter_removes_a_file(client, comment, member):
    attachment = make_attachment(comment, by=member)
    client.force_login(member)

    response = client.post(f"/attachments/{attachment.pk}/remove/")

    assert response["Location"] == comment.get_absolute_url() + "#attachments"
    assert not Attachment.objects.filter(pk=attachment.pk).exists()


def test_the_comment_page_has_the_upload_form_for_the_commenter_only(
    client, comment, member, other_party_member
):
    form = f'action="/attachments/agreements.comment/{comment.pk}/"'
    client.force_login(member)
    own = client.get(comment.get_absolute_url())
    client.force_login(other_party_member)
    other = client.get(comment.get_absolute_url())

    assert form in own.text
    assert form not in other.text


def _comments_with_files(revision, member, association, count):
    for _ in range(count):
        comment = make_comment(revision, member, association)
        make_attachment(comment, name="Bilaga.pdf", by=member)


@pytest.mark.parametrize("page", ["comments/", "consultation/"])
def test_a_list_of_comments_with_files_costs_the_same_for_many(
    client, revision, member, association, page, django_assert_max_num_queries
):
    url = f"/agreements/lo/revisions/{revision.number}/{page}"
    _comments_with_files(revision, member, association, 2)
    client.force_login(member)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _comments_with_files(revision, member, association, 8)

    with django_assert_max_num_queries(len(few)):
        response = client.get(url)

    assert response.text.count("Bilaga.pdf") >= 3
