"""Notices, attendance and protocols are found where the reader may see them (issue 18)."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from dialogues.models import Forum
from search import service
from tests.dialogues.factories import approve, make_attendance
from tests.factories import make_user
from tests.search.helpers import index_everything

pytestmark = pytest.mark.django_db


def types(user, text):
    results = service.search(user or AnonymousUser(), text, per_page=100)
    return {hit.adapter.type for hit in results.hits}


def test_the_attendance_is_found_by_role_and_organisation_but_never_by_a_name(
    meeting, association, member, outsider
):
    person = make_user("Ragnhild Rönnqvist", organisation=association)
    make_attendance(meeting, association, user=person, participant_role="Kassör")
    index_everything()

    assert "dialogues.meeting" in types(member, "kassör")
    assert types(member, "rönnqvist") == set()
    assert types(outsider, "kassör") == set()


def test_the_notice_is_found_with_its_meeting_by_the_forums_readers(meeting, member, outsider):
    meeting.accessibility_notes = "Teckenspråkstolk på plats."
    meeting.save()
    meeting.send_notice()
    index_everything()

    assert "dialogues.meeting" in types(member, "teckenspråkstolk")
    assert "dialogues.meeting" in types(member, "kallelse")
    assert types(outsider, "teckenspråkstolk") == set()


def test_a_paragraph_of_the_protocol_is_found_by_every_reader_once_approved(
    meeting, association, coordinator, member, outsider
):
    meeting.forum.visibility = Forum.Visibility.PUBLIC
    meeting.forum.save()
    item = meeting.agenda_items.get(title="Kvällsvandringar")
    paragraph = {"discussion_summary": "Grannsamverkan i trapphusen.", "outcome_type": "",
                 "outcome": ""}  # fmt: skip
    meeting.write_minutes("", by=coordinator, paragraphs={item.pk: paragraph})
    meeting.send_minutes_for_approval(
        by=coordinator, deadline=timezone.localdate() + datetime.timedelta(days=7)
    )
    index_everything()
    before = (types(member, "grannsamverkan"), types(None, "grannsamverkan"))

    approve(meeting)
    index_everything()

    # The draft paragraph is for the organisations present (the approver's), not the public.
    assert before == ({"dialogues.minutes"}, set())
    assert types(None, "grannsamverkan") == {"dialogues.minutes"}
    assert types(outsider, "grannsamverkan") == {"dialogues.minutes"}
    assert "dialogues.agendaitem" not in types(None, "grannsamverkan")
