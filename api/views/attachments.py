"""Files on records: list a record's files, upload (multipart, the page's AttachmentForm and
filetypes checks: a refused file is a 400 with the reason and nothing is stored), download
(the record's own rule through attachments/registry.py, the page's headers), remove (not on a
frozen record: 409) and mark superseded. Whoever may not see the record gets 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from api.errors import Conflict
from api.forminput import bound
from api.routers import Router
from api.serializers.attachments import AttachmentSerializer, UploadSerializer
from attachments import registry
from attachments.forms import AttachmentForm
from attachments.models import AlreadySuperseded, Attachment, AttachmentFrozen
from attachments.serving import file_response

RECORD = r"records/(?P<label>[a-z_]+\.[a-z_]+)/(?P<object_id>[0-9]+)/attachments"
RECORD_PARAMETERS = [
    OpenApiParameter(
        "label",
        str,
        OpenApiParameter.PATH,
        description="The record type, app_label.model, e.g. dialogues.meeting.",
    ),
    OpenApiParameter("object_id", int, OpenApiParameter.PATH),
]


def _attachment(user, pk, rule):
    """The file and its record if `rule(user, record)` holds; 404 otherwise."""
    attachment = get_object_or_404(Attachment.objects.select_related("uploaded_by"), pk=pk)
    parent = registry.parent_of_or_404(attachment)
    if not rule(user, parent):
        raise Http404
    return attachment, parent


@extend_schema(tags=["attachments"], parameters=RECORD_PARAMETERS)
class RecordAttachmentViewSet(viewsets.GenericViewSet):
    """The files on one record, oldest first (superseded ones flagged)."""

    serializer_class = AttachmentSerializer
    parser_classes = [MultiPartParser, FormParser]
    pagination_class = None

    def parent(self, rule):
        parent = registry.get_parent_or_404(self.kwargs["label"], self.kwargs["object_id"])
        if not rule(self.request.user, parent):
            raise Http404
        return parent

    def list(self, request, label=None, object_id=None):
        parent = self.parent(registry.can_view)
        context = {"request": request, "parent": parent}
        files = Attachment.objects.for_object(parent)
        return Response(AttachmentSerializer(files, many=True, context=context).data)

    @extend_schema(
        request={"multipart/form-data": UploadSerializer}, responses={201: AttachmentSerializer}
    )
    def create(self, request, label=None, object_id=None):
        """Upload a file: the same checks as the page (type read from the content, size, name)."""
        parent = self.parent(registry.can_change)
        form = bound(AttachmentForm, request, files=True)
        attachment = form.save(parent, by=request.user)
        context = {"request": request, "parent": parent}
        return Response(
            AttachmentSerializer(attachment, context=context).data, status.HTTP_201_CREATED
        )


@extend_schema(
    tags=["attachments"], parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)]
)
class AttachmentViewSet(viewsets.GenericViewSet):
    serializer_class = AttachmentSerializer
    lookup_value_regex = "[0-9]+"

    def _answer(self, attachment, parent):
        context = {"request": self.request, "parent": parent}
        return Response(AttachmentSerializer(attachment, context=context).data)

    def retrieve(self, request, pk=None):
        return self._answer(*_attachment(request.user, pk, registry.can_view))

    @extend_schema(responses={(200, "*/*"): OpenApiResponse(OpenApiTypes.BINARY, "The file.")})
    @action(detail=True)
    def download(self, request, pk=None):
        """The file itself, with the page's headers (stored type, attachment, nosniff, CSP)."""
        attachment, _parent = _attachment(request.user, pk, registry.can_view)
        return file_response(attachment)

    @extend_schema(responses={204: None})
    def destroy(self, request, pk=None):
        """Remove the file; files on a frozen record (approved minutes…) answer 409."""
        attachment, _parent = _attachment(request.user, pk, registry.can_change)
        try:
            attachment.remove(by=request.user)
        except AttachmentFrozen:
            raise Conflict(
                _("Files on a frozen record cannot be removed, only marked as superseded."),
                code="attachment_frozen",
            ) from None
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses=AttachmentSerializer)
    @action(detail=True, methods=["post"])
    def supersede(self, request, pk=None):
        """Keep the file in the record, marked as replaced by a newer one."""
        attachment, parent = _attachment(request.user, pk, registry.can_change)
        try:
            attachment.mark_superseded(by=request.user)
        except AlreadySuperseded:
            raise Conflict(
                _("%(name)s is already marked as superseded.") % {"name": attachment},
                code="already_superseded",
            ) from None
        return self._answer(attachment, parent)


router = Router()
router.register(RECORD, RecordAttachmentViewSet, basename="record-attachment")
router.register("attachments", AttachmentViewSet, basename="attachment")
urlpatterns = router.urls
