"""Which records are searchable, and how each becomes engine documents.

Search knows the apps it serves only through this registry: one `Adapter`
per searchable model, in `search/adapters/<app>.py`, listed in `ADAPTERS`
below. The apps themselves never import search.

Adding a record type (agreements, comments, dialogues, attachments) is one
small module plus one line:

    # search/adapters/agreements.py
    class RevisionAdapter(Adapter):
        model = "agreements.Revision"
        view_perm = "agreements.view_agreement"    # checked on perm_object()

        def perm_object(self, revision):            # whose grants decide
            return revision.agreement

        def is_public(self, revision):
            return revision.agreement.is_public and revision.is_published

        def sections(self, revision):               # one document per section
            for section in revision.sections.all():
                yield Section(key=f"s{section.pk}", title=..., text=section.body,
                              url=f"{revision.get_absolute_url()}#section-{section.pk}")

        def related(self, revision):                # reindexed with it
            return revision.comments.all()

    # and in ADAPTERS below: "search.adapters.agreements.RevisionAdapter",

`related()` of a record lists the registered records whose documents depend
on it (comments inherit their revision's visibility); `watch` maps an
unregistered model (forum membership, say) to the records to reindex when
one of its rows is saved or deleted. Grants are followed automatically: when
`grant_exactly` changes the groups on a record, the records whose
`perm_object()` it is are reindexed through `related()` of that record's
adapter, or through `watch` when that model is not searchable itself.

A model may have more than one adapter when parts of a record are seen by
different people: meetings are one record type and their minutes another
(`type = "dialogues.minutes"`), each with its own rule. `adapters_for(obj)`
lists them all; the first listed is the model's own.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.module_loading import import_string

from organisations import permissions

ADAPTERS = [
    "search.adapters.organisations.OrganisationAdapter",
    "search.adapters.agreements.AgreementAdapter",
    "search.adapters.agreements.RevisionAdapter",
    "search.adapters.comments.CommentAdapter",
    "search.adapters.dialogues.ForumAdapter",
    "search.adapters.dialogues.MeetingAdapter",
    "search.adapters.dialogues.AgendaItemAdapter",
    "search.adapters.minutes.MinutesAdapter",
    "search.adapters.dialogues.ActionItemAdapter",
    "search.adapters.dialogues.PostAdapter",
    "search.adapters.attachments.AttachmentAdapter",
    "search.adapters.followup.CommitmentAdapter",
    "search.adapters.followup.FollowUpReportAdapter",
]


@dataclass(frozen=True)
class Section:
    """One searchable part of a record: the whole record, a section, an agenda item."""

    key: str
    title: str
    text: str
    url: str


class Adapter:
    """How one model is searched. Subclasses set `model` and `sections()`."""

    model = None  # "app_label.ModelName"
    view_perm = None  # "app.codename" held by the groups that may view the record
    verbose_name = None  # shown as the record type; defaults to the model's
    watch = {}  # {"app.Model": callable(instance) -> records to reindex}
    # True when a record's sections can come and go (revisions, minutes): its old
    # documents are then removed before the new ones are written.
    sectioned = False

    @property
    def model_class(self):
        return apps.get_model(self.model)

    @property
    def type(self):
        """The engine's record type, e.g. "organisations.organisation".

        A second adapter of the same model sets its own (`type = "dialogues.minutes"`).
        """
        return self.model_class._meta.label_lower

    def label(self):
        return self.verbose_name or self.model_class._meta.verbose_name

    def get_queryset(self):
        """Every record that may be indexed (for rebuild and verify)."""
        return self.model_class._default_manager.all()

    def sections(self, obj):
        raise NotImplementedError

    def fields(self, obj):
        """Facets: date, organisations (ids), agreement, forum, status."""
        return {}

    def is_public(self, obj):
        return False

    def perm_object(self, obj):
        return obj

    def group_ids(self, obj):
        if not self.view_perm:
            return set()
        return permissions.group_ids_with_perm(self.view_perm, self.perm_object(obj))

    def related(self, obj):
        return ()

    def facet_labels(self, facet, values):
        """{value: label} for the page's facets (forum and agreement ids, statuses)."""
        return {}

    def version_of(self, obj, section):
        """(what the section is, its version number) when the record is one version of
        something kept in versions: hits on the same thing collapse into the newest."""
        return None

    # -- the second layer: the database rule, asked for each hit ----------------
    def visible_objects(self, user, pks):
        """{str(pk): record} of the records among `pks` that `user` may open.

        Asks the same rule as the record's own views. Override it when the
        rule is not "public, or view_perm on perm_object()".
        """
        found = {str(obj.pk): obj for obj in self.get_queryset().filter(pk__in=pks)}
        private = [obj for obj in found.values() if not self.is_public(obj)]
        if private and type(self).perm_object is Adapter.perm_object and self.view_perm:
            # One query for all hits: the permission rule as a queryset.
            private_qs = self.get_queryset().filter(pk__in=[obj.pk for obj in private])
            allowed = set(
                permissions.visible(user, self.view_perm, private_qs).values_list("pk", flat=True)
            )
            refused = {str(obj.pk) for obj in private if obj.pk not in allowed}
        else:
            refused = {str(obj.pk) for obj in private if not self.can_view(user, obj)}
        return {pk: obj for pk, obj in found.items() if pk not in refused}

    def can_view(self, user, obj):
        if self.is_public(obj):
            return True
        return bool(self.view_perm) and permissions.has_perm(
            user, self.view_perm, self.perm_object(obj)
        )

    # -- documents ------------------------------------------------------------
    def prefix(self, pk):
        """Every document id of one record starts with this."""
        return f"{self.type}:{pk}#"

    def documents(self, obj):
        """The engine documents of one record (see search/engine/documents.py)."""
        shared = {
            "type": self.type,
            "groups": sorted(self.group_ids(obj)),
            "public": self.is_public(obj),
            **self.fields(obj),
        }
        return [
            {
                **shared,
                "id": self.prefix(obj.pk) + section.key,
                "title": section.title,
                "text": section.text,
                "url": section.url,
            }
            for section in self.sections(obj)
        ]


_registered = None  # tests may replace it with monkeypatch


def adapters():
    """{record type: adapter} of every registered record type."""
    global _registered
    if _registered is None:
        found = [import_string(path)() for path in ADAPTERS]
        _registered = {adapter.type: adapter for adapter in found}
    return _registered


def adapters_for(model_or_obj):
    """Every adapter of a record's model; the model's own first."""
    label = model_or_obj._meta.label_lower
    found = [a for a in adapters().values() if a.model_class._meta.label_lower == label]
    return sorted(found, key=lambda adapter: adapter.type != label)


def adapter_for(model_or_obj):
    """The model's own adapter (whose type is the model's label), or None."""
    return adapters().get(model_or_obj._meta.label_lower)


def person_token(user_id):
    """The "group id" standing for one person, for a rule no group expresses (minutes being
    checked): negative, so never an auth group's id; every viewer carries their own."""
    return -int(user_id)


def parse_id(document_id):
    """(adapter, pk) of a document id like "organisations.organisation:12#main"."""
    type_, _, rest = document_id.partition(":")
    adapter = adapters().get(type_)
    return adapter, rest.partition("#")[0]


def watchers(model):
    """Callables that list records to reindex when a row of `model` changes."""
    label = model._meta.label_lower
    return [
        fn
        for adapter in adapters().values()
        for name, fn in adapter.watch.items()
        if name.lower() == label
    ]
