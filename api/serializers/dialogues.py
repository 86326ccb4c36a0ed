"""Forums, meetings and what a meeting records. Read-only representations: changes are
validated by the pages' own forms (dialogues/forms.py) and made by the model verbs."""

from rest_framework import serializers

from dialogues.models import (
    ActionItem,
    ActionItemStatusChange,
    Addendum,
    AgendaItem,
    Attendance,
    Forum,
    Meeting,
)
from dialogues.permissions import readable_agreement_ids

ORGANISATION = {"slug_field": "slug", "read_only": True}


class ForumSerializer(serializers.ModelSerializer):
    organiser = serializers.SlugRelatedField(**ORGANISATION)
    themes = serializers.SlugRelatedField(many=True, **ORGANISATION)
    members = serializers.SerializerMethodField()
    agreement = serializers.SerializerMethodField()

    class Meta:
        model = Forum
        fields = [
            "slug",
            "name",
            "kind",
            "visibility",
            "description",
            "organiser",
            "themes",
            "members",
            "agreement",
        ]

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
    organisation = serializers.SlugRelatedField(**ORGANISATION)

    class Meta:
        model = Attendance
        fields = [
            "id",
            "organisation",
            "participant_role",
            "participant_name",
            "meeting_role",
            "presence",
        ]


class AgendaItemSerializer(serializers.ModelSerializer):
    presenter = serializers.SlugRelatedField(allow_null=True, **ORGANISATION)

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "position",
            "title",
            "description",
            "presenter",
            "agreement_reference",
            "discussion_summary",
            "outcome_type",
            "outcome",
        ]


class AddendumSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True)

    class Meta:
        model = Addendum
        fields = ["id", "text", "author", "created_at"]


class MeetingSerializer(MeetingListSerializer):
    """A meeting; `minutes` is null for those who may not read them yet."""

    agenda = AgendaItemSerializer(source="agenda_items", many=True, read_only=True)
    attendance = AttendanceSerializer(source="attendances", many=True, read_only=True)
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
            "notice_date",
            "agenda",
            "attendance",
            "minutes",
            "minutes_sent_at",
            "minutes_approved_at",
            "minutes_approved_by",
            "addenda",
        ]

    def get_minutes(self, meeting) -> str | None:
        return meeting.minutes if self.context.get("show_minutes") else None


class MinutesSerializer(serializers.Serializer):
    """The body of a minutes update (validated by the page's MinutesForm)."""

    minutes = serializers.CharField(allow_blank=True, help_text="Markdown.")


class AddendumRequestSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="Markdown.")


class StatusChangeSerializer(serializers.ModelSerializer):
    by = serializers.CharField(source="by.username", read_only=True)

    class Meta:
        model = ActionItemStatusChange
        fields = ["from_status", "to_status", "by", "at", "note"]


class ActionItemSerializer(serializers.ModelSerializer):
    forum = serializers.CharField(source="meeting.forum.slug", read_only=True)
    meeting = serializers.IntegerField(source="meeting_id", read_only=True)
    owner = serializers.SlugRelatedField(**ORGANISATION)
    department = serializers.SlugRelatedField(allow_null=True, **ORGANISATION)
    agenda_item = serializers.IntegerField(source="agenda_item_id", read_only=True, allow_null=True)
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)

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
