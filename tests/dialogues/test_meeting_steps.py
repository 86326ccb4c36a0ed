"""A meeting's status through its verb, and the minutes written from the agenda."""

import datetime

import pytest
from django.utils import timezone

from dialogues import exceptions
from dialogues.models import Meeting
from tests.dialogues.factories import approve, make_checked_meeting, make_meeting


def url(meeting, rest=""):
    return f"{meeting.get_absolute_url()}{rest}"


def test_a_meeting_is_called_off_and_planned_again(forum):
    meeting = make_meeting(forum)

    meeting.change_status(Meeting.Status.CANCELLED)
    meeting.change_status(Meeting.Status.PLANNED)

    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.PLANNED


@pytest.mark.parametrize("to", [Meeting.Status.CANCELLED, Meeting.Status.PLANNED])
def test_a_meeting_whose_minutes_are_on_their_way_can_only_be_held(forum, association, to):
    meeting = make_checked_meeting(forum, association)

    with pytest.raises(exceptions.InvalidMeetingTransition):
        meeting.change_status(to)

    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.PLANNED


def test_a_held_meeting_with_approved_minutes_stays_held(forum, association):
    meeting = make_checked_meeting(forum, association)
    approve(meeting)

    with pytest.raises(exceptions.InvalidMeetingTransition):
        Meeting.objects.get(pk=meeting.pk).change_status(Meeting.Status.CANCELLED)


def test_the_status_is_not_a_field_of_the_meeting_form(client, coordinator, forum):
    meeting = make_meeting(forum)
    client.force_login(coordinator)
    start = timezone.localtime(meeting.starts_at).strftime("%Y-%m-%dT%H:%M")
    end = timezone.localtime(meeting.ends_at).strftime("%Y-%m-%dT%H:%M")

    client.post(
        url(meeting, "edit/"),
        {"title": "Nytt namn", "starts_at": start, "ends_at": end, "status": "cancelled"},
    )

    meeting.refresh_from_db()
    assert (meeting.title, meeting.status) == ("Nytt namn", Meeting.Status.PLANNED)


def test_the_page_offers_the_allowed_moves_and_makes_them(client, coordinator, forum):
    meeting = make_meeting(forum)
    client.force_login(coordinator)

    page = client.get(url(meeting)).text
    response = client.post(url(meeting, "status/"), {"status": "cancelled"}, follow=True)
    refused = client.post(url(meeting, "status/"), {"status": "held"}, follow=True)

    assert '<option value="held">' in page and '<option value="cancelled">' in page
    assert "Mötet är nu: Inställt." in response.text
    assert "Mötet kan inte få den statusen." in refused.text
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.CANCELLED


# --- minutes from the agenda ---------------------------------------------------------------


def test_the_minutes_start_from_the_agenda_one_paragraph_per_item(client, coordinator, forum):
    meeting = make_meeting(forum)
    first = meeting.agenda_items.create(title="Lokalfrågan", outcome_type="recommendation")
    second = meeting.agenda_items.create(
        title="Information från staden", outcome_type="information"
    )
    client.force_login(coordinator)

    page = client.get(url(meeting, "minutes/")).text

    assert "<legend>§1 Lokalfrågan</legend>" in page
    assert "<legend>§2 Information från staden</legend>" in page
    assert f'name="item-{first.pk}-discussion_summary"' in page
    assert '<option value="recommendation" selected>' in page
    assert '<option value="information" selected>' in page
    assert f'name="item-{second.pk}-outcome"' in page


def test_saving_the_minutes_fills_each_paragraph(client, coordinator, forum):
    meeting = make_meeting(forum)
    item = meeting.agenda_items.create(title="Lokalfrågan")
    client.force_login(coordinator)

    client.post(
        url(meeting, "minutes/"),
        {
            "version": "0",
            "minutes": "Mötet avslutades.",
            f"item-{item.pk}-discussion_summary": "Brist på tider.",
            f"item-{item.pk}-outcome_type": "proposal",
            f"item-{item.pk}-outcome": "Till kultur- och fritidsnämnden.",
        },
    )

    item.refresh_from_db()
    meeting.refresh_from_db()
    assert (item.discussion_summary, item.outcome_type) == ("Brist på tider.", "proposal")
    assert meeting.minutes == "Mötet avslutades."
    assert meeting.minutes_written_by == coordinator


def test_a_save_from_a_page_opened_before_another_save_is_refused(client, coordinator, forum):
    meeting = make_meeting(forum)
    meeting.write_minutes("Någon annans text", by=coordinator)
    client.force_login(coordinator)

    response = client.post(
        url(meeting, "minutes/"), {"version": "0", "minutes": "Min"}, follow=True
    )

    assert Meeting.objects.get(pk=meeting.pk).minutes == "Någon annans text"
    assert "Någon annan sparade minnesanteckningarna" in response.text


def test_draft_paragraphs_are_not_shown_to_readers_before_approval(
    client, member, coordinator, forum
):
    meeting = make_meeting(forum, starts_at=timezone.now() - datetime.timedelta(days=1))
    item = meeting.agenda_items.create(title="Lokalfrågan")
    paragraph = {"discussion_summary": "Hemlig diskussion", "outcome_type": "", "outcome": ""}
    meeting.write_minutes("", by=coordinator, paragraphs={item.pk: paragraph})
    client.force_login(member)

    page = client.get(url(meeting)).text

    assert "Lokalfrågan" in page and "Hemlig diskussion" not in page


def test_an_agenda_item_linked_to_a_section_lands_on_that_section(
    client, coordinator, forum, municipality
):
    from tests.agreements.factories import adopt, consult, make_agreement

    agreement = make_agreement(
        municipality, by=coordinator, slug="lo", body="# 4.2 Dialog\n\nVi möts.\n"
    )
    revision = adopt(agreement, consult(agreement, by=coordinator), by=coordinator)
    section = revision.sections.get(number="4.2")
    meeting = make_meeting(forum)
    client.force_login(coordinator)

    client.post(url(meeting, "agenda/new/"), {"title": "Dialogen", "section": section.pk})
    page = client.get(url(meeting)).text

    item = meeting.agenda_items.get()
    assert item.agreement == agreement
    assert f'href="/agreements/lo/revisions/{revision.number}/#{section.anchor}"' in page
