"""The package's preservation metadata: PREMIS 3.0 (lxml), one file object per document and
documentation file, and the events of the case (the agreement's timeline and decisions, each
document's becoming official, its corrections and disposal, the PDF/A rendering, the
checksums and the package itself)."""

from django.utils import timezone
from lxml import etree

PREMIS = "http://www.loc.gov/premis/v3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
EVENT_TYPES = "http://id.loc.gov/vocabulary/preservation/eventType"
LOCAL = "local"


def _el(parent, name, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{PREMIS}}}{name}", attributes)
    if text is not None:
        element.text = str(text)
    return element


def _pair(parent, name, kind, value):
    holder = _el(parent, name)
    _el(holder, f"{name}Type", kind)
    _el(holder, f"{name}Value", value)
    return holder


class Premis:
    """A PREMIS document built object by object and event by event."""

    def __init__(self, software, version, municipality):
        self.root = etree.Element(f"{{{PREMIS}}}premis", nsmap={"premis": PREMIS, "xsi": XSI})
        self.root.set("version", "3.0")
        self.objects, self.events = [], []
        self.software = (software, version)
        self.municipality = municipality

    def add_file(self, package_file, *, secrecy=""):
        obj = etree.Element(f"{{{PREMIS}}}object", {f"{{{XSI}}}type": "premis:file"})
        _pair(obj, "objectIdentifier", LOCAL, package_file.path)
        if package_file.document is not None:
            _pair(obj, "objectIdentifier", "registration number", package_file.document.number)
        if secrecy:
            _pair(obj, "significantProperties", "secrecy mark", secrecy)
        characteristics = _el(obj, "objectCharacteristics")
        _el(characteristics, "compositionLevel", 0)
        fixity = _el(characteristics, "fixity")
        _el(fixity, "messageDigestAlgorithm", "SHA-256")
        _el(fixity, "messageDigest", package_file.sha256)
        _el(characteristics, "size", package_file.size)
        designation = _el(_el(characteristics, "format"), "formatDesignation")
        _el(designation, "formatName", package_file.format_name)
        if package_file.format_version:
            _el(designation, "formatVersion", package_file.format_version)
        _el(obj, "originalName", package_file.path.rsplit("/", 1)[-1])
        self.objects.append(obj)

    def add_event(self, kind, at, detail="", *, objects=(), vocabulary=True, outcome=None):
        """An event of `kind` (from the Library of Congress list when `vocabulary`, else the
        case's own word) about the objects named by (identifier type, value)."""
        event = etree.Element(f"{{{PREMIS}}}event")
        _pair(event, "eventIdentifier", LOCAL, f"event-{len(self.events) + 1}")
        kind_element = _el(event, "eventType", kind)
        kind_element.set("authority", "eventType" if vocabulary else "overens")
        if vocabulary:
            kind_element.set("authorityURI", EVENT_TYPES)
        _el(event, "eventDateTime", timezone.localtime(at).isoformat(timespec="seconds"))
        if detail:
            _el(_el(event, "eventDetailInformation"), "eventDetail", detail)
        if outcome:
            _el(_el(event, "eventOutcomeInformation"), "eventOutcome", outcome)
        agent = _pair(event, "linkingAgentIdentifier", LOCAL, "agent-municipality")
        _el(agent, "linkingAgentRole", "implementer")
        software = _pair(event, "linkingAgentIdentifier", LOCAL, "agent-software")
        _el(software, "linkingAgentRole", "executing program")
        for kind_of_id, value in objects:
            _pair(event, "linkingObjectIdentifier", kind_of_id, value)
        self.events.append(event)

    def _agents(self):
        software = etree.Element(f"{{{PREMIS}}}agent")
        _pair(software, "agentIdentifier", LOCAL, "agent-software")
        _el(software, "agentName", self.software[0])
        _el(software, "agentType", "software")
        _el(software, "agentVersion", self.software[1])
        municipality = etree.Element(f"{{{PREMIS}}}agent")
        _pair(municipality, "agentIdentifier", LOCAL, "agent-municipality")
        if self.municipality.organisation_number:
            number = self.municipality.organisation_number
            _pair(municipality, "agentIdentifier", "organisation number", number)
        _el(municipality, "agentName", self.municipality.name)
        _el(municipality, "agentType", "organization")
        return [software, municipality]

    def to_bytes(self):
        self.root.extend(self.objects + self.events + self._agents())
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
