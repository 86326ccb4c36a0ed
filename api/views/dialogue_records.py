"""What a meeting records: agenda items, attendance (both locked once the minutes are sent
for approval or approved: `Meeting.ensure_agenda_open`, 409), and action items with their
status history. Rules: dialogues/permissions.py, as on the pages; outsiders get 404."""

from django import forms
from django.contrib.auth import get_user_model
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
from api.views.slugs import by_identifier, current_identifiers
from dialogues.forms import (
    ActionItemForm,
    AgendaItemForm,
    AttendanceRowForm,
    BoardFilterForm,
    StatusForm,
)
from dialogues.models import ActionItem, ActionItemStatusChange, AgendaItem, Attendance, Forum
from dialogues.models.actions import today
from dialogues.models.attendance import entry_of
from dialogues.permissions import (
    can_read_minutes,
    can_update_action_item,
    forum_or_404,
    readable_forums,
    shows_private_names,
)
from organisations.models import Organisation
from organisations.permissions import visible

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
    section = serializers.IntegerField(
        required=False, allow_null=True, help_text="A section (id) of an agreement you may read."
    )
    agreement_reference = serializers.CharField(required=False, allow_blank=True)
    outcome_type = serializers.ChoiceField(
        choices=AgendaItemForm.base_fields["outcome_type"].choices, required=False
    )


class AttendanceRequest(serializers.Serializer):
    organisation = serializers.SlugField(
        required=False, allow_null=True, help_text="The organisation (slug); none for a guest."
    )
    user = serializers.CharField(
        required=False,
        allow_null=True,
        help_text="A person with an account (username), a member of the organisation.",
    )
    participant_role = serializers.CharField(max_length=120, required=False, allow_blank=True)
    participant_name = serializers.CharField(required=False, allow_blank=True)
    meeting_role = serializers.ChoiceField(choices=Attendance.Role.choices, required=False)
    presence = serializers.ChoiceField(choices=Attendance.Presence.choices, required=False)
    is_approver = serializers.BooleanField(
        required=False, help_text="Names the person to approve the minutes (present, account)."
    )


class ActionItemRequest(serializers.Serializer):
    title = serializers.CharField(max_length=250)
    description = serializers.CharField(required=False, allow_blank=True)
    owner = serializers.SlugField(help_text="The owning organisation (slug).")
    department = _org("Department")
    responsible = serializers.CharField(
        required=False, allow_null=True, help_text="A member of the owner (username)."
    )
    due_date = serializers.DateField()
    agenda_item = serializers.IntegerField(required=False, allow_null=True)


class MoveRequest(serializers.Serializer):
    direction = serializers.ChoiceField(choices=["up", "down"])


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


AgendaForm = by_identifier(AgendaItemForm, slugs=("presenter", "agreement"))
AttendanceInput = by_identifier(AttendanceRowForm, slugs=("organisation",), usernames=("user",))
ActionForm = by_identifier(
    ActionItemForm, slugs=("owner", "department"), usernames=("responsible",)
)


class MeetingRecords(viewsets.GenericViewSet):
    lookup_value_regex = "[0-9]+"
    pagination_class = None

    def meeting(self, need="any"):
        return meeting_or_404(self.request.user, self.kwargs["meeting_id"], need)[0]

    def meeting_and_context(self):
        meeting, rights = meeting_or_404(self.request.user, self.kwargs["meeting_id"])
        user = self.request.user
        context = {
            "show_minutes": can_read_minutes(user, rights, meeting),
            "show_names": shows_private_names(rights),
        }
        return meeting, context


@extend_schema(tags=["dialogues"], parameters=MEETING_ID)
class AgendaItemViewSet(MeetingRecords):
    """The meeting's agenda, in order. Managers add, change and move items."""

    serializer_class = AgendaItemSerializer

    def list(self, request, meeting_id=None):
        meeting, context = self.meeting_and_context()
        items = meeting.agenda_items.all()
        return Response(AgendaItemSerializer(items, many=True, context=context).data)

    def retrieve(self, request, meeting_id=None, pk=None):
        meeting, context = self.meeting_and_context()
        return Response(AgendaItemSerializer(self._item(meeting, pk), context=context).data)

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
        base.update(current_identifiers(item, ("presenter", "agreement")))
        item = bound(AgendaForm, request, base=base, instance=item, user=request.user).save()
        return Response(AgendaItemSerializer(item).data)

    def destroy(self, request, meeting_id=None, pk=None):
        meeting = self.meeting("manage")
        item = self._item(meeting, pk)
        meeting.ensure_agenda_open()
        item.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

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
    """The attendance: people with their organisation, presence and meeting role, and the
    approvers. Managers record, change and remove rows; each change goes through
    `Meeting.record_attendance` with the whole list, so its rules hold (409
    `attendance_invalid` with the reason, e.g. an approver who is not present)."""

    serializer_class = AttendanceSerializer

    def list(self, request, meeting_id=None):
        meeting, context = self.meeting_and_context()
        return Response(
            AttendanceSerializer(meeting.attendances.all(), many=True, context=context).data
        )

    def _row(self, meeting, pk):
        row = next((r for r in meeting.attendances.all() if str(r.pk) == str(pk)), None)
        if row is None:
            raise Http404
        return row

    def _record(self, meeting, entries):
        meeting.ensure_agenda_open()
        meeting.record_attendance(entries, by=self.request.user)

    def _rows(self, meeting):
        meeting, context = self.meeting_and_context()
        return AttendanceSerializer(meeting.attendances.all(), many=True, context=context).data

    @extend_schema(request=AttendanceRequest, responses={201: AttendanceSerializer(many=True)})
    def create(self, request, meeting_id=None):
        meeting = self.meeting("manage")
        defaults = current_values(AttendanceRowForm(meeting=meeting))  # member, present
        row = bound(AttendanceInput, request, base=defaults, meeting=meeting).entry()
        self._record(meeting, [*map(entry_of, meeting.attendances.all()), row])
        return Response(self._rows(meeting), status.HTTP_201_CREATED)

    @extend_schema(request=AttendanceRequest, responses=AttendanceSerializer(many=True))
    def partial_update(self, request, meeting_id=None, pk=None):
        meeting = self.meeting("manage")
        row = self._row(meeting, pk)
        base = current_values(AttendanceRowForm(meeting=meeting, instance=row))
        base.update(current_identifiers(row, ("organisation",), ("user",)))
        entry = bound(AttendanceInput, request, base=base, meeting=meeting, instance=row).entry()
        entries = [entry if r.pk == row.pk else entry_of(r) for r in meeting.attendances.all()]
        self._record(meeting, entries)
        return Response(self._rows(meeting))

    def destroy(self, request, meeting_id=None, pk=None):
        meeting = self.meeting("manage")
        row = self._row(meeting, pk)
        self._record(meeting, [entry_of(r) for r in meeting.attendances.all() if r.pk != row.pk])
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["dialogues"], parameters=MEETING_ID)
class MeetingActionItemViewSet(MeetingRecords):
    """A meeting's action items; its forum's managers add new ones."""

    serializer_class = ActionItemSerializer

    def list(self, request, meeting_id=None):
        meeting, context = self.meeting_and_context()
        items = meeting.action_items.select_related(
            "owner", "department", "responsible"
        ).with_overdue_flag()
        for item in items:
            item.meeting = meeting
        named = {"named_forums": {meeting.forum_id} if context["show_names"] else set()}
        return Response(ActionItemSerializer(items, many=True, context=named).data)

    @extend_schema(request=ActionItemRequest, responses={201: ActionItemDetailSerializer})
    def create(self, request, meeting_id=None):
        meeting = self.meeting("manage")
        item = bound(ActionForm, request, meeting=meeting).save()
        named = {"named_forums": {meeting.forum_id}}
        return Response(
            ActionItemDetailSerializer(item, context=named).data, status.HTTP_201_CREATED
        )


class BoardFilters(BoardFilterForm):
    """The action board's filters; the forum and owner are chosen by slug, the person by
    username."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            *args,
            organisations=Organisation.objects.all(),
            forums=Forum.objects.all(),
            people=get_user_model().objects.all(),
            **kwargs,
        )
        self.fields["organisation"].to_field_name = "slug"
        self.fields["forum"].to_field_name = "slug"
        self.fields["person"].to_field_name = "username"

    def filter(self, items):
        return super().filter(items, today())


@extend_schema(tags=["dialogues"])
class ActionItemViewSet(viewsets.GenericViewSet):
    """Action items of every forum the user can read (the action board), their details changed
    by the forum's managers, and status changes by the managers and the owning organisation,
    each kept in the history. The responsible person is named in forums read by a grant."""

    serializer_class = ActionItemDetailSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        return ActionItem.objects.filter(meeting__forum__in=readable_forums(self.request.user))

    def _named(self):
        forums = readable_forums(self.request.user)
        granted = visible(self.request.user, "dialogues.view_forum", forums)
        return {"named_forums": set(granted.values_list("pk", flat=True))}

    def _item(self, pk, need="any"):
        item = (
            self.get_queryset()
            .select_related("meeting__forum", "owner", "department", "responsible")
            .prefetch_related(HISTORY)
            .with_overdue_flag()
            .filter(pk=pk)
            .first()
        )
        if item is None:
            raise Http404
        _forum, rights = forum_or_404(self.request.user, item.meeting.forum.slug, need)
        return item, rights

    def _answer(self, pk):
        item, rights = self._item(pk)
        named = {item.meeting.forum_id} if shows_private_names(rights) else set()
        return Response(ActionItemDetailSerializer(item, context={"named_forums": named}).data)

    @extend_schema(parameters=form_parameters(BoardFilters), responses=ActionItemSerializer)
    def list(self, request):
        items = filtered(BoardFilters, request, self.get_queryset())
        items = (
            items.select_related("owner", "department", "responsible", "meeting__forum")
            .with_overdue_flag()
            .order_by("due_date", "pk")
        )
        page = self.paginate_queryset(items)
        data = ActionItemSerializer(page, many=True, context=self._named()).data
        return self.get_paginated_response(data)

    def retrieve(self, request, pk=None):
        return self._answer(pk)

    @extend_schema(request=ActionItemRequest, responses=ActionItemDetailSerializer)
    def partial_update(self, request, pk=None):
        """Change what, description, due date, owner, department, responsible person or agenda
        item (managers; the responsible person must belong to the owner, else 400)."""
        item, _rights = self._item(pk, "manage")
        meeting = item.meeting
        base = current_values(ActionItemForm(instance=item, meeting=meeting))
        base.update(current_identifiers(item, ("owner", "department"), ("responsible",)))
        form = bound(ActionForm, request, base=base, instance=item, meeting=meeting)
        item.edit(by=request.user, **{name: form.cleaned_data[name] for name in form.changed_data})
        return self._answer(pk)

    @extend_schema(request=StatusRequestSerializer, responses=ActionItemDetailSerializer)
    @action(detail=True, methods=["post"])
    def status(self, request, pk=None):
        """Move the item to a new status (409 when that move is not allowed); kept in history."""
        item, rights = self._item(pk, "view")
        if not can_update_action_item(request.user, rights, item):
            raise PermissionDenied(_("Only the owner and the forum's organiser update the status."))
        data = bound(StatusForm, request, item=item).cleaned_data
        item.change_status(data["status"], by=request.user, note=data["note"])
        return self._answer(pk)


router = Router()
router.register(f"{MEETING}/agenda", AgendaItemViewSet, basename="agenda-item")
router.register(f"{MEETING}/attendance", AttendanceViewSet, basename="attendance")
router.register(f"{MEETING}/action-items", MeetingActionItemViewSet, basename="meeting-action-item")
router.register("action-items", ActionItemViewSet, basename="action-item")
urlpatterns = router.urls
