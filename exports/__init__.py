"""Shared file exports: PDF from an HTML print template (the only importer of weasyprint) and
the download response. A plain package, no models."""
