"""URL walk expectations for the dialogue, attachment and search endpoints (tests/api/url_walk.py
merges them): readers of the members-only trygghet forum get 200, others 404."""

from attachments.models import Attachment
from demo.attachments import ACTION_PLAN
from dialogues.models import ActionItem, Meeting, Post, Topic
from organisations.models import Organisation
from tests.url_walk import Expect

READERS = {"admin": 200, "samordnare": 200, "tjansteperson": 200, "forening": 200}
MEMBERS_FORUM = "temaforum-trygghet"


def forum():
    return {"slug": MEMBERS_FORUM}


def meeting():
    return {"pk": Meeting.objects.filter(forum__slug=MEMBERS_FORUM).latest("starts_at").pk}


def meeting_id():
    return {"meeting_id": meeting()["pk"]}


def agenda_item():
    found = Meeting.objects.filter(forum__slug=MEMBERS_FORUM, agenda_items__isnull=False)
    item = found.latest("starts_at").agenda_items.first()
    return {"meeting_id": item.meeting_id, "pk": item.pk}


def attendance_row():
    return {**meeting_id(), "pk": 0}


def action_item():
    return {"pk": ActionItem.objects.filter(meeting__forum__slug=MEMBERS_FORUM).first().pk}


DISCUSSION_FORUM = "dialogforum-lo"  # public: its records for anyone, its discussion not
DISCUSSION_READERS = {"admin": 200, "samordnare": 200, "tjansteperson": 200, "forening": 200}


def topic():
    return {"forum_slug": DISCUSSION_FORUM, "pk": Topic.objects.filter(
        forum__slug=DISCUSSION_FORUM).first().pk}  # fmt: skip


def post():
    found = Post.objects.filter(topic__forum__slug=DISCUSSION_FORUM).first()
    return {"forum_slug": DISCUSSION_FORUM, "pk": found.pk}


def organisation_record():
    # Organisation pages are public; the city's files list answers everyone.
    city = Organisation.objects.get(slug="kullahamns-stad")
    return {"label": "organisations.organisation", "object_id": city.pk}


def public_file():
    # The demo action plan, on a meeting of the public dialogue forum (approved minutes).
    return {"pk": Attachment.objects.get(original_name=ACTION_PLAN).pk}


URLS = {
    "api:forum-list": Expect(),
    "api:forum-detail": Expect(READERS, default=404, kwargs=forum),
    "api:meeting-list": Expect(),
    "api:meeting-detail": Expect(READERS, default=404, kwargs=meeting),
    # Writing only (PUT/POST): a GET is 405 before the record is looked at.
    "api:meeting-minutes": Expect(default=405, kwargs=meeting),
    "api:meeting-minutes-send": Expect(default=405, kwargs=meeting, post=True),
    "api:meeting-minutes-take-back": Expect(default=405, kwargs=meeting, post=True),
    "api:meeting-status": Expect(default=405, kwargs=meeting, post=True),
    "api:meeting-notice": Expect(default=405, kwargs=meeting, post=True),
    "api:forum-close": Expect(default=405, kwargs=forum, post=True),
    "api:forum-reopen": Expect(default=405, kwargs=forum, post=True),
    "api:meeting-minutes-approve": Expect(default=405, kwargs=meeting, post=True),
    "api:meeting-addenda": Expect(default=405, kwargs=meeting, post=True),
    "api:agenda-item-list": Expect(READERS, default=404, kwargs=meeting_id, post=True),
    "api:agenda-item-detail": Expect(READERS, default=404, kwargs=agenda_item),
    "api:agenda-item-move": Expect(default=405, kwargs=agenda_item, post=True),
    "api:attendance-list": Expect(READERS, default=404, kwargs=meeting_id, post=True),
    "api:attendance-detail": Expect(default=405, kwargs=attendance_row),
    "api:meeting-action-item-list": Expect(READERS, default=404, kwargs=meeting_id, post=True),
    "api:action-item-list": Expect(),
    "api:action-item-detail": Expect(READERS, default=404, kwargs=action_item),
    "api:action-item-status": Expect(default=405, kwargs=action_item, post=True),
    # The discussion: its readers; never the public, even of a public forum.
    "api:topic-list": Expect(
        DISCUSSION_READERS,
        default=404,
        kwargs=lambda: {"forum_slug": DISCUSSION_FORUM},
        post=True,
    ),  # fmt: skip
    "api:topic-detail": Expect(DISCUSSION_READERS, default=404, kwargs=topic),
    "api:topic-posts": Expect(default=405, kwargs=topic, post=True),
    "api:post-detail": Expect(default=405, kwargs=post),
    "api:post-hide": Expect(default=405, kwargs=post, post=True),
    "api:record-attachment-list": Expect(kwargs=organisation_record, post=True),
    "api:attachment-detail": Expect(kwargs=public_file),
    "api:attachment-download": Expect(kwargs=public_file),
    "api:attachment-supersede": Expect(default=405, kwargs=public_file, post=True),
    # A search needs words: without `q` it is a 400 naming the field.
    "api:search": Expect(default=400),
}
