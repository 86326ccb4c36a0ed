"""Agreements and their revisions, a revision indexed section by section.

Who may read what is agreements/permissions.py's rule, never repeated here:
the agreement and its frozen revisions follow `view_agreement` (public once
adopted or in force and marked public); the working draft follows
`edit_draft`, so only its drafters find its words.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agreements import permissions
from agreements.passages import plain_text
from organisations.permissions import group_ids_with_perm
from search.adapters.attachments import attachments_of
from search.registry import Adapter, Section


def party_ids(agreement):
    """The active parties' organisations (reads prefetched parties when there are some)."""
    return sorted(p.organisation_id for p in agreement.parties.all() if p.withdrawn_on is None)


def agreement_titles(values):
    """{str(pk): title} for the agreement facet."""
    from agreements.models import Agreement

    ids = [int(v) for v in values if str(v).isdigit()]
    rows = Agreement.objects.filter(pk__in=ids).values_list("pk", "title")
    return {str(pk): title for pk, title in rows}


class AgreementAdapter(Adapter):
    model = "agreements.Agreement"
    view_perm = permissions.VIEW
    verbose_name = _("Agreement")
    watch = {
        # An accession or withdrawal changes who reads it and its organisations facet.
        "agreements.Party": lambda party: agreement_records(party.agreement_id),
    }

    def get_queryset(self):
        return super().get_queryset().select_related("municipality").prefetch_related("parties")

    def sections(self, agreement):
        parts = [agreement.summary, agreement.registration_number, agreement.municipality.name]
        yield Section(
            key="main",
            title=agreement.title,
            text="\n".join(p for p in parts if p),
            url=agreement.get_absolute_url(),
        )

    def fields(self, agreement):
        return {
            "date": agreement.valid_from or agreement.created_at,
            "organisations": party_ids(agreement),
            "agreement": agreement.pk,
            "status": agreement.status,
        }

    def is_public(self, agreement):
        return agreement.is_public_now

    def related(self, agreement):
        return agreement_records(agreement.pk, include_agreement=False)

    def facet_labels(self, facet, values):
        from agreements.models import Agreement

        if facet == "agreement":
            return agreement_titles(values)
        if facet == "status":
            return {v: str(label) for v, label in Agreement.Status.choices if v in values}
        return {}


def agreement_records(agreement_id, include_agreement=True):
    """The agreement, its revisions, their comments and the files on all of them, and its
    follow-up (commitments and reports take their readers from the agreement)."""
    from agreements.models import Agreement, Comment, Revision
    from search.adapters.followup import agreement_followup_records

    agreements = list(Agreement.objects.filter(pk=agreement_id))
    revisions = list(Revision.objects.filter(agreement_id=agreement_id))
    comments = list(Comment.objects.filter(revision__agreement_id=agreement_id))
    records = [
        *revisions,
        *comments,
        *attachments_of(*agreements, *revisions),
        *agreement_followup_records(agreement_id),
    ]
    return [*agreements, *records] if include_agreement else records


class RevisionAdapter(Adapter):
    model = "agreements.Revision"
    verbose_name = _("Agreement text")
    sectioned = True

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("agreement__municipality")
            .prefetch_related("agreement__parties")
        )

    def perm(self, revision):
        return permissions.EDIT_DRAFT if revision.is_draft else permissions.VIEW

    def group_ids(self, revision):
        if revision.is_draft and revision.agreement.is_closed:
            return set()  # can_edit_draft: nobody edits a closed agreement's draft
        return group_ids_with_perm(self.perm(revision), revision.agreement)

    def is_public(self, revision):
        return not revision.is_draft and revision.agreement.is_public_now

    def visible_objects(self, user, pks):
        verdicts = {}  # one rule check per agreement and kind, not per hit
        visible = {}
        for revision in self.get_queryset().filter(pk__in=pks):
            key = (revision.agreement_id, revision.is_draft)
            if key not in verdicts:
                verdicts[key] = permissions.can_view_revision(user, revision)
            if verdicts[key]:
                visible[str(revision.pk)] = revision
        return visible

    def can_view(self, user, revision):
        return permissions.can_view_revision(user, revision)

    def sections(self, revision):
        agreement = revision.agreement
        if revision.is_draft:
            name = gettext("working draft")
            url = revision.get_absolute_url()
        else:
            name = gettext("revision %(number)s") % {"number": revision.number}
        for section in revision.section_list():
            heading = section.heading or revision.title
            yield Section(
                key=section.anchor,
                title=f"{heading} – {agreement.title}, {name}",
                text=plain_text(section.body),
                url=url if revision.is_draft else f"{revision.get_absolute_url()}#{section.anchor}",
            )

    def version_of(self, revision, section):
        """A section of a published revision: the same anchor in the agreement's other
        published revisions. The adopted text (in force during a review) stays apart."""
        if revision.is_draft or revision.state == revision.State.ADOPTED:
            return None
        return (revision.agreement_id, section), revision.number

    def fields(self, revision):
        return {
            "date": revision.published_at or revision.updated_at,
            "organisations": party_ids(revision.agreement),
            "agreement": revision.agreement_id,
            "status": revision.state,
        }

    def related(self, revision):
        return [*revision.comments.all(), *attachments_of(revision)]

    def facet_labels(self, facet, values):
        from agreements.models import Revision

        if facet == "status":
            return {v: str(label) for v, label in Revision.State.choices if v in values}
        return {}
