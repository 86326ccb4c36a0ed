from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render


@login_not_required
def home(request):
    return render(request, "pages/home.html")


@login_not_required
def accessibility(request):
    contact_email = settings.ACCESSIBILITY_CONTACT_EMAIL
    return render(request, "pages/accessibility.html", {"contact_email": contact_email})


@login_not_required
def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)

