from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Installed for its management commands only: it has no models, URLs or templates."""

    name = "demo"
    verbose_name = "Demo city and benchmarks"
