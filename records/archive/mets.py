"""The package's METS document (lxml): E-ARK CSIP/SIP structure with the Swedish FGS
package fields where they apply (agents and altRecordID types named as in FGS
Paketstruktur). Every file and metadata file carries its size and SHA-256 checksum."""

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


def _header(root, info):
    header = _el(root, "metsHdr", CREATEDATE=info.created, LASTMODDATE=info.created)
    header.set("RECORDSTATUS", "NEW")
    header.set(_q(CSIP, "OAISPACKAGETYPE"), "SIP")
    number = info.municipality.organisation_number or None
    for role in ("ARCHIVIST", "CREATOR", "IPOWNER"):
        _agent(header, role, "ORGANIZATION", info.municipality.name, number, "IDENTIFICATIONCODE")
    software = ("Överens", info.version, "SOFTWARE VERSION")
    _agent(header, "CREATOR", "OTHER", *software, OTHERTYPE="SOFTWARE")
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
            element.set(_q(CSIP, "CONTENTINFORMATIONTYPE"), "OTHER")
            element.set(_q(CSIP, "OTHERCONTENTINFORMATIONTYPE"), CONTENT_TYPE)
        for package_file in info.files:
            if package_file.group == group:
                _file(element, package_file, info.created)


def _file(group, package_file, created):
    element = _el(group, "file", ID=package_file.file_id, **_checked(package_file, created))
    if package_file.format_registry_key:
        element.set(_q(SIP, "FILEFORMATNAME"), package_file.format_name)
        element.set(_q(SIP, "FILEFORMATVERSION"), package_file.format_version)
        element.set(_q(SIP, "FORMATREGISTRY"), "PRONOM")
        element.set(_q(SIP, "FORMATREGISTRYKEY"), package_file.format_registry_key)
    _link(_el(element, "FLocat"), package_file.path)


def _structure(root, info):
    struct = _el(root, "structMap", ID="structmap-1", TYPE="PHYSICAL", LABEL="CSIP")
    top = _el(struct, "div", ID="div-root", LABEL=info.package_id)
    _el(top, "div", ID="div-metadata", LABEL="Metadata", ADMID="digiprov-1", DMDID="dmd-1")
    for number, group in enumerate(GROUPS, start=1):
        div = _el(top, "div", ID=f"div-{number}", LABEL=group)
        _el(div, "fptr", FILEID=f"grp-{number}")


def build(info):
    """METS.xml for the package that `info` (a `package.Contents`) describes."""
    root = etree.Element(_q(METS, "mets"), nsmap=NSMAP)
    root.set("OBJID", info.package_id)
    root.set("LABEL", info.label)
    root.set("TYPE", "Other")
    root.set(_q(CSIP, "OTHERTYPE"), CONTENT_TYPE)
    root.set(_q(CSIP, "CONTENTINFORMATIONTYPE"), "OTHER")
    root.set(_q(CSIP, "OTHERCONTENTINFORMATIONTYPE"), CONTENT_TYPE)
    root.set("PROFILE", PROFILE)
    for part in (_header, _metadata, _files, _structure):
        part(root, info)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
