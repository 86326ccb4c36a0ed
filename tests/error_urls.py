"""The site's URLs plus two test-only views that fail, to render the 403 and 500 pages."""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

SECRET = "internal-detail-that-must-not-show"


@login_not_required
def forbidden(request):
    raise PermissionDenied(SECRET)


@login_not_required
def broken(request):
    raise RuntimeError(SECRET)


urlpatterns = [
    path("test-only/forbidden/", forbidden),
    path("test-only/broken/", broken),
    *site_urlpatterns,
]
