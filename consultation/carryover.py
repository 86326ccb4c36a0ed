"""Carry each comment on revision N into revision N+1: exact, fuzzy or orphaned.

- a quoted passage still in the matching section (or anywhere in the text): exact;
- a passage at least FUZZY_THRESHOLD alike to one in N+1 (moved or slightly edited):
  fuzzy, with the passage it matched stored so readers can compare;
- a section comment whose section (matched by anchor, then number) is still there:
  exact when its text is unchanged, fuzzy when edited;
- otherwise, orphaned. Comments on the whole revision always carry over exactly.

Run by `Agreement.open_consultation` when N+1 is published, and again safely at any time.
"""

from django.db import transaction

from agreements.passages import FUZZY_THRESHOLD, best_match, likeness, normalise, plain_text


def previous_revision(revision):
    return (
        revision.agreement.revisions.published()
        .filter(number__lt=revision.number)
        .order_by("-number")
        .first()
    )


class _Target:
    """The sections of the new revision with their plain text, looked up by anchor or number."""

    def __init__(self, revision):
        self.sections = list(revision.sections.all())
        self.text = {s.pk: plain_text(s.body) for s in self.sections}
        self.by_anchor = {s.anchor: s for s in self.sections}
        self.by_number = {s.number: s for s in self.sections if s.number}

    def counterpart(self, section):
        if section is None:
            return None
        return self.by_anchor.get(section.anchor) or self.by_number.get(section.number)


def classify(comment, target, old_text):
    """(kind, section, matched text, ratio) of `comment` against the new revision."""
    from agreements.models import CarryOver

    Kind = CarryOver.Kind
    section = target.counterpart(comment.section)
    if comment.quote:
        return _classify_quote(comment.quote, section, target)
    if comment.section is None:
        return Kind.EXACT, None, "", 1.0
    if section is None:
        return Kind.ORPHANED, None, "", 0.0
    if target.text[section.pk] == old_text:
        return Kind.EXACT, section, "", 1.0
    return Kind.FUZZY, section, section.heading, likeness(old_text, target.text[section.pk])


def _classify_quote(quote, section, target):
    from agreements.models import CarryOver

    quote = normalise(quote)
    ordered = ([section] if section else []) + [s for s in target.sections if s != section]
    for candidate in ordered:
        if quote in target.text[candidate.pk]:
            return CarryOver.Kind.EXACT, candidate, quote, 1.0
    best, where = None, None
    for candidate in ordered:
        match = best_match(quote, target.text[candidate.pk], floor=best.ratio if best else 0.0)
        if best is None or match.ratio > best.ratio:
            best, where = match, candidate
    if best is not None and best.ratio >= FUZZY_THRESHOLD:
        return CarryOver.Kind.FUZZY, where, best.text, best.ratio
    return CarryOver.Kind.ORPHANED, None, "", best.ratio if best else 0.0


@transaction.atomic
def carry_over(revision):
    """Classify every current top-level comment on the previous revision against `revision`."""
    from agreements.models import CarryOver, Comment

    previous = previous_revision(revision)
    if previous is None:
        return []
    target = _Target(revision)
    comments = Comment.objects.filter(revision=previous).top_level().current()
    comments = comments.select_related("section")
    old_texts = {}
    rows = []
    for comment in comments:
        if comment.section_id and comment.section_id not in old_texts:
            old_texts[comment.section_id] = plain_text(comment.section.body)
        kind, section, matched, ratio = classify(comment, target, old_texts.get(comment.section_id))
        rows.append(
            CarryOver(
                comment=comment, revision=revision, section=section, kind=kind,
                matched_text=matched, ratio=round(ratio, 3),
            )
        )  # fmt: skip
    CarryOver.objects.filter(revision=revision).delete()
    return CarryOver.objects.bulk_create(rows)
