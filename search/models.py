"""The PostgreSQL search engine's tables (SEARCH_BACKEND=postgres).

Created by migrations on PostgreSQL only (`required_db_vendor`); on SQLite the embedded
Whoosh engine keeps its index in files and these tables do not exist. Only
`search.engine.pg` reads and writes them, on Django's connection.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Now


class SearchDocument(models.Model):
    """One searchable unit: a record, or a section of a long record.

    `tsv` holds the project's own Swedish analysis (stems, compound parts, weights A–D) and the
    access lexemes `_g<group>`/`_pub`, so "these words, visible to this viewer" is one GIN
    condition; `pairs` holds adjacent-word lexemes `a_b` for phrases. The facet and permission
    columns stay for filters, facets and the second check.
    """

    id = models.TextField(primary_key=True)
    type = models.TextField()
    title = models.TextField()
    body = models.TextField()
    date = models.DateField(null=True)
    year = models.IntegerField(null=True)
    organisations = ArrayField(models.IntegerField(), default=list)
    agreement = models.TextField(null=True)
    forum = models.TextField(null=True)
    status = models.TextField(default="")
    url = models.TextField(default="")
    groups = ArrayField(models.IntegerField(), default=list)
    public = models.BooleanField(default=False)
    version = models.TextField()
    tsv = SearchVectorField()
    title_tsv = SearchVectorField()
    pairs = SearchVectorField(default="")
    indexed_at = models.DateTimeField(db_default=Now())

    class Meta:
        db_table = "search_document"
        required_db_vendor = "postgresql"
        indexes = [
            GinIndex(fields=["tsv"], name="search_document_tsv_gin"),
            GinIndex(fields=["pairs"], name="search_document_pairs_gin"),
            GinIndex(fields=["groups"], name="search_document_groups_gin"),
            models.Index(
                fields=["date"], name="search_document_public", condition=models.Q(public=True)
            ),
            models.Index(fields=["date"], name="search_document_date"),
        ]

    def __str__(self):
        return self.id


class SearchTerm(models.Model):
    """An index term and the number of documents holding it: "did you mean" and autocomplete."""

    term = models.TextField(primary_key=True)
    ndoc = models.IntegerField()

    class Meta:
        db_table = "search_term"
        required_db_vendor = "postgresql"
        indexes = [
            GinIndex(fields=["term"], opclasses=["gin_trgm_ops"], name="search_term_trgm"),
        ]

    def __str__(self):
        return self.term
