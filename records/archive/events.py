"""The PREMIS events of a case: the agreement's timeline (decisions included), each
document's becoming official, its corrections and disposal, and what the export did."""

from django.utils.translation import gettext as _

from records.models import Origin

# Working-draft saves are not official acts; the rest of the timeline is the case's history.
LEFT_OUT = {"draft_saved"}


def _timeline(premis, case):
    if case.agreement is None:
        return
    case_id = [("case number", case.number)]
    for row in case.agreement.events.select_related("revision").order_by("at", "pk"):
        if row.kind in LEFT_OUT:
            continue
        detail = row.get_kind_display()
        revision = row.revision
        if row.kind == "adopted" and revision is not None:
            detail = _("Adopted by %(body)s on %(day)s, %(reference)s (revision %(n)s)") % {
                "body": revision.adopted_by_body,
                "day": revision.adopted_on,
                "reference": revision.minute_reference,
                "n": revision.number,
            }
        premis.add_event(row.kind, row.at, detail, objects=case_id, vocabulary=False)


def _entry(premis, entry, package_file):
    ids = [("local", package_file.path), ("registration number", entry.number)]
    how = _("Received") if entry.origin == Origin.RECEIVED else _("Drawn up")
    detail = _("%(how)s: became an official document; registered as %(number)s") % {
        "how": how,
        "number": entry.number,
    }
    premis.add_event("creation", entry.official_since, detail, objects=ids)
    for correction in entry.corrections.all():
        change = _("Register entry corrected, %(field)s: %(old)s → %(new)s (%(reason)s)") % {
            "field": correction.field,
            "old": correction.old_value,
            "new": correction.new_value,
            "reason": correction.reason,
        }
        premis.add_event("metadata modification", correction.at, change, objects=ids)
    disposal = getattr(entry, "disposal", None)
    if disposal is not None and disposal.disposed_at:
        detail = _("Content disposed of under %(decision)s") % {"decision": disposal.decision}
        premis.add_event("deletion", disposal.disposed_at, detail, objects=ids)


def add_all(premis, case, entries, files, now):
    _timeline(premis, case)
    by_document = {f.document.pk: f for f in files if f.document is not None}
    for entry in entries:
        _entry(premis, entry, by_document[entry.pk])
    all_files = [("local", f.path) for f in files]
    premis.add_event(
        "normalization",
        now,
        _("Printed from the records in Överens as PDF/A-2b"),
        objects=all_files,
        outcome="success",
    )
    premis.add_event("message digest calculation", now, "SHA-256", objects=all_files)
    premis.add_event("information package creation", now, "E-ARK SIP", objects=all_files)
