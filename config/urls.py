from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from config import views
from startpage.views import brand_css, home

urlpatterns = [
    path("", home, name="home"),
    path("brand.css", brand_css, name="brand_css"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("organisations/", include("organisations.urls")),
    path("imports/", include("imports.urls")),
    path("agreements/", include("followup.urls")),  # /agreements/<slug>/follow-up/ …
    path("agreements/", include("consultation.urls")),  # before <slug>/: notifications/
    path("agreements/", include("agreements.urls")),
    path("forums/", include("dialogues.urls")),
    path("attachments/", include("attachments.urls")),
    path("search/", include("search.urls")),
    path("notifications/", include("notifications.urls")),
    path("personal-data/", include("privacy.urls")),
    path("api/", include("api.urls")),
    path("webhooks/", include("webhooks.urls")),
    path("register/", include("records.urls")),
    path("admin/", admin.site.urls),
]
