"""Forums and meetings: read what the pages show; a municipality's coordinators set up forums,
a forum's managers change and close it and create and change meetings. Rules:
dialogues/permissions.py (outsiders get 404, as on the pages); validation: dialogues/forms.py;
changes: the model verbs the pages call. The meeting's steps (status, notice, minutes,
approval): meeting_steps.py; agenda, attendance and action items: dialogue_records.py.
"""

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.filters import filtered, form_parameters
from api.forminput import bound, current_values, form_serializer
from api.routers import Router
from api.serializers.dialogues import (
    ForumListSerializer,
    ForumSerializer,
    MeetingListSerializer,
    MeetingSerializer,
)
from api.views.meeting_steps import MeetingSteps
from api.views.slugs import by_identifier, current_identifiers
from dialogues.forms import ForumForm, MeetingForm
from dialogues.models import Forum, ForumMember, Meeting, Theme
from dialogues.permissions import (
    can_read_minutes,
    forum_or_404,
    organisers_for,
    readable_forums,
    shows_private_names,
)
from dialogues.views.common import ATTENDANCE
from organisations.models import Organisation

FORUM_SLUGS = ("organiser", "members", "departments", "themes", "agreement")
FORUM_USERS = ("chair", "secretary")
ForumInput = by_identifier(ForumForm, slugs=FORUM_SLUGS, usernames=FORUM_USERS)
ForumRequest = form_serializer(
    ForumInput, "ForumRequest", user=AnonymousUser(), organisers=Organisation.objects.none()
)

REQUIRED = forms.Field.default_error_messages["required"]


class ForumFilterForm(forms.Form):
    theme = forms.ModelChoiceField(
        label="Theme (slug)", queryset=Theme.objects.all(), to_field_name="slug", required=False
    )
    kind = forms.ChoiceField(label="Kind", choices=[("", "")] + Forum.Kind.choices, required=False)

    def filter(self, forums):
        data = self.cleaned_data
        if data["theme"]:
            forums = forums.filter(themes=data["theme"])
        if data["kind"]:
            forums = forums.filter(kind=data["kind"])
        return forums


class MeetingFilterForm(forms.Form):
    forum = forms.SlugField(label="Forum (slug)", required=False)
    status = forms.ChoiceField(
        label="Status", choices=[("", "")] + Meeting.Status.choices, required=False
    )
    year = forms.IntegerField(label="Year", min_value=1900, max_value=9999, required=False)

    def filter(self, meetings):
        data = self.cleaned_data
        if data["forum"]:
            meetings = meetings.filter(forum__slug=data["forum"])
        if data["status"]:
            meetings = meetings.filter(status=data["status"])
        if data["year"]:
            meetings = meetings.filter(year=data["year"])
        return meetings


def meeting_or_404(user, pk, need="any"):
    """The meeting and the user's rights in its forum; 404 unless the user has `need`."""
    meeting = Meeting.objects.filter(pk=pk).only("pk", "forum__slug").select_related("forum")
    meeting = meeting.first()
    if meeting is None:
        raise Http404
    forum, rights = forum_or_404(user, meeting.forum.slug, need)
    meeting = (
        Meeting.objects.select_related("minutes_approved_by")
        .prefetch_related("agenda_items__presenter", ATTENDANCE, "addenda__author")
        .get(pk=pk)
    )
    meeting.forum = forum
    return meeting, rights


@extend_schema(tags=["dialogues"])
class ForumViewSet(viewsets.ReadOnlyModelViewSet):
    """The forums the user may read: granted ones and public ones."""

    serializer_class = ForumSerializer
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return (
            readable_forums(self.request.user)
            .select_related("organiser")
            .prefetch_related("themes")
            .order_by("name", "pk")
        )

    def get_serializer_class(self):
        return ForumListSerializer if self.action == "list" else ForumSerializer

    def filter_queryset(self, queryset):
        if self.action == "list":
            return filtered(ForumFilterForm, self.request, queryset)
        return queryset

    @extend_schema(parameters=form_parameters(ForumFilterForm))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, slug=None):
        forum, _rights = forum_or_404(request.user, slug)
        return self._answer(forum.pk)

    def _answer(self, pk, code=status.HTTP_200_OK):
        forum = (
            Forum.objects.select_related("organiser", "chair", "secretary")
            .prefetch_related("themes", "principles", _members())
            .get(pk=pk)
        )
        return Response(ForumSerializer(forum, context={"request": self.request}).data, code)

    @extend_schema(request=ForumRequest, responses={201: ForumSerializer})
    def create(self, request):
        """Set up a forum; its organiser is a municipality where the user coordinates."""
        organisers = organisers_for(request.user)
        if not organisers.exists():
            raise Http404
        form = bound(ForumInput, request, user=request.user, organisers=organisers)
        return self._answer(form.save().pk, status.HTTP_201_CREATED)

    @extend_schema(request=ForumRequest, responses=ForumSerializer)
    def partial_update(self, request, slug=None):
        forum, _rights = forum_or_404(request.user, slug, "manage")
        organisers = Organisation.objects.filter(pk=forum.organiser_id)
        kwargs = {"instance": forum, "user": request.user, "organisers": organisers}
        base = current_values(ForumInput(**kwargs))
        base.update(current_identifiers(forum, ("organiser", "agreement"), FORUM_USERS))
        bound(ForumInput, request, base=base, **kwargs).save()
        return self._answer(forum.pk)

    @extend_schema(request=None, responses=ForumSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, slug=None):
        """Close the forum (409 `upcoming_meetings` while planned meetings lie ahead)."""
        forum, _rights = forum_or_404(request.user, slug, "manage")
        forum.close(by=request.user)
        return self._answer(forum.pk)

    @extend_schema(request=None, responses=ForumSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, slug=None):
        forum, _rights = forum_or_404(request.user, slug, "manage")
        forum.reopen(by=request.user)
        return self._answer(forum.pk)


def _members():
    from django.db.models import Prefetch

    return Prefetch("members", ForumMember.objects.select_related("organisation"))


MeetingRequest = form_serializer(MeetingForm, "MeetingRequest")


class MeetingCreateSerializer(MeetingRequest):
    forum = serializers.SlugField(help_text="The forum's slug; its managers create meetings.")


@extend_schema(tags=["dialogues"])
class MeetingViewSet(MeetingSteps, viewsets.GenericViewSet):
    """Meetings of the forums the user may read. Minutes are shown to whom the page shows them."""

    serializer_class = MeetingSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        return (
            Meeting.objects.filter(forum__in=readable_forums(self.request.user))
            .select_related("forum")
            .order_by("-starts_at", "pk")
        )

    def _answer(self, pk, code=status.HTTP_200_OK):
        """The meeting as it is now, read afresh after a change."""
        meeting, rights = meeting_or_404(self.request.user, pk)
        context = {
            "show_minutes": can_read_minutes(self.request.user, rights, meeting),
            "show_names": shows_private_names(rights),
        }
        return Response(MeetingSerializer(meeting, context=context).data, code)

    @extend_schema(
        parameters=form_parameters(MeetingFilterForm), responses=MeetingListSerializer(many=True)
    )
    def list(self, request):
        meetings = filtered(MeetingFilterForm, request, self.get_queryset())
        page = self.paginate_queryset(meetings)
        return self.get_paginated_response(MeetingListSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return self._answer(pk)

    def fetch(self, pk, need="any"):
        return meeting_or_404(self.request.user, pk, need)

    @extend_schema(request=MeetingCreateSerializer, responses={201: MeetingSerializer})
    def create(self, request):
        slug = request.data.get("forum") if hasattr(request.data, "get") else None
        if not slug or not isinstance(slug, str):
            raise serializers.ValidationError({"forum": [REQUIRED]})
        forum, _rights = forum_or_404(request.user, slug, "manage")
        form = bound(MeetingForm, request, base=current_values(MeetingForm()))
        form.instance.forum = forum
        meeting = form.save()
        return self._answer(meeting.pk, status.HTTP_201_CREATED)

    @extend_schema(request=MeetingRequest, responses=MeetingSerializer)
    def partial_update(self, request, pk=None):
        """Change the meeting's details; after the notice, members get an update."""
        meeting, _rights = meeting_or_404(request.user, pk, "manage")
        base = current_values(MeetingForm(instance=meeting))
        bound(MeetingForm, request, base=base, instance=meeting).save()
        return self._answer(pk)


router = Router()
router.register("forums", ForumViewSet, basename="forum")
router.register("meetings", MeetingViewSet, basename="meeting")
urlpatterns = router.urls
