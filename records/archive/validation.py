"""Validation of a package's METS and PREMIS against their schemas (lxml), without the
network: the schemas are local files (schemas/ORIGIN.md). The job validates every package
before it is offered for download; the tests use the same checks."""

import hashlib
import io
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
PREMIS_SCHEMA = SCHEMAS / "premis-v3-subset.xsd"

# One schema document importing the METS schema and the namespaces of the attributes a
# package puts on METS elements; XLink first, from the local file, so that mets.xsd's own
# import of XLink (by URL) is satisfied without a download.
METS_WITH_EXTENSIONS = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.w3.org/1999/xlink" schemaLocation="{dir}/xlink.xsd"/>
  <xs:import namespace="http://www.loc.gov/METS/" schemaLocation="{dir}/mets.xsd"/>
  <xs:import namespace="https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
             schemaLocation="{dir}/DILCISExtensionMETS.xsd"/>
  <xs:import namespace="https://DILCIS.eu/XML/METS/SIPExtensionMETS"
             schemaLocation="{dir}/DILCISExtensionSIPMETS.xsd"/>
</xs:schema>"""


class InvalidPackage(ValueError):
    """The package's METS or PREMIS does not validate; the message names the errors."""


@cache
def mets_schema():
    text = METS_WITH_EXTENSIONS.format(dir=SCHEMAS.as_uri())
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.fromstring(text.encode(), parser, base_url=SCHEMAS.as_uri()))


@cache
def premis_schema():
    return etree.XMLSchema(etree.parse(str(PREMIS_SCHEMA), etree.XMLParser(no_network=True)))


def check(schema, content, what):
    """Raise InvalidPackage unless `content` (XML bytes) validates against `schema`."""
    document = etree.fromstring(content, etree.XMLParser(no_network=True, resolve_entities=False))
    if not schema.validate(document):
        errors = "; ".join(f"line {e.line}: {e.message}" for e in schema.error_log[:5])
        raise InvalidPackage(f"{what}: {errors}")
    return document


def check_mets(content):
    return check(mets_schema(), content, "METS.xml")


def check_premis(content):
    return check(premis_schema(), content, "premis.xml")


def check_package(zip_content):
    """Validate a package (ZIP bytes): its METS documents (the package's and each
    representation's) and PREMIS against their schemas, and every checksum and size that a
    METS document gives against the file it names."""
    with zipfile.ZipFile(io.BytesIO(zip_content)) as archive:
        root = archive.namelist()[0].split("/", 1)[0]
        check_premis(archive.read(f"{root}/metadata/preservation/premis.xml"))
        for path, size, checksum in all_listed_files(archive, root):
            content = archive.read(f"{root}/{path}")
            if len(content) != size or hashlib.sha256(content).hexdigest() != checksum:
                raise InvalidPackage(f"{path}: size or checksum does not match METS.xml")


def all_listed_files(archive, root):
    """(path from the package's folder, size, SHA-256) of every file that the package's METS
    and the representations' METS documents list; each METS document validated first."""
    pending = ["METS.xml"]
    while pending:
        mets_path = pending.pop()
        folder = mets_path.rpartition("/")[0]
        mets = check_mets(archive.read(f"{root}/{mets_path}"))
        for path, size, checksum in listed_files(mets):
            path = f"{folder}/{path}" if folder else path
            if path.endswith("/METS.xml"):
                pending.append(path)
            yield path, size, checksum


def listed_files(mets):
    """(path, size, SHA-256) of every file and metadata file a METS document lists, the paths
    relative to the METS document's folder."""
    ns = {"mets": "http://www.loc.gov/METS/", "xlink": "http://www.w3.org/1999/xlink"}
    href = "{http://www.w3.org/1999/xlink}href"
    for ref in mets.iterfind(".//mets:mdRef", ns):
        yield ref.get(href), int(ref.get("SIZE")), ref.get("CHECKSUM")
    for element in mets.iterfind(".//mets:file", ns):
        location = element.find("mets:FLocat", ns).get(href)
        yield location, int(element.get("SIZE")), element.get("CHECKSUM")
