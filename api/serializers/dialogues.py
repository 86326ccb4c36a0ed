"""Forums, meetings and what a meeting records. Read-only representations: changes are
validated by the pages' own forms (dialogues/forms.py) and made by the model verbs."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.people import display_name
from dialogues.models import (
    ActionItem,
    ActionItemStatusChange,
    Addendum,
    AgendaItem,
    Attendance,
    Forum,
    Meeting,
)
from dialogues.permissions import access, readable_agreement_ids, shows_private_names

ORGANISATION = {"slug_field": "slug", "read_only": True}


class ForumSerializer(serializers.ModelSerializer):
    organiser = serializers.SlugRelatedField(**ORGANISATION)
    themes = serializers.SlugRelatedField(many=True, **ORGANISATION)
    members = serializers.SerializerMethodField()
    agreement = serializers.SerializerMethodField()
    principles = serializers.SerializerMethodField()
    chair = serializers.SerializerMethodField()
    secretary = serializers.SerializerMethodField()

    class Meta:
        model = Forum
        fields = [
            "slug",
            "name",
            "kind",
            "visibility",
            "purpose",
            "description",
            "organiser",
            "themes",
            "members",
            "agreement",
            "principles",
            "chair",
            "secretary",
            "closed_at",
        ]

    def _named(self, forum, user):
        """Persons are named to readers with a grant, as on the page."""
        request = self.context.get("request")
        if user is None or request is None:
            return None
        if not shows_private_names(access(request.user, forum)):
            return None
        return user.username

    def get_chair(self, forum) -> str | None:
        return self._named(forum, forum.chair)

    def get_secretary(self, forum) -> str | None:
        return self._named(forum, forum.secretary)

    def get_principles(self, forum) -> list[dict]:
        if not self.get_agreement(forum):
            return []
        return [{"id": p.pk, "name": p.name} for p in forum.principles.all()]

    def get_members(self, forum) -> list[dict]:
        return [{"organisation": m.organisation.slug, "role": m.role} for m in forum.members.all()]

    def get_agreement(self, forum) -> str:
        """The linked agreement's slug, only for those who may read it (as on the page)."""
        request = self.context.get("request")
        if not forum.agreement_id or request is None:
            return ""
        if not readable_agreement_ids(request.user, [forum.agreement_id]):
            return ""
        return forum.agreement.slug


class ForumListSerializer(ForumSerializer):
    class Meta(ForumSerializer.Meta):
        fields = ["slug", "name", "kind", "visibility", "organiser", "themes"]


class MeetingListSerializer(serializers.ModelSerializer):
    forum = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    reference = serializers.CharField(read_only=True, help_text="Number/year, e.g. 3/2026.")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "forum",
            "reference",
            "year",
            "number",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "status",
            "minutes_status",
        ]


class AttendanceSerializer(serializers.ModelSerializer):
    """A row; the person of a private person only for readers with a grant (`show_names`)."""

    organisation = serializers.SlugRelatedField(allow_null=True, **ORGANISATION)
    user = serializers.SerializerMethodField()
    participant_name = serializers.SerializerMethodField()

    class Meta:
        model = Attendance
        fields = [
            "id",
            "organisation",
            "user",
            "participant_role",
            "participant_name",
            "meeting_role",
            "presence",
            "is_approver",
            "approved_at",
        ]

    def _named(self, row):
        return self.context.get("show_names") or not row.is_private_person

    def get_user(self, row) -> str | None:
        return row.user.username if row.user_id and self._named(row) else None

    def get_participant_name(self, row) -> str:
        return row.participant_name if self._named(row) else ""


class AgendaItemSerializer(serializers.ModelSerializer):
    """An agenda item; its paragraph of the minutes (discussion, outcome) is null for those
    who may not read the minutes yet."""

    presenter = serializers.SlugRelatedField(allow_null=True, **ORGANISATION)
    section = serializers.SerializerMethodField()
    discussion_summary = serializers.SerializerMethodField()
    outcome = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "position",
            "title",
            "description",
            "presenter",
            "section",
            "agreement_reference",
            "outcome_type",
            "discussion_summary",
            "outcome",
        ]

    def get_section(self, item) -> int | None:
        return item.section_id

    def get_discussion_summary(self, item) -> str | None:
        return item.discussion_summary if self.context.get("show_minutes") else None

    def get_outcome(self, item) -> str | None:
        return item.outcome if self.context.get("show_minutes") else None


class AddendumSerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()

    class Meta:
        model = Addendum
        fields = ["id", "text", "author", "created_at"]

    def get_author(self, addendum) -> str:
        """The author's name as the minutes page shows it (a removed person: their organisation)."""
        return display_name(addendum.author)


class MeetingSerializer(MeetingListSerializer):
    """A meeting; `minutes` is null for those who may not read them yet."""

    agenda = serializers.SerializerMethodField()
    attendance = serializers.SerializerMethodField()
    minutes = serializers.SerializerMethodField()
    addenda = AddendumSerializer(many=True, read_only=True)
    minutes_approved_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta(MeetingListSerializer.Meta):
        fields = [
            *MeetingListSerializer.Meta.fields,
            "online_url",
            "accessibility_notes",
            "registration_number",
            "notice_sent_at",
            "notice_sequence",
            "agenda",
            "attendance",
            "minutes",
            "minutes_version",
            "minutes_sent_at",
            "approval_deadline",
            "minutes_approved_at",
            "minutes_approved_by",
            "addenda",
        ]

    def get_minutes(self, meeting) -> str | None:
        return meeting.minutes if self.context.get("show_minutes") else None

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_agenda(self, meeting):
        return AgendaItemSerializer(
            meeting.agenda_items.all(), many=True, context=self.context
        ).data

    @extend_schema_field(AttendanceSerializer(many=True))
    def get_attendance(self, meeting):
        return AttendanceSerializer(meeting.attendances.all(), many=True, context=self.context).data


class MinutesSerializer(serializers.Serializer):
    """The body of a minutes update (validated by the page's MinutesForm)."""

    minutes = serializers.CharField(allow_blank=True, help_text="Markdown.")


class AddendumRequestSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="Markdown.")


class StatusChangeSerializer(serializers.ModelSerializer):
    by = serializers.SerializerMethodField()

    class Meta:
        model = ActionItemStatusChange
        fields = ["from_status", "to_status", "by", "at", "note"]

    def get_by(self, change) -> str | None:
        """Who changed it, named as on the action item's page."""
        return display_name(change.by)


class ActionItemSerializer(serializers.ModelSerializer):
    forum = serializers.CharField(source="meeting.forum.slug", read_only=True)
    meeting = serializers.IntegerField(source="meeting_id", read_only=True)
    owner = serializers.SlugRelatedField(**ORGANISATION)
    department = serializers.SlugRelatedField(allow_null=True, **ORGANISATION)
    agenda_item = serializers.IntegerField(source="agenda_item_id", read_only=True, allow_null=True)
    responsible = serializers.SerializerMethodField()
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)

    def get_responsible(self, item) -> str | None:
        """Named in forums the reader reads by a grant (`named_forums` in the context)."""
        named = self.context.get("named_forums", ())
        if item.responsible_id is None or item.meeting.forum_id not in named:
            return None
        return item.responsible.username

    class Meta:
        model = ActionItem
        fields = [
            "id",
            "forum",
            "meeting",
            "agenda_item",
            "title",
            "description",
            "owner",
            "department",
            "responsible",
            "due_date",
            "status",
            "overdue",
            "created_at",
        ]


class ActionItemDetailSerializer(ActionItemSerializer):
    history = StatusChangeSerializer(many=True, read_only=True)
    allowed_statuses = serializers.SerializerMethodField()

    class Meta(ActionItemSerializer.Meta):
        fields = [*ActionItemSerializer.Meta.fields, "allowed_statuses", "history"]

    def get_allowed_statuses(self, item) -> list[str]:
        return [str(status) for status in item.allowed_statuses()]


class StatusRequestSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ActionItem.Status.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=500)
