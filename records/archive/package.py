"""The E-ARK SIP of a case, as a ZIP whose one folder is named by the package's id:

<id>/METS.xml
<id>/metadata/descriptive/dc.xml         Dublin Core: the case
<id>/metadata/preservation/premis.xml    PREMIS 3.0: files, events, agents
<id>/documentation/case.pdf              the case and its register entries (PDF/A)
<id>/schemas/*.xsd                       the METS, XLink and E-ARK extension schemas
<id>/representations/rep1/METS.xml       the representation: its documents
<id>/representations/rep1/data/*.pdf     each registered document (PDF/A)
"""

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from lxml import etree

from exports.pdf import ARCHIVAL, render_pdf
from records.archive import documents, events, mets
from records.archive.premis import Premis

SCHEMAS = Path(__file__).parent / "schemas"
PACKAGED_SCHEMAS = (
    "mets.xsd",
    "xlink.xsd",
    "DILCISExtensionMETS.xsd",
    "DILCISExtensionSIPMETS.xsd",
)
PDFA = {"format_name": "Acrobat PDF/A - Portable Document Format", "format_version": "2b"}
PDFA_PRONOM = "fmt/477"  # PDF/A-2b in The National Archives' PRONOM registry
DC = "http://purl.org/dc/elements/1.1/"
REP = "Representations/rep1"


@dataclass
class PackageFile:
    path: str
    content: bytes
    mimetype: str
    group: str = ""
    document: object = None
    file_id: str = ""
    format_name: str = ""
    format_version: str = ""
    format_registry_key: str = ""

    @property
    def size(self):
        return len(self.content)

    @property
    def sha256(self):
        return hashlib.sha256(self.content).hexdigest()


@dataclass
class Contents:
    package_id: str
    label: str
    created: str
    municipality: object
    version: str
    record_ids: list
    files: list = field(default_factory=list)
    descriptive: PackageFile = None
    preservation: PackageFile = None
    documents: list = field(default_factory=list)
    representation_mets: PackageFile = None


def software_version():
    try:
        return version("overens")
    except PackageNotFoundError:  # run from a checkout that was not installed
        return "unknown"


def file_name(number):
    """ "KS 2024/0412-7" -> "KS-2024-0412-7.pdf" """
    return re.sub(r"[^A-Za-z0-9]+", "-", number).strip("-") + ".pdf"


def _pdf(path, content, group, document=None):
    return PackageFile(
        path, content, "application/pdf", group, document, **PDFA, format_registry_key=PDFA_PRONOM
    )


SUMMARY = "documentation/case.pdf"


def entries_of(case):
    """The case's registered documents, in the order of their numbers."""
    documents = case.documents.select_related("case", "organisation", "disposal")
    return list(documents.order_by("sequence"))


def planned_files(case, entries=None):
    """(path in the package, document or None for the case's summary) of every PDF/A the
    package holds, in order: what the print jobs print one by one."""
    entries = entries_of(case) if entries is None else entries
    summary = [(SUMMARY, None)]
    return summary + [(f"representations/rep1/data/{file_name(d.number)}", d) for d in entries]


def render_file(case, document, entries=None):
    """One of the package's PDF/A files: the case's summary (`document` None) or a document."""
    if document is not None:
        return documents.render(document)
    entries = entries_of(case) if entries is None else entries
    context = {"case": case, "entries": entries}
    return render_pdf("records/archive/case_print.html", context, variant=ARCHIVAL)


def _schema_files():
    return [
        PackageFile(f"schemas/{name}", (SCHEMAS / name).read_bytes(), "application/xml", "Schemas")
        for name in PACKAGED_SCHEMAS
    ]


def _dublin_core(case, entries):
    root = etree.Element("metadata", nsmap={"dc": DC})
    values = [
        ("identifier", case.number),
        ("title", case.title),
        ("creator", case.municipality.name),
        ("publisher", case.municipality.name),
        ("type", "Case"),
        ("language", settings.LANGUAGE_CODE),
    ]
    if entries:
        first, last = entries[0].official_since, entries[-1].official_since
        values.append(("date", f"{first.date().isoformat()}/{last.date().isoformat()}"))
    for name, value in values:
        etree.SubElement(root, f"{{{DC}}}{name}").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _record_ids(case, entries):
    """The header's altRecordID fields: the submission agreement and the reference code (E-ARK
    SIP 2.1, SIP5 and SIP7) and the period the documents cover (STARTDATE and ENDDATE, as
    Swedish and Nordic deliveries use them; not checked against the FGS text)."""
    dates = [d.official_since for d in entries] or [case.opened_at]
    return [
        ("SUBMISSIONAGREEMENT", settings.ARCHIVE_SUBMISSION_AGREEMENT),
        ("REFERENCECODE", settings.ARCHIVE_REFERENCE_CODE),
        ("STARTDATE", timezone.localdate(min(dates)).isoformat()),
        ("ENDDATE", timezone.localdate(max(dates)).isoformat()),
    ]


def build(case, package_id, now=None):
    """The package of `case` as ZIP bytes, every PDF/A printed here and now (in one go: the
    job path prints them one job each and calls `assemble`)."""
    entries = entries_of(case)
    pdfs = {path: render_file(case, d, entries) for path, d in planned_files(case, entries)}
    return assemble(case, package_id, pdfs, now)


def assemble(case, package_id, pdfs, now=None):
    """The package of `case` as ZIP bytes from its PDF/A files already printed: `pdfs` maps
    each path of `planned_files` to its bytes. A document registered after the files were
    printed is left out (a closed case takes no new documents)."""
    now = now or timezone.now()
    entries = [d for path, d in planned_files(case) if d is not None and path in pdfs]
    contents = Contents(
        package_id=package_id,
        label=f"{case.number} {case.title}",
        created=timezone.localtime(now).isoformat(timespec="seconds"),
        municipality=case.municipality,
        version=software_version(),
        record_ids=_record_ids(case, entries),
    )
    contents.files = [_pdf(SUMMARY, pdfs[SUMMARY], "Documentation")]
    contents.files += _schema_files()
    contents.documents = [
        _pdf(path, pdfs[path], REP, d) for path, d in planned_files(case, entries) if d is not None
    ]
    for number, package_file in enumerate(contents.files + contents.documents, start=1):
        package_file.file_id = f"file-{number}"
    contents.representation_mets = PackageFile(
        "representations/rep1/METS.xml",
        mets.build_representation(contents, contents.documents),
        "text/xml",
        REP,
        file_id="file-rep1-mets",
    )
    contents.files.append(contents.representation_mets)
    contents.descriptive = PackageFile(
        "metadata/descriptive/dc.xml", _dublin_core(case, entries), "text/xml"
    )
    contents.preservation = PackageFile(
        "metadata/preservation/premis.xml", _premis(case, entries, contents, now), "text/xml"
    )
    return _zip(contents, mets.build(contents))


def _premis(case, entries, contents, now):
    premis = Premis("Överens", contents.version, case.municipality)
    archived = [f for f in contents.files if f.mimetype == "application/pdf"]
    archived += contents.documents
    for package_file in archived:
        secrecy = package_file.document.secrecy_provision if package_file.document else ""
        premis.add_file(package_file, secrecy=secrecy)
    events.add_all(premis, case, entries, archived, now)
    return premis.to_bytes()


def _zip(contents, mets_xml):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        root = contents.package_id
        archive.writestr(f"{root}/METS.xml", mets_xml)
        metadata = [contents.descriptive, contents.preservation]
        for package_file in [*metadata, *contents.files, *contents.documents]:
            archive.writestr(f"{root}/{package_file.path}", package_file.content)
    return buffer.getvalue()
