"""What django-axes, the login throttle, asks of the project: whose address, and what to say."""

from django.conf import settings
from django.shortcuts import render


def client_address(request):
    """The address a login comes from.

    Behind our one reverse proxy, the right-most X-Forwarded-For entry is the address the proxy
    saw; entries further left come from the client and could be forged to dodge the throttle.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")


def locked_out(request, original_response=None, credentials=None):
    """The page a login from a locked-out username and address gets instead of the form."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
