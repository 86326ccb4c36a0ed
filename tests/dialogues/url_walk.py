from dialogues.models import ActionItem, Meeting, Post
from tests.url_walk import LOGIN, Expect

PUBLIC_FORUM = {"slug": "dialogforum-lo"}
MEMBERS_FORUM = {"slug": "temaforum-trygghet"}


def _meeting_kwargs(meeting):
    return {"slug": meeting.forum.slug, "year": meeting.year, "number": meeting.number}


def approved_meeting():
    meeting = Meeting.objects.filter(
        forum__slug="dialogforum-lo", minutes_status=Meeting.MinutesStatus.APPROVED
    ).latest("starts_at")
    return _meeting_kwargs(meeting)


def upcoming_meeting():
    meeting = Meeting.objects.filter(forum__slug="dialogforum-lo").latest("starts_at")
    return _meeting_kwargs(meeting)


def upcoming_agenda_item():
    meeting = Meeting.objects.filter(forum__slug="dialogforum-lo").latest("starts_at")
    return {**_meeting_kwargs(meeting), "item_id": meeting.agenda_items.first().pk}


def pending_meeting():
    """The trygghet forum's meeting whose minutes wait for forening's approval."""
    meeting = Meeting.objects.get(
        forum__slug="temaforum-trygghet", minutes_status=Meeting.MinutesStatus.CHECKING
    )
    return _meeting_kwargs(meeting)


def action_item():
    item = ActionItem.objects.filter(meeting__forum__slug="dialogforum-lo").first()
    return {**PUBLIC_FORUM, "pk": item.pk}


def topic():
    return {**PUBLIC_FORUM, "pk": Post.objects.filter(author__username="forening").first().topic_id}


def forening_post():
    return {**PUBLIC_FORUM, "pk": Post.objects.filter(author__username="forening").first().pk}


# Organiser coordinators (samordnare, and the superuser) manage; outsiders get 404.
MANAGE = {"anonymous": LOGIN, "admin": 200, "samordnare": 200}
# POST-only actions answer 405 to a GET before looking at the record.
POST_ONLY = {"anonymous": LOGIN}

URLS = {
    "dialogues:forum_list": Expect(),
    # Coordinators of a municipality set up forums.
    "dialogues:forum_create": Expect(MANAGE, default=404, post=True),
    "dialogues:forum_edit": Expect(MANAGE, default=404, kwargs=lambda: PUBLIC_FORUM, post=True),
    "dialogues:forum_close": Expect(MANAGE, default=404, kwargs=lambda: PUBLIC_FORUM, post=True),
    "dialogues:forum_reopen": Expect(
        POST_ONLY, default=405, kwargs=lambda: PUBLIC_FORUM, post=True
    ),
    "dialogues:action_board": Expect(),
    "dialogues:action_board_csv": Expect(),
    # A members-only forum: staff of the municipality read it, others do not.
    "dialogues:forum_detail": Expect(
        {"anonymous": 404, "utomstaende": 404}, kwargs=lambda: MEMBERS_FORUM
    ),
    "dialogues:forum_calendar": Expect(kwargs=lambda: PUBLIC_FORUM),
    "dialogues:meeting_create": Expect(MANAGE, default=404, kwargs=lambda: PUBLIC_FORUM, post=True),
    "dialogues:meeting_detail": Expect(kwargs=approved_meeting),
    "dialogues:meeting_edit": Expect(MANAGE, default=404, kwargs=upcoming_meeting, post=True),
    "dialogues:meeting_status": Expect(POST_ONLY, default=405, kwargs=upcoming_meeting, post=True),
    "dialogues:notice_send": Expect(POST_ONLY, default=405, kwargs=upcoming_meeting, post=True),
    "dialogues:meeting_calendar": Expect(kwargs=approved_meeting),
    "dialogues:agenda_item_add": Expect(MANAGE, default=404, kwargs=upcoming_meeting, post=True),
    "dialogues:agenda_item_edit": Expect(
        MANAGE, default=404, kwargs=upcoming_agenda_item, post=True
    ),
    "dialogues:agenda_item_move": Expect(
        POST_ONLY, default=405, kwargs=upcoming_agenda_item, post=True
    ),
    "dialogues:agenda_item_remove": Expect(
        POST_ONLY, default=405, kwargs=upcoming_agenda_item, post=True
    ),
    "dialogues:attendance_edit": Expect(MANAGE, default=404, kwargs=upcoming_meeting, post=True),
    # The printable list of a public forum's meeting: anyone (names of private persons only
    # for readers with a grant).
    "dialogues:attendance_print": Expect(kwargs=approved_meeting),
    "dialogues:minutes_edit": Expect(MANAGE, default=404, kwargs=upcoming_meeting, post=True),
    "dialogues:minutes_send": Expect(POST_ONLY, default=405, kwargs=upcoming_meeting, post=True),
    "dialogues:minutes_take_back": Expect(
        POST_ONLY, default=405, kwargs=pending_meeting, post=True
    ),
    # Only forening is still to approve; other readers are sent back with the reason.
    "dialogues:minutes_approve": Expect(
        {"anonymous": LOGIN, "utomstaende": 404, "forening": 200},
        default=302,
        kwargs=pending_meeting,
        post=True,
    ),
    "dialogues:protocol_pdf": Expect(kwargs=approved_meeting),
    "dialogues:protocol_docx": Expect(kwargs=approved_meeting),
    "dialogues:addendum_add": Expect(POST_ONLY, default=405, kwargs=approved_meeting, post=True),
    "dialogues:action_item_add": Expect(MANAGE, default=404, kwargs=upcoming_meeting, post=True),
    "dialogues:action_item_detail": Expect(kwargs=action_item),
    "dialogues:action_item_edit": Expect(MANAGE, default=404, kwargs=action_item, post=True),
    "dialogues:action_item_status": Expect(POST_ONLY, default=405, kwargs=action_item, post=True),
    "dialogues:topic_create": Expect(
        {"anonymous": LOGIN, "utomstaende": 404}, kwargs=lambda: PUBLIC_FORUM, post=True
    ),
    "dialogues:topic_detail": Expect({"anonymous": LOGIN, "utomstaende": 404}, kwargs=topic),
    "dialogues:post_add": Expect(POST_ONLY, default=405, kwargs=topic, post=True),
    # Only the author edits; the demo post's edit window has closed, so they are sent back.
    "dialogues:post_edit": Expect(
        {"anonymous": LOGIN, "forening": 302}, default=404, kwargs=forening_post, post=True
    ),
    "dialogues:post_hide": Expect(MANAGE, default=404, kwargs=forening_post, post=True),
}
