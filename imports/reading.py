"""Reading an association register file (CSV or XLSX) into rows of text cells.

CSV through the standard library's csv module, XLSX through openpyxl (already a dependency for
reading attachments) in read-only mode with formulas kept as their text, so that a formula in
a cell is seen and refused rather than evaluated. A file that is not a register raises
RegisterUnreadable with a message saying what is wrong.
"""

import csv
import io
import zipfile

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_BYTES = 5 * 1024 * 1024  # a register of a few thousand associations is well under 1 MB
MAX_ROWS = 5000

# Field → the column headings that name it (compared in lower case, without spaces around).
COLUMNS = {
    "organisation_number": ("organisationsnummer", "organisation number", "orgnr"),
    "name": ("namn", "name", "föreningens namn"),
    "email": ("e-post", "epost", "e-mail", "email"),
    "category": ("kategori", "category"),
    "district": ("stadsdel", "district", "område"),
}
COLUMN_LABELS = {
    "organisation_number": gettext_lazy("organisation number"),
    "name": gettext_lazy("name"),
    "email": gettext_lazy("e-mail"),
    "category": gettext_lazy("category"),
    "district": gettext_lazy("district"),
}


class RegisterUnreadable(Exception):
    """The file as a whole cannot be imported; str() says why, in the user's language."""


def read_register(upload):
    """[(row number as the spreadsheet shows it, {field: text})] from an uploaded file."""
    if upload.size > MAX_BYTES:
        raise RegisterUnreadable(
            _("The file is %(size)d MB; a register file may be at most %(max)d MB.")
            % {"size": -(-upload.size // (1024 * 1024)), "max": MAX_BYTES // (1024 * 1024)}
        )
    name = upload.name.lower()
    if name.endswith(".xlsx"):
        table = _xlsx_rows(upload)
    elif name.endswith(".csv"):
        table = _csv_rows(upload)
    else:
        raise RegisterUnreadable(_("Choose a CSV or Excel (XLSX) file."))
    return _rows_by_field(table)


def _csv_rows(upload):
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RegisterUnreadable(
            _("The file is not in UTF-8. Save it again as “CSV UTF-8” and upload it once more.")
        ) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)


def _xlsx_rows(upload):
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(upload, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise RegisterUnreadable(_("The file is not a readable Excel (XLSX) file.")) from None
    sheet = workbook.worksheets[0]
    return (
        ["" if cell is None else str(cell) for cell in row]
        for row in sheet.iter_rows(values_only=True)
    )


def _rows_by_field(table):
    table = iter(table)
    heading = [str(cell).strip().lower() for cell in next(table, [])]
    positions = {}
    for field, names in COLUMNS.items():
        found = [index for index, cell in enumerate(heading) if cell in names]
        if found:
            positions[field] = found[0]
    missing = [str(COLUMN_LABELS[f]) for f in ("organisation_number", "name") if f not in positions]
    if missing:
        raise RegisterUnreadable(
            _("The first row must name the columns; missing: %(missing)s. Expected: %(expected)s.")
            % {
                "missing": ", ".join(missing),
                "expected": ", ".join(names[0] for names in COLUMNS.values()),
            }
        )
    rows = []
    for number, cells in enumerate(table, start=2):
        if not any(str(cell).strip() for cell in cells):
            continue
        if len(rows) == MAX_ROWS:
            raise RegisterUnreadable(
                _("The file has more than %(max)d rows; split it into smaller files.")
                % {"max": MAX_ROWS}
            )
        rows.append((number, {f: _cell(cells, i) for f, i in positions.items()}))
    return rows


def _cell(cells, index):
    return str(cells[index]).strip() if index < len(cells) else ""
