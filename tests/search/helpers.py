from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from search import backends, indexing, registry, service


def index_everything():
    """Index the database as it is now (tests with the `db` fixture never commit)."""
    keys = [
        (type_, str(pk))
        for type_, adapter in registry.adapters().items()
        for pk in adapter.get_queryset().values_list("pk", flat=True)
    ]
    indexing.sync(keys)


def engine_statements():
    """Statements of one search by the engine on Django's connection: none for Whoosh; for
    PostgreSQL a savepoint (in the test's transaction), its settings, the matches with their
    facets, the page of hits, the release."""
    return 5 if settings.SEARCH_BACKEND == "postgres" else 0


def titles(user, text, **options):
    """Titles of the hits `user` gets for `text`, through the service (both layers)."""
    results = service.search(user or AnonymousUser(), text, **options)
    return [found.hit.title for found in results.hits]


def engine_titles(viewer, text):
    """Titles straight from the engine (first layer only)."""
    return [hit.title for hit in backends.backend().search(text, viewer, per_page=100).hits]


def indexed_ids():
    return {doc_id for doc_id, *_ in backends.backend().iter_stored()}
