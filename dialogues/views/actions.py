from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogues.exceptions import DialogueError
from dialogues.forms import ActionItemForm, BoardFilterForm, StatusForm
from dialogues.models import ActionItem
from dialogues.models.actions import today
from dialogues.permissions import can_update_action_item, readable_forums
from dialogues.views.common import action_item_or_404, meeting_or_404, report
from dialogues.views.meetings import form_page
from organisations.models import Organisation

PER_PAGE = 25


def action_item_add(request, slug, year, number):
    _forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    form = ActionItemForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The action item was added."))
        return redirect(meeting.get_absolute_url() + "#action-items")
    return form_page(request, form, _("New action item"), meeting)


@login_not_required
def action_item_detail(request, slug, pk):
    forum, rights, item = action_item_or_404(request, slug, pk)
    can_update = can_update_action_item(request.user, rights, item)
    context = {
        "forum": forum,
        "item": item,
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
    try:
        item.change_status(
            form.cleaned_data["status"], by=request.user, note=form.cleaned_data["note"]
        )
    except DialogueError as error:
        report(request, error)
    else:
        messages.success(request, _("The status was changed."))
    return redirect(item)


@login_not_required
def action_board(request):
    """Every action item in the forums the user can read, filtered and paginated."""
    items = ActionItem.objects.filter(meeting__forum__in=readable_forums(request.user))
    owners = Organisation.objects.filter(pk__in=items.values("owner")).order_by("name")
    form = BoardFilterForm(request.GET or None, organisations=owners)
    on = today()
    items = (
        form.filter(items, on)
        .select_related("owner", "department", "meeting__forum")
        .with_overdue_flag(on)
        .order_by("due_date", "pk")
    )
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "dialogues/action_board.html", {"form": form, "page_obj": page})
