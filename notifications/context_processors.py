from django.utils.functional import SimpleLazyObject

from notifications.models import Notification


def unread(request):
    """The header's unread count, asked only when a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.for_user(user).unread().count()
        )
    }
