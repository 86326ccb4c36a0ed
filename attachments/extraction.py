"""Text extraction for search, bounded in pages, characters, memory and time.

Why a subprocess: parsers of PDF and office files can be made to loop, recurse or
allocate without end by a hostile file, and a Python thread cannot be stopped.
`extract()` therefore runs this module as a worker (`python -m
attachments.extraction KIND PAGES CHARS`, file on stdin, text on stdout) with a
wall-clock timeout, and the worker caps its own address space and CPU time.
Killing it leaves the web process untouched. Zip containers were already
checked for their unpacked size by filetypes.check_zip before they get here,
and each XML part is checked again before it is parsed.

The worker imports neither Django nor the project: only the parsers it needs.
"""

import io
import itertools
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

OK, EMPTY, FAILED = "ok", "empty", "failed"
MAX_XML_PART = 50 * 1024 * 1024
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for the worker
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


class ExtractionError(Exception):
    """The file's text cannot be read (encrypted, damaged, too large)."""


@dataclass(frozen=True)
class Extraction:
    status: str
    text: str = ""
    reason: str = ""


# --- in the web process -----------------------------------------------------------


def extract(data, kind, *, max_pages=500, max_chars=300_000, timeout=20):
    """Run the worker on `data` (bytes of a file of type `kind`); never raises."""
    if kind not in EXTRACTORS:
        return Extraction(EMPTY)
    command = [sys.executable, "-m", "attachments.extraction", kind, str(max_pages), str(max_chars)]
    try:
        done = subprocess.run(  # noqa: S603 - fixed command, the file only on stdin
            command,
            input=data,
            capture_output=True,
            timeout=timeout,
            cwd=PACKAGE_ROOT,
            env={"PYTHONPATH": str(PACKAGE_ROOT), "PYTHONIOENCODING": "utf-8"},
        )
    except subprocess.TimeoutExpired:
        return Extraction(FAILED, reason=f"took longer than {timeout} seconds")
    except OSError as error:
        return Extraction(FAILED, reason=f"could not start: {error}"[:300])
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or ["killed"]
        return Extraction(FAILED, reason=lines[-1][:300])
    text = done.stdout.decode("utf-8", "replace")
    return Extraction(OK, text=text) if text.strip() else Extraction(EMPTY)


# --- in the worker ------------------------------------------------------------------


def collect(pieces, max_chars):
    """Join text pieces, stopping as soon as `max_chars` is reached."""
    out, length = [], 0
    for piece in pieces:
        piece = (piece or "").strip()
        if piece:
            out.append(piece)
            length += len(piece) + 1
            if length >= max_chars:
                break
    return "\n".join(out)[:max_chars]


def pdf_text(data, max_pages, max_chars):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractionError("the PDF is encrypted")
    pages = itertools.islice(reader.pages, max_pages)
    return collect((page.extract_text() for page in pages), max_chars)


def docx_text(data, max_pages, max_chars):
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return collect(itertools.chain((p.text for p in document.paragraphs), cells), max_chars)


def xlsx_text(data, max_pages, max_chars):
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        values = (
            value
            for sheet in workbook.worksheets[:max_pages]
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if isinstance(value, str)
        )
        return collect(values, max_chars)
    finally:
        workbook.close()


def xml_paragraphs(archive, name, tag):
    """Text of each `tag` element of one XML part of a zip, parsed without entities."""
    from defusedxml import ElementTree

    if archive.getinfo(name).file_size > MAX_XML_PART:
        raise ExtractionError(f"{name} is too large")
    root = ElementTree.fromstring(archive.read(name))
    return ("".join(element.itertext()) for element in root.iter(tag))


ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DRAWINGML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def odf_text(data, max_pages, max_chars):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return collect(xml_paragraphs(archive, "content.xml", ODF_TEXT + "p"), max_chars)


def pptx_text(data, max_pages, max_chars):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        slides = sorted(
            (n for n in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
            key=lambda n: int(re.sub(r"\D", "", n)),
        )[:max_pages]
        pieces = itertools.chain.from_iterable(
            xml_paragraphs(archive, name, DRAWINGML + "p") for name in slides
        )
        return collect(pieces, max_chars)


def decode_text(data):
    """UTF-8 first; Swedish offices also write cp1252, and latin-1 reads anything."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def plain_text(data, max_pages, max_chars):
    return decode_text(data)[:max_chars]


EXTRACTORS = {
    "pdf": pdf_text,
    "docx": docx_text,
    "odt": odf_text,
    "ods": odf_text,
    "xlsx": xlsx_text,
    "pptx": pptx_text,
    "txt": plain_text,
    "md": plain_text,
    "csv": plain_text,
}


def limit_resources(seconds):
    try:
        import resource
    except ImportError:  # not on POSIX: the parent's timeout still applies
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))


def main(argv):
    kind, max_pages, max_chars = argv[0], int(argv[1]), int(argv[2])
    limit_resources(seconds=120)
    data = sys.stdin.buffer.read()
    try:
        text = EXTRACTORS[kind](data, max_pages, max_chars)
    except Exception as error:  # any parser failure is reported, never raised further
        sys.stderr.write(f"{type(error).__name__}: {error}"[:300] + "\n")
        return 2
    sys.stdout.buffer.write(text[:max_chars].encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
