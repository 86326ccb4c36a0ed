"""Named errors of the search engine, each with a code.

The code is what the Django app translates into the user's language
(search.service.MESSAGES); a QueryError's str() is its code, which the
engines put in Results.error.
"""


class SearchError(Exception):
    """Base class of every error the search engine raises on purpose."""

    code = "search_failed"

    def __init__(self, message="", **params):
        super().__init__(message or self.code)
        self.params = params


class QueryError(SearchError):
    """The user's query cannot be run; str(error) is its code, `params` hold the limit."""

    def __init__(self, code, **params):
        super().__init__(code, **params)
        self.code = code


class IndexCorrupt(SearchError):
    """The index on disk cannot be read; rebuild it (manage.py search_index rebuild)."""

    code = "index_unreadable"

    def __init__(self, path, cause):
        super().__init__(
            f"Search index at {path} is corrupt or unreadable: "
            f"{type(cause).__name__}: {cause}. Rebuild it."
        )
        self.path, self.cause = path, cause


class IndexBusy(SearchError):
    """The index writer lock could not be taken within the timeout."""

    code = "index_busy"


class InvalidDocument(SearchError):
    """A document dict given to the indexer is missing or has bad fields."""

    code = "invalid_document"
