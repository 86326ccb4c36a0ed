"""Search: the same engine, the same permission filter and the same form as the search page
(search/service.py: the engine filters by the user's groups, the database checks each hit),
with the facets in the response. A malformed query is a 400 with the reason, never a 500."""

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import ErrorSerializer
from api.filters import form_parameters, valid_query
from search import service
from search.engine.backend import MAX_PAGE, MAX_PER_PAGE
from search.forms import SearchForm
from search.presenting import facet_groups, facet_scale

PER_PAGE = 20


class ApiSearchForm(SearchForm):
    """The page's form, with the page number and size as fields so bad values are a 400."""

    page = forms.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)
    page_size = forms.IntegerField(min_value=1, max_value=MAX_PER_PAGE, required=False)

    def clean_q(self):
        text = self.cleaned_data["q"]
        if not text.strip():
            raise forms.ValidationError(_("Type something to search for."), code="required")
        return text


class Unavailable(APIException):
    status_code = 503
    default_code = "search_unavailable"


HitSerializer = inline_serializer(
    "SearchHit",
    many=True,
    fields={
        "type": serializers.CharField(),
        "type_label": serializers.CharField(),
        "title": serializers.CharField(),
        "url": serializers.CharField(help_text="The record's page."),
        "date": serializers.DateField(allow_null=True),
        "snippet": serializers.CharField(help_text="HTML: the matched words in <mark>."),
        "organisations": serializers.ListField(child=serializers.CharField()),
    },
)
ResultsSerializer = inline_serializer(
    "SearchResults",
    fields={
        "count": serializers.IntegerField(),
        "page": serializers.IntegerField(),
        "pages": serializers.IntegerField(),
        "results": HitSerializer,
        "facets": serializers.DictField(child=serializers.JSONField()),
        "facets_approximate": serializers.BooleanField(
            help_text="True when the facet counts are estimates from a sample of the hits "
            "(PostgreSQL, many hits); `count` stays exact."
        ),
        "suggestions": serializers.ListField(child=serializers.CharField()),
    },
)


@extend_schema(
    tags=["search"],
    parameters=form_parameters(ApiSearchForm),
    responses={
        200: ResultsSerializer,
        503: OpenApiResponse(ErrorSerializer, "The search engine failed; try again later."),
    },
)
class SearchView(APIView):
    """Full-text search over every record the user may open; anonymous callers find public ones."""

    def get(self, request):
        form = valid_query(ApiSearchForm, request)
        data = form.cleaned_data
        results = service.search(
            request.user,
            data["q"],
            filters=form.filters(),
            sort=data["sort"] or "relevance",
            page=data["page"] or 1,
            per_page=data["page_size"] or PER_PAGE,
        )
        if results.error:
            if results.error in _unavailable():
                raise Unavailable(results.error)
            raise ValidationError({"q": [results.error]})
        return Response(
            {
                "count": results.total,
                "page": results.page,
                "pages": min(results.pages, MAX_PAGE),
                "results": [_hit(found, request) for found in results.hits],
                "facets": _facets(results, form, request.user),
                "facets_approximate": results.facets_partial,
                "suggestions": list(results.suggestions),
            }
        )


def _unavailable():
    # The service's messages for an engine that cannot answer (not the caller's fault).
    return {
        _("Search is not available right now. Please try again later."),
        _("This search could not be run. Try other words."),
    }


def _hit(found, request):
    hit = found.hit
    return {
        "type": hit.type,
        "type_label": str(found.type_label),
        "title": hit.title,
        "url": request.build_absolute_uri(hit.url),
        "date": hit.date.isoformat() if hit.date else None,
        "snippet": hit.snippet,
        "organisations": found.organisations,
    }


def _facets(results, form, user):
    """{facet: [{value, label, count, selected}]}, the page's facets without its links
    (estimated counts when `facets_approximate`)."""
    return {
        group["name"]: [
            {key: value[key] for key in ("value", "label", "count", "selected")}
            for value in group["values"]
        ]
        for group in facet_groups(results.facets, form, user, facet_scale(results))
    }


urlpatterns = [path("search/", login_not_required(SearchView.as_view()), name="search")]
