"""The consultation page caches each section; whatever changes shows at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Disposition
from tests.attachments.factories import make_attachment
from tests.consultation.factories import make_comment

URL = "/agreements/lo/revisions/1/consultation/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def page(client, user):
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_an_answer_given_after_the_section_was_cached_shows(client, coordinator, member, comment):
    assert "Inte besvarad" in page(client, member)

    comment.answer(disposition=Disposition.PARTLY_ACCEPTED, reason="Delvis.", by=coordinator)

    assert "Delvis beaktad" in page(client, member)


def test_an_edited_comment_shows_its_new_text(client, member, comment):
    page(client, member)

    comment.edit(body="Ny lydelse av synpunkten.", by=member)

    assert "Ny lydelse av synpunkten." in page(client, member)


def test_a_new_comment_shows_in_its_cached_section(client, member, association, revision):
    section = revision.sections.get(anchor="dialog")
    page(client, member)

    make_comment(revision, member, association, section=section, body="Helt ny synpunkt.")

    assert "Helt ny synpunkt." in page(client, member)


def test_a_reader_who_may_not_comment_never_gets_the_commenters_section(
    client, member, staff, comment
):
    assert "Lämna synpunkt på det här avsnittet" in page(client, member)

    staff_page = page(client, staff)

    assert "Lämna synpunkt på det här avsnittet" not in staff_page
    assert comment.body in staff_page


def test_a_closed_consultation_shows_no_comment_links_from_the_cache(
    client, agreement, coordinator, member, comment
):
    page(client, member)

    agreement.close_consultation(by=coordinator, accept_unanswered=True)

    assert "Lämna synpunkt på det här avsnittet" not in page(client, member)


def test_the_second_view_loads_no_comments_but_shows_them(client, member, comment):
    client.force_login(member)
    with CaptureQueriesContext(connection) as first:
        client.get(URL)

    with CaptureQueriesContext(connection) as second:
        response = client.get(URL)

    assert len(second) < len(first)
    assert comment.body in response.content.decode()


# The whole comment part of the page is cached until the comments' last change too.


def test_a_withdrawn_comment_shows_as_withdrawn(client, member, comment):
    assert comment.body in page(client, member)

    comment.withdraw(by=member)

    assert comment.body not in page(client, member)


def test_a_renamed_organisation_shows_its_new_name(client, member, association, comment):
    page(client, member)

    association.name = "Testhamns idrottsförening"
    association.save()

    assert "<strong>Testhamns idrottsförening</strong>" in page(client, member)


def test_a_file_attached_to_a_comment_shows(client, member, comment):
    page(client, member)

    attachment = make_attachment(comment, by=member)

    assert attachment.original_name in page(client, member)


def test_a_reply_shows_in_the_reply_count(client, member, association, revision, comment):
    page(client, member)

    make_comment(revision, member, association, parent=comment, body="Ett svar.")

    assert "1 svar" in page(client, member)
