"""The working draft's sections, one at a time: list, read, save (with the `fingerprint` you
read: 409 with the section as it is now when it changed, was renamed or removed), add after
another, move up or down, remove. Rules: agreements/permissions.py (EDIT_DRAFT, as the draft
endpoint); changes: the section verbs on `Revision` that the pages call."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from agreements import permissions as rules
from agreements.exceptions import SectionConflict
from agreements.forms import NewSectionForm, SectionForm, SectionRemoveForm
from agreements.markdown import PREAMBLE_ANCHOR
from api.errors import Conflict
from api.forminput import body_of, bound, form_serializer, validated
from api.routers import Router

AGREEMENT = "agreements/(?P<slug>[-a-zA-Z0-9_]+)"
SectionRequest = form_serializer(SectionForm, "DraftSectionEdit")
NewSectionRequest = form_serializer(NewSectionForm, "DraftSectionNew")


class DraftSectionSerializer(serializers.Serializer):
    anchor = serializers.CharField(help_text="Addresses the section; it follows the heading.")
    heading = serializers.CharField(help_text='"" for the preamble (text before any heading).')
    level = serializers.IntegerField(help_text="1 for #, 2 for ##.")
    body = serializers.CharField(help_text="The text under the heading (Markdown).")
    text = serializers.CharField(help_text="The section's source: heading line and body.")
    fingerprint = serializers.CharField(help_text="Send it back when saving or removing.")


class SectionConflictSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    current = DraftSectionSerializer(allow_null=True, help_text="null: renamed or removed.")
    yours = serializers.DictField()


class MoveSerializer(serializers.Serializer):
    direction = serializers.ChoiceField(["up", "down"])


CONFLICT = OpenApiResponse(SectionConflictSerializer, "The section changed since you read it.")
FINGERPRINT = OpenApiParameter("fingerprint", str, required=True, description="As read.")


@extend_schema(tags=["revisions"])
class DraftSectionViewSet(viewsets.GenericViewSet):
    """The working draft's sections, for its drafters."""

    serializer_class = DraftSectionSerializer
    pagination_class = None
    lookup_field = "anchor"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def draft(self):
        agreement = rules.get_agreement_or_404(
            self.request.user, self.kwargs["slug"], rules.EDIT_DRAFT
        )
        working = agreement.revisions.drafts().first()
        if working is None or agreement.is_closed:
            raise Http404
        return working

    def section(self, working, anchor):
        for section in working.draft_sections():
            if section.anchor == anchor:
                return section
        raise Http404

    def list(self, request, slug=None):
        return Response(DraftSectionSerializer(self.draft().draft_sections(), many=True).data)

    def retrieve(self, request, slug=None, anchor=None):
        return Response(DraftSectionSerializer(self.section(self.draft(), anchor)).data)

    @extend_schema(request=NewSectionRequest, responses={201: DraftSectionSerializer})
    def create(self, request, slug=None):
        """Add a section after the one named by `after` ("" for the beginning)."""
        working = self.draft()
        data = validated(NewSectionForm, request)
        try:
            saved, anchor = working.add_section(
                after=data["after"], heading=data["heading"], level=data["level"],
                body=data["body"], by=request.user,
            )  # fmt: skip
        except SectionConflict as conflict:
            raise self.conflict(conflict, data) from None
        section = self.section(saved, anchor)
        return Response(DraftSectionSerializer(section).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=SectionRequest, responses={200: DraftSectionSerializer, 409: CONFLICT})
    def update(self, request, slug=None, anchor=None, partial=False):
        """Save the section's heading and text; send the `fingerprint` you read."""
        working = self.draft()
        current = self.section(working, anchor) if partial else None
        base = {"heading": current.heading, "body": current.body} if current else None
        preamble = anchor == PREAMBLE_ANCHOR
        data = bound(SectionForm, request, base=base, preamble=preamble).cleaned_data
        try:
            saved, new_anchor = working.save_section(
                anchor, heading=data.get("heading", ""), body=data["body"],
                base_fingerprint=data["fingerprint"], by=request.user,
            )  # fmt: skip
        except SectionConflict as conflict:
            raise self.conflict(conflict, data) from None
        if new_anchor is None:  # an emptied preamble went away
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(DraftSectionSerializer(self.section(saved, new_anchor)).data)

    @extend_schema(request=SectionRequest, responses={200: DraftSectionSerializer, 409: CONFLICT})
    def partial_update(self, request, slug=None, anchor=None):
        """As PUT; fields left out keep their value (the `fingerprint` is always needed)."""
        return self.update(request, slug, anchor, partial=True)

    @extend_schema(parameters=[FINGERPRINT], responses={204: None, 409: CONFLICT})
    def destroy(self, request, slug=None, anchor=None):
        """Remove the section, if it is still the text you read (`fingerprint`)."""
        working = self.draft()
        data = validated(SectionRemoveForm, body_of(request.query_params))
        try:
            working.remove_section(anchor, base_fingerprint=data["fingerprint"], by=request.user)
        except SectionConflict as conflict:
            raise self.conflict(conflict, data) from None
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=MoveSerializer, responses={200: DraftSectionSerializer(many=True)})
    @action(detail=True, methods=["post"])
    def move(self, request, slug=None, anchor=None):
        """Swap the section with the one above or below; answers the sections in order."""
        working = self.draft()
        direction = MoveSerializer(data=body_of(request))
        direction.is_valid(raise_exception=True)
        try:
            saved = working.move_section(
                anchor, direction.validated_data["direction"], by=request.user
            )
        except SectionConflict as conflict:
            raise self.conflict(conflict, {}) from None
        return Response(DraftSectionSerializer(saved.draft_sections(), many=True).data)

    def conflict(self, conflict, yours):
        current = DraftSectionSerializer(conflict.section).data if conflict.section else None
        return Conflict(conflict, code="section_conflict", current=current, yours=yours)


router = Router()
router.register(f"{AGREEMENT}/draft/sections", DraftSectionViewSet, basename="draft-section")
urlpatterns = router.urls
