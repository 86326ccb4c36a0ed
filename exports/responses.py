from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

from attachments.serving import content_disposition


def file_download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    """`content` as a download named `filename` (a safe Content-Disposition), never cached."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    response["Content-Length"] = str(len(content))
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response
