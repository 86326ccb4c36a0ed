"""Forums and meetings: read what the pages show, and for a forum's managers create and change
meetings, write the minutes and send them for checking; the minutes checker approves. Rules:
dialogues/permissions.py (outsiders get 404, as on the pages); validation: dialogues/forms.py;
changes: the model verbs the pages call. Agenda, attendance and action items: dialogue_records.py.
"""

from django import forms
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.filters import filtered, form_parameters
from api.forminput import bound, current_values
from api.routers import Router
from api.serializers.dialogues import (
    AddendumRequestSerializer,
    AddendumSerializer,
    ForumListSerializer,
    ForumSerializer,
    MeetingListSerializer,
    MeetingSerializer,
    MinutesSerializer,
)
from dialogues.forms import AddendumForm, MeetingForm, MinutesForm
from dialogues.models import Forum, ForumMember, Meeting, Theme
from dialogues.permissions import (
    can_read_minutes,
    forum_or_404,
    readable_forums,
    user_organisation_ids,
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
        .prefetch_related("agenda_items__presenter", "attendances__organisation", "addenda__author")
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
        forum = (
            Forum.objects.select_related("organiser")
            .prefetch_related("themes", _members())
            .get(pk=forum.pk)
        )
        return Response(ForumSerializer(forum, context={"request": request}).data)


def _members():
    from django.db.models import Prefetch

    return Prefetch("members", ForumMember.objects.select_related("organisation"))


class MeetingCreateSerializer(serializers.Serializer):
    forum = serializers.SlugField(help_text="The forum's slug; its managers create meetings.")
    title = serializers.CharField(max_length=200)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place = serializers.CharField(required=False, allow_blank=True)
    online_url = serializers.URLField(required=False, allow_blank=True)
    accessibility_notes = serializers.CharField(required=False, allow_blank=True)
    registration_number = serializers.CharField(required=False, allow_blank=True)
    notice_date = serializers.DateField(required=False, allow_null=True)
    status = serializers.ChoiceField(choices=Meeting.Status.choices, required=False)


@extend_schema(tags=["dialogues"])
class MeetingViewSet(viewsets.GenericViewSet):
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
        context = {"show_minutes": can_read_minutes(self.request.user, rights, meeting)}
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

    @extend_schema(request=MeetingCreateSerializer, responses={201: MeetingSerializer})
    def create(self, request):
        slug = request.data.get("forum") if hasattr(request.data, "get") else None
        if not slug or not isinstance(slug, str):
            raise serializers.ValidationError({"forum": [REQUIRED]})
        forum, _rights = forum_or_404(request.user, slug, "manage")
        # Unsent fields keep the model's defaults (status: planned), as the page's form shows.
        form = bound(MeetingForm, request, base=current_values(MeetingForm()))
        form.instance.forum = forum
        meeting = form.save()
        return self._answer(meeting.pk, status.HTTP_201_CREATED)

    @extend_schema(request=MeetingCreateSerializer, responses=MeetingSerializer)
    def partial_update(self, request, pk=None):
        """Change the meeting's details (title, times, place, notice date, status)."""
        meeting, _rights = meeting_or_404(request.user, pk, "manage")
        base = current_values(MeetingForm(instance=meeting))
        bound(MeetingForm, request, base=base, instance=meeting).save()
        return self._answer(pk)

    @extend_schema(request=MinutesSerializer, responses=MeetingSerializer)
    @action(detail=True, methods=["put"])
    def minutes(self, request, pk=None):
        """Replace the draft minutes (Markdown); approved minutes answer 409."""
        meeting, _rights = meeting_or_404(request.user, pk, "manage")
        text = bound(MinutesForm, request).cleaned_data["minutes"]
        meeting.write_minutes(text, by=request.user)
        return self._answer(pk)

    @extend_schema(request=None, responses=MeetingSerializer)
    @action(detail=True, methods=["post"], url_path="minutes/send", url_name="minutes-send")
    def send_minutes(self, request, pk=None):
        """Send the draft minutes to the attendees; the minutes checker then approves them."""
        meeting, _rights = meeting_or_404(request.user, pk, "manage")
        meeting.send_minutes_for_checking(by=request.user)
        return self._answer(pk)

    @extend_schema(request=None, responses=MeetingSerializer)
    @action(detail=True, methods=["post"], url_path="minutes/approve", url_name="minutes-approve")
    def approve_minutes(self, request, pk=None):
        """The minutes checker's organisation approves; the minutes then never change."""
        meeting, _rights = meeting_or_404(request.user, pk, "view")
        meeting.approve_minutes(
            by=request.user, organisation_ids=user_organisation_ids(request.user)
        )
        return self._answer(pk)

    @extend_schema(request=AddendumRequestSerializer, responses={201: AddendumSerializer})
    @action(detail=True, methods=["post"])
    def addenda(self, request, pk=None):
        """Correct approved minutes with an addendum."""
        meeting, _rights = meeting_or_404(request.user, pk, "manage")
        text = bound(AddendumForm, request).cleaned_data["text"]
        addendum = meeting.add_addendum(text, by=request.user)
        return Response(AddendumSerializer(addendum).data, status.HTTP_201_CREATED)


router = Router()
router.register("forums", ForumViewSet, basename="forum")
router.register("meetings", MeetingViewSet, basename="meeting")
urlpatterns = router.urls
