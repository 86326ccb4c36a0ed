"""The notice (kallelse): who gets it, what it says, the .ics file, updates and calling off."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from dialogues import exceptions, notifications
from dialogues.models import Meeting
from organisations.models import Membership
from tests.dialogues.factories import make_meeting
from tests.factories import make_user


@pytest.fixture
def meeting(forum):
    meeting = make_meeting(
        forum,
        title="Vårmöte",
        place="Stadshuset, sal Öresund",
        accessibility_notes="Hörslinga finns.",
    )
    meeting.agenda_items.create(title="Lokalfrågan")
    return meeting


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run a verb and the e-mails it leaves for after the commit."""

    def run(verb, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return verb(*args, **kwargs)

    return run


def calendar_of(message):
    (name, content, mimetype) = message.attachments[0]
    assert mimetype.startswith("text/calendar") and name.endswith(".ics")
    return Calendar.from_ical(content)


def test_the_notice_goes_to_the_people_of_the_member_organisations(
    meeting, send, mailoutbox, member, staff, outsider, coordinator
):
    send(meeting.send_notice, by=coordinator)

    assert [message.to for message in mailoutbox] == [[member.email]]
    assert Meeting.objects.get(pk=meeting.pk).notice_sent_at is not None


def test_the_notice_tells_time_place_accessibility_and_agenda_with_a_calendar_file(
    meeting, send, mailoutbox, member
):
    send(meeting.send_notice)

    message = mailoutbox[0]
    event = calendar_of(message).walk("VEVENT")[0]
    assert message.subject.startswith("Kallelse: ")
    assert "Stadshuset, sal Öresund" in message.body
    assert "Hörslinga finns." in message.body
    assert "§1 Lokalfrågan" in message.body
    assert str(calendar_of(message)["METHOD"]) == "REQUEST"
    assert event.decoded("DTSTART") == meeting.starts_at
    assert int(event["SEQUENCE"]) == 0


def test_someone_who_left_the_organisation_before_the_sending_gets_nothing(
    meeting, mailoutbox, member, association
):
    meeting.send_notice()  # the e-mails wait for the commit, as on a queue
    Membership.objects.filter(user=member, organisation=association).delete()

    sent = notifications.notify_notice(meeting.pk, 0)

    assert sent == 0 and mailoutbox == []


def test_running_the_notice_job_twice_sends_each_member_one_e_mail(meeting, mailoutbox, member):
    meeting.send_notice()

    notifications.notify_notice(meeting.pk, 0)
    notifications.notify_notice(meeting.pk, 0)

    assert len(mailoutbox) == 1


def test_a_changed_time_after_the_notice_sends_one_update_after_a_quiet_while(
    meeting, send, mailoutbox, member
):
    send(meeting.send_notice)
    meeting = Meeting.objects.get(pk=meeting.pk)
    meeting.starts_at += datetime.timedelta(hours=1)
    meeting.ends_at += datetime.timedelta(hours=1)
    meeting.save()
    changed = Meeting.objects.get(pk=meeting.pk).notice_changed_at

    too_soon = notifications.send_notice_updates(now=changed + datetime.timedelta(minutes=2))
    later = changed + notifications.QUIET + datetime.timedelta(seconds=1)
    with_update = send(notifications.send_notice_updates, now=later)
    again = send(notifications.send_notice_updates, now=later)

    update = mailoutbox[-1]
    assert (too_soon, with_update, again) == (0, 1, 0)
    assert len(mailoutbox) == 2
    assert update.subject.startswith("Uppdaterad kallelse: ")
    assert int(calendar_of(update).walk("VEVENT")[0]["SEQUENCE"]) == 1


def test_an_agenda_change_after_the_notice_makes_an_update_due(meeting, send):
    send(meeting.send_notice)

    meeting.agenda_items.create(title="Övriga frågor")

    assert Meeting.objects.get(pk=meeting.pk).notice_outdated


def test_writing_the_minutes_is_no_news_for_the_notice(meeting, send, coordinator):
    send(meeting.send_notice)
    item = meeting.agenda_items.get()
    paragraph = {"discussion_summary": "Diskuterades.", "outcome_type": "", "outcome": ""}

    meeting.write_minutes("", by=coordinator, paragraphs={item.pk: paragraph})

    assert not Meeting.objects.get(pk=meeting.pk).notice_outdated


def test_calling_off_a_noticed_meeting_tells_the_members(meeting, send, mailoutbox, member):
    send(meeting.send_notice)

    send(meeting.change_status, Meeting.Status.CANCELLED)

    cancellation = mailoutbox[-1]
    assert cancellation.subject.startswith("Inställt: ")
    assert str(calendar_of(cancellation)["METHOD"]) == "CANCEL"
    assert calendar_of(cancellation).walk("VEVENT")[0]["STATUS"] == "CANCELLED"


def test_a_called_off_meeting_gets_no_notice(meeting, send, mailoutbox):
    meeting.change_status(Meeting.Status.CANCELLED)

    with pytest.raises(exceptions.MeetingCancelled):
        send(meeting.send_notice)

    assert mailoutbox == []
    assert Meeting.objects.get(pk=meeting.pk).notice_sent_at is None


def test_a_meeting_that_is_over_gets_no_notice(forum, send, mailoutbox, member):
    meeting = make_meeting(forum, starts_at=timezone.now() - datetime.timedelta(days=2))

    with pytest.raises(exceptions.MeetingOver):
        send(meeting.send_notice)

    assert mailoutbox == []


def test_the_secretary_sends_the_notice_from_the_meeting_page(
    client, coordinator, meeting, send, mailoutbox, member
):
    client.force_login(coordinator)

    response = send(client.post, f"{meeting.get_absolute_url()}notice/", follow=True)

    assert "Kallelsen skickades till medlemmarna." in response.text
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("role", ["member", "staff", "outsider"])
def test_only_managers_send_the_notice(client, meeting, role, request, mailoutbox):
    client.force_login(request.getfixturevalue(role))

    response = client.post(f"{meeting.get_absolute_url()}notice/")

    assert response.status_code == 404
    assert Meeting.objects.get(pk=meeting.pk).notice_sent_at is None


def test_members_without_an_e_mail_address_are_skipped(meeting, send, mailoutbox, association):
    make_user("utan-adress", organisation=association, email="")

    send(meeting.send_notice)

    assert all(message.to != [""] for message in mailoutbox)
