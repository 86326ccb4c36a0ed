"""Behaviour both engines share: indexing, Swedish text, filters, paging."""

from search.engine.backend import Viewer
from tests.search.engine.conftest import doc


def ids(results):
    return [h.id for h in results.hits]


def test_an_indexed_document_is_found_and_an_update_replaces_it(backend, staff):
    backend.update([doc("a:1", "Föreningen hyr lokaler", groups=[100])])
    backend.update([doc("a:1", "Föreningen ordnar läger", groups=[100])])

    assert ids(backend.search("läger", staff)) == ["a:1"]
    assert backend.search("lokaler", staff).total == 0


def test_a_deleted_document_is_gone(backend, staff):
    backend.update([doc("a:1", "bidrag", groups=[100]), doc("a:2", "bidrag", groups=[100])])

    backend.delete(["a:1"])

    assert ids(backend.search("bidrag", staff)) == ["a:2"]


def test_delete_prefix_removes_every_section_of_a_record(backend, staff):
    backend.update(
        [
            doc("r:1#s1", "bidrag", groups=[100]),
            doc("r:1#s2", "bidrag", groups=[100]),
            doc("r:10#s1", "bidrag", groups=[100]),
        ]
    )

    backend.delete_prefix("r:1#")

    assert ids(backend.search("bidrag", staff)) == ["r:10#s1"]


def test_forening_finds_compounds_and_inflections(loaded, staff):
    found = set(ids(loaded.search("förening", staff, per_page=50)))

    assert {
        "agreements.revision:1#s1",
        "agreements.comment:10#s1",
        "dialogues.agendaitem:31#s1",
    } <= found


def test_a_quoted_phrase_matches_only_adjacent_words(backend, staff):
    backend.update(
        [
            doc("a:1", "en lokal överenskommelse om stöd", groups=[100]),
            doc("a:2", "lokal hyra och en överenskommelse", groups=[100]),
        ]
    )

    assert ids(backend.search('"lokal överenskommelse"', staff)) == ["a:1"]
    assert backend.search("lokal överenskommelse", staff).total == 2


def test_a_phrase_does_not_match_a_compound_part(backend, staff):
    backend.update([doc("a:1", "föreningslivet växer", groups=[100])])

    assert backend.search('"förening liv"', staff).total == 0
    assert backend.search("förening", staff).total == 1


def test_a_stop_word_only_query_gives_a_message_not_an_error(loaded, staff):
    r = loaded.search("och att det", staff)

    assert r.total == 0 and r.error


def test_or_and_exclusion(loaded, staff):
    r = loaded.search("integration OR jämställdhet -idrotten", staff)

    assert set(ids(r)) == {"dialogues.agendaitem:32#s1"}


def test_prefix_search(loaded, staff):
    assert "dialogues.agendaitem:31#s1" in ids(loaded.search("feriej*", staff))


def test_field_value_syntax_filters_by_type(loaded, staff):
    r = loaded.search("typ:dialogues.meeting förening", staff, per_page=50)

    assert r.total > 0 and {h.type for h in r.hits} == {"dialogues.meeting"}


def test_filters_by_date_range_type_and_organisation(loaded, staff):
    r = loaded.search(
        "förening",
        staff,
        per_page=50,
        filters={
            "date_from": "2024-01-01",
            "date_to": "2024-12-31",
            "type": "dialogues.meeting",
            "organisation": 5,
        },
    )

    assert ids(r) == ["dialogues.meeting:20#s1"]


def test_facets_count_the_matches(loaded, staff):
    r = loaded.search("förening", staff, per_page=50)

    assert sum(c for _, c in r.facets["type"]) == r.total
    assert dict(r.facets["year"])["2024"] == sum(1 for h in r.hits if h.date.year == 2024)


def test_sort_by_date_and_pagination(loaded, staff):
    first = loaded.search("förening", staff, sort="date", per_page=3, page=1)
    second = loaded.search("förening", staff, sort="date", per_page=3, page=2)

    dates = [h.date for h in first.hits + second.hits]
    assert dates == sorted(dates, reverse=True)
    assert not set(ids(first)) & set(ids(second))


def test_snippets_mark_matches_and_escape_html(backend, staff):
    backend.update([doc("a:1", "<script>x</script> föreningen & staden", groups=[100])])

    snippet = backend.search("förening", staff).hits[0].snippet

    assert "<mark>föreningen</mark>" in snippet
    # Whoosh escapes the tag; ts_headline drops tags: neither lets it through.
    assert "<script>" not in snippet and "&amp; staden" in snippet


def test_did_you_mean_offers_a_permitted_word(loaded, staff):
    assert "förening" in " ".join(loaded.search("förenig", staff).suggestions)


def test_autocomplete_completes_permitted_terms(loaded, staff):
    assert any(t.startswith("förening") for t in loaded.autocomplete("fören", staff))


def test_status_and_stored_visibility(loaded):
    stored = {i: (g, p) for i, _, g, p in loaded.iter_stored()}

    assert loaded.status()["doc_count"] == 24
    assert stored["agreements.comment:10#s1"] == ([3, 100], False)


def test_public_documents_are_visible_to_anyone_asking_for_public(loaded):
    r = loaded.search("överenskommelse", Viewer.of([], public=True), per_page=50)

    assert "attachments.file:51#s1" in ids(r)
    assert "agreements.revision:2#s1" not in ids(r)


def test_the_snippet_marks_a_word_the_two_stemmers_cut_differently(backend, staff):
    # PyStemmer gives "föreningsliv"; PostgreSQL's Snowball, which ts_headline uses, keeps
    # "föreningslivet" whole. The word is marked all the same, alone or in a phrase.
    text = "Forumet rekommenderar en gemensam lokalbank för föreningslivet i hela staden."
    backend.update([doc("a:1", text, groups=[100])])

    for query in ("lokalbank föreningslivet", "föreningsliv", '"för föreningslivet"'):
        snippet = backend.search(query, staff).hits[0].snippet
        assert "<mark>föreningslivet</mark>" in snippet, (query, snippet)
