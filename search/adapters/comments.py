"""Consultation comments and the municipality's responses to them.

A comment and its response are one record (the response is shown with its
comment), readable by whoever may read the revision's comments
(consultation/permissions.py): the groups `reader_group_ids` names (those
holding `view_agreement`, or for a consultation for the invited only, the invited
organisations and the municipality), or anyone for a public consultation. Withdrawn
comments keep only the fact that they were withdrawn.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agreements.passages import plain_text
from consultation import permissions as consultation_rules
from search.registry import Adapter, Section


class CommentAdapter(Adapter):
    model = "agreements.Comment"
    verbose_name = _("Consultation comment")
    sectioned = True  # the response comes and goes
    watch = {"agreements.Response": lambda response: [response.comment]}

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("revision__agreement", "section", "organisation", "response")
        )

    def group_ids(self, comment):
        if comment.revision.is_draft:
            return set()
        return consultation_rules.reader_group_ids(comment.revision)

    def is_public(self, comment):
        return consultation_rules.consultation_is_public(comment.revision)

    def visible_objects(self, user, pks):
        verdicts = {}  # one rule check per revision, not per hit
        visible = {}
        for comment in self.get_queryset().filter(pk__in=pks):
            if comment.revision_id not in verdicts:
                verdicts[comment.revision_id] = self.can_view(user, comment)
            if verdicts[comment.revision_id]:
                visible[str(comment.pk)] = comment
        return visible

    def can_view(self, user, comment):
        return consultation_rules.can_view_comments(user, comment.revision)

    def sections(self, comment):
        revision = comment.revision
        where = comment.section.heading if comment.section_id else revision.title
        title = gettext("%(organisation)s on %(where)s – %(agreement)s, revision %(number)s") % {
            "organisation": comment.organisation.name,
            "where": where,
            "agreement": revision.agreement.title,
            "number": revision.number,
        }
        url = comment.get_absolute_url()
        if comment.is_withdrawn:
            yield Section(key="comment", title=title, text=gettext("Withdrawn"), url=url)
            return
        text = "\n".join(p for p in (comment.quote, plain_text(comment.body)) if p)
        yield Section(key="comment", title=title, text=text, url=url)
        response = comment.response_or_none
        if response is not None:
            yield Section(
                key="response",
                title=gettext("Response: %(title)s") % {"title": title},
                text=f"{response.get_disposition_display()}\n{plain_text(response.reason)}",
                url=url,
            )

    def fields(self, comment):
        response = comment.response_or_none
        return {
            "date": comment.created_at,
            "organisations": [comment.organisation_id],
            "agreement": comment.revision.agreement_id,
            "status": response.disposition if response else "unanswered",
        }

    def facet_labels(self, facet, values):
        from agreements.models import Disposition

        if facet != "status":
            return {}
        labels = {v: str(label) for v, label in Disposition.choices if v in values}
        if "unanswered" in values:
            labels["unanswered"] = gettext("Unanswered")
        return labels
