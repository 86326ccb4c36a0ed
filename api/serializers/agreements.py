from rest_framework import serializers

from agreements.models import Agreement, Comment, Party, Revision
from agreements.models.comments import Disposition
from api.serializers.invitations import InvitationSerializer, QuestionSerializer


class PartySerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = Party
        fields = [
            "id", "organisation", "organisation_name", "role", "is_drafter", "joined_on",
            "signed_on", "signed_by_name", "signed_by_title", "withdrawn_on",
        ]  # fmt: skip


class AgreementSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    principles = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    parties = PartySerializer(many=True, read_only=True)
    url = serializers.HyperlinkedIdentityField(
        view_name="api:agreement-detail", lookup_field="slug"
    )

    class Meta:
        model = Agreement
        fields = [
            "url", "slug", "title", "summary", "municipality", "registration_number", "status",
            "principles", "valid_from", "valid_until", "review_interval_months", "next_review",
            "is_public", "created_at", "parties",
        ]  # fmt: skip


class AgreementListSerializer(AgreementSerializer):
    class Meta(AgreementSerializer.Meta):
        fields = [f for f in AgreementSerializer.Meta.fields if f not in ("parties", "principles")]


class RevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Revision
        fields = [
            "number", "title", "body", "change_summary", "state", "version", "created_at",
            "updated_at", "published_at", "consultation_closes_at", "consultation_closed_at",
            "adopted_by_body", "adopted_on", "minute_reference",
        ]  # fmt: skip


class RevisionListSerializer(RevisionSerializer):
    class Meta(RevisionSerializer.Meta):
        fields = [f for f in RevisionSerializer.Meta.fields if f != "body"]


class DraftSerializer(serializers.Serializer):
    """Save the working draft: send the `version` you read; 409 if someone saved since."""

    title = serializers.CharField(max_length=250)
    body = serializers.CharField(required=False, allow_blank=True)
    change_summary = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField()


class DraftConflictSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    current = RevisionSerializer()
    yours = DraftSerializer()


class CommentSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    section = serializers.SlugRelatedField(slug_field="anchor", read_only=True, allow_null=True)
    author = serializers.SerializerMethodField()
    response = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = [
            "id", "parent", "section", "quote", "body", "organisation", "author", "created_at",
            "edited_at", "withdrawn_at", "response",
        ]  # fmt: skip

    def get_author(self, comment) -> str | None:
        # A removed person (privacy.removal) is shown as the organisation they wrote for.
        if comment.author and not comment.author.is_active:
            return comment.organisation.name
        return comment.author.username if comment.author else None

    def get_response(self, comment) -> dict | None:
        response = getattr(comment, "response", None)
        if response is None:
            return None
        return {
            "disposition": response.disposition,
            "reason": response.reason,
            "responded_at": response.responded_at.isoformat(),
        }


class CommentCreateSerializer(serializers.Serializer):
    organisation = serializers.CharField(help_text="Slug or id of the party organisation.")
    body = serializers.CharField()
    section = serializers.CharField(required=False, allow_blank=True, help_text="Anchor.")
    quote = serializers.CharField(required=False, allow_blank=True)
    parent = serializers.IntegerField(required=False, help_text="Reply to this comment.")


class DiffSegmentSerializer(serializers.Serializer):
    kind = serializers.CharField()
    text = serializers.CharField()


class DiffParagraphSerializer(serializers.Serializer):
    kind = serializers.CharField()
    old = serializers.CharField(allow_blank=True)
    new = serializers.CharField(allow_blank=True)
    segments = DiffSegmentSerializer(many=True)


class DiffSectionSerializer(serializers.Serializer):
    kind = serializers.CharField()
    anchor = serializers.CharField(allow_blank=True)
    heading = serializers.CharField(allow_blank=True)
    old_heading = serializers.CharField(allow_blank=True, allow_null=True)
    moved = serializers.BooleanField()
    paragraphs = DiffParagraphSerializer(many=True)


class DiffSerializer(serializers.Serializer):
    old = serializers.IntegerField()
    new = serializers.IntegerField()
    sections = DiffSectionSerializer(many=True)


class ReportCommentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    organisation = serializers.CharField()
    quote = serializers.CharField(allow_blank=True)
    body = serializers.CharField()
    created_at = serializers.DateTimeField()
    author = serializers.CharField(allow_null=True, help_text="Only for those who work with it.")
    disposition = serializers.ChoiceField(Disposition.choices, allow_null=True)
    reason = serializers.CharField(allow_blank=True)


class ReportSectionSerializer(serializers.Serializer):
    heading = serializers.CharField()
    anchor = serializers.CharField(allow_blank=True)
    comments = ReportCommentSerializer(many=True)


class ReportSerializer(serializers.Serializer):
    revision = serializers.IntegerField()
    sections = ReportSectionSerializer(many=True)
    by_organisation = serializers.DictField(child=serializers.IntegerField())
    by_disposition = serializers.DictField(child=serializers.IntegerField())
    invited = InvitationSerializer(many=True, help_text="The invited bodies and their status.")
    questions = QuestionSerializer(many=True, help_text="The questions with their answers.")
