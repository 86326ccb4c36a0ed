"""Files on records: their extracted text, seen by exactly who sees the record.

An attachment's readers are its parent record's (attachments.registry's
`can_view`, the rule of the parent's own page); in the index it carries the
groups and public flag of the parent's own search adapter. The hit links to
the files on the parent's page.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from attachments import registry as attachment_registry
from search import registry
from search.registry import Adapter, Section

WORDS_PER_PART = 1500  # long documents in parts, so snippets are short and ranking fair


def attachments_of(*records):
    """The attachments on these records (of models that carry files), a query per model."""
    from attachments.models import Attachment

    by_model = {}
    for record in records:
        if record is not None and attachment_registry.is_registered(record):
            by_model.setdefault(type(record), []).append(record.pk)
    found = []
    for model, pks in by_model.items():
        content_type = ContentType.objects.get_for_model(model)
        found += Attachment.objects.filter(content_type=content_type, object_id__in=pks)
    return found


def parent_of(attachment):
    try:
        return attachment_registry.parent_of_or_404(attachment)
    except Http404:
        return None


def parts(text, size=WORDS_PER_PART):
    words = text.split()
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)] or [""]


class AttachmentAdapter(Adapter):
    model = "attachments.Attachment"
    verbose_name = _("Attached file")
    sectioned = True

    def get_queryset(self):
        return super().get_queryset().select_related("content_type")

    def group_ids(self, attachment):
        parent = parent_of(attachment)
        adapter = registry.adapter_for(parent) if parent is not None else None
        return adapter.group_ids(parent) if adapter else set()

    def is_public(self, attachment):
        parent = parent_of(attachment)
        if parent is None:
            return False
        adapter = registry.adapter_for(parent)
        if adapter is not None:
            return adapter.is_public(parent)
        return attachment_registry.can_view(AnonymousUser(), parent)

    def visible_objects(self, user, pks):
        found = self.get_queryset().filter(pk__in=pks)
        return {str(a.pk): a for a in found if self.can_view(user, a)}

    def can_view(self, user, attachment):
        parent = parent_of(attachment)
        return parent is not None and attachment_registry.can_view(user, parent)

    def sections(self, attachment):
        parent = parent_of(attachment)
        if parent is None:
            return
        text = attachment.extracted_text if attachment.extraction_status == "ok" else ""
        pieces = parts(text)
        for number, piece in enumerate(pieces, start=1):
            title = f"{attachment.original_name} – {parent}"
            if len(pieces) > 1:
                title += " " + gettext("(part %(n)s of %(total)s)") % {
                    "n": number,
                    "total": len(pieces),
                }
            lead = attachment.description if number == 1 else ""
            yield Section(
                key=f"part-{number}",
                title=title,
                text="\n".join(p for p in (lead, piece) if p),
                url=f"{parent.get_absolute_url()}#attachments",
            )

    def fields(self, attachment):
        parent = parent_of(attachment)
        adapter = registry.adapter_for(parent) if parent is not None else None
        inherited = adapter.fields(parent) if adapter else {}
        return {
            **{k: v for k, v in inherited.items() if k in ("organisations", "forum", "agreement")},
            "date": attachment.uploaded_at,
            "status": "superseded" if attachment.is_superseded else "current",
        }

    def facet_labels(self, facet, values):
        if facet != "status":
            return {}
        labels = {"current": gettext("Current file"), "superseded": gettext("Superseded file")}
        return {v: labels[v] for v in values if v in labels}
