"""The consultation report (remissammanställning) of one revision: every comment grouped by
section with its organisation, quoted passage, disposition and reason, and the totals.

The CSV is UTF-8 with a byte-order mark and semicolons between fields, which is what
Excel with Swedish settings opens correctly by double-clicking (comma is the decimal sign).
"""

import csv
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import F, Prefetch
from django.utils.translation import gettext as _

from agreements.models import Answer, Disposition

CSV_DELIMITER = ";"


@dataclass
class ReportSection:
    heading: str
    anchor: str
    comments: list = field(default_factory=list)


def report_comments(revision):
    return (
        revision.comments.top_level()
        .current()
        .select_related("organisation", "author", "section", "response")
        # The whole-revision comments first on every database (NULL sorts differently).
        .order_by(F("section__position").asc(nulls_first=True), "organisation__name", "created_at")
    )


def build_report(revision):
    """(sections with their comments, totals by organisation, totals by disposition)."""
    whole = ReportSection(_("The whole revision"), "")
    groups = {None: whole}
    for section in revision.sections.all():
        groups[section.pk] = ReportSection(section.heading or _("Introduction"), section.anchor)
    by_organisation, by_disposition = Counter(), Counter()
    for comment in report_comments(revision):
        groups[comment.section_id].comments.append(comment)
        by_organisation[comment.organisation.name] += 1
        response = getattr(comment, "response", None)
        by_disposition[response.disposition if response else ""] += 1
    dispositions = [(label, by_disposition[value]) for value, label in Disposition.choices]
    dispositions.append((_("Not answered"), by_disposition[""]))
    sections = [group for group in groups.values() if group.comments]
    return sections, sorted(by_organisation.items()), dispositions


def write_csv(revision, output, with_names):
    """Write the report as CSV rows to `output` (a file-like object or HttpResponse)."""
    output.write("\ufeff")
    writer = csv.writer(output, delimiter=CSV_DELIMITER)
    header = [_("Section"), _("Organisation")]
    header += [_("Written by")] if with_names else []
    header += [_("Quoted passage"), _("Comment"), _("Written"), _("Disposition"), _("Reason")]
    writer.writerow(header)
    for comment in report_comments(revision):
        response = getattr(comment, "response", None)
        section = comment.section.heading if comment.section else _("The whole revision")
        row = [section, comment.organisation.name]
        if with_names:
            author = comment.author
            row.append((author.get_full_name() or author.username) if author else "")
        row += [
            comment.quote,
            comment.body,
            f"{comment.created_at:%Y-%m-%d}",
            response.get_disposition_display() if response else _("Not answered"),
            response.reason if response else "",
        ]
        writer.writerow(row)


@dataclass
class InvitedBodies:
    """Who was consulted and where each stands, and the questions with their answers."""

    invitations: list
    questions: list

    def counts(self):
        """[(status label, number of invited bodies)] in the order of `Invitation.Status`."""
        from agreements.models import Invitation

        found = Counter(invitation.status for invitation in self.invitations)
        return [(label, found[value]) for value, label in Invitation.Status.choices]


def invited_bodies(revision):
    """The invited bodies of `revision` with their status, and its questions with the answers
    (organisations loaded): for the report, its exports and the invited-bodies page."""
    answers = Answer.objects.select_related("organisation").order_by("organisation__name")
    questions = revision.questions.prefetch_related(Prefetch("answers", queryset=answers))
    invitations = revision.invitations.select_related("organisation")
    return InvitedBodies(list(invitations), list(questions))
