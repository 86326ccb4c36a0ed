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

    with django_assert_max_num_queries(10):
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
