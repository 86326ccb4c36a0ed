"""Revisions of an agreement, its working draft (saved with the version it was read at: 409
with both versions when someone saved in between), the structured diff of two revisions,
comments with responses, and the consultation report. Rules: agreements/permissions.py and
consultation/permissions.py; changes: the model verbs the pages call."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import re_path
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from agreements import diff
from agreements import permissions as rules
from agreements.exceptions import EditConflict
from agreements.forms import CompareForm, DraftForm
from agreements.models import Comment, extend_consultation
from api.conditional import IF_MATCH, body_with_version, with_precondition
from api.errors import Conflict
from api.forminput import body_of, form_serializer, validated
from api.routers import Router
from api.serializers.agreements import (
    CommentCreateSerializer,
    CommentSerializer,
    DiffSerializer,
    DraftConflictSerializer,
    DraftSerializer,
    ReportSerializer,
    RevisionListSerializer,
    RevisionSerializer,
)
from api.serializers.invitations import InvitationSerializer, QuestionSerializer
from consultation import permissions as comment_rules
from consultation.forms import (
    CommentForm,
    EditCommentForm,
    ExtendForm,
    ReplyForm,
    ResponseForm,
)
from consultation.report import build_report, invited_bodies

AGREEMENT = "agreements/(?P<slug>[-a-zA-Z0-9_]+)"
ResponseRequest = form_serializer(ResponseForm, "CommentResponse")
EditRequest = form_serializer(EditCommentForm, "CommentEdit")
ExtendRequest = form_serializer(ExtendForm, "ConsultationExtension")


@extend_schema(tags=["revisions"])
class RevisionViewSet(viewsets.GenericViewSet):
    """Published revisions, for whoever may read the agreement."""

    serializer_class = RevisionSerializer
    lookup_field = "number"
    lookup_value_regex = "[0-9]+"

    def agreement(self):
        return rules.get_agreement_or_404(self.request.user, self.kwargs["slug"])

    def get_queryset(self):
        return self.agreement().revisions.published().order_by("number")

    @extend_schema(responses=RevisionListSerializer(many=True))
    def list(self, request, slug=None):
        page = self.paginate_queryset(self.get_queryset().defer("body"))
        return self.get_paginated_response(RevisionListSerializer(page, many=True).data)

    def retrieve(self, request, slug=None, number=None):
        revision = self.get_queryset().filter(number=number).first()
        if revision is None:
            raise Http404
        return Response(RevisionSerializer(revision).data)


@extend_schema(tags=["revisions"])
class DraftView(GenericAPIView):
    """The working draft, for its drafters: read it, then save it with the version you read."""

    serializer_class = RevisionSerializer

    def draft(self):
        agreement = rules.get_agreement_or_404(
            self.request.user, self.kwargs["slug"], rules.EDIT_DRAFT
        )
        working = agreement.revisions.drafts().first()
        if working is None or agreement.is_closed:
            raise Http404
        return working

    def get(self, request, slug=None):
        return Response(RevisionSerializer(self.draft()).data)

    @extend_schema(
        request=DraftSerializer,
        parameters=[IF_MATCH],
        responses=with_precondition(
            {
                200: RevisionSerializer,
                409: OpenApiResponse(DraftConflictSerializer, "Someone saved in between."),
            }
        ),
    )
    def put(self, request, slug=None):
        working = self.draft()
        body = body_with_version(request, RevisionSerializer(working).data, working.version)
        data = validated(DraftForm, body)
        try:
            saved = working.save_text(
                title=data["title"], body=data["body"], change_summary=data["change_summary"],
                base_version=data["version"], by=request.user,
            )  # fmt: skip
        except EditConflict as conflict:
            raise Conflict(
                conflict, code="edit_conflict",
                current=RevisionSerializer(conflict.current).data, yours=data,
            ) from None  # fmt: skip
        return Response(RevisionSerializer(saved).data)


@extend_schema(tags=["revisions"])
class DiffView(GenericAPIView):
    """One object (not a list): the changes between two published revisions."""

    serializer_class = DiffSerializer
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter("from", int, required=True),
            OpenApiParameter("to", int, required=True),
        ]
    )
    def get(self, request, slug=None):
        """Section by section, paragraph by paragraph, word by word (as the compare page)."""
        agreement = rules.get_agreement_or_404(request.user, slug)
        published = agreement.revisions.published().prefetch_related("sections")
        numbers = list(published.values_list("number", flat=True))
        data = validated(CompareForm, request.query_params.dict(), numbers=numbers)
        old, new = (published.get(number=data[key]) for key in ("from", "to"))
        sections = diff.compare(old.section_list(), new.section_list())
        return Response({"old": old.number, "new": new.number, "sections": [
            _section(s) for s in sections
        ]})  # fmt: skip


def _section(section):
    return {
        "kind": section.kind,
        "anchor": section.anchor,
        "heading": section.heading,
        "old_heading": section.old_heading,
        "moved": section.moved,
        "paragraphs": [
            {"kind": p.kind, "old": p.old, "new": p.new,
             "segments": [{"kind": s.kind, "text": s.text} for s in p.segments]}
            for p in section.paragraphs
        ],
    }  # fmt: skip


COMMENT_ID = [OpenApiParameter("id", int, OpenApiParameter.PATH)]


@extend_schema(tags=["comments"])
class CommentViewSet(viewsets.GenericViewSet):
    """Comments on a published revision, on behalf of a party organisation."""

    serializer_class = CommentSerializer
    lookup_value_regex = "[0-9]+"

    def revision(self, check=comment_rules.can_view_comments):
        return comment_rules.get_revision_or_404(
            self.request.user, self.kwargs["slug"], self.kwargs["number"], check=check
        )

    def list(self, request, slug=None, number=None):
        comments = (
            self.revision()
            .comments.select_related("organisation", "author", "section", "response")
            .order_by("created_at", "pk")
        )
        page = self.paginate_queryset(comments)
        return self.get_paginated_response(CommentSerializer(page, many=True).data)

    @extend_schema(parameters=COMMENT_ID)
    def retrieve(self, request, slug=None, number=None, pk=None):
        comment = comment_rules.get_comment_or_404(request.user, self.revision(), pk)
        return Response(CommentSerializer(comment).data)

    @extend_schema(request=CommentCreateSerializer, responses={201: CommentSerializer})
    def create(self, request, slug=None, number=None):
        revision = self.revision()
        body = body_of(request)
        parent = None
        if body.get("parent"):
            parent = comment_rules.get_comment_or_404(request.user, revision, _int(body["parent"]))
            data = validated(ReplyForm, body, user=request.user, revision=revision)
        else:
            data = validated(CommentForm, body, user=request.user, revision=revision)
        comment = Comment.post(
            revision=revision, author=request.user, organisation=data["organisation"],
            body=data["body"], section=data.get("section"), quote=data.get("quote", ""),
            parent=parent,
        )  # fmt: skip
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)

    def _own_comment(self, pk):
        """The user's own comment: someone else's is 404 for editing, as on the page."""
        comment = comment_rules.get_comment_or_404(self.request.user, self.revision(), pk)
        if comment.author_id != self.request.user.pk:
            raise Http404
        return comment

    @extend_schema(request=EditRequest, responses=CommentSerializer, parameters=COMMENT_ID)
    def partial_update(self, request, slug=None, number=None, pk=None):
        """The author changes the text while the consultation is open (else 409)."""
        comment = self._own_comment(pk)
        comment.edit(body=validated(EditCommentForm, request.data)["body"], by=request.user)
        return Response(CommentSerializer(comment).data)

    @extend_schema(request=None, responses=CommentSerializer, parameters=COMMENT_ID)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, slug=None, number=None, pk=None):
        """The author takes the comment back while the consultation is open (else 409)."""
        comment = self._own_comment(pk)
        comment.withdraw(by=request.user)
        return Response(CommentSerializer(comment).data)

    @extend_schema(request=ResponseRequest, responses=CommentSerializer, parameters=COMMENT_ID)
    @action(detail=True, methods=["post"], url_path="response", url_name="respond")
    def respond(self, request, slug=None, number=None, pk=None):
        """The municipal coordinator's answer: disposition and reason."""
        revision = self.revision(check=comment_rules.can_answer)
        comment = comment_rules.get_comment_or_404(request.user, revision, pk)
        data = validated(ResponseForm, request.data, revision=revision)
        section = data["addressed_section"]
        comment.answer(
            disposition=data["disposition"], reason=data["reason"], by=request.user,
            addressed_section=section, addressed_in=section.revision if section else None,
        )  # fmt: skip
        comment = comment_rules.get_comment_or_404(request.user, revision, pk)
        return Response(CommentSerializer(comment).data)


@extend_schema(tags=["comments"])
class ExtendView(GenericAPIView):
    """The municipal coordinator moves the consultation's closing time later."""

    serializer_class = RevisionSerializer

    @extend_schema(request=ExtendRequest, responses=RevisionSerializer)
    def post(self, request, slug=None, number=None):
        revision = comment_rules.get_revision_or_404(
            request.user, slug, number, check=comment_rules.can_answer
        )
        closes_at = validated(ExtendForm, request.data)["closes_at"]
        extend_consultation(revision, closes_at=closes_at, by=request.user)
        return Response(RevisionSerializer(revision).data)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


@extend_schema(tags=["comments"])
class ReportView(GenericAPIView):
    """One object (not a list): the consultation report of a revision."""

    serializer_class = ReportSerializer
    pagination_class = None

    def get(self, request, slug=None, number=None):
        """All comments by section with dispositions; names only for those who work with it."""
        revision = comment_rules.get_revision_or_404(
            request.user, slug, number, check=comment_rules.can_view_report
        )
        names = comment_rules.report_shows_names(request.user, revision)
        sections, by_organisation, by_disposition = build_report(revision)
        invited = invited_bodies(revision)
        return Response({
            "revision": revision.number,
            "sections": [
                {"heading": s.heading, "anchor": s.anchor, "comments": [
                    _report_comment(c, names) for c in s.comments
                ]} for s in sections
            ],
            "by_organisation": dict(by_organisation),
            "by_disposition": {str(label): count for label, count in by_disposition},
            "invited": InvitationSerializer(invited.invitations, many=True).data,
            "questions": QuestionSerializer(invited.questions, many=True).data,
        })  # fmt: skip


def _report_comment(comment, names):
    response = getattr(comment, "response", None)
    return {
        "id": comment.pk, "organisation": comment.organisation.name, "quote": comment.quote,
        "body": comment.body, "created_at": comment.created_at.isoformat(),
        "author": comment.author.username if names and comment.author else None,
        "disposition": response.disposition if response else None,
        "reason": response.reason if response else "",
    }  # fmt: skip


router = Router()
router.register(f"{AGREEMENT}/revisions", RevisionViewSet, basename="revision")
router.register(
    f"{AGREEMENT}/revisions/(?P<number>[0-9]+)/comments", CommentViewSet, basename="comment"
)

urlpatterns = [
    *router.urls,
    re_path(
        f"^{AGREEMENT}/draft/$", login_not_required(DraftView.as_view()), name="agreement-draft"
    ),
    re_path(f"^{AGREEMENT}/diff/$", login_not_required(DiffView.as_view()), name="diff"),
    re_path(
        f"^{AGREEMENT}/revisions/(?P<number>[0-9]+)/consultation/extend/$",
        login_not_required(ExtendView.as_view()),
        name="consultation-extend",
    ),
    re_path(
        f"^{AGREEMENT}/revisions/(?P<number>[0-9]+)/report/$",
        login_not_required(ReportView.as_view()),
        name="report",
    ),
]
