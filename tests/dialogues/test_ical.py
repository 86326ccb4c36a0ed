from icalendar import Calendar

from tests.dialogues.factories import make_meeting


def test_the_meeting_file_parses_back_with_one_event(client, public_forum):
    meeting = make_meeting(public_forum, title="Dialogmöte", place="Stadshuset")

    response = client.get(meeting.get_absolute_url() + "meeting.ics")

    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    assert event["SUMMARY"].endswith("Dialogmöte")
    assert event["LOCATION"] == "Stadshuset"
    assert event.decoded("DTSTART") == meeting.starts_at
    assert event.decoded("DTEND") == meeting.ends_at
    assert event["UID"] and event["DTSTAMP"]


def test_the_forum_feed_has_every_meeting_with_a_stable_uid(client, public_forum):
    first = make_meeting(public_forum)
    second = make_meeting(public_forum)

    body = client.get(f"/forums/{public_forum.slug}/calendar.ics").content

    uids = [str(e["UID"]) for e in Calendar.from_ical(body).walk("VEVENT")]
    assert uids == [f"meeting-{first.pk}@testserver", f"meeting-{second.pk}@testserver"]
    assert b"\r\n" in body  # RFC 5545 lines end in CRLF


def test_a_cancelled_meeting_is_marked_cancelled(client, public_forum):
    meeting = make_meeting(public_forum, status="cancelled")

    body = client.get(meeting.get_absolute_url() + "meeting.ics").content

    assert Calendar.from_ical(body).walk("VEVENT")[0]["STATUS"] == "CANCELLED"


def test_a_members_only_forum_feed_is_hidden_from_anonymous_visitors(client, forum):
    response = client.get(f"/forums/{forum.slug}/calendar.ics")

    assert response.status_code == 404
