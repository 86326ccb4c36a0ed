from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from notifications import preferences
from notifications.forms import SettingsForm
from notifications.models import Notification
from notifications.rows import rows

PAGE_SIZE = 50


def notification_list(request):
    notifications = Notification.objects.for_user(request.user)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "rows": rows(request.user, page)}
    return render(request, "notifications/list.html", context)


def notification_open(request, pk):
    """Mark as read and go to the record; back to the list if it is no longer available."""
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    notification.mark_read()
    [row] = rows(request.user, [notification])
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


@require_http_methods(["GET", "POST"])
def notification_settings(request):
    """Per kind: an e-mail at once, a daily or weekly digest, or none (always listed here)."""
    current = preferences.deliveries(request.user)
    data = request.POST if request.method == "POST" else None
    form = SettingsForm(data, current=current)
    if request.method == "POST":
        if form.is_valid():
            preferences.save(request.user, form.choices())
            messages.success(request, _("Your notification settings have been saved."))
            return redirect("notifications:settings")
        messages.error(request, _("Nothing was saved: choose one of the offered ways per kind."))
    return render(request, "notifications/settings.html", {"form": form})
