"""iCalendar (RFC 5545) files: the only module that imports icalendar."""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Överens//Dialogue forums//SV"


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(meeting, url, host):
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
    event.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
    event.add("summary", f"{meeting.forum.name}: {meeting.title}")
    location = meeting.place or meeting.online_url
    if location:
        event.add("location", location)
    description = "\n".join(
        part for part in [meeting.online_url, meeting.accessibility_notes, url] if part
    )
    if description:
        event.add("description", description)
    event.add("url", url)
    status = {"planned": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}
    event.add("status", status[meeting.status])
    return event


def meeting_calendar(meeting, url, host):
    """A calendar with the one meeting."""
    calendar = _calendar(meeting.forum.name)
    calendar.add_component(_event(meeting, url, host))
    return calendar.to_ical()


def forum_calendar(forum, meetings, url_for, host):
    """A subscribable feed of the forum's meetings; `url_for(meeting)` gives each page."""
    calendar = _calendar(forum.name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        calendar.add_component(_event(meeting, url_for(meeting), host))
    return calendar.to_ical()
