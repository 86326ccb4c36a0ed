from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogues import board_export
from dialogues.forms import ActionItemForm, BoardFilterForm, StatusForm
from dialogues.models import ActionItem
from dialogues.models.actions import today
from dialogues.permissions import can_update_action_item, readable_forums, shows_private_names
from dialogues.views.common import (
    action_item_or_404,
    back_to,
    form_page,
    meeting_or_404,
    perform,
)
from organisations.models import Organisation
from organisations.permissions import visible

PER_PAGE = 25


def action_item_add(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    form = ActionItemForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The action item was added."))
        return back_to(meeting, "action-items")
    return form_page(request, form, _("New action item"), meeting)


def action_item_edit(request, slug, pk):
    _forum, _rights, item = action_item_or_404(request, slug, pk, "manage")
    form = ActionItemForm(request.POST or None, instance=item, meeting=item.meeting)
    if request.method == "POST" and form.is_valid():
        item.edit(by=request.user, **{name: form.cleaned_data[name] for name in form.changed_data})
        messages.success(request, _("The action item was saved."))
        return redirect(item)
    return form_page(request, form, _("Edit action item"), item)


@login_not_required
def action_item_detail(request, slug, pk):
    forum, rights, item = action_item_or_404(request, slug, pk)
    can_update = can_update_action_item(request.user, rights, item)
    context = {
        "forum": forum,
        "item": item,
        "rights": rights,
        "show_names": shows_private_names(rights),
        "history": item.history.select_related("by"),
        "status_form": StatusForm(item=item) if can_update and item.allowed_statuses() else None,
    }
    return render(request, "dialogues/action_item_detail.html", context)


@require_POST
def action_item_status(request, slug, pk):
    _forum, rights, item = action_item_or_404(request, slug, pk, "view")
    if not can_update_action_item(request.user, rights, item):
        messages.error(request, _("Only the owner and the forum's organiser update the status."))
        return redirect(item)
    form = StatusForm(request.POST, item=item)
    if not form.is_valid():
        messages.error(request, _("The action item cannot move to that status."))
        return redirect(item)
    data = form.cleaned_data
    perform(
        request,
        lambda: item.change_status(data["status"], by=request.user, note=data["note"]),
        _("The status was changed."),
    )
    return redirect(item)


def board(request):
    """The action items the user can read, as the board's filters leave them, and the form.

    Persons are named (and offered as a filter) only in forums the user reads by a grant:
    a public forum's readers get the published version without them.
    """
    forums = readable_forums(request.user)
    items = ActionItem.objects.filter(meeting__forum__in=forums)
    granted = visible(request.user, "dialogues.view_forum", forums)
    people = get_user_model().objects.filter(
        pk__in=items.filter(meeting__forum__in=granted).values("responsible")
    )
    form = BoardFilterForm(
        request.GET or None,
        organisations=Organisation.objects.filter(pk__in=items.values("owner")).order_by("name"),
        forums=forums.order_by("name"),
        people=people.order_by("first_name", "last_name", "username"),
    )
    on = today()
    items = (
        form.filter(items, on)
        .select_related("owner", "department", "responsible", "meeting__forum")
        .with_overdue_flag(on)
        .order_by("due_date", "pk")
    )
    return form, items, set(granted.values_list("pk", flat=True))


@login_not_required
def action_board(request):
    """Every action item in the forums the user can read, filtered and paginated."""
    form, items, named_forums = board(request)
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page, "named_forums": named_forums}
    return render(request, "dialogues/action_board.html", context)


@login_not_required
def action_board_csv(request):
    """The board as filtered, every row, as a CSV file for a spreadsheet."""
    _form, items, named_forums = board(request)
    return board_export.csv_response(items, named_forums, request)
