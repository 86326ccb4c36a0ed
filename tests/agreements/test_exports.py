"""The adopted agreement as PDF and DOCX for the political decision."""

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

from agreements.models import Agreement
from tests.agreements.factories import adopt, consult

pytestmark = pytest.mark.django_db

PDF = "/agreements/lo/print.pdf"
DOCX = "/agreements/lo/print.docx"


@pytest.fixture
def adopted(agreement, coordinator):
    revision = consult(agreement, by=coordinator)
    adopt(agreement, revision, by=coordinator, number="KS 2026/0042")
    Agreement.objects.filter(pk=agreement.pk).update(is_public=True)
    return revision


def pdf_pages(content):
    """Each page's text without spaces (pypdf splits some kerned words, e.g. "T esthamns")."""
    return [re.sub(r"\s", "", page.extract_text()) for page in PdfReader(io.BytesIO(content)).pages]


def squeezed(text):
    return re.sub(r"\s", "", text)


def docx_text(content):
    document = Document(io.BytesIO(content))
    header = document.sections[0].header.paragraphs[0].text
    return header, "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_the_public_downloads_the_adopted_agreement_as_a_numbered_pdf(client, adopted):
    response = client.get(PDF)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="lo-version-1.pdf"' in response["Content-Disposition"]
    pages = pdf_pages(response.content)
    text = "".join(pages)
    for phrase in ["Parterna för en öppen dialog.", "Testhamns stad", "Dnr KS 2026/0042",
                   "Kommunfullmäktige", "§ 142", "Testhamns IF"]:  # fmt: skip
        assert squeezed(phrase) in text
    assert all(page.endswith(f"{n}/{len(pages)}") for n, page in enumerate(pages, start=1))


def test_the_docx_has_the_text_the_header_and_the_decision(client, adopted):
    response = client.get(DOCX)

    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    header, text = docx_text(response.content)
    assert header == "Testhamns stad · Dnr KS 2026/0042"
    assert "2.1 Dialog" in text and "Parterna för en öppen dialog." in text
    assert "Diarienummer: KS 2026/0042" in text
    assert re.search(r"Antagen: Kommunfullmäktige, \d{1,2} \w+ \d{4}, § 142", text)


def test_an_unknown_revision_or_bad_parameter_is_404(client, adopted):
    assert client.get(PDF + "?revision=9").status_code == 404
    assert client.get(DOCX + "?revision=x").status_code == 404


def test_the_agreement_page_links_to_the_downloads(client, adopted):
    page = client.get("/agreements/lo/").text

    assert 'href="/agreements/lo/print.pdf"' in page and "Ladda ner som PDF" in page
    assert 'href="/agreements/lo/print.docx"' in page and "Ladda ner som Word (DOCX)" in page
