"""A meeting's steps through the API, with the verbs the pages call: status, notice, minutes
(notes and the paragraph of each agenda item), sending them to the named approvers, taking
them back, approving, addenda. Mixed into the meeting viewset (api/views/dialogues.py)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from api.conditional import IF_MATCH, body_with_version, with_precondition
from api.forminput import body_of, bound, raise_for
from api.serializers.dialogues import (
    AddendumRequestSerializer,
    AddendumSerializer,
    MeetingSerializer,
)
from dialogues.forms import (
    AddendumForm,
    ApprovalForm,
    MeetingStatusForm,
    MinutesForm,
    SendForApprovalForm,
    paragraph_forms,
)
from dialogues.models.minutes import PARAGRAPH_FIELDS


class MeetingStatusRequest(serializers.Serializer):
    status = serializers.ChoiceField(choices=["planned", "held", "cancelled"])


class MinutesRequest(serializers.Serializer):
    minutes = serializers.CharField(allow_blank=True, help_text="The other notes, in Markdown.")
    version = serializers.IntegerField(
        required=False,
        help_text="`minutes_version` as read; another save in between is a 409 "
        "`minutes_edit_conflict`. Each paragraph: `item-<agenda item id>-discussion_summary`, "
        "`…-outcome_type`, `…-outcome` (items not sent keep their text).",
    )


class DeadlineRequest(serializers.Serializer):
    deadline = serializers.DateField(
        help_text="Approve by; not in the past, not before the meeting."
    )


class ApprovalRequest(serializers.Serializer):
    version = serializers.IntegerField(help_text="`minutes_version` as read.")
    confirm = serializers.BooleanField(help_text="true: the approver read and approves them.")


def _paragraphs(meeting, request):
    """The paragraphs sent, each over the item's text as it is."""
    body = body_of(request)
    data = {}
    for item, form in paragraph_forms(meeting):
        for name in PARAGRAPH_FIELDS:
            key = f"{form.prefix}-{name}"
            data[key] = body.get(key, getattr(item, name))
    forms = paragraph_forms(meeting, data)
    for _item, form in forms:
        raise_for(form)
    return {item.pk: form.cleaned_data for item, form in forms}


class MeetingSteps:
    @extend_schema(request=MeetingStatusRequest, responses=MeetingSerializer)
    @action(detail=True, methods=["post"], url_path="status", url_name="status")
    def change_status(self, request, pk=None):
        """Hold, call off or plan again; a move the meeting cannot make is a 400."""
        meeting, _rights = self.fetch(pk, "manage")
        data = bound(MeetingStatusForm, request, meeting=meeting).cleaned_data
        meeting.change_status(data["status"], by=request.user)
        return self._answer(pk)

    @extend_schema(request=None, responses=MeetingSerializer)
    @action(detail=True, methods=["post"])
    def notice(self, request, pk=None):
        """E-mail the notice, or once sent its update, to the forum's members (409 for a
        meeting called off or over)."""
        meeting, _rights = self.fetch(pk, "manage")
        meeting.send_notice(by=request.user)
        return self._answer(pk)

    @extend_schema(
        request=MinutesRequest,
        parameters=[IF_MATCH],
        responses=with_precondition({200: MeetingSerializer}),
    )
    @action(detail=True, methods=["put"])
    def minutes(self, request, pk=None):
        """Save the draft minutes: notes and paragraphs; 409 once sent or approved."""
        meeting, _rights = self.fetch(pk, "manage")
        body = body_with_version(request, self._answer(pk).data, meeting.minutes_version)
        data = bound(MinutesForm, body).cleaned_data
        meeting.write_minutes(
            data["minutes"],
            by=request.user,
            paragraphs=_paragraphs(meeting, request),
            base_version=data["version"],
        )
        return self._answer(pk)

    @extend_schema(request=DeadlineRequest, responses=MeetingSerializer)
    @action(detail=True, methods=["post"], url_path="minutes/send", url_name="minutes-send")
    def send_minutes(self, request, pk=None):
        """Send the minutes to the named approvers, to approve by `deadline`."""
        meeting, _rights = self.fetch(pk, "manage")
        deadline = bound(SendForApprovalForm, request, meeting=meeting).cleaned_data["deadline"]
        meeting.send_minutes_for_approval(by=request.user, deadline=deadline)
        return self._answer(pk)

    @extend_schema(request=None, responses=MeetingSerializer)
    @action(
        detail=True, methods=["post"], url_path="minutes/take-back", url_name="minutes-take-back"
    )
    def take_back_minutes(self, request, pk=None):
        """Return minutes out for approval to the draft; approvals given are void."""
        meeting, _rights = self.fetch(pk, "manage")
        meeting.take_back_minutes(by=request.user)
        return self._answer(pk)

    @extend_schema(
        request=ApprovalRequest,
        parameters=[IF_MATCH],
        responses=with_precondition({200: MeetingSerializer}),
    )
    @action(detail=True, methods=["post"], url_path="minutes/approve", url_name="minutes-approve")
    def approve_minutes(self, request, pk=None):
        """A named approver approves the version read (409 `not_an_approver`,
        `writer_cannot_approve`, `minutes_changed`, `already_approved`)."""
        meeting, _rights = self.fetch(pk, "view")
        body = body_with_version(request, self._answer(pk).data, meeting.minutes_version)
        data = bound(ApprovalForm, body).cleaned_data
        meeting.approve_minutes(by=request.user, seen_version=data["version"])
        return self._answer(pk)

    @extend_schema(request=AddendumRequestSerializer, responses={201: AddendumSerializer})
    @action(detail=True, methods=["post"])
    def addenda(self, request, pk=None):
        """Correct approved minutes with an addendum."""
        meeting, _rights = self.fetch(pk, "manage")
        text = bound(AddendumForm, request).cleaned_data["text"]
        addendum = meeting.add_addendum(text, by=request.user)
        return Response(AddendumSerializer(addendum).data, status.HTTP_201_CREATED)
