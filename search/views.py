from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from search import service
from search.engine.backend import MAX_PAGE
from search.forms import SearchForm
from search.presenting import (
    ResultPage,
    active_filters,
    facet_groups,
    facet_scale,
    scope,
    url_with,
)

PER_PAGE = 20


@login_not_required
@require_GET
def search(request):
    """The search page: the engine filters by the user's groups, the database checks each hit."""
    form = SearchForm(request.GET or None)
    context = {"form": form, "results": None}
    if form.is_bound and form.is_valid() and form.has_query():
        results = service.search(
            request.user,
            form.cleaned_data["q"],
            filters=form.filters(),
            sort=form.cleaned_data["sort"] or "relevance",
            page=_page_number(request),
            per_page=PER_PAGE,
        )
        context.update(
            results=results,
            hits=results.hits,
            facets=facet_groups(results.facets, form, request.user, facet_scale(results)),
            facets_approximate=results.facets_partial,
            active_filters=active_filters(form, request.user),
            scope=scope(form, request.user),
            page_obj=ResultPage(results),
            suggestions=[{"text": s, "url": url_with(form.data, q=s)} for s in results.suggestions],
        )
    return render(request, "search/search.html", context)


@login_not_required
@require_GET
def autocomplete(request):
    """Completions of what the user is typing, drawn only from records they may open."""
    prefix = request.GET.get("q", "")[:40]
    return JsonResponse({"completions": service.autocomplete(request.user, prefix)})


def _page_number(request):
    try:
        return min(max(1, int(request.GET.get("page", 1))), MAX_PAGE)
    except ValueError:
        return 1
