"""Invited bodies of a consultation, declines, questions and answers: the same forms, verbs
and rules (consultation/permissions.py) as the pages. Outsiders get 404; an illegal
step (answering twice, declining after answering, inviting twice) 409; bad input 400."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import re_path
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from agreements.models import Invitation, remind_waiting
from api.forminput import form_serializer, validated
from api.serializers.invitations import (
    AnswerSerializer,
    InvitationSerializer,
    QuestionSerializer,
    ReminderSerializer,
)
from consultation import permissions as rules
from consultation.errors import NotInvited
from consultation.forms import AnswerForm, DeclineForm, InviteForm
from consultation.report import invited_bodies

REVISION = "^agreements/(?P<slug>[-a-zA-Z0-9_]+)/revisions/(?P<number>[0-9]+)/"
InviteRequest = form_serializer(InviteForm, "InviteOrganisation")
DeclineRequest = form_serializer(DeclineForm, "DeclineConsultation", organisations=[])
AnswerRequest = form_serializer(AnswerForm, "AnswerQuestion", organisations=[])


class RevisionMixin:
    pagination_class = None

    def revision(self, check=rules.can_view_comments):
        return rules.get_revision_or_404(
            self.request.user, self.kwargs["slug"], self.kwargs["number"], check=check
        )

    def answering(self, revision):
        organisations = rules.answering_organisations(self.request.user, revision)
        if not organisations:
            raise NotInvited
        return organisations


@extend_schema(tags=["consultation"])
class InvitationsView(RevisionMixin, GenericAPIView):
    """The invited bodies and where each stands: answered, declined or no answer yet."""

    serializer_class = InvitationSerializer

    @extend_schema(responses=InvitationSerializer(many=True))
    def get(self, request, slug=None, number=None):
        invitations = invited_bodies(self.revision()).invitations
        return Response(InvitationSerializer(invitations, many=True).data)

    @extend_schema(request=InviteRequest, responses={201: InvitationSerializer})
    def post(self, request, slug=None, number=None):
        """The coordinators invite one more organisation (by slug or id) while it is open."""
        revision = self.revision(check=rules.can_answer)
        organisation = validated(InviteForm, request, revision=revision)["organisation"]
        invitation = Invitation.invite(revision, organisation, by=request.user)
        return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["consultation"])
class RemindView(RevisionMixin, GenericAPIView):
    serializer_class = ReminderSerializer

    @extend_schema(request=None, responses={202: ReminderSerializer})
    def post(self, request, slug=None, number=None):
        """Queue a reminder to the invited bodies that have neither answered nor declined."""
        revision = self.revision(check=rules.can_answer)
        count = remind_waiting(revision, by=request.user)
        return Response({"reminded": count}, status=status.HTTP_202_ACCEPTED)


@extend_schema(tags=["consultation"])
class DeclineView(RevisionMixin, GenericAPIView):
    serializer_class = InvitationSerializer

    @extend_schema(request=DeclineRequest, responses=InvitationSerializer)
    def post(self, request, slug=None, number=None):
        """An invited organisation declines ("avstår"), with an optional reason."""
        revision = self.revision()
        data = validated(DeclineForm, request, organisations=self.answering(revision))
        invitation = Invitation.objects.get(revision=revision, organisation=data["organisation"])
        invitation.revision = revision
        declined = invitation.decline(reason=data["reason"], by=request.user)
        return Response(InvitationSerializer(declined).data)


@extend_schema(tags=["consultation"])
class QuestionsView(RevisionMixin, GenericAPIView):
    """The consultation's questions with the answers given."""

    serializer_class = QuestionSerializer

    @extend_schema(responses=QuestionSerializer(many=True))
    def get(self, request, slug=None, number=None):
        questions = invited_bodies(self.revision()).questions
        return Response(QuestionSerializer(questions, many=True).data)


@extend_schema(tags=["consultation"])
class AnswerView(RevisionMixin, GenericAPIView):
    serializer_class = AnswerSerializer

    @extend_schema(request=AnswerRequest, responses={201: AnswerSerializer})
    def post(self, request, slug=None, number=None, question_id=None):
        """An invited organisation's one answer to a question (a second is a 409)."""
        revision = self.revision()
        question = revision.questions.filter(pk=question_id).first()
        if question is None:
            raise Http404
        question.revision = revision
        data = validated(AnswerForm, request, organisations=self.answering(revision))
        answer = question.answer(
            organisation=data["organisation"], body=data["body"], by=request.user
        )
        return Response(AnswerSerializer(answer).data, status=status.HTTP_201_CREATED)


def _path(suffix, view, name):
    return re_path(REVISION + suffix, login_not_required(view.as_view()), name=name)


urlpatterns = [
    _path("invitations/$", InvitationsView, "invitations"),
    _path("invitations/remind/$", RemindView, "invitations-remind"),
    _path("decline/$", DeclineView, "decline"),
    _path("questions/$", QuestionsView, "questions"),
    _path("questions/(?P<question_id>[0-9]+)/answers/$", AnswerView, "answer"),
]
