"""Register entries and requests for documents, as the register's pages show them: a secret
entry's subject and organisation, and private persons' names, only to the coordinators of
its case (records/permissions.py)."""

from rest_framework import serializers

from records.models import Document, DocumentRequest


class EntrySerializer(serializers.ModelSerializer):
    case = serializers.CharField(source="case.number")
    case_title = serializers.CharField(source="case.title")
    subject = serializers.SerializerMethodField()
    organisation = serializers.SerializerMethodField(help_text="Slug; empty when not shown.")
    person_name = serializers.SerializerMethodField(help_text="For the case's coordinators.")

    class Meta:
        model = Document
        fields = [
            "id",
            "number",
            "case",
            "case_title",
            "official_since",
            "document_type",
            "origin",
            "secrecy_provision",
            "subject",
            "organisation",
            "person_name",
        ]

    def _full(self, document):
        return not document.is_secret or document.case_id in self.context["managed"]

    def get_subject(self, document) -> str:
        return document.subject if self._full(document) else ""

    def get_organisation(self, document) -> str:
        shown = self._full(document) and document.organisation
        return document.organisation.slug if shown else ""

    def get_person_name(self, document) -> str:
        return document.person_name if document.case_id in self.context["managed"] else ""


class RequestSerializer(serializers.ModelSerializer):
    entry = serializers.IntegerField(source="document_id")
    number = serializers.CharField(source="document.number")

    class Meta:
        model = DocumentRequest
        fields = [
            "id",
            "entry",
            "number",
            "arrived_at",
            "message",
            "status",
            "answer",
            "provision",
            "answered_at",
        ]


class RequestReceiptSerializer(RequestSerializer):
    """What the requester gets: the code that reads the answer later."""

    class Meta(RequestSerializer.Meta):
        fields = [*RequestSerializer.Meta.fields, "code"]
