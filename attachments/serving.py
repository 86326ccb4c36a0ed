"""How a stored file leaves the server: headers that make it safe to download.

Django streams the file by default. In production the web server can do it:
set ATTACHMENTS_SENDFILE_HEADER to "X-Accel-Redirect" (nginx, with
ATTACHMENTS_SENDFILE_PREFIX naming an `internal` location) or "X-Sendfile"
(Apache mod_xsendfile, lighttpd), and Django only checks the permission and
sends the headers. See attachments/README.md.
"""

import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse


def content_disposition(filename, inline=False):
    """RFC 6266 with an ASCII fallback and the exact name in RFC 5987 `filename*`."""
    decomposed = unicodedata.normalize("NFKD", filename)
    ascii_name = "".join(
        ch if ch.isascii() and ch.isprintable() and ch not in '"\\' else "_"
        for ch in decomposed
        if not unicodedata.combining(ch)  # å -> a, ö -> o; other letters become "_"
    )
    kind = "inline" if inline else "attachment"
    header = f'{kind}; filename="{ascii_name or "download"}"'
    if ascii_name != filename:
        header += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return header


def file_response(attachment):
    header = getattr(settings, "ATTACHMENTS_SENDFILE_HEADER", "")
    if header:
        response = HttpResponse(content_type=attachment.mime_type)
        response[header] = _sendfile_target(attachment, header)
    else:
        response = FileResponse(attachment.file.open("rb"), content_type=attachment.mime_type)
        response["Content-Length"] = str(attachment.size)
    response["Content-Disposition"] = content_disposition(
        attachment.original_name, inline=attachment.is_inline
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Even if a browser ever renders a file, it gets no scripts, forms or plugins.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-cache"
    return response


def _sendfile_target(attachment, header):
    if header.lower() == "x-sendfile":
        return attachment.file.path
    prefix = getattr(settings, "ATTACHMENTS_SENDFILE_PREFIX", "/protected-media/")
    return prefix + attachment.file.name
