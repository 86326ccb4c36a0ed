"""Each record type is found by exactly the people its own pages show it to."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from agreements.models import Disposition
from attachments.models import Attachment
from dialogues.models import Attendance, Forum
from organisations.models import Membership
from search import backends, registry, service
from search.adapters.minutes import match_item, split_minutes
from tests.agreements.factories import adopt
from tests.attachments.factories import make_attachment
from tests.attachments.files import txt
from tests.dialogues.factories import approve, make_action_item, make_attendance
from tests.factories import make_user
from tests.search.helpers import engine_statements, index_everything
from tests.search.records import MINUTES

pytestmark = pytest.mark.django_db


def found(user, text, **options):
    """{record type: [url]} of what `user` finds for `text`."""
    results = service.search(user or AnonymousUser(), text, per_page=100, **options)
    out = {}
    for hit in results.hits:
        out.setdefault(hit.adapter.type, []).append(hit.hit.url)
    return out


def types(user, text):
    return set(found(user, text))


# --- agreements -----------------------------------------------------------------


def test_a_working_draft_is_found_by_its_drafters_only(
    agreement, coordinator, drafter, staff, member, outsider
):
    index_everything()

    assert types(drafter, "lokalbristen") == {"agreements.revision"}
    assert types(coordinator, "lokalbristen") == {"agreements.revision"}
    assert types(staff, "lokalbristen") == set()
    assert types(member, "lokalbristen") == set()
    assert types(outsider, "lokalbristen") == set()
    assert types(None, "lokalbristen") == set()


def test_a_published_revision_is_found_per_section_with_a_link_to_the_section(
    published, staff, member, outsider
):
    index_everything()

    urls = found(staff, "lokalbristen")["agreements.revision"]

    assert urls == ["/agreements/lo/revisions/1/#lokaler"]
    assert found(member, "lokalbristen")["agreements.revision"] == urls
    assert found(outsider, "lokalbristen") == {}
    assert found(None, "lokalbristen") == {}


def test_an_adopted_public_agreement_is_found_by_anyone(agreement, published, coordinator):
    agreement.close_consultation(by=coordinator)
    adopt(agreement, published, by=coordinator)
    index_everything()

    assert found(None, "lokalbristen")["agreements.revision"] == [
        "/agreements/lo/revisions/1/#lokaler"
    ]
    assert "agreements.agreement" in types(None, "testhamns")


def test_comments_and_responses_are_found_by_those_who_read_the_consultation(
    published, member, staff, outsider, coordinator, association
):
    comment = published.comments.create(
        body="Vi saknar omklädningsrum.", organisation=association, author=member
    )
    comment.answer(disposition=Disposition.ACCEPTED, reason="Hallarna byggs om.", by=coordinator)
    index_everything()

    assert found(staff, "omklädningsrum")["agreements.comment"] == [comment.get_absolute_url()]
    assert types(member, "hallarna") == {"agreements.comment"}
    assert found(outsider, "omklädningsrum") == {}
    assert found(None, "hallarna") == {}


def test_the_agreement_and_status_facets_are_labelled(published, staff):
    index_everything()

    results = service.search(staff, "lokalbristen")

    assert results.facets["agreement"] == [(str(published.agreement_id), 1)]
    assert service.registry.adapters()["agreements.revision"].facet_labels(
        "status", ["published"]
    ) == {"published": "Publicerad"}


# --- dialogues ------------------------------------------------------------------


def test_a_members_only_forums_records_are_found_by_its_readers(
    meeting, member, staff, outsider, association
):
    make_action_item(meeting, association, title="Boka Norra hallen")
    index_everything()

    assert types(member, "norra hallen") == {"dialogues.agendaitem", "dialogues.actionitem"}
    assert types(staff, "norra hallen") == {"dialogues.agendaitem", "dialogues.actionitem"}
    assert types(outsider, "norra hallen") == set()
    assert types(None, "vintermöte") == set()
    assert types(member, "idrottshallar") == {"dialogues.forum"}


def test_an_agenda_item_links_to_its_anchor_on_the_meeting_page(meeting, member, client):
    item = meeting.agenda_items.get(title="Kvällsvandringar")
    index_everything()

    url = found(member, "kvällsvandringar")["dialogues.agendaitem"][0]
    client.force_login(member)

    assert url == f"{meeting.get_absolute_url()}#agenda-item-{item.pk}"
    assert f'id="agenda-item-{item.pk}"' in client.get(meeting.get_absolute_url()).text


def test_draft_minutes_are_found_only_by_the_forums_managers(meeting, coordinator, member, staff):
    meeting.write_minutes(MINUTES)
    index_everything()

    assert "dialogues.minutes" in types(coordinator, "hyresgästföreningen")
    assert types(member, "hyresgästföreningen") == set()
    assert types(staff, "hyresgästföreningen") == set()


def test_minutes_sent_for_checking_are_found_also_by_the_organisations_present(
    meeting, member, staff, outsider
):
    meeting.write_minutes(MINUTES)
    meeting.send_minutes_for_approval()
    index_everything()

    assert types(member, "hyresgästföreningen") == {"dialogues.minutes"}
    assert types(staff, "hyresgästföreningen") == set()


def test_a_reader_present_through_an_organisation_outside_the_forum_finds_the_minutes_checked(
    meeting, department, other_association, staff
):
    # Rälsens modellklubb is no forum member but was present (co-opted); its member who also
    # works in a department reads the forum, and so may read the minutes being checked.
    make_attendance(meeting, other_association, meeting_role=Attendance.Role.CO_OPTED)
    checker = make_user("justerare", other_association)
    Membership.objects.create(user=checker, organisation=department, role=Membership.Role.MEMBER)
    guest = make_user("gast", other_association)
    meeting.write_minutes(MINUTES)
    meeting.send_minutes_for_approval()
    index_everything()
    minutes = registry.adapters()["dialogues.minutes"]

    assert minutes.can_view(checker, meeting) and not minutes.can_view(guest, meeting)
    assert types(checker, "hyresgästföreningen") == {"dialogues.minutes"}
    # Neither the guest without a reader's right nor the staff not present: not even a count.
    for user in (guest, staff):
        assert types(user, "hyresgästföreningen") == set()
        assert engine_total(user, "hyresgästföreningen") == 0


def engine_total(user, text):
    return backends.backend().search(text, service.viewer_for(user)).total


def test_approved_minutes_are_found_per_agenda_item_by_every_reader(
    meeting, member, staff, outsider, association
):
    meeting.write_minutes(MINUTES)
    meeting.send_minutes_for_approval()
    approve(meeting, association)
    item = meeting.agenda_items.get(title="Kvällsvandringar")
    index_everything()

    assert found(staff, "hyresgästföreningen")["dialogues.minutes"] == [
        f"{meeting.get_absolute_url()}#agenda-item-{item.pk}"
    ]
    assert types(outsider, "hyresgästföreningen") == set()
    assert types(None, "hyresgästföreningen") == set()


def test_a_public_forums_approved_minutes_are_found_by_anyone(meeting, association):
    meeting.forum.visibility = Forum.Visibility.PUBLIC
    meeting.forum.save()
    meeting.write_minutes(MINUTES)
    meeting.send_minutes_for_approval()
    index_everything()
    assert types(None, "hyresgästföreningen") == set()

    approve(meeting, association)
    index_everything()

    assert types(None, "hyresgästföreningen") == {"dialogues.minutes"}


def test_discussion_posts_are_found_by_those_who_read_the_discussion(
    members_forum, member, staff, association
):
    topic = members_forum.topics.create(title="Träningstider")
    topic.add_post("Vi söker tider i **Södra hallen**.", association, member)
    hidden = topic.add_post("Hemlig fotbollsplan.", association, member)
    hidden.hide(by=member, reason="Fel tråd")
    index_everything()

    assert types(member, "södra hallen") == {"dialogues.post"}
    assert types(staff, "södra hallen") == set()  # members-only: staff read no discussion
    assert types(member, "fotbollsplan") == set()


def test_minutes_headings_are_matched_to_agenda_items_by_title_or_number(meeting):
    items = list(meeting.agenda_items.all())

    parts = split_minutes("Inledning.\n\n## §2 Annat namn\nText.\n### Lokalbrist i Norra hallen\nX")

    assert [heading for heading, _text in parts] == [
        "",
        "§2 Annat namn",
        "Lokalbrist i Norra hallen",
    ]
    assert match_item("§2 Annat namn", items) == items[1]
    assert match_item("Lokalbrist i Norra hallen", items) == items[0]
    assert match_item("§9 Okänd", items) is None


# --- attachments ----------------------------------------------------------------


def with_text(attachment, text):
    attachment.extracted_text = text
    attachment.extraction_status = Attachment.Extraction.OK
    attachment.save()
    return attachment


def test_an_attached_files_text_is_found_by_the_readers_of_its_record(
    meeting, member, outsider, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    with_text(make_attachment(meeting, "Bokningar.txt", txt()), "Bokningslista för gymnastiksalen")
    index_everything()

    assert found(member, "gymnastiksalen")["attachments.attachment"] == [
        f"{meeting.get_absolute_url()}#attachments"
    ]
    assert found(outsider, "gymnastiksalen") == {}
    assert found(None, "gymnastiksalen") == {}


def test_a_long_file_is_indexed_in_parts(meeting, member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    words = " ".join(["hall"] * 2000) + " slutord"
    attachment = with_text(make_attachment(meeting, "Lång.txt", txt()), words)
    adapter = registry.adapters()["attachments.attachment"]

    documents = adapter.documents(attachment)

    assert len(documents) == 2
    assert "slutord" in documents[1]["text"]
    assert documents[0]["forum"] == meeting.forum_id


def test_every_registered_type_builds_documents_for_the_demo_like_records(
    published, meeting, association, member
):
    meeting.write_minutes(MINUTES)
    make_action_item(meeting, association)
    published.comments.create(body="Bra.", organisation=association, author=member)
    meeting.forum.topics.create(title="T").add_post("Hej.", association, member)

    for adapter in registry.adapters().values():
        for record in adapter.get_queryset():
            for document in adapter.documents(record):
                assert document["url"].startswith("/")
                assert document["title"]


def test_dates_of_records_are_set(published, meeting):
    meeting.write_minutes(MINUTES)
    adapter = registry.adapters()["dialogues.minutes"]

    (document, *_rest) = adapter.documents(meeting)

    assert document["date"] == meeting.starts_at
    assert published.published_at <= timezone.now()


def test_the_search_page_makes_no_queries_per_hit(
    client, published, meeting, association, member, coordinator
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add_records(count):
        for _n in range(count):
            published.comments.create(body="Paddelbanan.", organisation=association, author=member)
            make_action_item(meeting, association, title="Paddelbanan")
            meeting.forum.topics.create(title="Paddelbanan").add_post("Paddel", association, member)
        index_everything()

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/search/", {"q": "paddelbanan"}).status_code == 200
        return len(context)

    client.force_login(coordinator)
    add_records(2)
    few = queries()
    add_records(5)

    assert queries() <= few
    assert few <= 25 + engine_statements()
