from rest_framework import serializers

from agreements.models import Answer, Invitation, Question


class InvitationSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    status = serializers.ChoiceField(choices=Invitation.Status.choices, read_only=True)

    class Meta:
        model = Invitation
        fields = [
            "organisation", "organisation_name", "status", "invited_at", "answered_at",
            "declined_at", "decline_reason", "reminded_at",
        ]  # fmt: skip


class AnswerSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    question = serializers.IntegerField(source="question_id", read_only=True)

    class Meta:
        model = Answer
        fields = ["id", "question", "organisation", "body", "created_at"]


class QuestionSerializer(serializers.ModelSerializer):
    answers = AnswerSerializer(many=True, read_only=True)

    class Meta:
        model = Question
        fields = ["id", "position", "text", "answers"]


class ReminderSerializer(serializers.Serializer):
    reminded = serializers.IntegerField(help_text="Invited bodies reminded.")
