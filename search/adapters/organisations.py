"""Organisations are searchable by everyone while they are active (the directory is public)."""

from django.utils.translation import gettext_lazy as _

from search.adapters.attachments import attachments_of
from search.registry import Adapter, Section


class OrganisationAdapter(Adapter):
    model = "organisations.Organisation"
    verbose_name = _("Organisation")

    def get_queryset(self):
        return super().get_queryset().select_related("parent")

    def sections(self, organisation):
        parts = [organisation.get_kind_display(), organisation.description]
        if organisation.parent_id:
            parts.append(organisation.parent.name)
        if organisation.organisation_number:
            parts.append(organisation.organisation_number)
        yield Section(
            key="main",
            title=organisation.name,
            text="\n".join(str(p) for p in parts if p),
            url=organisation.get_absolute_url(),
        )

    def fields(self, organisation):
        return {"organisations": [organisation.pk]}

    def is_public(self, organisation):
        return organisation.is_active

    def related(self, organisation):
        # Departments show their parent's name in their text; files are as public as it is.
        return [*organisation.children.all(), *attachments_of(organisation)]
