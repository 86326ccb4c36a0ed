"""Carry-over: each comment on revision N is classified against revision N+1 when N+1 is
published: exact, fuzzy (with the matched text) or orphaned."""

from agreements.models import CarryOver
from agreements.passages import best_match
from consultation.carryover import carry_over
from tests.consultation.factories import TEXT, make_comment, publish, section

Kind = CarryOver.Kind


def next_revision(agreement, coordinator, body):
    agreement.close_consultation(by=coordinator, accept_unanswered=True)
    agreement.start_draft(by=coordinator)
    return publish(agreement, by=coordinator, body=body)


def comment_on(revision, member, association, anchor, quote=""):
    return make_comment(
        revision, member, association, section=section(revision, anchor), quote=quote
    )


def test_an_unchanged_passage_carries_over_exactly(
    agreement, revision, coordinator, member, association
):
    comment = comment_on(revision, member, association, "dialog", quote="en öppen dialog")

    following = next_revision(agreement, coordinator, TEXT + "\n# 4 Uppföljning\nVarje år.\n")

    row = CarryOver.objects.get(comment=comment)
    assert (row.kind, row.section.anchor, row.revision) == (Kind.EXACT, "dialog", following)


def test_a_passage_moved_to_another_section_is_found_there(
    agreement, revision, coordinator, member, association
):
    comment = comment_on(revision, member, association, "dialog", quote="en öppen dialog")
    moved = TEXT.replace("Parterna för en öppen dialog.", "Ny text här.") + (
        "\n# 4 Samråd\nParterna för en öppen dialog.\n"
    )

    next_revision(agreement, coordinator, moved)

    row = CarryOver.objects.get(comment=comment)
    assert (row.kind, row.section.anchor) == (Kind.EXACT, "samrad")


def test_a_slightly_changed_passage_carries_over_fuzzily_with_the_new_wording(
    agreement, revision, coordinator, member, association
):
    quote = "Staden åtar sig att bjuda in till dialog två gånger om året."
    comment = comment_on(revision, member, association, "ataganden", quote=quote)
    edited = TEXT.replace("två gånger om året", "tre gånger om året")

    next_revision(agreement, coordinator, edited)

    row = CarryOver.objects.get(comment=comment)
    assert row.kind == Kind.FUZZY
    assert row.matched_text == "Staden åtar sig att bjuda in till dialog tre gånger om året."
    assert row.section.anchor == "ataganden"


def test_a_passage_that_is_gone_leaves_the_comment_orphaned(
    agreement, revision, coordinator, member, association
):
    quote = "Staden åtar sig att bjuda in till dialog två gånger om året."
    comment = comment_on(revision, member, association, "ataganden", quote=quote)
    removed = TEXT.replace(quote, "Föreningarna får lokaler utan kostnad.")

    next_revision(agreement, coordinator, removed)

    row = CarryOver.objects.get(comment=comment)
    assert (row.kind, row.section, row.matched_text) == (Kind.ORPHANED, None, "")


def test_a_section_comment_follows_its_section_by_anchor(
    agreement, revision, coordinator, member, association
):
    comment = comment_on(revision, member, association, "dialog")
    renumbered = TEXT.replace(
        "## 2.1 Dialog\nParterna för en öppen dialog.",
        "## 2.4 Dialog\nParterna för en öppen och tidig dialog.",
    )

    next_revision(agreement, coordinator, renumbered)

    row = CarryOver.objects.get(comment=comment)
    assert (row.kind, row.section.number) == (Kind.FUZZY, "2.4")


def test_a_comment_on_a_removed_section_is_orphaned(
    agreement, revision, coordinator, member, association
):
    comment = comment_on(revision, member, association, "dialog")

    next_revision(
        agreement, coordinator, TEXT.replace("## 2.1 Dialog\nParterna för en öppen dialog.\n", "")
    )

    assert CarryOver.objects.get(comment=comment).kind == Kind.ORPHANED


def test_withdrawn_comments_and_replies_are_not_carried_over(
    agreement, revision, coordinator, member, association
):
    comment = comment_on(revision, member, association, "dialog")
    make_comment(revision, member, association, parent=comment)
    withdrawn = comment_on(revision, member, association, "principer")
    withdrawn.withdraw(by=member)

    next_revision(agreement, coordinator, TEXT)

    assert list(CarryOver.objects.values_list("comment", flat=True)) == [comment.pk]


def test_carrying_over_again_gives_the_same_result(
    agreement, revision, coordinator, member, association
):
    comment_on(revision, member, association, "dialog", quote="en öppen dialog")
    following = next_revision(agreement, coordinator, TEXT)

    carry_over(following)

    assert CarryOver.objects.filter(revision=following).count() == 1


def test_best_match_finds_the_closest_words():
    match = best_match(
        "bjuda in till dialog två gånger", "Staden ska bjuda in till samtal två gånger per år."
    )

    assert match.text == "bjuda in till samtal två gånger"
    assert 0.75 < match.ratio < 1
