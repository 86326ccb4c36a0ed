"""The demo agreement's case exports as an E-ARK package that validates: METS against the
METS schema with the E-ARK extensions, PREMIS against the PREMIS schema, every checksum and
size in METS matching its file, every document as PDF/A. The demo's case (84 documents, one
PDF each) is built once; the other rules are shown on a small case."""

import hashlib
import io
import zipfile

import pytest
from django.contrib.auth.models import User
from pypdf import PdfReader

from records.archive import package as sip
from records.archive.validation import (
    InvalidPackage,
    all_listed_files,
    check_mets,
    check_package,
    check_premis,
    listed_files,
)
from records.models import ArchivePackage, Case

XLINK = "http://www.w3.org/1999/xlink"
NS = {
    "mets": "http://www.loc.gov/METS/",
    "premis": "http://www.loc.gov/premis/v3",
}


def _open(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    root = archive.namelist()[0].split("/", 1)[0]
    return archive, root


def test_the_demo_agreements_case_exports_as_a_package_that_validates(demo):
    case = Case.objects.get(number="KS 2024/0412")

    package = ArchivePackage.request(case, by=User.objects.get(username="samordnare"))

    package.refresh_from_db()
    assert package.state == ArchivePackage.State.READY, package.error
    assert package.parts.count() == case.documents.count() + 1  # a print job each
    archive, root = _open(package.file.read())
    mets = check_mets(archive.read(f"{root}/METS.xml"))
    premis = check_premis(archive.read(f"{root}/metadata/preservation/premis.xml"))
    assert root == mets.get("OBJID") == package.package_id
    listed = list(all_listed_files(archive, root))  # the package's and rep1's METS.xml
    for path, size, checksum in listed:
        data = archive.read(f"{root}/{path}")
        assert (len(data), hashlib.sha256(data).hexdigest()) == (size, checksum), path
    in_zip = {name.removeprefix(f"{root}/") for name in archive.namelist()}
    assert in_zip == {path for path, _, _ in listed} | {"METS.xml"}
    documents = {p for p in in_zip if p.startswith("representations/rep1/data/")}
    assert len(documents) == case.documents.count()
    representation = check_mets(archive.read(f"{root}/representations/rep1/METS.xml"))
    assert {f"representations/rep1/{p}" for p, _, _ in listed_files(representation)} == documents
    pointer = mets.find(".//mets:structMap//mets:mptr", NS)
    assert pointer.get(f"{{{XLINK}}}href") == "representations/rep1/METS.xml"
    numbers = premis.xpath(
        "//premis:objectIdentifier[premis:objectIdentifierType='registration number']"
        "/premis:objectIdentifierValue/text()",
        namespaces=NS,
    )
    assert sorted(numbers) == sorted(case.documents.values_list("number", flat=True))
    assert premis.xpath("//premis:event[premis:eventType='adopted']", namespaces=NS)


def test_every_document_in_the_package_is_pdf_a(case):
    archive, root = _open(sip.build(case, "uuid-test"))

    pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
    assert len(pdfs) == case.documents.count() + 1  # and the case's documentation
    for name in pdfs:
        reader = PdfReader(io.BytesIO(archive.read(name)))
        xmp = reader.xmp_metadata.rdf_root.toxml()
        assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="B"' in xmp, name
        assert "/OutputIntents" in reader.trailer["/Root"], name


def test_a_package_whose_file_was_changed_does_not_validate(case):
    archive, root = _open(sip.build(case, "uuid-test"))
    tampered = io.BytesIO()
    with zipfile.ZipFile(tampered, "w") as copy:
        for name in archive.namelist():
            data = archive.read(name)
            copy.writestr(name, data + b"%" if name.endswith("case.pdf") else data)

    with pytest.raises(InvalidPackage, match="documentation/case.pdf"):
        check_package(tampered.getvalue())
