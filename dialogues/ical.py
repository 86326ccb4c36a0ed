"""iCalendar (RFC 5545) files: the only module that imports icalendar.

A meeting's UID is the same in the page's file, the forum's feed and the notice e-mails
(the site's host, not the request's), and SEQUENCE counts the notice's updates, so a
calendar program replaces the event it has instead of adding a second one.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Överens//Dialogue forums//SV"
STATUS = {"planned": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def _calendar(name, method="PUBLISH"):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    return calendar


def uid(meeting):
    return f"meeting-{meeting.pk}@{urlsplit(settings.SITE_URL).hostname}"


def _event(meeting, url, agenda=()):
    event = Event()
    event.add("uid", uid(meeting))
    event.add("sequence", meeting.notice_sequence)
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
    event.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
    event.add("summary", f"{meeting.forum.name}: {meeting.title}")
    location = meeting.place or meeting.online_url
    if location:
        event.add("location", location)
    lines = [f"{item.paragraph} {item.title}" for item in agenda]
    description = "\n".join(
        part for part in [meeting.online_url, meeting.accessibility_notes, *lines, url] if part
    )
    if description:
        event.add("description", description)
    event.add("url", url)
    event.add("status", STATUS[meeting.status])
    return event


def meeting_calendar(meeting, url, method="PUBLISH", agenda=()):
    """A calendar with the one meeting; METHOD REQUEST for a notice, CANCEL when called off."""
    calendar = _calendar(meeting.forum.name, method)
    calendar.add_component(_event(meeting, url, agenda))
    return calendar.to_ical()


def forum_calendar(forum, meetings, url_for):
    """A subscribable feed of the forum's meetings; `url_for(meeting)` gives each page."""
    calendar = _calendar(forum.name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        calendar.add_component(_event(meeting, url_for(meeting)))
    return calendar.to_ical()
