from records.models.archive import ArchivePackage, ArchivePart
from records.models.documents import Case, Correction, Document, DocumentType, Origin, Series
from records.models.plan import Disposal, RetentionRule
from records.models.requests import DocumentRequest

__all__ = [
    "ArchivePackage",
    "ArchivePart",
    "Case",
    "Correction",
    "Disposal",
    "Document",
    "DocumentRequest",
    "DocumentType",
    "Origin",
    "RetentionRule",
    "Series",
]
