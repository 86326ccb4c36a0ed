from html.parser import HTMLParser

import pytest

from agreements.markdown import render, split_sections

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klicka](javascript:alert(1))",
    "[klicka](JaVaScRiPt:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "![bild](javascript:alert(1))",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<iframe src=https://evil.example></iframe>",
]


class Elements(HTMLParser):
    """The real elements and attributes of rendered HTML (escaped text is harmless)."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.attributes = set(), []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += attrs


@pytest.mark.parametrize("attack", ATTACKS)
def test_no_script_handler_or_javascript_link_survives(attack):
    html = Elements(str(render(f"Text före.\n\n{attack}\n\nText efter.")))

    assert not html.tags & {"script", "img", "iframe", "div"}
    assert not [name for name, _ in html.attributes if name.startswith("on") or name == "style"]
    assert not [v for n, v in html.attributes if n in ("href", "src") and "script" in v.lower()]


def test_ordinary_markdown_renders_with_section_anchors():
    html = str(
        render(
            "# 3 Åtaganden\n\n## 3.2 Föreningslivets åtaganden\n\n- *en* [länk](https://kullahamn.se)"
        )
    )

    assert '<h2 id="ataganden">3 Åtaganden</h2>' in html
    assert '<h3 id="foreningslivets-ataganden">3.2 Föreningslivets åtaganden</h3>' in html
    assert '<a href="https://kullahamn.se" rel="noopener noreferrer">länk</a>' in html


def test_sections_carry_number_title_anchor_and_their_own_text():
    text = (
        "Ingress.\n\n# 3 Åtaganden\n\nAllmänt.\n\n## 3.2 Föreningslivets åtaganden\n\nVi lovar.\n"
    )

    sections = split_sections(text)

    assert [(s.number, s.title, s.anchor, s.level, s.body) for s in sections] == [
        ("", "", "ingress", 1, "Ingress."),
        ("3", "Åtaganden", "ataganden", 1, "Allmänt."),
        ("3.2", "Föreningslivets åtaganden", "foreningslivets-ataganden", 2, "Vi lovar."),
    ]


def test_duplicate_titles_get_distinct_anchors():
    sections = split_sections("# 1 Mål\n\na\n\n# 2 Mål\n\nb")

    assert [s.anchor for s in sections] == ["mal", "mal-2"]
