from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from config import health


@login_not_required
def accessibility(request):
    contact_email = settings.ACCESSIBILITY_CONTACT_EMAIL
    return render(request, "pages/accessibility.html", {"contact_email": contact_email})


@login_not_required
def favicon(request):
    """Browsers ask for /favicon.ico where a page names no icon (a PDF, the API's JSON)."""
    return redirect(static("startpage/favicon.svg"))


@login_not_required
def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


@login_not_required
@never_cache
def healthz(request):
    """The process answers (liveness): nothing else is checked."""
    return JsonResponse({"status": "ok"})


@login_not_required
@never_cache
def readyz(request):
    """Database, search index, job queue and workers (config/health.py); 503 when failing."""
    result = health.report()
    return JsonResponse(result, status=503 if result["status"] == "failing" else 200)
