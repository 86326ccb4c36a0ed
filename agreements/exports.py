"""The consultation report and the agreement as files for the political decision: PDF
(exports.pdf with a print template) and DOCX (python-docx, in the style of the meeting
protocol, dialogues/protocol.py). Each page carries the municipality's name and the
agreement's registration number in its header; the PDF numbers its pages ("3 / 12").

The files are made in the request, like the protocol. Measured on the demo city (2 shared
cores, load average 4): the agreement (40 sections) 1.4–1.9 s as PDF and 0.4 s as DOCX, the
report (34 comments) 2.8–3.7 s as PDF and 0.5 s as DOCX, a protocol 0.4 s. A report of more
than `CONSULTATION_REPORT_JOB_ABOVE` comments is printed by a job instead
(consultation/exports.py).
"""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from agreements import markdown
from consultation.report import build_report, invited_bodies
from core.dates import date_text
from exports.pdf import render_pdf

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CONTENT_TYPES = {"pdf": "application/pdf", "docx": DOCX_TYPE}


def header_text(agreement):
    """'Kullahamns kommun · Dnr KS 2024/0412': the running header of every page."""
    parts = [agreement.municipality.name]
    if agreement.registration_number:
        parts.append(_("Reg. no. %(number)s") % {"number": agreement.registration_number})
    return " · ".join(parts)


def report_context(revision, with_names):
    """What the report shows, for the print template and the DOCX writer alike."""
    sections, organisations, dispositions = build_report(revision)
    return {
        "agreement": revision.agreement,
        "revision": revision,
        "header": header_text(revision.agreement),
        "sections": sections,
        "organisations": organisations,
        "dispositions": dispositions,
        "invited": invited_bodies(revision),
        "with_names": with_names,
    }


def agreement_context(agreement, revision):
    return {
        "agreement": agreement,
        "revision": revision,
        "header": header_text(agreement),
        "body_html": markdown.render_cached(revision.body),
        "parties": list(agreement.parties.active().select_related("organisation")),
    }


def report_filename(revision, extension):
    return f"remissammanstallning-{revision.agreement.slug}-{revision.number}.{extension}"


def agreement_filename(revision, extension):
    return f"{revision.agreement.slug}-version-{revision.number}.{extension}"


def report(revision, extension, with_names, request=None):
    """(content, content type) of the consultation report as "pdf" or "docx"."""
    data = report_context(revision, with_names)
    if extension == "pdf":
        content = render_pdf("consultation/report_print.html", data, request=request)
    else:
        content = _report_docx(data)
    return content, CONTENT_TYPES[extension]


def agreement(agreement, revision, extension, request=None):
    """(content, content type) of a published revision of `agreement` as "pdf" or "docx"."""
    data = agreement_context(agreement, revision)
    if extension == "pdf":
        content = render_pdf("agreements/print_export.html", data, request=request)
    else:
        content = _agreement_docx(data)
    return content, CONTENT_TYPES[extension]


def _document(data, title):
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.sections[0].header.paragraphs[0].text = data["header"]
    document.add_heading(title, level=0)
    return document


def _facts(document, facts):
    for label, value in facts:
        if value:
            document.add_paragraph(_("%(label)s: %(value)s") % {"label": label, "value": value})


def _saved(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def revision_facts(agreement, revision):
    """(label, text) of the dates and numbers that identify the revision."""
    adopted = ""
    if revision.adopted_on:
        adopted = ", ".join(
            part
            for part in (
                revision.adopted_by_body,
                date_text(revision.adopted_on),
                revision.minute_reference,
            )
            if part
        )
    return [
        (_("Municipality"), agreement.municipality.name),
        (_("Registration number"), agreement.registration_number),
        (_("Revision"), str(revision.number)),
        (_("Published"), date_text(revision.published_at)),
        (_("Consultation closed"), date_text(revision.consultation_closed_at)),
        (_("Adopted"), adopted),
        (_("Valid from"), date_text(agreement.valid_from)),
    ]


def _agreement_docx(data):
    agreement, revision = data["agreement"], data["revision"]
    document = _document(data, revision.title)
    _facts(document, revision_facts(agreement, revision))
    _markdown(document, revision.body)
    document.add_heading(_("Parties and signatures"), level=1)
    for party in data["parties"]:
        line = f"{party.organisation.name} ({party.get_role_display()})"
        if party.signed_on:
            parts = (date_text(party.signed_on), party.signed_by_name, party.signed_by_title)
            signed = ", ".join(part for part in parts if part)
            line = _("%(label)s: %(value)s") % {"label": line, "value": signed}
        document.add_paragraph(line, style="List Bullet")
    return _saved(document)


def _report_docx(data):
    agreement, revision = data["agreement"], data["revision"]
    document = _document(data, _("Consultation report"))
    document.add_paragraph(f"{agreement.title} – {revision.title}")
    _facts(document, revision_facts(agreement, revision))
    _totals(document, data)
    _invited(document, data["invited"])
    for section in data["sections"]:
        document.add_heading(section.heading, level=1)
        for comment in section.comments:
            _comment(document, comment, data["with_names"])
    if not data["sections"]:
        document.add_paragraph(_("No comments were made on this revision."))
    return _saved(document)


def _totals(document, data):
    document.add_heading(_("Totals"), level=1)
    document.add_paragraph(_("Comments per organisation"), style="Heading 3")
    for name, count in data["organisations"]:
        document.add_paragraph(f"{name}: {count}", style="List Bullet")
    document.add_paragraph(_("Comments per disposition"), style="Heading 3")
    for label, count in data["dispositions"]:
        document.add_paragraph(f"{label}: {count}", style="List Bullet")


def _invited(document, invited):
    if invited.invitations:
        document.add_heading(_("Invited bodies"), level=1)
        for invitation in invited.invitations:
            line = f"{invitation.organisation.name}: {invitation.get_status_display()}"
            if invitation.decline_reason:
                line += f" ({invitation.decline_reason})"
            document.add_paragraph(line, style="List Bullet")
    if invited.questions:
        document.add_heading(_("Answers to the questions"), level=1)
    for question in invited.questions:
        document.add_heading(f"{question.position}. {question.text}", level=2)
        for answer in question.answers.all():
            document.add_paragraph(answer.organisation.name, style="Heading 3")
            _markdown(document, answer.body)


def _comment(document, comment, with_names):
    who = comment.organisation.name
    if with_names and comment.author:
        who += f", {comment.author.get_full_name() or comment.author.username}"
    document.add_paragraph(who, style="Heading 3")
    if comment.quote:
        document.add_paragraph(f"“{comment.quote}”", style="Quote")
    _markdown(document, comment.body)
    response = comment.response_or_none
    text = document.add_paragraph()
    label = response.get_disposition_display() if response else _("Not answered")
    text.add_run(_("Disposition: %(label)s") % {"label": label}).bold = True
    if response and response.reason:
        text.add_run(f" {response.reason}")


def _markdown(document, text):
    styles = {"bullet": "List Bullet", "number": "List Number"}
    for kind, content in markdown.blocks(text):
        if kind == "heading":
            document.add_heading(content, level=2)
        else:
            document.add_paragraph(content, style=styles.get(kind))
