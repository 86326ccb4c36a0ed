"""What a meeting records: agenda items, attendance by organisation (both locked once the
minutes are approved: `Meeting.ensure_agenda_open`, 409), and action items with their status
history. Rules: dialogues/permissions.py, as on the pages; outsiders get 404."""

from django import forms
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from api.filters import filtered, form_parameters
from api.forminput import bound, current_values
from api.routers import Router
from api.serializers.dialogues import (
    ActionItemDetailSerializer,
    ActionItemSerializer,
    AgendaItemSerializer,
    AttendanceSerializer,
    StatusRequestSerializer,
)
from api.views.dialogues import meeting_or_404
from dialogues.forms import (
    ActionItemForm,
    AgendaItemForm,
    AttendanceForm,
    BoardFilterForm,
    StatusForm,
)
from dialogues.models import ActionItem, ActionItemStatusChange, AgendaItem
from dialogues.models.actions import today
from dialogues.permissions import can_update_action_item, forum_or_404, readable_forums
from organisations.models import Organisation

MEETING = "meetings/(?P<meeting_id>[0-9]+)"
HISTORY = Prefetch("history", ActionItemStatusChange.objects.select_related("by"))
MEETING_ID = [OpenApiParameter("meeting_id", int, OpenApiParameter.PATH)]


def _org(field):
    return serializers.SlugField(required=False, allow_null=True, help_text=f"{field} (slug)")


class AgendaItemRequest(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True)
    presenter = _org("Presenting organisation")
    agreement = serializers.SlugField(
        required=False, allow_null=True, help_text="Linked agreement (slug); one you may read."
    )
    agreement_reference = serializers.CharField(required=False, allow_blank=True)
    discussion_summary = serializers.CharField(required=False, allow_blank=True)
    outcome_type = serializers.ChoiceField(
        choices=AgendaItemForm.base_fields["outcome_type"].choices, required=False
    )
    outcome = serializers.CharField(required=False, allow_blank=True)


class AttendanceRequest(serializers.Serializer):
    organisation = serializers.SlugField(help_text="The organisation (slug).")
    participant_role = serializers.CharField(max_length=120)
    participant_name = serializers.CharField(required=False, allow_blank=True)
    meeting_role = serializers.ChoiceField(
        choices=AttendanceForm.base_fields["meeting_role"].choices, required=False
    )
    presence = serializers.ChoiceField(
        choices=AttendanceForm.base_fields["presence"].choices, required=False
    )


class ActionItemRequest(serializers.Serializer):
    title = serializers.CharField(max_length=250)
    description = serializers.CharField(required=False, allow_blank=True)
    owner = serializers.SlugField(help_text="The owning organisation (slug).")
    department = _org("Department")
    due_date = serializers.DateField()
    agenda_item = serializers.IntegerField(required=False, allow_null=True)


class MoveRequest(serializers.Serializer):
    direction = serializers.ChoiceField(choices=["up", "down"])


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


def _by_slug(form_class, *names):
    """The page's form, choosing organisations by slug (the API's identifier) instead of id."""

    class BySlug(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name in names:
                self.fields[name].to_field_name = "slug"

    return BySlug


AgendaForm = _by_slug(AgendaItemForm, "presenter", "agreement")
AttendanceBySlugForm = _by_slug(AttendanceForm, "organisation")
ActionForm = _by_slug(ActionItemForm, "owner", "department")


class MeetingRecords(viewsets.GenericViewSet):
    lookup_value_regex = "[0-9]+"
    pagination_class = None

    def meeting(self, need="any"):
        return meeting_or_404(self.request.user, self.kwargs["meeting_id"], need)[0]


@extend_schema(tags=["dialogues"], parameters=MEETING_ID)
class AgendaItemViewSet(MeetingRecords):
    """The meeting's agenda, in order. Managers add, change and move items."""

    serializer_class = AgendaItemSerializer

    def list(self, request, meeting_id=None):
        items = self.meeting().agenda_items.all()
        return Response(AgendaItemSerializer(items, many=True).data)

    def retrieve(self, request, meeting_id=None, pk=None):
        return Response(AgendaItemSerializer(self._item(self.meeting(), pk)).data)

    def _item(self, meeting, pk):
        item = next((i for i in meeting.agenda_items.all() if str(i.pk) == str(pk)), None)
        if item is None:
            raise Http404
        return item

    @extend_schema(request=AgendaItemRequest, responses={201: AgendaItemSerializer})
    def create(self, request, meeting_id=None):
        meeting = self.meeting("manage")
        meeting.ensure_agenda_open()
        form = bound(AgendaForm, request, user=request.user)
        form.instance.meeting = meeting
        return Response(AgendaItemSerializer(form.save()).data, status.HTTP_201_CREATED)

    @extend_schema(request=AgendaItemRequest, responses=AgendaItemSerializer)
    def partial_update(self, request, meeting_id=None, pk=None):
        meeting = self.meeting("manage")
        item = self._item(meeting, pk)
        meeting.ensure_agenda_open()
        base = current_values(AgendaItemForm(instance=item, user=request.user))
        if item.presenter_id:
            base["presenter"] = item.presenter.slug
        if item.agreement_id:
            base["agreement"] = item.agreement.slug
        item = bound(AgendaForm, request, base=base, instance=item, user=request.user).save()
        return Response(AgendaItemSerializer(item).data)

    @extend_schema(request=MoveRequest, responses=AgendaItemSerializer(many=True))
    @action(detail=True, methods=["post"])
    def move(self, request, meeting_id=None, pk=None):
        """Swap places with the item above (`up`) or below (`down`)."""
        meeting = self.meeting("manage")
        item = self._item(meeting, pk)
        meeting.ensure_agenda_open()
        direction = bound(MoveForm, request).cleaned_data["direction"]
        item.move(-1 if direction == "up" else 1)
        items = AgendaItem.objects.filter(meeting=meeting).select_related("presenter")
        return Response(AgendaItemSerializer(items, many=True).data)


@extend_schema(tags=["dialogues"], parameters=MEETING_ID)
class AttendanceViewSet(MeetingRecords):
    """Attendance by organisation (role title rather than name). Managers record and remove."""

    serializer_class = AttendanceSerializer

    def list(self, request, meeting_id=None):
        rows = self.meeting().attendances.all()
        return Response(AttendanceSerializer(rows, many=True).data)

    @extend_schema(request=AttendanceRequest, responses={201: AttendanceSerializer})
    def create(self, request, meeting_id=None):
        meeting = self.meeting("manage")
        meeting.ensure_agenda_open()
        defaults = current_values(AttendanceForm(meeting=meeting))  # member, present
        row = bound(AttendanceBySlugForm, request, base=defaults, meeting=meeting).save()
        return Response(AttendanceSerializer(row).data, status.HTTP_201_CREATED)

    def destroy(self, request, meeting_id=None, pk=None):
        meeting = self.meeting("manage")
        row = next((r for r in meeting.attendances.all() if str(r.pk) == str(pk)), None)
        if row is None:
            raise Http404
        meeting.ensure_agenda_open()
        row.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["dialogues"], parameters=MEETING_ID)
class MeetingActionItemViewSet(MeetingRecords):
    """A meeting's action items; its forum's managers add new ones."""

    serializer_class = ActionItemSerializer

    def list(self, request, meeting_id=None):
        meeting = self.meeting()
        items = meeting.action_items.select_related("owner", "department").with_overdue_flag()
        for item in items:
            item.meeting = meeting
        return Response(ActionItemSerializer(items, many=True).data)

    @extend_schema(request=ActionItemRequest, responses={201: ActionItemDetailSerializer})
    def create(self, request, meeting_id=None):
        meeting = self.meeting("manage")
        item = bound(ActionForm, request, meeting=meeting).save()
        return Response(ActionItemDetailSerializer(item).data, status.HTTP_201_CREATED)


class BoardFilters(BoardFilterForm):
    """The action board's filters; the owner is chosen by slug."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, organisations=Organisation.objects.all(), **kwargs)
        self.fields["organisation"].to_field_name = "slug"

    def filter(self, items):
        return super().filter(items, today())


@extend_schema(tags=["dialogues"])
class ActionItemViewSet(viewsets.GenericViewSet):
    """Action items of every forum the user can read (the action board), and status changes by
    the forum's managers and the owning organisation, each kept in the history."""

    serializer_class = ActionItemDetailSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        return ActionItem.objects.filter(meeting__forum__in=readable_forums(self.request.user))

    def _item(self, pk, need="any"):
        item = (
            self.get_queryset()
            .select_related("meeting__forum", "owner", "department")
            .prefetch_related(HISTORY)
            .with_overdue_flag()
            .filter(pk=pk)
            .first()
        )
        if item is None:
            raise Http404
        _forum, rights = forum_or_404(self.request.user, item.meeting.forum.slug, need)
        return item, rights

    @extend_schema(parameters=form_parameters(BoardFilters), responses=ActionItemSerializer)
    def list(self, request):
        items = filtered(BoardFilters, request, self.get_queryset())
        items = (
            items.select_related("owner", "department", "meeting__forum")
            .with_overdue_flag()
            .order_by("due_date", "pk")
        )
        page = self.paginate_queryset(items)
        return self.get_paginated_response(ActionItemSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        item, _rights = self._item(pk)
        return Response(ActionItemDetailSerializer(item).data)

    @extend_schema(request=StatusRequestSerializer, responses=ActionItemDetailSerializer)
    @action(detail=True, methods=["post"])
    def status(self, request, pk=None):
        """Move the item to a new status (409 when that move is not allowed); kept in history."""
        item, rights = self._item(pk, "view")
        if not can_update_action_item(request.user, rights, item):
            raise PermissionDenied(_("Only the owner and the forum's organiser update the status."))
        data = bound(StatusForm, request, item=item).cleaned_data
        item.change_status(data["status"], by=request.user, note=data["note"])
        item, _rights = self._item(pk)
        return Response(ActionItemDetailSerializer(item).data)


router = Router()
router.register(f"{MEETING}/agenda", AgendaItemViewSet, basename="agenda-item")
router.register(f"{MEETING}/attendance", AttendanceViewSet, basename="attendance")
router.register(f"{MEETING}/action-items", MeetingActionItemViewSet, basename="meeting-action-item")
router.register("action-items", ActionItemViewSet, basename="action-item")
urlpatterns = router.urls
