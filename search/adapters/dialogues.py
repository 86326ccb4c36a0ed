"""Forums, meetings, agenda items, minutes, action items and discussion posts.

The rules are dialogues/permissions.py's: the forum's `view_forum` (or a
public forum) for the forum, its meetings, agenda items and action items;
`view_discussion` for posts (never public); minutes are their own record type
(adapters/minutes.py), so that the meeting page's readers do not find drafts.
"""

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogues.markdown import render
from organisations.permissions import visible
from search.adapters.attachments import attachments_of
from search.registry import Adapter, Section

VIEW_FORUM = "dialogues.view_forum"
VIEW_DISCUSSION = "dialogues.view_discussion"
MANAGE_FORUM = "dialogues.manage_forum"


def forum_agreement_id(forum):
    """The id of the agreement a forum follows up, or None."""
    return forum.agreement_id


def plain(markdown):
    return " ".join(strip_tags(render(markdown)).split())


def readable_forum_ids(user, forum_ids, perm=VIEW_FORUM, public=True):
    """The forums among `forum_ids` whose records `user` may read (the views' rule)."""
    from dialogues.models import Forum

    forums = Forum.objects.filter(pk__in=set(forum_ids))
    ids = set(visible(user, perm, forums).values_list("pk", flat=True))
    if public:
        ids |= set(forums.filter(visibility=Forum.Visibility.PUBLIC).values_list("pk", flat=True))
    return ids


def forum_names(values):
    from dialogues.models import Forum

    ids = [int(v) for v in values if str(v).isdigit()]
    return {
        str(pk): name for pk, name in Forum.objects.filter(pk__in=ids).values_list("pk", "name")
    }


def forum_records(forum):
    """Everything indexed that takes its readers from `forum`."""
    from dialogues.models import ActionItem, AgendaItem, Post

    meetings = list(forum.meetings.all())
    return [
        *meetings,
        *AgendaItem.objects.filter(meeting__forum=forum),
        *ActionItem.objects.filter(meeting__forum=forum),
        *Post.objects.filter(topic__forum=forum),
        *attachments_of(forum, *meetings),
    ]


def meeting_records(meeting):
    return [
        meeting,
        *meeting.agenda_items.all(),
        *meeting.action_items.all(),
        *attachments_of(meeting),
    ]


class ForumRecordAdapter(Adapter):
    """A record readable by whoever reads its forum (meetings, agenda items, action items)."""

    view_perm = VIEW_FORUM

    def forum(self, obj):
        raise NotImplementedError

    def perm_object(self, obj):
        return self.forum(obj)

    def is_public(self, obj):
        return self.forum(obj).is_public

    def visible_objects(self, user, pks):
        found = list(self.get_queryset().filter(pk__in=pks))
        readable = readable_forum_ids(user, [self.forum(obj).pk for obj in found])
        return {str(obj.pk): obj for obj in found if self.forum(obj).pk in readable}

    def forum_fields(self, obj):
        forum = self.forum(obj)
        return {"forum": forum.pk, "agreement": forum_agreement_id(forum)}

    def facet_labels(self, facet, values):
        return forum_names(values) if facet == "forum" else {}


class ForumAdapter(ForumRecordAdapter):
    model = "dialogues.Forum"
    verbose_name = _("Forum")
    watch = {
        "dialogues.ForumMember": lambda member: _forum_and_records(member.forum_id),
        "dialogues.Topic": lambda topic: list(topic.posts.all()),
        "dialogues.Attendance": lambda row: _meeting_of(row.meeting_id),
        "dialogues.Addendum": lambda addendum: _meeting_of(addendum.meeting_id),
    }

    def get_queryset(self):
        return (
            super().get_queryset().select_related("organiser").prefetch_related("themes", "members")
        )

    def forum(self, forum):
        return forum

    def sections(self, forum):
        parts = [
            forum.get_kind_display(),
            forum.description,
            ", ".join(theme.name for theme in forum.themes.all()),
            forum.organiser.name,
        ]
        yield Section(
            key="main",
            title=forum.name,
            text="\n".join(str(p) for p in parts if p),
            url=forum.get_absolute_url(),
        )

    def fields(self, forum):
        members = [member.organisation_id for member in forum.members.all()]
        return {"organisations": [forum.organiser_id, *members], **self.forum_fields(forum)}

    def related(self, forum):
        return forum_records(forum)


def _forum_and_records(forum_id):
    from dialogues.models import Forum

    forum = Forum.objects.filter(pk=forum_id).first()
    return [forum, *forum_records(forum)] if forum else []


def _meeting_of(meeting_id):
    from dialogues.models import Meeting

    return list(Meeting.objects.filter(pk=meeting_id))


class MeetingAdapter(ForumRecordAdapter):
    model = "dialogues.Meeting"
    verbose_name = _("Meeting")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("forum")
            .prefetch_related("attendances__organisation__parent")
        )

    def forum(self, meeting):
        return meeting.forum

    def sections(self, meeting):
        parts = [
            meeting.forum.name,
            meeting.place,
            meeting.registration_number,
            meeting.accessibility_notes,
            notice_text(meeting),
            attendance_text(meeting),
        ]
        yield Section(
            key="main",
            title=f"{meeting.title} ({meeting.forum.name} {meeting.reference})",
            text="\n".join(p for p in parts if p),
            url=meeting.get_absolute_url(),
        )

    def fields(self, meeting):
        return {
            "date": meeting.starts_at,
            "organisations": attending(meeting),
            "status": meeting.status,
            **self.forum_fields(meeting),
        }

    def related(self, meeting):
        return meeting_records(meeting)[1:]

    def facet_labels(self, facet, values):
        from dialogues.models import Meeting

        if facet == "status":
            return {v: str(label) for v, label in Meeting.Status.choices if v in values}
        return super().facet_labels(facet, values)


def attending(meeting):
    ids = {row.organisation_id for row in meeting.attendances.all() if row.organisation_id}
    return sorted(ids) or [meeting.forum.organiser_id]


def notice_text(meeting):
    """The notice: when it was sent (the time, place and agenda are indexed as themselves)."""
    if not meeting.notice_sent_at:
        return ""
    return f"{gettext('Notice sent')} {timezone.localtime(meeting.notice_sent_at):%Y-%m-%d}"


def attendance_text(meeting):
    """Who took part, by role title and organisation: names stay out of the index, which
    every reader of the meeting searches (a public forum's too)."""
    lines = []
    for row in meeting.attendances.all():
        where = row.organisation.name if row.organisation_id else gettext("guest")
        role = row.participant_role or row.get_meeting_role_display()
        lines.append(f"{role}, {where}: {row.get_presence_display()}")
    return "\n".join(lines)


class AgendaItemAdapter(ForumRecordAdapter):
    model = "dialogues.AgendaItem"
    verbose_name = _("Agenda item")

    def get_queryset(self):
        return super().get_queryset().select_related("meeting__forum", "presenter", "section")

    def forum(self, item):
        return item.meeting.forum

    def sections(self, item):
        meeting = item.meeting
        # The discussion and outcome are the minutes' paragraph: minutes.py, with its readers.
        parts = [
            item.description,
            item.agreement_reference,
            item.section.heading if item.section_id else "",
            item.get_outcome_type_display() if item.outcome_type else "",
            item.presenter.name if item.presenter_id else "",
        ]
        yield Section(
            key="main",
            title=f"§{item.position} {item.title} – {meeting.title} ({meeting.forum.name})",
            text="\n".join(str(p) for p in parts if p),
            url=agenda_item_url(item),
        )

    def fields(self, item):
        return {
            "date": item.meeting.starts_at,
            "organisations": [item.presenter_id] if item.presenter_id else [],
            "status": item.outcome_type,
            **self.forum_fields(item),
        }

    def related(self, item):
        return _meeting_of(item.meeting_id)  # its minutes passage links to it

    def facet_labels(self, facet, values):
        from dialogues.models import AgendaItem

        if facet == "status":
            return {v: str(label) for v, label in AgendaItem.Outcome.choices if v in values}
        return super().facet_labels(facet, values)


def agenda_item_url(item):
    return item.get_absolute_url()


class ActionItemAdapter(ForumRecordAdapter):
    model = "dialogues.ActionItem"
    verbose_name = _("Action item")

    def get_queryset(self):
        return super().get_queryset().select_related("meeting__forum", "owner", "department")

    def forum(self, item):
        return item.meeting.forum

    def sections(self, item):
        parts = [item.description, item.owner.name, item.department.name if item.department else ""]
        yield Section(
            key="main",
            title=item.title,
            text="\n".join(p for p in parts if p),
            url=item.get_absolute_url(),
        )

    def fields(self, item):
        owners = [item.owner_id] + ([item.department_id] if item.department_id else [])
        return {
            "date": item.due_date,
            "organisations": owners,
            "status": item.status,
            **self.forum_fields(item),
        }

    def facet_labels(self, facet, values):
        from dialogues.models import ActionItem

        if facet == "status":
            return {v: str(label) for v, label in ActionItem.Status.choices if v in values}
        return super().facet_labels(facet, values)


class PostAdapter(ForumRecordAdapter):
    """Discussion posts: `view_discussion`, never public; a hidden post's text is not indexed."""

    model = "dialogues.Post"
    verbose_name = _("Discussion post")
    view_perm = VIEW_DISCUSSION

    def get_queryset(self):
        return super().get_queryset().select_related("topic__forum", "organisation")

    def forum(self, post):
        return post.topic.forum

    def is_public(self, post):
        return False

    def visible_objects(self, user, pks):
        found = list(self.get_queryset().filter(pk__in=pks))
        forum_ids = [post.topic.forum_id for post in found]
        readable = readable_forum_ids(user, forum_ids, perm=VIEW_DISCUSSION, public=False)
        return {str(post.pk): post for post in found if post.topic.forum_id in readable}

    def sections(self, post):
        if post.is_hidden:
            return
        yield Section(
            key="main",
            title=f"{post.topic.title} – {post.topic.forum.name}",
            text=f"{post.organisation.name}\n{plain(post.body)}",
            url=f"{post.topic.get_absolute_url()}#post-{post.pk}",
        )

    def fields(self, post):
        return {
            "date": post.created_at,
            "organisations": [post.organisation_id],
            **self.forum_fields(post),
        }
