"""What may be attached: the type is read from the content, never trusted from the name.

This is the only module that imports python-magic. `check_upload` runs every
check on the uploaded file before anything is written to storage, so a refused
file never leaves anything behind. Each refusal is a `ValidationError` whose
message names the reason in the user's language.
"""

import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MB = 1024 * 1024
SNIFF_BYTES = 64 * 1024  # libmagic needs the start of the file only


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    mime_type: str  # stored and served as Content-Type
    extensions: tuple[str, ...]
    detected: tuple[str, ...]  # what libmagic may call this content
    inline: bool = False  # images may be shown in the browser
    is_zip: bool = False  # OOXML and OpenDocument are zip containers


_OOXML = "application/vnd.openxmlformats-officedocument."
_ODF = "application/vnd.oasis.opendocument."
_TEXT = ("text/plain",)

FILE_TYPES = (
    FileType("pdf", "PDF", "application/pdf", (".pdf",), ("application/pdf",)),
    FileType(
        "docx",
        "Word",
        _OOXML + "wordprocessingml.document",
        (".docx",),
        (_OOXML + "wordprocessingml.document",),
        is_zip=True,
    ),
    FileType("odt", "OpenDocument Text", _ODF + "text", (".odt",), (_ODF + "text",), is_zip=True),
    FileType(
        "xlsx",
        "Excel",
        _OOXML + "spreadsheetml.sheet",
        (".xlsx",),
        (_OOXML + "spreadsheetml.sheet",),
        is_zip=True,
    ),
    FileType(
        "ods",
        "OpenDocument Spreadsheet",
        _ODF + "spreadsheet",
        (".ods",),
        (_ODF + "spreadsheet",),
        is_zip=True,
    ),
    FileType(
        "pptx",
        "PowerPoint",
        _OOXML + "presentationml.presentation",
        (".pptx",),
        (_OOXML + "presentationml.presentation",),
        is_zip=True,
    ),
    FileType("txt", "Text", "text/plain", (".txt",), _TEXT),
    FileType("md", "Markdown", "text/markdown", (".md", ".markdown"), (*_TEXT, "text/markdown")),
    FileType("csv", "CSV", "text/csv", (".csv",), (*_TEXT, "text/csv", "application/csv")),
    FileType("png", "PNG", "image/png", (".png",), ("image/png",), inline=True),
    FileType("jpeg", "JPEG", "image/jpeg", (".jpg", ".jpeg"), ("image/jpeg",), inline=True),
    FileType("webp", "WebP", "image/webp", (".webp",), ("image/webp",), inline=True),
)
BY_EXTENSION = {ext: filetype for filetype in FILE_TYPES for ext in filetype.extensions}
BY_MIME_TYPE = {filetype.mime_type: filetype for filetype in FILE_TYPES}
ACCEPT = ",".join(BY_EXTENSION)  # for <input type="file" accept="…">

# Content a browser or a computer runs: named as such in the refusal.
RUNNABLE = {
    "application/javascript",
    "text/javascript",
    "text/html",
    "application/xhtml+xml",
    "image/svg+xml",
    "text/x-shellscript",
    "application/x-executable",
    "application/x-sharedlib",
    "application/x-pie-executable",
    "application/x-mach-binary",
    "application/x-dosexec",
    "application/vnd.microsoft.portable-executable",
    "application/x-msdownload",
    "text/x-php",
    "text/x-python",
    "application/x-java-archive",
    "application/java-archive",
}


@dataclass(frozen=True)
class CheckedUpload:
    filetype: FileType
    name: str  # the sanitised original filename


def max_size():
    return getattr(settings, "ATTACHMENTS_MAX_SIZE", 25 * MB)


def max_unpacked_size():
    return getattr(settings, "ATTACHMENTS_MAX_UNPACKED_SIZE", 200 * MB)


def max_ratio():
    return getattr(settings, "ATTACHMENTS_MAX_COMPRESSION_RATIO", 100)


def allowed_labels():
    return ", ".join(filetype.extensions[0].lstrip(".").upper() for filetype in FILE_TYPES)


def check_upload(upload):
    """Check an uploaded file; returns a CheckedUpload or raises ValidationError."""
    name = check_name(upload.name)
    check_size(upload.size)
    head = _read(upload, SNIFF_BYTES)
    detected = magic.from_buffer(head, mime=True)
    filetype = check_type(name, detected)
    check_not_polyglot(upload, filetype)
    if filetype.is_zip:
        check_zip(upload)
    return CheckedUpload(filetype=filetype, name=name)


def check_name(name):
    """Refuse names that try to leave their folder; return a tidy name for display."""
    raw = name or ""
    parts = raw.replace("\\", "/").split("/")
    if len(parts) > 1 or ".." in parts or raw.startswith("."):
        raise ValidationError(
            _("The file name must not contain folders or “..”: %(name)s") % {"name": raw},
            code="path",
        )
    return sanitise_name(raw)


def sanitise_name(name):
    """The name as shown and offered on download: NFC, printable, no reserved characters."""
    name = unicodedata.normalize("NFC", name)
    name = "".join("_" if ch in '<>:"|?*' else ch for ch in name if ch.isprintable())
    name = " ".join(name.split()).strip(" .")
    stem, suffix = PurePosixPath(name).stem, PurePosixPath(name).suffix
    if len(name) > 200:
        name = stem[: 200 - len(suffix)] + suffix
    return name or "fil"


def check_size(size):
    if not size:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_size():
        raise ValidationError(
            _("The file is too large: at most %(limit)s is allowed.")
            % {"limit": filesizeformat(max_size())},
            code="too_large",
        )


def check_type(name, detected):
    """The content must be on the allow-list and agree with the file name's extension."""
    if detected in RUNNABLE:
        raise ValidationError(
            _("Programs, scripts, web pages and SVG images cannot be attached."),
            code="runnable",
        )
    if not any(detected in filetype.detected for filetype in FILE_TYPES):
        raise ValidationError(
            _("This kind of file cannot be attached (%(type)s). Allowed are: %(allowed)s.")
            % {"type": detected, "allowed": allowed_labels()},
            code="not_allowed",
        )
    filetype = BY_EXTENSION.get(PurePosixPath(name.lower()).suffix)
    if filetype is None or detected not in filetype.detected:
        raise ValidationError(
            _(
                "The file name does not match its content (%(type)s). Check that the file "
                "name ends in the right extension, such as .pdf or .docx."
            )
            % {"type": detected},
            code="mismatch",
        )
    return filetype


def check_not_polyglot(upload, filetype):
    """A file that is also a zip archive (e.g. a PDF with a zip appended) is refused."""
    if filetype.is_zip:
        return
    upload.seek(0)
    if zipfile.is_zipfile(upload):
        raise ValidationError(
            _(
                "The file is also readable as another kind of file (a zip archive) and cannot "
                "be attached."
            ),
            code="polyglot",
        )


def check_zip(upload):
    """Read a zip container's directory only: refuse zip bombs before anything is unpacked."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ValidationError(
            _("The file is damaged and cannot be read."), code="damaged"
        ) from None
    if len(entries) > 10_000 or sum(e.file_size for e in entries) > max_unpacked_size():
        raise _zip_bomb()
    for entry in entries:
        if entry.file_size > MB and entry.file_size > max_ratio() * max(entry.compress_size, 1):
            raise _zip_bomb()


def _zip_bomb():
    return ValidationError(
        _("The file unpacks to far more than its size (a zip bomb) and cannot be attached."),
        code="zip_bomb",
    )


def _read(upload, limit):
    upload.seek(0)
    data = upload.read(limit)
    upload.seek(0)
    return data
