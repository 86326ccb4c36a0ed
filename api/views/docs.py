from drf_spectacular.views import SpectacularSwaggerSplitView


class ApiDocs(SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar's static files, with its start-up script in a
    file of its own: our page template has a language, a title and no inline style (CSP)."""

    template_name = "api/docs.html"
