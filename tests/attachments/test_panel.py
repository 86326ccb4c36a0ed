"""The list and the upload form on a record's page (here: the organisation page)."""

import pytest

from tests.attachments import files
from tests.attachments.factories import make_attachment

pytestmark = pytest.mark.django_db


def test_the_record_page_lists_its_files_with_type_size_uploader_and_date(
    client, association, association_coordinator
):
    make_attachment(
        association, name="Stadgar 2024.pdf", content=files.pdf(), by=association_coordinator
    )
    client.force_login(association_coordinator)

    response = client.get(f"/organisations/{association.slug}/")

    assert "Stadgar 2024.pdf" in response.text
    assert "<td>PDF</td>" in response.text
    assert "ordforande" in response.text
    assert "byte" in response.text


def test_visitors_see_the_list_but_no_form_and_no_uploader_name(
    client, association, association_coordinator
):
    make_attachment(association, by=association_coordinator)

    response = client.get(f"/organisations/{association.slug}/")

    assert "Bifoga en fil" not in response.text
    assert "ordforande" not in response.text
    assert "/remove/" not in response.text


def test_the_coordinator_gets_the_upload_form_and_the_remove_links(
    client, association, association_coordinator
):
    attachment = make_attachment(association)
    client.force_login(association_coordinator)

    response = client.get(f"/organisations/{association.slug}/")

    assert "Bifoga en fil" in response.text
    assert 'enctype="multipart/form-data"' in response.text
    assert f"/attachments/{attachment.pk}/remove/" in response.text


def test_a_frozen_record_offers_no_remove_link(
    client, association, association_coordinator, frozen
):
    attachment = make_attachment(association)
    client.force_login(association_coordinator)

    response = client.get(f"/organisations/{association.slug}/")

    assert f"/attachments/{attachment.pk}/remove/" not in response.text
    assert f"/attachments/{attachment.pk}/supersede/" in response.text


def test_a_superseded_file_is_marked_in_the_list(client, association, association_coordinator):
    attachment = make_attachment(association)
    attachment.mark_superseded(by=association_coordinator)

    response = client.get(f"/organisations/{association.slug}/")

    assert '<span class="tag">Ersatt</span>' in response.text


def test_the_list_does_not_add_queries_per_file(
    client, association, association_coordinator, django_assert_max_num_queries
):
    for number in range(5):
        make_attachment(association, name=f"Bilaga {number}.pdf", by=association_coordinator)
    client.force_login(association_coordinator)

    # 10, then the header's unread notifications, the party (signing) and the open invitations
    with django_assert_max_num_queries(14):
        client.get(f"/organisations/{association.slug}/")


def test_the_coordinator_sees_when_a_file_could_not_be_read(
    client, association, association_coordinator
):
    attachment = make_attachment(association)
    attachment.extraction_status = "failed"
    attachment.extraction_error = "PdfStreamError: Stream has ended unexpectedly"
    attachment.save()
    client.force_login(association_coordinator)

    response = client.get(f"/organisations/{association.slug}/")

    assert "Texten kunde inte läsas" in response.text


def test_a_new_file_says_its_text_is_being_read_until_the_job_has_read_it(
    client, association, association_coordinator, settings
):
    settings.JOBS_EAGER = False  # the job waits on the queue
    attachment = make_attachment(association, by=association_coordinator)
    client.force_login(association_coordinator)

    page = client.get(f"/organisations/{association.slug}/").text
    before = client.get(f"/attachments/{attachment.pk}/text/").json()
    attachment.extract_text()
    after = client.get(f"/attachments/{attachment.pk}/text/").json()

    assert "Texten läses in…" in page
    assert f'data-text-status="/attachments/{attachment.pk}/text/"' in page
    assert before == {"status": "pending", "label": "Texten läses in…"}
    assert after == {"status": "ok", "label": "Texten läst"}


@pytest.mark.parametrize(("role", "status"), [("member", 200), ("outsider", 404)])
def test_whether_the_text_is_read_is_told_only_to_those_who_may_see_the_file(
    client, request, members_only, association, role, status
):
    attachment = make_attachment(association)
    client.force_login(request.getfixturevalue(role))

    response = client.get(f"/attachments/{attachment.pk}/text/")

    assert response.status_code == status
