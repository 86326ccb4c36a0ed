"""Minutes: one document per paragraph, read by dialogues.permissions.can_read_minutes.

Minutes are a record type of their own (`dialogues.minutes`, a second adapter of
Meeting) because their readers differ from the meeting page's: a draft only
for the forum's managers, sent for approval also for the readers present,
approved for every reader (the protocol). Each agenda item's paragraph (its discussion and
outcome) is a passage that links to it in the minutes; the other notes, Markdown, are split
at their headings; addenda follow.
"""

import re

from django.contrib.auth import get_user_model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogues import permissions
from organisations.permissions import group_ids_with_perm, groups_for
from search.adapters.dialogues import (
    MANAGE_FORUM,
    VIEW_FORUM,
    ForumRecordAdapter,
    agenda_item_url,
    attending,
    plain,
)
from search.registry import Section, person_token

HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
PARAGRAPH_MARK = re.compile(r"^§\s*(\d+)\s*")


def split_minutes(text):
    """[(heading or "", text)] of minutes written with a heading per agenda item."""
    parts, heading, lines = [], "", []
    for line in (text or "").splitlines():
        match = HEADING.match(line)
        if match:
            if heading or "".join(lines).strip():
                parts.append((heading, "\n".join(lines)))
            heading, lines = match.group(1), []
        else:
            lines.append(line)
    if heading or "".join(lines).strip():
        parts.append((heading, "\n".join(lines)))
    return parts


def match_item(heading, items):
    """The agenda item a minutes heading is about: by title, else by its § number."""
    bare = PARAGRAPH_MARK.sub("", heading).strip().casefold()
    for item in items:
        if bare and item.title.casefold() == bare:
            return item
    number = PARAGRAPH_MARK.match(heading)
    if number and 0 < int(number.group(1)) <= len(items):
        return items[int(number.group(1)) - 1]
    return None


class MinutesAdapter(ForumRecordAdapter):
    """A meeting's minutes, one document per agenda item, read by `can_read_minutes`."""

    model = "dialogues.Meeting"
    type = "dialogues.minutes"
    verbose_name = _("Minutes")
    sectioned = True
    # Minutes being checked name persons too (group_ids): their memberships count.
    watch = {
        "organisations.Membership": lambda m: minutes_being_checked(m.user_id, m.organisation_id)
    }

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("forum")
            .prefetch_related("attendances", "agenda_items", "addenda")
        )

    def forum(self, meeting):
        return meeting.forum

    def is_public(self, meeting):
        return meeting.minutes_approved and meeting.forum.is_public

    def group_ids(self, meeting):
        """Approved: the forum's readers. Draft: its managers. Sent for checking: also the
        readers among the organisations present."""
        forum = meeting.forum
        readers = group_ids_with_perm(VIEW_FORUM, forum)
        if meeting.minutes_approved:
            return readers
        managers = group_ids_with_perm(MANAGE_FORUM, forum)
        if meeting.minutes_status != meeting.MinutesStatus.CHECKING:
            return managers
        present = [row.organisation for row in meeting.attendances.all() if row.is_present]
        covered = managers | (readers & {group.pk for group in groups_for(present)})
        # A reader present through an organisation that is not itself a reader (not a forum
        # member) is admitted by the conjunction "reader AND member of a present organisation",
        # which no group expresses: such readers are stored as persons (service.viewer_for).
        persons = (
            get_user_model()
            .objects.filter(memberships__organisation__in=present, groups__in=readers)
            .exclude(groups__in=covered)
            .values_list("pk", flat=True)
            .distinct()
        )
        return covered | {person_token(pk) for pk in persons}

    def visible_objects(self, user, pks):
        rights = {}  # the user's rights once per forum, not per hit
        visible = {}
        for meeting in self.get_queryset().filter(pk__in=pks):
            if meeting.forum_id not in rights:
                rights[meeting.forum_id] = permissions.access(user, meeting.forum)
            if permissions.can_read_minutes(user, rights[meeting.forum_id], meeting):
                visible[str(meeting.pk)] = meeting
        return visible

    def can_view(self, user, meeting):
        return permissions.can_read_minutes(user, permissions.access(user, meeting.forum), meeting)

    def sections(self, meeting):
        items = list(meeting.agenda_items.all())
        label = gettext("Minutes")
        where = f"{meeting.title} ({meeting.forum.name} {meeting.reference})"
        for item in items:
            if item.has_paragraph_text:
                yield paragraph_section(meeting, item, f"{label}: {item.paragraph} {item.title}")
        for index, (heading, text) in enumerate(split_minutes(meeting.minutes)):
            item = match_item(heading, items) if heading else None
            yield Section(
                key=f"notes-{item.pk}" if item else f"part-{index}",
                title=f"{label}: {heading or meeting.title} – {where}",
                # The heading is part of the minutes: its words are highlighted too.
                text=plain(f"{heading}\n\n{text}" if heading else text),
                url=agenda_item_url(item) if item else f"{meeting.get_absolute_url()}#minutes",
            )
        for addendum in meeting.addenda.all():
            yield Section(
                key=f"addendum-{addendum.pk}",
                title=f"{gettext('Addendum')}: {where}",
                text=plain(addendum.text),
                url=f"{meeting.get_absolute_url()}#addendum-{addendum.pk}",
            )

    def fields(self, meeting):
        return {
            "date": meeting.starts_at,
            "organisations": attending(meeting),
            "status": meeting.minutes_status,
            **self.forum_fields(meeting),
        }

    def facet_labels(self, facet, values):
        from dialogues.models import Meeting

        if facet == "status":
            return {v: str(label) for v, label in Meeting.MinutesStatus.choices if v in values}
        return super().facet_labels(facet, values)


def paragraph_section(meeting, item, title):
    outcome = item.get_outcome_type_display() if item.outcome_type else ""
    return Section(
        key=f"item-{item.pk}",
        title=f"{title} – {meeting.title} ({meeting.forum.name} {meeting.reference})",
        text="\n".join(
            p for p in (item.title, item.discussion_summary, outcome, item.outcome) if p
        ),
        # the paragraph (§: discussion and outcome) inside its item on the meeting page
        url=f"{meeting.get_absolute_url()}#paragraph-{item.pk}",
    )


def minutes_being_checked(user_id, organisation_id):
    """Meetings whose minutes are being checked with one of the user's organisations present
    (or `organisation_id`, a membership just removed): who reads them may have changed."""
    from dialogues.models import Attendance, Meeting
    from organisations.models import Membership

    organisations = {
        organisation_id,
        *Membership.objects.filter(user_id=user_id).values_list("organisation_id", flat=True),
    }
    return list(
        Meeting.objects.filter(
            minutes_status=Meeting.MinutesStatus.CHECKING,
            attendances__organisation__in=organisations,
            attendances__presence=Attendance.Presence.PRESENT,
        ).distinct()
    )
