from records.models.documents import Case, Correction, Document, DocumentType, Origin, Series
from records.models.requests import DocumentRequest

__all__ = [
    "Case",
    "Correction",
    "Document",
    "DocumentRequest",
    "DocumentType",
    "Origin",
    "Series",
]
