"""Section verbs on the working draft: edit, add, move and remove one section, each with its
own conflict check, and refusals that change nothing."""

import pytest

from agreements import exceptions as errors
from agreements.models import Event
from tests.agreements.factories import closes_in, make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return make_agreement().revisions.drafts().get()


def section(draft, anchor):
    draft.refresh_from_db()
    return next(s for s in draft.draft_sections() if s.anchor == anchor)


def anchors(draft):
    draft.refresh_from_db()
    return [s.anchor for s in draft.draft_sections()]


def test_the_draft_lists_its_sections_with_the_preamble_first(draft):
    sections = draft.draft_sections()

    assert [s.anchor for s in sections] == ["ingress", "inledning", "principer", "dialog",
                                            "ataganden"]  # fmt: skip
    assert sections[2].heading == "2 Principer" and sections[2].level == 1
    assert sections[3].text == "## 2.1 Dialog\nParterna för en öppen dialog."
    assert sections[3].body == "Parterna för en öppen dialog."


def test_saving_a_section_replaces_only_that_section(draft):
    before = section(draft, "principer")
    others = [s.text for s in draft.draft_sections() if s.anchor != "principer"]

    saved, anchor = draft.save_section(
        "principer", heading="2 Principer", body="Sex principer gäller.",
        base_fingerprint=before.fingerprint, by=None,
    )  # fmt: skip

    assert anchor == "principer"
    assert section(draft, "principer").body == "Sex principer gäller."
    assert [s.text for s in draft.draft_sections() if s.anchor != "principer"] == others
    assert saved.version == 2
    assert Event.objects.filter(kind=Event.Kind.DRAFT_SAVED, details={"section": "edited"}).exists()


def test_edits_of_different_sections_both_apply(draft):
    first, second = section(draft, "inledning"), section(draft, "ataganden")

    draft.save_section("inledning", heading="1 Inledning", body="Ny inledning.",
                       base_fingerprint=first.fingerprint, by=None)  # fmt: skip
    draft.save_section("ataganden", heading="3 Åtaganden", body="Nya åtaganden.",
                       base_fingerprint=second.fingerprint, by=None)  # fmt: skip

    assert section(draft, "inledning").body == "Ny inledning."
    assert section(draft, "ataganden").body == "Nya åtaganden."


def test_a_second_edit_of_the_same_section_is_a_conflict_and_changes_nothing(draft):
    read = section(draft, "inledning")
    draft.save_section("inledning", heading="1 Inledning", body="Först.",
                       base_fingerprint=read.fingerprint, by=None)  # fmt: skip

    with pytest.raises(errors.SectionConflict) as conflict:
        draft.save_section("inledning", heading="1 Inledning", body="Sedan.",
                           base_fingerprint=read.fingerprint, by=None)  # fmt: skip

    assert conflict.value.section.body == "Först."
    assert conflict.value.current.version == 2
    assert section(draft, "inledning").body == "Först."


def test_a_renamed_section_is_a_conflict_not_an_error(draft):
    read = section(draft, "inledning")
    draft.save_section("inledning", heading="1 Bakgrund", body=read.body,
                       base_fingerprint=read.fingerprint, by=None)  # fmt: skip

    with pytest.raises(errors.SectionConflict) as conflict:
        draft.save_section("inledning", heading="1 Inledning", body="Min text.",
                           base_fingerprint=read.fingerprint, by=None)  # fmt: skip

    assert conflict.value.section is None
    assert "bakgrund" in anchors(draft)


@pytest.mark.parametrize(
    ("heading", "body", "error"),
    [
        ("", "Text.", errors.SectionHeadingMissing),
        ("  ", "Text.", errors.SectionHeadingMissing),
        ("1 Inledning", "Text.\n\n# 1.5 Ny del\nMer.", errors.SectionTextSplits),
        ("1 Inledning", "Text.\n\n## Underrubrik", errors.SectionTextSplits),
        ("1 Inledning", "Text.\n\nRubrik\n======", errors.SectionTextSplits),
        ("1 Inledning", "```\nkod utan slut", errors.SectionTextSplits),
    ],
)
def test_bad_section_text_is_refused_and_nothing_changes(draft, heading, body, error):
    read = section(draft, "inledning")

    with pytest.raises(error):
        draft.save_section("inledning", heading=heading, body=body,
                           base_fingerprint=read.fingerprint, by=None)  # fmt: skip

    draft.refresh_from_db()
    assert draft.version == 1 and section(draft, "inledning").text == read.text


def test_a_heading_below_section_level_stays_inside_the_section(draft):
    read = section(draft, "inledning")

    draft.save_section("inledning", heading="1 Inledning", body="Text.\n\n### Bakgrund\nMer.",
                       base_fingerprint=read.fingerprint, by=None)  # fmt: skip

    assert section(draft, "inledning").body == "Text.\n\n### Bakgrund\nMer."


def test_the_preamble_is_edited_without_a_heading(draft):
    read = section(draft, "ingress")

    draft.save_section("ingress", heading="", body="Staden och föreningarna samverkar.",
                       base_fingerprint=read.fingerprint, by=None)  # fmt: skip

    assert section(draft, "ingress").text == "Staden och föreningarna samverkar."
    assert anchors(draft)[0:2] == ["ingress", "inledning"]


def test_a_preamble_cannot_become_a_section(draft):
    read = section(draft, "ingress")

    with pytest.raises(errors.SectionTextSplits):
        draft.save_section("ingress", heading="", body="# Rubrik\nText.",
                           base_fingerprint=read.fingerprint, by=None)  # fmt: skip


def test_a_section_is_added_after_another(draft):
    _, anchor = draft.add_section(after="principer", heading="2 Värderingar", level=2,
                                  body="Text.", by=None)  # fmt: skip

    assert anchor == "varderingar"
    assert anchors(draft) == ["ingress", "inledning", "principer", "varderingar", "dialog",
                              "ataganden"]  # fmt: skip
    assert section(draft, "varderingar").text == "## 2 Värderingar\n\nText."


def test_a_section_added_at_the_start_comes_after_the_preamble(draft):
    draft.add_section(after="", heading="0 Förord", level=1, body="", by=None)

    assert anchors(draft)[:3] == ["ingress", "forord", "inledning"]


def test_a_section_with_the_same_heading_gets_its_own_anchor(draft):
    _, anchor = draft.add_section(after="ataganden", heading="Principer", level=1, body="",
                                  by=None)  # fmt: skip

    assert anchor == "principer-2"


def test_adding_after_a_section_that_is_gone_is_a_conflict(draft):
    with pytest.raises(errors.SectionConflict):
        draft.add_section(after="finns-inte", heading="Ny", level=1, body="", by=None)


def test_sections_move_up_and_down_but_not_past_the_ends(draft):
    draft.move_section("ataganden", "up", by=None)
    assert anchors(draft) == ["ingress", "inledning", "principer", "ataganden", "dialog"]

    draft.move_section("ataganden", "down", by=None)
    assert anchors(draft)[-1] == "ataganden"

    with pytest.raises(errors.SectionCannotMove):
        draft.move_section("inledning", "up", by=None)  # the preamble stays first
    with pytest.raises(errors.SectionCannotMove):
        draft.move_section("ataganden", "down", by=None)
    with pytest.raises(errors.SectionCannotMove):
        draft.move_section("ingress", "down", by=None)


def test_a_section_is_removed_only_as_the_remover_saw_it(draft):
    read = section(draft, "dialog")
    draft.save_section("dialog", heading="2.1 Dialog", body="Ändrad.",
                       base_fingerprint=read.fingerprint, by=None)  # fmt: skip

    with pytest.raises(errors.SectionConflict):
        draft.remove_section("dialog", base_fingerprint=read.fingerprint, by=None)
    draft.remove_section("dialog", base_fingerprint=section(draft, "dialog").fingerprint, by=None)

    assert "dialog" not in anchors(draft)
    assert draft.version == 3


def test_section_verbs_bump_the_version_so_a_whole_text_editor_gets_its_conflict(draft):
    opened_at = draft.version
    draft.move_section("ataganden", "up", by=None)

    with pytest.raises(errors.EditConflict):
        draft.save_text(title="t", body="Allt.", change_summary="", base_version=opened_at,
                        by=None)  # fmt: skip


def test_a_draft_published_meanwhile_is_no_longer_edited(draft):
    read = section(draft, "inledning")
    draft.agreement.open_consultation(closes_at=closes_in(), by=None)

    with pytest.raises(errors.RevisionNotDraft):
        draft.save_section("inledning", heading="1 Inledning", body="Sent.",
                           base_fingerprint=read.fingerprint, by=None)  # fmt: skip
