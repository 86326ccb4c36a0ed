"""The approved minutes as a protocol: PDF (exports.pdf with a print template) and DOCX
(python-docx): header, attendance, the paragraphs, notes, addenda, approvers and dates.

The published version (for readers without a grant, e.g. the public of a public forum)
leaves out the names of private persons: their role title and organisation remain.
"""

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from core.dates import date_text
from dialogues import markdown
from exports.pdf import render_pdf

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Person:
    name: str
    role: str
    organisation: str

    def __str__(self):
        return ", ".join(part for part in (self.name, self.role, self.organisation) if part)


def person(row, show_names):
    name = row.person_name if show_names or not row.is_private_person else ""
    organisation = row.organisation.name if row.organisation else _("private person")
    return Person(name, row.participant_role, organisation)


def context(meeting, show_names):
    """What a protocol shows, for the print template and the DOCX writer alike."""
    rows = list(meeting.attendances.all())
    by_presence = {
        presence: [person(row, show_names) for row in rows if row.presence == presence]
        for presence in ("present", "apologies", "absent")
    }
    role = {row.meeting_role: person(row, show_names) for row in rows}
    return {
        "meeting": meeting,
        "forum": meeting.forum,
        "municipality": _municipality_name(meeting.forum),
        "present": by_presence["present"],
        "apologies": by_presence["apologies"],
        "absent": by_presence["absent"],
        "chair": role.get("chair"),
        "secretary": role.get("secretary"),
        "approvers": [
            (person(row, show_names), row.approved_at) for row in rows if row.is_approver
        ],
        "paragraphs": list(meeting.agenda_items.all()),
        "addenda": list(meeting.addenda.all()),
        "published_version": not show_names,
    }


def _municipality_name(forum):
    municipality = forum.organiser.municipality
    return (municipality or forum.organiser).name


def filename(meeting, extension):
    name = _("protocol-%(forum)s-%(year)s-%(number)s") % {
        "forum": meeting.forum.slug,
        "year": meeting.year,
        "number": meeting.number,
    }
    return f"{name}.{extension}"


def export(meeting, extension, show_names, request=None):
    """(content, content type) of the protocol as "pdf" or "docx"."""
    if extension == "pdf":
        return pdf(meeting, show_names, request=request), "application/pdf"
    return docx(meeting, show_names), DOCX_TYPE


def pdf(meeting, show_names, request=None):
    return render_pdf(
        "dialogues/protocol_print.html", context(meeting, show_names), request=request
    )


def docx(meeting, show_names):
    data = context(meeting, show_names)
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{data['municipality']} · {meeting.forum.name}"
    document.add_heading(_("Protocol: %(title)s") % {"title": meeting.title}, level=0)
    when = _("%(reference)s, %(day)s") % {
        "reference": meeting.reference,
        "day": date_text(meeting.starts_at),
    }
    facts = [
        (_("Meeting"), when),
        (_("Place"), meeting.place),
        (_("Registration number"), meeting.registration_number),
    ]
    for label, value in facts:
        if value:
            document.add_paragraph(_("%(role)s: %(person)s") % {"role": label, "person": value})
    _attendance(document, data)
    for item in data["paragraphs"]:
        _paragraph(document, item)
    if meeting.minutes.strip():
        document.add_heading(_("Other notes"), level=1)
        _markdown(document, meeting.minutes)
    for addendum in data["addenda"]:
        heading = _("Addendum of %(day)s") % {"day": date_text(addendum.created_at)}
        document.add_heading(heading, level=2)
        _markdown(document, addendum.text)
    _signatures(document, data)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _attendance(document, data):
    document.add_heading(_("Attendance"), level=1)
    for label, people in (
        (_("Present"), data["present"]),
        (_("Sent apologies"), data["apologies"]),
        (_("Absent"), data["absent"]),
    ):
        if people:
            document.add_paragraph(label, style="Heading 3")
            for someone in people:
                document.add_paragraph(str(someone), style="List Bullet")


def _paragraph(document, item):
    document.add_heading(f"{item.paragraph} {item.title}", level=1)
    if item.discussion_summary:
        document.add_paragraph(item.discussion_summary)
    if item.outcome_type or item.outcome:
        text = document.add_paragraph()
        if item.outcome_type:
            text.add_run(
                _("%(outcome_type)s: ") % {"outcome_type": item.get_outcome_type_display()}
            ).bold = True
        text.add_run(item.outcome)


def _markdown(document, text):
    styles = {"bullet": "List Bullet", "number": "List Number"}
    for kind, content in markdown.blocks(text):
        if kind == "heading":
            document.add_heading(content, level=2)
        else:
            document.add_paragraph(content, style=styles.get(kind))


def _signatures(document, data):
    document.add_heading(_("Approval"), level=1)
    for label, someone in ((_("Chair"), data["chair"]), (_("Secretary"), data["secretary"])):
        if someone:
            document.add_paragraph(_("%(role)s: %(person)s") % {"role": label, "person": someone})
    for someone, approved_at in data["approvers"]:
        if approved_at:
            line = _("Approved by %(person)s on %(day)s") % {
                "person": someone,
                "day": date_text(approved_at),
            }
        else:
            line = _("Approver: %(person)s") % {"person": someone}
        document.add_paragraph(line)
    if data["published_version"]:
        document.add_paragraph(_("Published version: names of private persons are left out."))
