"""PDF from an HTML print template and its CSS (@page rules for page numbers and header):
the only module that imports weasyprint.

The URL fetcher serves only our own static files (django.contrib.staticfiles finders) and
refuses every other URL, so no text a user wrote can make the server fetch anything.
"""

import logging
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string

# WeasyPrint reports each step of its work at INFO; keep the server log for what matters.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import HTML  # noqa: E402
from weasyprint.urls import URLFetcher  # noqa: E402

# Relative URLs in a print template (e.g. {% static %}) resolve against this made-up origin,
# which only the fetcher below answers.
BASE_URL = "https://static.invalid/"


class RefusedURL(ValueError):
    """Something that is not one of our static files was asked for."""


class StaticFilesOnly(URLFetcher):
    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        path = unquote(parts.path)
        prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not path.startswith(prefix):
            raise RefusedURL(url)
        relative = path.removeprefix(prefix)
        found = None if ".." in PurePosixPath(relative).parts else _static_file(relative)
        if not found:
            raise RefusedURL(url)
        return super().fetch(Path(found).as_uri(), headers)


def _static_file(relative):
    """The file behind a static URL: by the finders (development), else the collected file
    (production, where {% static %} names it with its content hash)."""
    found = finders.find(relative)
    if found:
        return found
    if staticfiles_storage.exists(relative):
        return staticfiles_storage.path(relative)
    return None


# The archival variant: PDF/A-2b is what Riksarkivet's FGS list of formats and most
# e-archives accept; WeasyPrint embeds the fonts, the sRGB output intent and the XMP.
ARCHIVAL = "pdf/a-2b"


def render_pdf(template_name, context, *, request=None, variant=None) -> bytes:
    """The template rendered to HTML and printed to PDF (`variant`, e.g. ARCHIVAL: PDF/A)."""
    html = render_to_string(template_name, context, request=request)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly())
    return document.write_pdf(pdf_variant=variant)
