"""Each registered document of a case printed as PDF/A for the package: a meeting's minutes
and a follow-up report through their own print templates, the other records through the
archive's template. The archive keeps the whole record: names are not left out here, and a
secret document goes in with its secrecy mark (the archive applies the secrecy)."""

from agreements import markdown
from consultation.report import build_report
from exports.pdf import ARCHIVAL, render_pdf
from records.models import DocumentType


def _revision(document, revision):
    return "records/archive/document_print.html", {
        "revision": revision,
        "body_html": markdown.render(revision.body),
    }


def _response(document, comment):
    return "records/archive/document_print.html", {
        "comment": comment,
        "body_html": markdown.render(comment.body),
        "response": getattr(comment, "response", None),
    }


def _report(document, revision):
    sections, by_organisation, by_disposition = build_report(revision)
    return "records/archive/document_print.html", {
        "report": revision,
        "sections": sections,
        "by_organisation": by_organisation,
        "by_disposition": by_disposition,
    }


def _minutes(document, meeting):
    from dialogues import protocol

    return "dialogues/protocol_print.html", protocol.context(meeting, show_names=True)


def _followup(document, round):
    context = {"round": round, "plan": round.plan, "agreement": round.plan.agreement}
    return "followup/report_print.html", context | {"report": round.report}


RENDERERS = {
    DocumentType.REVISION: _revision,
    DocumentType.CONSULTATION_RESPONSE: _response,
    DocumentType.CONSULTATION_REPORT: _report,
    DocumentType.MINUTES: _minutes,
    DocumentType.FOLLOWUP_REPORT: _followup,
}


def render(document):
    """The document as PDF/A-2b bytes. A record deleted since it was registered (or whose
    content was disposed of) prints as its register entry with a note saying so."""
    record = document.record
    template, context = "records/archive/document_print.html", {}
    if record is not None:
        template, context = RENDERERS[document.document_type](document, record)
    context |= {"document": document, "record_missing": record is None}
    return render_pdf(template, context, variant=ARCHIVAL)
