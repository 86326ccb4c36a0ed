"""Full-text search engine core for Överens (becomes the `search` app).

backend.get_backend('whoosh'|'postgres', ...) returns a SearchBackend; see
REPORT.md for the interface and how the Django app calls it.
"""
