from agreements.diff import compare, diff_paragraphs, diff_words, summary
from agreements.markdown import split_sections


def kinds(segments):
    return [(s.kind, s.text) for s in segments]


def test_words_are_compared_word_by_word():
    segments = diff_words(
        "Staden bjuder in två gånger per år.", "Staden bjuder in fyra gånger per år."
    )

    assert kinds(segments) == [
        ("equal", "Staden bjuder in "),
        ("delete", "två"),
        ("insert", "fyra"),
        ("equal", " gånger per år."),
    ]


def test_unchanged_paragraphs_are_kept_and_changed_ones_diffed():
    old = "Första stycket.\n\nAndra stycket om dialog.\n\nTredje."
    new = "Första stycket.\n\nAndra stycket om öppen dialog.\n\nTredje.\n\nFjärde."

    paragraphs = diff_paragraphs(old, new)

    assert [p.kind for p in paragraphs] == ["equal", "changed", "equal", "added"]
    assert ("insert", "öppen ") in kinds(paragraphs[1].segments)


def sections(text):
    return split_sections(text)


OLD = """# 1 Inledning
Text om inledning.

# 2 Principer
Dialog och kvalitet.

# 3 Åtaganden
Staden bjuder in.

# 4 Uppföljning
Varje år.
"""


def test_sections_are_matched_by_title_even_when_renumbered():
    new = OLD.replace("# 2 Principer\nDialog och kvalitet.\n\n", "").replace("# 3 Åt", "# 2 Åt")

    result = compare(sections(OLD), sections(new))

    by_anchor = {s.anchor: s for s in result}
    assert by_anchor["principer"].kind == "removed"
    assert by_anchor["ataganden"].renamed and by_anchor["ataganden"].old_heading == "3 Åtaganden"
    assert [s.anchor for s in result] == ["inledning", "principer", "ataganden", "uppfoljning"]


def test_added_changed_and_moved_sections_are_told_apart():
    new = """# 1 Inledning
Text om inledning.

# 2 Uppföljning
Varje år.

# 3 Principer
Dialog, kvalitet och mångfald.

# 4 Åtaganden
Staden bjuder in.

# 5 Anslutning
Nya parter ansluter.
"""

    result = compare(sections(OLD), sections(new))

    counts = summary(result)
    assert (counts["added"], counts["removed"], counts["moved"]) == (1, 0, 1)
    moved = [s.anchor for s in result if s.moved]
    assert moved == ["uppfoljning"]
    principles = next(s for s in result if s.anchor == "principer")
    assert principles.kind == "changed"
    inserted = [s.text for s in principles.paragraphs[0].segments if s.kind == "insert"]
    assert "mångfald" in inserted


def test_identical_texts_have_no_changes():
    result = compare(sections(OLD), sections(OLD))

    assert summary(result)["unchanged"] == 4
    assert all(s.paragraphs == [] for s in result)


def test_a_rendered_diff_keeps_a_changed_link_address_harmless():
    from agreements.templatetags.agreements import diff_inline_rendered

    old, new = "Se [sidan](https://a.se/x).", "Se [sidan](javascript:alert(1)) <script>x</script>."
    html = "".join(diff_inline_rendered(p) for p in diff_paragraphs(old, new))

    assert "<script" not in html
    assert 'href="javascript' not in html
