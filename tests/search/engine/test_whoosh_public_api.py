"""The Whoosh engine reaches Whoosh through its documented API only, and writes plain Whoosh."""

import ast
from pathlib import Path

from whoosh import index as stock_index
from whoosh.qparser import QueryParser
from whoosh.query import Or, Term

from search.engine.backend import Viewer, get_backend
from tests.search.engine.conftest import doc

SEARCH = Path(__file__).resolve().parents[3] / "search"


def _python_files():
    return sorted(SEARCH.rglob("*.py"))


def test_no_line_of_search_reaches_a_private_whoosh_name():
    offending = [
        f"{path.relative_to(SEARCH)}:{number}: {line.strip()}"
        for path in _python_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "whoosh" in line and ("._" in line or "import _" in line)
    ]

    assert offending == []


def test_modules_using_whoosh_touch_no_underscore_attribute_but_their_own():
    offending = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_whoosh = any(
            isinstance(node, (ast.Import, ast.ImportFrom))
            and any(
                (getattr(node, "module", None) or alias.name).startswith("whoosh")
                for alias in node.names
            )
            for node in ast.walk(tree)
        )
        if not imports_whoosh:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and any(a.name.startswith("_") for a in node.names):
                offending.append(f"{path.name}:{node.lineno} imports a private name")
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
            ):
                offending.append(f"{path.name}:{node.lineno} .{node.attr}")

    assert offending == []


def test_stock_whoosh_opens_the_index_and_finds_the_same_documents(tmp_path):
    engine = get_backend("whoosh", path=str(tmp_path / "ix"), procs=1)
    engine.update(
        [
            doc("a:1", "Föreningen hyr lokaler", groups=[100]),
            doc("a:2", "Idrottsföreningarna växer", groups=[100]),
            doc("a:3", "Kommunen bygger", groups=[100]),
        ]
    )
    ours = {h.id for h in engine.search("förening", Viewer.of([100])).hits}

    ix = stock_index.open_dir(str(tmp_path / "ix" / "current"))
    with ix.searcher() as searcher:
        # the text field's own analyser: "Föreningen" is stemmed as when it was indexed
        parsed = QueryParser("text", ix.schema).parse("Föreningen")
        whole = {hit["id"] for hit in searcher.search(parsed)}
        either = Or([Term("text", "förening"), Term("parts", "förening")])
        theirs = {hit["id"] for hit in searcher.search(either)}

    assert whole == {"a:1"}
    assert ours == theirs == {"a:1", "a:2"}
