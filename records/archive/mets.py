"""The package's METS documents (lxml): E-ARK CSIP/SIP 2.1 structure, the package's METS.xml
pointing to the representation's own METS.xml (representations/rep1/METS.xml), which lists the
documents. Every file and metadata file carries its size and SHA-256 checksum.

The header's agents and altRecordID types follow the E-ARK SIP profile 2.1.0 (SIP4-SIP31, as
shipped in eark-validator 1.1.3) and the SIP specification's use of the METS header: the
software that built the package is the one agent with ROLE CREATOR (CSIP10-16), the
municipality is the archival creator (ARCHIVIST), the submitter (OTHER/SUBMITTER) and the
owner (IPOWNER). Riksarkivet's FGS Paketstruktur builds on these; the FGS-only fields could not
be checked against its text (records/README.md says which)."""

from lxml import etree

METS = "http://www.loc.gov/METS/"
XLINK = "http://www.w3.org/1999/xlink"
CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
SIP = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NSMAP = {"mets": METS, "xlink": XLINK, "csip": CSIP, "sip": SIP, "xsi": XSI}
PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"
CONTENT_TYPE = "Överens case (ärende)"
GROUPS = ("Documentation", "Schemas", "Representations/rep1")
REPRESENTATION = "rep1"
DATA_GROUP = "Representations/rep1/data"


def _el(parent, name, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{METS}}}{name}")
    for key, value in attributes.items():
        element.set(key, str(value))
    if text is not None:
        element.text = str(text)
    return element


def _q(namespace, name):
    return f"{{{namespace}}}{name}"


def _checked(package_file, created):
    return {
        "MIMETYPE": package_file.mimetype,
        "SIZE": package_file.size,
        "CREATED": created,
        "CHECKSUM": package_file.sha256,
        "CHECKSUMTYPE": "SHA-256",
    }


def _link(element, path):
    element.set("LOCTYPE", "URL")
    element.set(_q(XLINK, "type"), "simple")
    element.set(_q(XLINK, "href"), path)


def _agent(header, role, kind, name, note=None, note_type=None, **extra):
    agent = _el(header, "agent", ROLE=role, TYPE=kind, **extra)
    _el(agent, "name", name)
    if note:
        _el(agent, "note", note).set(_q(CSIP, "NOTETYPE"), note_type)


def _software(header, info):
    software = ("Överens", info.version, "SOFTWARE VERSION")
    _agent(header, "CREATOR", "OTHER", *software, OTHERTYPE="SOFTWARE")


def _header(root, info):
    header = _el(root, "metsHdr", CREATEDATE=info.created, LASTMODDATE=info.created)
    header.set("RECORDSTATUS", "NEW")
    header.set(_q(CSIP, "OAISPACKAGETYPE"), "SIP")
    _software(header, info)
    municipality = info.municipality.name
    number = info.municipality.organisation_number or None
    for role, extra in (("ARCHIVIST", {}), ("OTHER", {"OTHERROLE": "SUBMITTER"}), ("IPOWNER", {})):
        _agent(header, role, "ORGANIZATION", municipality, number, "IDENTIFICATIONCODE", **extra)
    for kind, value in info.record_ids:
        if value:
            _el(header, "altRecordID", value, TYPE=kind)


def _metadata(root, info):
    dmd = _el(root, "dmdSec", ID="dmd-1", CREATED=info.created, STATUS="CURRENT")
    ref = _el(dmd, "mdRef", MDTYPE="DC", **_checked(info.descriptive, info.created))
    _link(ref, info.descriptive.path)
    amd = _el(root, "amdSec", ID="amd-1")
    digiprov = _el(amd, "digiprovMD", ID="digiprov-1", STATUS="CURRENT")
    ref = _el(digiprov, "mdRef", MDTYPE="PREMIS", **_checked(info.preservation, info.created))
    _link(ref, info.preservation.path)


def _files(root, info):
    section = _el(root, "fileSec", ID="filesec-1")
    for number, group in enumerate(GROUPS, start=1):
        element = _el(section, "fileGrp", ID=f"grp-{number}", USE=group)
        if group.startswith("Representations"):
            _content_type(element)
        for package_file in info.files:
            if package_file.group == group:
                _file(element, package_file, info.created)


def _content_type(element):
    element.set(_q(CSIP, "CONTENTINFORMATIONTYPE"), "OTHER")
    element.set(_q(CSIP, "OTHERCONTENTINFORMATIONTYPE"), CONTENT_TYPE)


def _file(group, package_file, created, base=""):
    element = _el(group, "file", ID=package_file.file_id, **_checked(package_file, created))
    if package_file.format_registry_key:
        element.set(_q(SIP, "FILEFORMATNAME"), package_file.format_name)
        element.set(_q(SIP, "FILEFORMATVERSION"), package_file.format_version)
        element.set(_q(SIP, "FORMATREGISTRY"), "PRONOM")
        element.set(_q(SIP, "FORMATREGISTRYKEY"), package_file.format_registry_key)
    _link(_el(element, "FLocat"), package_file.path.removeprefix(base))


def _structure(root, info):
    struct = _el(root, "structMap", ID="structmap-1", TYPE="PHYSICAL", LABEL="CSIP")
    top = _el(struct, "div", ID="div-root", LABEL=info.package_id)
    _el(top, "div", ID="div-metadata", LABEL="Metadata", ADMID="digiprov-1", DMDID="dmd-1")
    for number, group in enumerate(GROUPS, start=1):
        div = _el(top, "div", ID=f"div-{number}", LABEL=group)
        if group.startswith("Representations"):
            pointer = _el(div, "mptr")
            _link(pointer, info.representation_mets.path)
            pointer.set(_q(XLINK, "title"), f"grp-{number}")
        else:
            _el(div, "fptr", FILEID=f"grp-{number}")


def _root(info, object_id, label):
    root = etree.Element(_q(METS, "mets"), nsmap=NSMAP)
    root.set("OBJID", object_id)
    root.set("LABEL", label)
    root.set("TYPE", "Other")
    root.set(_q(CSIP, "OTHERTYPE"), CONTENT_TYPE)
    _content_type(root)
    root.set("PROFILE", PROFILE)
    return root


def _bytes(root):
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def build(info):
    """METS.xml for the package that `info` (a `package.Contents`) describes."""
    root = _root(info, info.package_id, info.label)
    for part in (_header, _metadata, _files, _structure):
        part(root, info)
    return _bytes(root)


def build_representation(info, files):
    """representations/rep1/METS.xml: the representation's documents (`files`), their paths
    relative to the representation's folder."""
    root = _root(info, REPRESENTATION, info.label)
    header = _el(root, "metsHdr", CREATEDATE=info.created, LASTMODDATE=info.created)
    header.set("RECORDSTATUS", "NEW")
    header.set(_q(CSIP, "OAISPACKAGETYPE"), "SIP")
    _software(header, info)
    section = _el(root, "fileSec", ID="filesec-1")
    group = _el(section, "fileGrp", ID="grp-data", USE=DATA_GROUP)
    _content_type(group)
    base = f"representations/{REPRESENTATION}/"
    for package_file in files:
        _file(group, package_file, info.created, base)
    struct = _el(root, "structMap", ID="structmap-1", TYPE="PHYSICAL", LABEL="CSIP")
    top = _el(struct, "div", ID="div-root", LABEL=REPRESENTATION)
    _el(_el(top, "div", ID="div-data", LABEL="Data"), "fptr", FILEID="grp-data")
    return _bytes(root)
