from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import events
from notifications.models import Notification

PAGE_SIZE = 25


class Row:
    """A notification as its reader may see it now: the record only while they may see it."""

    def __init__(self, notification, user):
        self.notification = notification
        record = notification.record
        self.visible = record is not None and events.can_view(user, record)
        self.record = record if self.visible else None
        self.label = dict(events.kinds()).get(notification.kind, "")


def notification_list(request):
    notifications = Notification.objects.for_user(request.user).prefetch_related("record")
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [Row(n, request.user) for n in page]
    return render(request, "notifications/list.html", {"page_obj": page, "rows": rows})


def notification_open(request, pk):
    """Mark as read and go to the record; back to the list if it is no longer available."""
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    notification.mark_read()
    row = Row(notification, request.user)
    if row.visible and hasattr(row.record, "get_absolute_url"):
        return redirect(row.record.get_absolute_url())
    messages.error(request, _("That is no longer available to you."))
    return redirect("notifications:list")


@require_POST
def notification_read(request, pk):
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    notification.mark_read()
    return redirect("notifications:list")


@require_POST
def mark_all_read(request):
    count = Notification.objects.for_user(request.user).unread().update(read_at=timezone.now())
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")
