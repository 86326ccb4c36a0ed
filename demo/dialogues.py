"""Demo dialogue records for Kullahamn: forums, two years of meetings, action items, discussion.

Dates are relative to today, so some action items are always overdue, and they tell one
story: the notice goes out two weeks before a meeting, samordnare (the secretary) writes the
minutes and sends them two days after it, the named approvers approve them days later, and
action items move on in the months after. One recent meeting's minutes still wait for
forening's approval. Safe to run again: forums are found by slug and a forum that already
has meetings is left alone. Nobody is e-mailed about this history.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from agreements.models import Agreement
from demo import dialogues_data as data
from dialogues.models import ActionItem, Attendance, Forum, ForumMember, Meeting, Theme, Topic
from dialogues.models.attendance import Entry
from organisations.models import Membership, Organisation

# The forums that the local agreement sets up follow it (seeded before us by demo/agreements.py).
AGREEMENT = "lokal-overenskommelse-kullahamn"
FOLLOW_THE_AGREEMENT = {"styrgrupp-lo", "dialogforum-lo"}
PLACE = "Stadshuset, sal Öresund, Stortorget 1"
ACCESS = "Hörslinga finns. Teckenspråkstolk kan beställas senast en vecka före mötet."


def _org(name):
    return Organisation.objects.get(name=name)


def _user(username):
    return get_user_model().objects.get(username=username)


def _forum(slug, name, kind, visibility, themes, description, members):
    agreement = Agreement.objects.filter(slug=AGREEMENT).first()
    forum, _ = Forum.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "kind": kind,
            "visibility": visibility,
            "description": description,
            "organiser": _org(data.CITY),
            "agreement": agreement if slug in FOLLOW_THE_AGREEMENT else None,
            "secretary": _user("samordnare"),
            "is_demo": True,
        },
    )
    for theme in themes:
        forum.themes.add(Theme.objects.get_or_create(slug=slugify(theme), name=theme)[0])
    for organisation, role in members:
        ForumMember.objects.get_or_create(
            forum=forum, organisation=_org(organisation), defaults={"role": role}
        )
    if forum.agreement_id:
        forum.principles.set(forum.agreement.principles.all()[:3])
    return forum


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _meeting(forum, title, day, **extra):
    return Meeting.objects.create(
        forum=forum,
        title=title,
        starts_at=_at(day, 17),
        ends_at=_at(day, 19),
        place=PLACE,
        accessibility_notes=ACCESS,
        **extra,
    )


def _noticed(meeting, day):
    """The notice went out two weeks before the meeting (history: no e-mail now)."""
    sent = _at(day - datetime.timedelta(days=14), 9)
    Meeting.objects.filter(pk=meeting.pk).update(notice_sent_at=sent)


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


def _people():
    """The demo users, by the organisation they represent."""
    people = {}
    for membership in Membership.objects.select_related("user", "organisation"):
        people.setdefault(membership.organisation_id, membership.user)
    return people


def _attendance(meeting, approvers):
    """Everyone of the member organisations; samordnare is the secretary, the chairing
    association's representative chairs, `approvers` (usernames) approve; staff approvers
    from outside the forum take part co-opted."""
    people, entries, chair = _people(), [], None
    for index, member in enumerate(meeting.forum.members.select_related("organisation")):
        organisation = member.organisation
        user = people.get(organisation.pk)
        role = Attendance.Role.MEMBER
        if user is not None and user.username == "samordnare":
            role = Attendance.Role.SECRETARY
        elif (
            chair is None
            and (member.role == "chair" or index == 0)
            and organisation.kind != Organisation.Kind.MUNICIPALITY
        ):
            role = chair = Attendance.Role.CHAIR
        absent = index % 5 == 4 and user is None and role == Attendance.Role.MEMBER
        entries.append(
            Entry(
                organisation=organisation,
                user=user,
                participant_role=""
                if user
                else ("Ordförande" if role == chair else "Representant"),
                meeting_role=role,
                presence=Attendance.Presence.APOLOGIES if absent else Attendance.Presence.PRESENT,
                is_approver=user is not None and user.username in approvers,
            )
        )
    present = {entry.user.username for entry in entries if entry.user}
    for username in approvers:
        if username not in present:
            user = _user(username)
            entries.append(
                Entry(
                    organisation=user.memberships.first().organisation,
                    user=user,
                    meeting_role=Attendance.Role.CO_OPTED,
                    is_approver=True,
                )
            )
    meeting.record_attendance(entries)


def _send(meeting, day):
    meeting.write_minutes("Nästa möte enligt mötesplanen.", by=_user("samordnare"))
    meeting.send_minutes_for_approval(
        by=_user("samordnare"), deadline=day + datetime.timedelta(days=14), notify=False
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        minutes_sent_at=_at(day + datetime.timedelta(days=2), 10)
    )


def _approve(meeting, day, approvers):
    """The approvers approve days after the meeting, one after the other."""
    _send(meeting, day)
    for offset, username in enumerate(approvers, start=4):
        meeting.approve_minutes(by=_user(username))
        when = _at(day + datetime.timedelta(days=offset), 8 + offset)
        meeting.attendances.filter(user__username=username).update(approved_at=when)
    Meeting.objects.filter(pk=meeting.pk).update(minutes_approved_at=when)


def _approvers(checker):
    return ["forening", "tjansteperson"] if checker == data.KIF else ["tjansteperson"]


PATHS = {
    "open": [],
    "in_progress": ["in_progress"],
    "done": ["in_progress", "done"],
    "cancelled": ["cancelled"],
}
RESPONSIBLE = {data.KIF: "forening", data.KOF: "tjansteperson"}


def _actions(meeting, actions, day, by, today):
    agenda = list(meeting.agenda_items.all())
    for index, (title, owner, department, months, status) in enumerate(actions):
        responsible = RESPONSIBLE.get(owner)
        item = ActionItem.objects.create(
            meeting=meeting,
            agenda_item=agenda[min(index, len(agenda) - 1)],
            title=title,
            owner=_org(owner),
            department=_org(department) if department else None,
            responsible=_user(responsible) if responsible else None,
            due_date=day + datetime.timedelta(days=30 * months),
        )
        ActionItem.objects.filter(pk=item.pk).update(created_at=_at(day, 19, 30))
        for step, status_name in enumerate(PATHS[status], start=1):
            change = item.change_status(status_name, by=by, note="Enligt lägesrapport.")
            at = min(_at(day + datetime.timedelta(days=25 * step), 11), _at(today, 8))
            type(change).objects.filter(pk=change.pk).update(at=at)


def _past(forum, title, day, agenda, approvers, actions, today, **extra):
    meeting = _meeting(forum, title, day, **extra)
    _noticed(meeting, day)
    _agenda(meeting, agenda)
    _attendance(meeting, approvers)
    _approve(meeting, day, approvers)
    _actions(meeting, actions, day, _user("samordnare"), today)
    return meeting


def _dialogue_meetings(forum, today):
    count = len(data.DIALOGUE_MEETINGS)
    for index, (title, checker, agenda, actions) in enumerate(data.DIALOGUE_MEETINGS):
        day = today - datetime.timedelta(days=91 * (count - index))
        number = f"KS {day.year}/{410 + index:04d}"
        _past(forum, title, day, agenda, _approvers(checker), actions, today,
              registration_number=number)  # fmt: skip
    upcoming = _meeting(forum, "Dialogforum, höstens möte", today + datetime.timedelta(days=21))
    _agenda(upcoming, data.UPCOMING_AGENDA)


def _theme_meetings(forum, today):
    past = today - datetime.timedelta(days=45)
    item = (
        f"Läget inom {forum.name.split()[-1]}",
        data.CITY,
        "",
        "Runda bland deltagarna.",
        "note",
        "Lägesbilden noterades.",
    )
    agenda = [item, *data.THEME_AGENDA.get(forum.slug, [])]
    actions = [("Ta fram en gemensam lägesbild", data.CITY, None, 2, "open")]
    _past(forum, f"{forum.name}: lägesavstämning", past, agenda, ["tjansteperson"], actions, today)
    if forum.slug == "temaforum-trygghet":
        _pending(forum, today)
    _meeting(forum, f"{forum.name}: nästa möte", today + datetime.timedelta(days=35))


def _pending(forum, today):
    """Minutes sent for approval: tjansteperson approved, forening has yet to."""
    day = today - datetime.timedelta(days=12)
    meeting = _meeting(forum, f"{forum.name}: extra möte", day)
    _noticed(meeting, day)
    _agenda(meeting, data.PENDING_AGENDA)
    _attendance(meeting, ["tjansteperson", "forening"])
    _send(meeting, day)
    meeting.approve_minutes(by=_user("tjansteperson"))
    meeting.attendances.filter(user__username="tjansteperson").update(
        approved_at=_at(day + datetime.timedelta(days=5), 13)
    )


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
