"""The API: /api/v1/ (one URL module per area: api/views/<area>.py with its `urlpatterns`,
usually its router's), the schema, the docs and the token page. A path under /api/v1/ that
names no endpoint answers a JSON 404."""

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from api.errors import not_found
from api.views import (
    agreements,
    attachments,
    dialogue_records,
    dialogues,
    discussion,
    docs,
    draft_sections,
    followup,
    invitations,
    organisations,
    register,
    revisions,
    search,
    tokens,
    webhooks,
)

app_name = "api"

AREAS = [
    organisations,
    agreements,
    revisions,
    draft_sections,
    invitations,
    dialogues,
    dialogue_records,
    discussion,
    followup,
    attachments,
    search,
    webhooks,
    register,
]

urlpatterns = [
    *(path("v1/", include(area)) for area in AREAS),
    re_path(r"^v1/", not_found),
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="schema"),
    path("docs/", login_not_required(docs.ApiDocs.as_view(url_name="api:schema")), name="docs"),
    path("tokens/", tokens.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", tokens.revoke, name="token_revoke"),
]
