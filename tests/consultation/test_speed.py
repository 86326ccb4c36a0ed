"""The consultation page runs the same number of queries with 5 or 500 comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Comment, Disposition, Response
from consultation.carryover import carry_over
from tests.consultation.factories import TEXT, publish

PAGES = ["/agreements/lo/revisions/2/consultation/", "/agreements/lo/revisions/2/comments/"]


def add_comments(revision, count, author, organisation):
    sections = list(revision.sections.all())
    comments = Comment.objects.bulk_create(
        Comment(
            revision=revision, section=sections[i % len(sections)] if i % 9 else None,
            author=author, organisation=organisation, body=f"Synpunkt {i}",
        )
        for i in range(count)
    )  # fmt: skip
    Response.objects.bulk_create(
        Response(comment=c, disposition=Disposition.NOTED, reason="Noterad.") for c in comments[::2]
    )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.fixture
def second_revision(agreement, revision, coordinator, member, association):
    add_comments(revision, 20, member, association)
    agreement.close_consultation(by=coordinator, accept_unanswered=True)
    agreement.start_draft(by=coordinator)
    return publish(agreement, by=coordinator, body=TEXT + "\n# 4 Uppföljning\nÅrligen.\n")


@pytest.mark.parametrize("url", PAGES)
def test_the_page_runs_a_constant_number_of_queries(
    client, member, association, second_revision, url, django_assert_max_num_queries
):
    client.force_login(member)
    add_comments(second_revision, 5, member, association)
    few = queries_for(client, url)
    add_comments(second_revision, 495, member, association)
    carry_over(second_revision)

    with django_assert_max_num_queries(few):
        client.get(url)

    assert few <= 26  # 25 before the page read the reader's invitations (one query)
