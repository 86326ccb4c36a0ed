"""How a stored file leaves the server: headers that make it safe to download.

Django streams the file from the storage by default (the local folder or the bucket). In
production someone else can send the bytes once Django has checked the permission, chosen
by ATTACHMENTS_SENDFILE: "x-accel-redirect" (nginx, with ATTACHMENTS_SENDFILE_PREFIX naming
an `internal` location over the folder or the bucket), "x-sendfile" (Apache mod_xsendfile,
lighttpd; local files only) or "signed-url" (a redirect to the object store, S3 only).
See attachments/README.md.
"""

import unicodedata
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseRedirect

# How long a signed address of an object works: long enough for nginx or a browser to follow
# the redirect at once, too short to be passed around.
SIGNED_URL_SECONDS = 60
CACHE_CONTROL = "private, no-cache"


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
    """The file's response, for a caller that has checked the record's rule already."""
    method = getattr(settings, "ATTACHMENTS_SENDFILE", "")
    if method == "signed-url":
        return _signed_redirect(attachment)
    if method:
        response = HttpResponse(content_type=attachment.mime_type)
        response[SENDFILE_HEADERS[method]] = SENDFILE_TARGETS[method](attachment)
    else:
        response = FileResponse(attachment.file.open("rb"), content_type=attachment.mime_type)
        response["Content-Length"] = str(attachment.size)
    response["Content-Disposition"] = _disposition(attachment)
    response["X-Content-Type-Options"] = "nosniff"
    # Even if a browser ever renders a file, it gets no scripts, forms or plugins.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _disposition(attachment):
    return content_disposition(attachment.original_name, inline=attachment.is_inline)


def _x_accel_redirect(attachment):
    """nginx's `internal` location: over the folder (local files) or proxying to the bucket.

    For the bucket the object's signed query goes along: the only credential nginx needs,
    it never reaches the browser (nginx follows the redirect itself), and it expires.
    """
    prefix = getattr(settings, "ATTACHMENTS_SENDFILE_PREFIX", "/protected-media/")
    target = prefix + attachment.file.name
    if _is_local(attachment.file):
        return target
    return target + "?" + urlsplit(_signed_url(attachment)).query


def _x_sendfile(attachment):
    return attachment.file.path  # config/storage.py refuses X-Sendfile with FILE_STORAGE=s3


SENDFILE_HEADERS = {"x-accel-redirect": "X-Accel-Redirect", "x-sendfile": "X-Sendfile"}
SENDFILE_TARGETS = {"x-accel-redirect": _x_accel_redirect, "x-sendfile": _x_sendfile}


def _signed_redirect(attachment):
    """Send the browser to the object itself, at an address that soon expires.

    The object store cannot send nosniff or the sandbox policy, but it sends the stored type
    and the download name signed into the address; the allow-list has no type a browser
    would run (attachments/filetypes.py).
    """
    response = HttpResponseRedirect(_signed_url(attachment))
    response["Cache-Control"] = "private, no-store"  # the address expires: never reuse it
    return response


def _signed_url(attachment):
    """A GET address of the object for SIGNED_URL_SECONDS, answered with our headers.

    The response headers are signed into it (S3's response-content-type and so on), so
    the object store sends the stored type and name whoever follows it.
    """
    headers = {
        "ResponseContentType": attachment.mime_type,
        "ResponseContentDisposition": _disposition(attachment),
        "ResponseCacheControl": CACHE_CONTROL,
    }
    file = attachment.file
    return file.storage.url(file.name, parameters=headers, expire=SIGNED_URL_SECONDS)


def _is_local(file):
    """Whether the file has a path on this machine; Django's storage API raises if not."""
    try:
        file.path  # noqa: B018
    except NotImplementedError:
        return False
    return True
