"""Approval by the named approvers: who is asked, the start page, reminders, the protocol."""

import datetime
import io

import pytest
from django.utils import timezone
from docx import Document

from dialogues import notifications
from dialogues.models import Meeting
from tests.dialogues.factories import (
    approve,
    make_approver,
    make_attendance,
    make_checked_meeting,
    make_forum,
    make_meeting,
)
from tests.factories import make_user

TODAY = timezone.localdate()


@pytest.fixture
def sent(forum, association, django_capture_on_commit_callbacks):
    """Minutes sent for approval to a member of the association, with the e-mails sent."""
    with django_capture_on_commit_callbacks(execute=True):
        return make_checked_meeting(forum, association)


def test_the_approvers_and_no_one_else_are_asked_to_approve(sent, mailoutbox, member):
    assert [message.to for message in mailoutbox] == [[sent.approver.email]]
    message = mailoutbox[0]
    assert message.subject.startswith("Minnesanteckningar att justera: ")
    assert f"{sent.get_absolute_url()}minutes/approve/" in message.body
    deadline = Meeting.objects.get(pk=sent.pk).approval_deadline
    assert deadline.strftime("%Y") in message.body


def test_the_start_page_lists_the_minutes_waiting_for_the_approver(client, sent, member):
    client.force_login(sent.approver)
    mine = client.get("/").text
    client.force_login(member)
    others = client.get("/").text

    assert "Minnesanteckningar som väntar på din justering" in mine
    assert f"{sent.get_absolute_url()}minutes/approve/" in mine
    assert "/minutes/approve/" not in others


def test_the_start_page_forgets_minutes_once_approved(client, sent):
    approve(sent)
    client.force_login(sent.approver)

    assert f"{sent.get_absolute_url()}minutes/approve/" not in client.get("/").text


def test_approvers_are_reminded_two_days_before_the_deadline_once(sent, mailoutbox):
    deadline = Meeting.objects.get(pk=sent.pk).approval_deadline
    mailoutbox.clear()

    early = notifications.send_minutes_approval_reminders(now=_noon(deadline, -3))
    reminded = notifications.send_minutes_approval_reminders(now=_noon(deadline, -2))
    again = notifications.send_minutes_approval_reminders(now=_noon(deadline, -1))

    assert (early, reminded, again) == (0, 1, 0)
    assert mailoutbox[0].subject.startswith("Påminnelse: minnesanteckningar att justera")


def test_approvers_who_missed_the_deadline_are_told_once(sent, mailoutbox):
    deadline = Meeting.objects.get(pk=sent.pk).approval_deadline
    mailoutbox.clear()

    late = notifications.send_minutes_approval_reminders(now=_noon(deadline, 1))
    again = notifications.send_minutes_approval_reminders(now=_noon(deadline, 5))

    assert (late, again) == (1, 0)
    assert mailoutbox[0].subject.startswith("Sista dagen har passerat")


def test_an_approver_who_has_approved_is_not_reminded(sent, association, mailoutbox):
    make_approver(sent, association)  # a second approver keeps the minutes open
    sent.approve_minutes(by=sent.approver)
    deadline = Meeting.objects.get(pk=sent.pk).approval_deadline
    mailoutbox.clear()

    notifications.send_minutes_approval_reminders(now=_noon(deadline, -1))

    assert sent.approver.email not in [to for message in mailoutbox for to in message.to]
    assert len(mailoutbox) == 1


def _noon(day, offset):
    moment = datetime.datetime.combine(day + datetime.timedelta(days=offset), datetime.time(12))
    return timezone.make_aware(moment)


# --- the confirmation page ---------------------------------------------------------------


def test_the_approver_reads_the_minutes_before_confirming(client, forum, association):
    meeting = make_meeting(forum)
    item = meeting.agenda_items.create(title="Lokaler", outcome_type="recommendation")
    approver = make_approver(meeting, association).user
    paragraph = {"discussion_summary": "Brist på halltider.", "outcome_type": "recommendation",
                 "outcome": "Se över uthyrningen."}  # fmt: skip
    meeting.write_minutes("Nästa möte i maj.", paragraphs={item.pk: paragraph})
    meeting.send_minutes_for_approval(deadline=TODAY + datetime.timedelta(days=14))
    client.force_login(approver)

    page = client.get(f"{meeting.get_absolute_url()}minutes/approve/").text

    assert "§1 Lokaler" in page and "Brist på halltider." in page
    assert "Rekommendation" in page and "Se över uthyrningen." in page
    assert "Nästa möte i maj." in page
    assert 'type="checkbox" name="confirm"' in page


def test_a_second_approver_leaves_the_minutes_open_until_the_last(client, forum, association):
    meeting = make_checked_meeting(forum, association)
    second = make_approver(meeting, association).user
    client.force_login(meeting.approver)

    response = client.post(
        f"{meeting.get_absolute_url()}minutes/approve/",
        {"version": "1", "confirm": "on"},
        follow=True,
    )

    assert "Övriga justerare har ännu inte justerat" in response.text
    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.MinutesStatus.CHECKING
    assert second.pk in set(
        Meeting.objects.awaiting_approval_by(second).values_list("attendances__user", flat=True)
    )


# --- the protocol ------------------------------------------------------------------------


@pytest.fixture
def protocol_meeting(municipality, association, coordinator):
    """A public forum's approved minutes, with a private person and an official present."""
    forum = make_forum(municipality, members=[association], visibility="public")
    meeting = make_meeting(forum, title="Vårmöte", registration_number="KS 2026/0410")
    item = meeting.agenda_items.create(title="Lokalfrågan", outcome_type="recommendation")
    approver = make_user("Privat Justerare", organisation=association)
    meeting.record_attendance([])
    make_attendance(meeting, association, user=approver, is_approver=True,
                    participant_role="Ledamot")  # fmt: skip
    make_attendance(meeting, municipality, user=coordinator, meeting_role="secretary",
                    participant_role="Samordnare")  # fmt: skip
    paragraph = {"discussion_summary": "Lokalbrist i Södra hamnen.",
                 "outcome_type": "recommendation", "outcome": "Se över hallarna."}  # fmt: skip
    meeting.write_minutes("Övrigt: inget.", by=coordinator, paragraphs={item.pk: paragraph})
    meeting.send_minutes_for_approval(by=coordinator, deadline=TODAY + datetime.timedelta(days=7))
    meeting.approve_minutes(by=approver)
    return meeting


def docx_text(content):
    document = Document(io.BytesIO(content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_the_protocol_downloads_as_pdf(client, protocol_meeting, member):
    client.force_login(member)

    response = client.get(f"{protocol_meeting.get_absolute_url()}protocol.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    assert "no-cache" in response["Cache-Control"]


def test_the_protocol_has_header_attendance_paragraphs_and_approvers(
    client, protocol_meeting, member
):
    client.force_login(member)

    text = docx_text(client.get(f"{protocol_meeting.get_absolute_url()}protocol.docx").content)

    assert "Protokoll: Vårmöte" in text and "KS 2026/0410" in text
    assert "Närvarande" in text
    assert "§1 Lokalfrågan" in text and "Lokalbrist i Södra hamnen." in text
    assert "Rekommendation: Se över hallarna." in text
    assert "Övrigt: inget." in text
    assert "Justerad av Privat Justerare, Ledamot, Testhamns IF" in text


def test_the_published_protocol_leaves_out_the_names_of_private_persons(client, protocol_meeting):
    text = docx_text(client.get(f"{protocol_meeting.get_absolute_url()}protocol.docx").content)

    assert "Privat Justerare" not in text
    assert "Ledamot, Testhamns IF" in text
    assert "samordnare, Samordnare, Testhamns stad" in text  # an official acts in office
    assert "Publicerad version" in text


def test_there_is_no_protocol_before_the_approval(client, forum, association, coordinator):
    meeting = make_checked_meeting(forum, association)
    client.force_login(coordinator)

    response = client.get(f"{meeting.get_absolute_url()}protocol.pdf", follow=True)

    assert response["Content-Type"].startswith("text/html")
    assert "Protokollet kan laddas ned när minnesanteckningarna är justerade." in response.text


def test_outsiders_get_no_protocol_of_a_members_only_forum(client, forum, association, outsider):
    meeting = make_checked_meeting(forum, association)
    approve(meeting)
    client.force_login(outsider)

    assert client.get(f"{meeting.get_absolute_url()}protocol.pdf").status_code == 404
    assert client.get(f"{meeting.get_absolute_url()}protocol.docx").status_code == 404
