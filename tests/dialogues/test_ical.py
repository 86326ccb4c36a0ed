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


def test_the_forum_feed_has_every_meeting_with_a_stable_uid(client, public_forum, settings):
    settings.SITE_URL = "https://overens.kullahamn.se"
    first = make_meeting(public_forum)
    second = make_meeting(public_forum)

    body = client.get(f"/forums/{public_forum.slug}/calendar.ics").content

    uids = [str(e["UID"]) for e in Calendar.from_ical(body).walk("VEVENT")]
    host = "overens.kullahamn.se"  # the site's, as in the notice e-mails: one event, not two
    assert uids == [f"meeting-{first.pk}@{host}", f"meeting-{second.pk}@{host}"]
    assert b"\r\n" in body  # RFC 5545 lines end in CRLF


def test_a_cancelled_meeting_is_marked_cancelled_in_the_feed(client, public_forum):
    meeting = make_meeting(public_forum)
    meeting.change_status("cancelled")

    body = client.get(f"/forums/{public_forum.slug}/calendar.ics").content

    assert Calendar.from_ical(body).walk("VEVENT")[0]["STATUS"] == "CANCELLED"


def test_a_calendar_file_for_a_cancelled_meeting_is_refused_with_a_message(client, public_forum):
    meeting = make_meeting(public_forum)
    meeting.change_status("cancelled")

    response = client.get(meeting.get_absolute_url() + "meeting.ics", follow=True)

    assert response.redirect_chain[0][0] == meeting.get_absolute_url()
    assert "Mötet är inställt" in response.text


def test_a_members_only_forum_feed_is_hidden_from_anonymous_visitors(client, forum):
    response = client.get(f"/forums/{forum.slug}/calendar.ics")

    assert response.status_code == 404


def feed_link(client, user, forum):
    client.force_login(user)
    html = client.get(f"/forums/{forum.slug}/").content.decode()
    client.logout()
    start = html.index(f"/forums/{forum.slug}/calendar.ics?token=")
    return html[start : html.index('"', start)].replace("&amp;", "&")


def test_a_members_personal_feed_link_works_without_a_session(client, member, forum):
    make_meeting(forum, title="Slutet möte")
    link = feed_link(client, member, forum)

    response = client.get(link)

    assert response.status_code == 200
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 1


def test_a_forged_feed_token_gets_404(client, member, forum):
    link = feed_link(client, member, forum)

    assert client.get(link[:-3] + "xyz").status_code == 404
    assert client.get(f"/forums/{forum.slug}/calendar.ics?token=1:abc").status_code == 404


def test_an_outsiders_token_does_not_open_a_closed_forum(client, outsider, forum):
    from dialogues.permissions import feed_token

    response = client.get(f"/forums/{forum.slug}/calendar.ics", {"token": feed_token(outsider)})

    assert response.status_code == 404


def test_changing_the_password_revokes_the_feed_link(client, member, forum):
    link = feed_link(client, member, forum)

    member.set_password("ett-nytt-losenord-123")
    member.save()

    assert client.get(link).status_code == 404
