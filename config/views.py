from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render


@login_not_required
def home(request):
    return render(request, "pages/home.html")


@login_not_required
def accessibility(request):
    return render(
        request, "pages/accessibility.html", {"contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL}
    )


@login_not_required
def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers a login from a locked-out username and address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
