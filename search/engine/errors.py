"""Named errors of the search engine (views turn them into messages)."""


class SearchError(Exception):
    """Base class of every error the search engine raises on purpose."""


class QueryError(SearchError):
    """The user's query cannot be run; str(error) is a message for them."""


class IndexCorrupt(SearchError):
    """The index on disk cannot be read; rebuild it (manage.py search rebuild)."""

    def __init__(self, path, cause):
        super().__init__(
            f"Search index at {path} is corrupt or unreadable: "
            f"{type(cause).__name__}: {cause}. Rebuild it."
        )
        self.path, self.cause = path, cause


class IndexBusy(SearchError):
    """The index writer lock could not be taken within the timeout."""


class InvalidDocument(SearchError):
    """A document dict given to the indexer is missing or has bad fields."""
