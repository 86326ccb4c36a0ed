"""Demo dialogue records for Kullahamn: forums, two years of meetings, action items, discussion.

Dates are relative to today, so some action items are always overdue. Safe to run
again: forums are found by slug and a forum that already has meetings is left alone.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from agreements.models import Agreement
from dialogues import demo_data as data
from dialogues.models import ActionItem, Attendance, Forum, ForumMember, Meeting, Theme, Topic
from organisations.models import Organisation

# The forums that the local agreement sets up follow it (seeded before us by agreements/demo.py).
AGREEMENT = "lokal-overenskommelse-kullahamn"
FOLLOW_THE_AGREEMENT = {"styrgrupp-lo", "dialogforum-lo"}
PLACE = "Stadshuset, sal Öresund, Stortorget 1"
ACCESS = "Hörslinga finns. Teckenspråkstolk kan beställas senast en vecka före mötet."


def _org(name):
    return Organisation.objects.get(name=name)


def _user(username):
    return get_user_model().objects.get(username=username)


def _forum(slug, name, kind, visibility, themes, description, members):
    forum, _ = Forum.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "kind": kind,
            "visibility": visibility,
            "description": description,
            "organiser": _org(data.CITY),
            "agreement": Agreement.objects.filter(slug=AGREEMENT).first()
            if slug in FOLLOW_THE_AGREEMENT
            else None,
            "is_demo": True,
        },
    )
    for theme in themes:
        forum.themes.add(Theme.objects.get_or_create(slug=slugify(theme), name=theme)[0])
    for organisation, role in members:
        ForumMember.objects.get_or_create(
            forum=forum, organisation=_org(organisation), defaults={"role": role}
        )
    return forum


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _meeting(forum, title, day, **extra):
    return Meeting.objects.create(
        forum=forum,
        title=title,
        starts_at=_at(day, 17),
        ends_at=_at(day, 19),
        place=PLACE,
        accessibility_notes=ACCESS,
        notice_date=day - datetime.timedelta(days=14),
        **extra,
    )


def _agenda(meeting, items):
    for title, presenter, reference, summary, outcome_type, outcome in items:
        meeting.agenda_items.create(
            title=title,
            presenter=_org(presenter) if presenter else None,
            agreement=meeting.forum.agreement if reference else None,
            agreement_reference=reference,
            discussion_summary=summary,
            outcome_type=outcome_type,
            outcome=outcome,
        )


def _attendance(meeting, checker):
    members = list(meeting.forum.members.select_related("organisation"))
    for index, member in enumerate(members):
        organisation = member.organisation
        role = Attendance.Role.MEMBER
        if organisation.name == checker:
            role = Attendance.Role.MINUTES_CHECKER
        elif index == 0:
            role = Attendance.Role.CHAIR
        absent = index % 5 == 4 and role == Attendance.Role.MEMBER
        meeting.attendances.create(
            organisation=organisation,
            participant_role="Ordförande" if role == Attendance.Role.CHAIR else "Representant",
            meeting_role=role,
            presence=Attendance.Presence.APOLOGIES if absent else Attendance.Presence.PRESENT,
        )


def _minutes(meeting):
    lines = []
    for position, item in enumerate(meeting.agenda_items.all(), start=1):
        lines += [f"### §{position} {item.title}", "", item.discussion_summary, ""]
        if item.outcome:
            lines += [f"**{item.get_outcome_type_display()}:** {item.outcome}", ""]
    lines.append("Nästa möte enligt mötesplanen.")
    return "\n".join(lines)


def _approve(meeting, checker):
    meeting.write_minutes(_minutes(meeting))
    meeting.send_minutes_for_checking()
    approver = _user("forening" if checker == data.KIF else "samordnare")
    meeting.approve_minutes(by=approver, organisation_ids={_org(checker).pk})


PATHS = {
    "open": [],
    "in_progress": ["in_progress"],
    "done": ["in_progress", "done"],
    "cancelled": ["cancelled"],
}


def _actions(meeting, actions, day, by):
    agenda = list(meeting.agenda_items.all())
    for index, (title, owner, department, months, status) in enumerate(actions):
        item = ActionItem.objects.create(
            meeting=meeting,
            agenda_item=agenda[min(index, len(agenda) - 1)],
            title=title,
            owner=_org(owner),
            department=_org(department) if department else None,
            due_date=day + datetime.timedelta(days=30 * months),
        )
        for step in PATHS[status]:
            item.change_status(step, by=by, note="Enligt lägesrapport.")


def _dialogue_meetings(forum, today):
    coordinator = _user("samordnare")
    count = len(data.DIALOGUE_MEETINGS)
    for index, (title, checker, agenda, actions) in enumerate(data.DIALOGUE_MEETINGS):
        day = today - datetime.timedelta(days=91 * (count - index))
        meeting = _meeting(
            forum, title, day, registration_number=f"KS {day.year}/{410 + index:04d}"
        )
        _agenda(meeting, agenda)
        _attendance(meeting, checker)
        _approve(meeting, checker)
        _actions(meeting, actions, day, coordinator)
    upcoming = _meeting(forum, "Dialogforum, höstens möte", today + datetime.timedelta(days=21))
    _agenda(upcoming, data.UPCOMING_AGENDA)


def _theme_meetings(forum, today):
    past = today - datetime.timedelta(days=45)
    meeting = _meeting(forum, f"{forum.name}: lägesavstämning", past)
    item = (
        f"Läget inom {forum.name.split()[-1]}",
        data.CITY,
        "",
        "Runda bland deltagarna.",
        "note",
        "Lägesbilden noterades.",
    )
    _agenda(meeting, [item, *data.THEME_AGENDA.get(forum.slug, [])])
    _attendance(meeting, data.CITY)
    _approve(meeting, data.CITY)
    _actions(
        meeting,
        [("Ta fram en gemensam lägesbild", data.CITY, None, 2, "open")],
        past,
        _user("samordnare"),
    )
    _meeting(forum, f"{forum.name}: nästa möte", today + datetime.timedelta(days=35))


def _topics(forum, now):
    for offset, (title, posts) in enumerate(data.TOPICS):
        if forum.topics.filter(title=title).exists():
            continue
        topic = Topic.objects.create(forum=forum, title=title)
        for minutes, (organisation, username, text) in enumerate(posts):
            post = topic.add_post(text, _org(organisation), _user(username))
            post.created_at = now - datetime.timedelta(
                days=10 * (offset + 1), minutes=-minutes * 90
            )
            post.save(update_fields=["created_at"])
        topic.last_post_at = post.created_at
        topic.save(update_fields=["last_post_at"])


def seed(stdout):
    today = timezone.localdate()
    forums = {row[0]: _forum(*row) for row in data.FORUMS}
    dialogue = forums["dialogforum-lo"]
    if not dialogue.meetings.exists():
        _dialogue_meetings(dialogue, today)
    for slug, forum in forums.items():
        if slug != "dialogforum-lo" and not forum.meetings.exists():
            _theme_meetings(forum, today)
    _topics(dialogue, timezone.now())
    stdout.write(
        f"  {len(forums)} forums, {Meeting.objects.filter(forum__is_demo=True).count()} meetings, "
        f"{ActionItem.objects.filter(meeting__forum__is_demo=True).count()} action items"
    )
