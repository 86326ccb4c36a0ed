"""When who may view a record changes, the index follows once the change is committed.

These tests commit for real (transaction=True), so on_commit callbacks run as in production.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from attachments.models import Attachment
from dialogues.models import Forum, ForumMember
from search import service
from tests.agreements.factories import make_party
from tests.attachments.factories import make_attachment
from tests.attachments.files import txt
from tests.dialogues.factories import approve
from tests.factories import make_organisation, make_user
from tests.search.helpers import indexed_ids
from tests.search.records import MINUTES

pytestmark = pytest.mark.django_db(transaction=True)


def types(user, text):
    results = service.search(user or AnonymousUser(), text, per_page=100)
    return {found.adapter.type for found in results.hits}


def test_a_record_changed_after_a_search_is_found_once_in_its_new_state(coordinator):
    club = make_organisation(name="Kanotklubben", description="Paddling i hamnen.")
    assert service.search(coordinator, "kanotklubben").total == 1

    club.description = "Segling i hamnen."
    club.save()

    assert service.search(coordinator, "kanotklubben").total == 1
    assert service.search(coordinator, "paddling").total == 0


def test_a_new_party_finds_the_published_text(published, coordinator):
    newcomer = make_organisation(name="Nya föreningen")
    reader = make_user(organisation=newcomer)
    assert types(reader, "lokalbristen") == set()

    make_party(published.agreement, newcomer)

    assert types(reader, "lokalbristen") == {"agreements.revision"}


def test_a_withdrawn_party_no_longer_finds_the_text(published, member, association):
    assert types(member, "lokalbristen") == {"agreements.revision"}

    party = published.agreement.parties.get(organisation=association)
    party.withdraw(on=party.joined_on, by=None)

    assert types(member, "lokalbristen") == set()


def test_publishing_a_revision_opens_its_text_to_staff(agreement, coordinator, staff, drafter):
    assert types(drafter, "lokalbristen") == {"agreements.revision"}
    assert types(staff, "lokalbristen") == set()

    revision = agreement.open_consultation(closes_at=closes(), by=coordinator)

    assert types(staff, "lokalbristen") == {"agreements.revision"}
    results = service.search(staff, "lokalbristen")
    assert results.hits[0].hit.url == f"{revision.get_absolute_url()}#lokaler"


def closes():
    from tests.agreements.factories import closes_in

    return closes_in(30)


def test_opening_and_closing_the_consultation_updates_the_status_facet(published, staff):
    agreement = published.agreement
    assert status_of(staff, "testhamns", "agreements.agreement") == "consultation"

    agreement.close_consultation(by=None)

    assert status_of(staff, "testhamns", "agreements.agreement") == "draft"


def status_of(user, text, type_):
    results = service.search(user, text, filters={"type": type_})
    return [value for value, _count in results.facets["status"]][0]


def test_a_new_forum_member_finds_the_forums_meetings(meeting, other_association, outsider):
    assert types(outsider, "vintermöte") == set()

    ForumMember.objects.create(forum=meeting.forum, organisation=other_association)

    assert types(outsider, "vintermöte") >= {"dialogues.meeting", "dialogues.agendaitem"}


def test_a_removed_forum_member_no_longer_finds_them(meeting, association, member):
    assert types(member, "vintermöte") >= {"dialogues.meeting", "dialogues.agendaitem"}

    ForumMember.objects.get(forum=meeting.forum, organisation=association).delete()

    assert types(member, "vintermöte") == set()


def test_a_forum_made_public_is_found_by_anyone_and_private_again_by_no_one(meeting):
    forum = meeting.forum

    forum.visibility = Forum.Visibility.PUBLIC
    forum.save()
    assert types(None, "vintermöte") >= {"dialogues.meeting", "dialogues.agendaitem"}

    forum.visibility = Forum.Visibility.MEMBERS
    forum.save()
    assert types(None, "vintermöte") == set()


def test_approved_minutes_reach_every_reader(meeting, association, staff):
    meeting.write_minutes(MINUTES)
    meeting.send_minutes_for_approval()
    assert types(staff, "hyresgästföreningen") == set()

    approve(meeting, association)

    assert types(staff, "hyresgästföreningen") == {"dialogues.minutes"}


def test_attaching_superseding_and_removing_a_file(meeting, member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    attachment = make_attachment(meeting, "Bokningar.txt", txt())
    attachment.extracted_text = "Bokningslista för gymnastiksalen"
    attachment.extraction_status = Attachment.Extraction.OK
    attachment.save()
    assert types(member, "gymnastiksalen") == {"attachments.attachment"}

    attachment.mark_superseded(by=member)
    results = service.search(member, "gymnastiksalen")
    assert results.facets["status"] == [("superseded", 1)]

    attachment.delete_with_file()
    assert types(member, "gymnastiksalen") == set()


def test_a_deleted_meeting_takes_its_agenda_minutes_and_files_with_it(meeting, member):
    meeting.write_minutes(MINUTES)
    pk = meeting.pk

    meeting.delete()

    assert types(member, "norra hallen") == set()
    assert not [i for i in indexed_ids() if i.startswith(f"dialogues.minutes:{pk}#")]
    assert not [i for i in indexed_ids() if i.startswith("dialogues.agendaitem:")]


def test_a_deleted_agreement_leaves_no_revision_behind(agreement):
    # An agreement with a published revision cannot be deleted: the revision is an official
    # document in the register (records). One still in drafting can.
    assert [i for i in indexed_ids() if i.startswith("agreements.")]

    agreement.delete()

    assert not [i for i in indexed_ids() if i.startswith("agreements.")]


def test_moving_an_agenda_item_renumbers_it_and_its_minutes_in_search(meeting, coordinator):
    meeting.write_minutes("### §2\n\nHyresgästföreningen ordnar kvällsvandringar.\n")
    assert titles_of(coordinator, "§2 kvällsvandringar", "dialogues.agendaitem") == [
        "§2 Kvällsvandringar – Vintermöte (Temaforum idrott)"
    ]
    kvall = meeting.agenda_items.get(title="Kvällsvandringar")
    assert minutes_url(coordinator) == kvall.get_absolute_url()

    kvall.move(-1)

    assert titles_of(coordinator, "§2 kvällsvandringar", "dialogues.agendaitem") == []
    assert titles_of(coordinator, "§1 kvällsvandringar", "dialogues.agendaitem") == [
        "§1 Kvällsvandringar – Vintermöte (Temaforum idrott)"
    ]
    assert titles_of(coordinator, "§2 lokalbrist", "dialogues.agendaitem") == [
        "§2 Lokalbrist i Norra hallen – Vintermöte (Temaforum idrott)"
    ]
    # The minutes' "§2" now is the other item: the passage links to it.
    lokal = meeting.agenda_items.get(title="Lokalbrist i Norra hallen")
    assert minutes_url(coordinator) == lokal.get_absolute_url()


def titles_of(user, text, type_):
    results = service.search(user, text, filters={"type": type_})
    return [found.hit.title for found in results.hits]


def minutes_url(user):
    results = service.search(user, "hyresgästföreningen", filters={"type": "dialogues.minutes"})
    return results.hits[0].hit.url if results.hits else None


def test_a_reader_joining_or_leaving_a_present_organisation_follows_the_minutes_checked(
    meeting, department, other_association
):
    from dialogues.models import Attendance
    from organisations.models import Membership
    from tests.dialogues.factories import make_attendance

    make_attendance(meeting, other_association, meeting_role=Attendance.Role.CO_OPTED)
    reader = make_user("tjansteperson2", department)
    meeting.write_minutes(MINUTES)
    meeting.send_minutes_for_approval()
    assert types(reader, "hyresgästföreningen") == set()

    joined = Membership.objects.create(
        user=reader, organisation=other_association, role=Membership.Role.MEMBER
    )
    assert types(reader, "hyresgästföreningen") == {"dialogues.minutes"}

    joined.delete()
    assert types(reader, "hyresgästföreningen") == set()
