"""The consultation report as PDF and DOCX for the political decision."""

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

from agreements.models import Agreement, Disposition, Invitation, Question
from tests.consultation.factories import make_comment, section
from tests.factories import make_user
from tests.jobs.conftest import Worker

REPORT = "/agreements/lo/revisions/1/consultation/report/"
PDF = "/agreements/lo/revisions/1/consultation/report.pdf"
DOCX = "/agreements/lo/revisions/1/consultation/report.docx"


@pytest.fixture
def report(agreement, revision, member, association, other_association, coordinator):
    """An answered comment on a section, an invited body that declined, an answered question."""
    Agreement.objects.filter(pk=agreement.pk).update(registration_number="KS 2026/0042")
    comment = make_comment(
        revision, member, association, section=section(revision, "dialog"),
        quote="en öppen dialog", body="Skriv tidig dialog.",
    )  # fmt: skip
    comment.answer(disposition=Disposition.ACCEPTED, reason="Texten ändras.", by=coordinator)
    Invitation.invite(revision, other_association, by=coordinator)
    Invitation.invite(revision, association, by=coordinator)
    Invitation.objects.get(organisation=other_association).decline(reason="Ingen tid.", by=None)
    question = Question.objects.create(revision=revision, position=1, text="Saknas något?")
    question.answer(organisation=association, body="En plan för lokaler.", by=member)
    revision.refresh_from_db()
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


@pytest.mark.django_db
def test_the_coordinator_downloads_the_report_as_a_numbered_pdf(client, coordinator, report):
    client.force_login(coordinator)

    response = client.get(PDF)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="remissammanstallning-lo-1.pdf"' in response["Content-Disposition"]
    pages = pdf_pages(response.content)
    text = "".join(pages)
    for phrase in ["Remissammanställning", "Testhamns LÖ", "Testhamns stad", "Dnr KS 2026/0042",
                   "Skriv tidig dialog.", "Texten ändras.", "Beaktad", "Ingen tid.",
                   "Saknas något?", "En plan för lokaler."]:  # fmt: skip
        assert squeezed(phrase) in text
    assert all(page.endswith(f"{n}/{len(pages)}") for n, page in enumerate(pages, start=1))


@pytest.mark.django_db
def test_the_report_as_docx_has_the_header_comments_invited_bodies_and_answers(
    client, coordinator, report
):
    client.force_login(coordinator)

    response = client.get(DOCX)

    assert response.status_code == 200
    assert 'filename="remissammanstallning-lo-1.docx"' in response["Content-Disposition"]
    header, text = docx_text(response.content)
    assert header == "Testhamns stad · Dnr KS 2026/0042"
    assert "Remissammanställning" in text and "Diarienummer: KS 2026/0042" in text
    assert "2.1 Dialog" in text and "“en öppen dialog”" in text and "Skriv tidig dialog." in text
    assert "Ställningstagande: Beaktad Texten ändras." in text
    assert "Rälsens modellklubb: Avstår (Ingen tid.)" in text
    assert "1. Saknas något?" in text and "En plan för lokaler." in text


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PDF, DOCX])
def test_anonymous_visitors_get_404_while_the_agreement_is_not_public(client, report, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_the_public_reads_a_public_agreements_report_files_without_personal_names(
    client, agreement, revision, association
):
    author = make_user("namngiven", association, first_name="Greta", last_name="Granskare")
    make_comment(revision, author, association, body="Offentlig synpunkt.")
    Agreement.objects.filter(pk=agreement.pk).update(
        is_public=True, status=Agreement.Status.ADOPTED
    )

    pdf, docx = client.get(PDF), client.get(DOCX)

    assert pdf.status_code == docx.status_code == 200
    pdf_text, (_header, docx_body) = "".join(pdf_pages(pdf.content)), docx_text(docx.content)
    assert squeezed("Offentlig synpunkt.") in pdf_text and "Offentlig synpunkt." in docx_body
    assert "Granskare" not in pdf_text and "Granskare" not in docx_body


@pytest.mark.django_db
def test_the_report_page_links_to_the_downloads(client, coordinator, report):
    client.force_login(coordinator)

    page = client.get(REPORT).text

    assert f'href="{PDF}"' in page and "Ladda ner som PDF" in page
    assert f'href="{DOCX}"' in page and "Ladda ner som Word (DOCX)" in page


@pytest.mark.django_db
def test_the_report_files_ask_the_same_number_of_queries_for_more_comments(
    client, coordinator, report, member, association, django_assert_max_num_queries
):
    client.force_login(coordinator)
    client.get(DOCX)  # warm the session and the permission caches
    with django_assert_max_num_queries(40) as few:
        client.get(DOCX)
    for number in range(5):
        make_comment(report, member, association, body=f"Synpunkt {number}.")

    with django_assert_max_num_queries(len(few)):
        response = client.get(DOCX)

    assert "Synpunkt 4." in docx_text(response.content)[1]


@pytest.fixture
def large(settings):
    """Reports of more than one comment count as large; jobs wait on the queue."""
    settings.CONSULTATION_REPORT_JOB_ABOVE = 1
    settings.JOBS_EAGER = False
    return Worker()


@pytest.mark.django_db
def test_a_small_report_is_made_in_the_request(client, coordinator, report, settings):
    settings.CONSULTATION_REPORT_JOB_ABOVE = 1
    settings.JOBS_EAGER = False
    client.force_login(coordinator)

    response = client.get(DOCX)

    assert response.status_code == 200
    assert Worker().jobs() == []


@pytest.mark.django_db
def test_a_large_report_is_prepared_by_a_job_and_then_downloaded(
    client, coordinator, report, member, association, large
):
    make_comment(report, member, association, body="En andra synpunkt.")
    client.force_login(coordinator)

    waiting = client.get(PDF)
    again = client.get(PDF)

    assert waiting.status_code == again.status_code == 202
    assert "Rapporten förbereds" in waiting.content.decode()
    assert large.jobs() == ["consultation.exports.store_report"]

    large.run_all()
    response = client.get(PDF)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert squeezed("En andra synpunkt.") in "".join(pdf_pages(response.content))


@pytest.mark.django_db
def test_a_stored_report_is_not_served_once_the_consultation_changed(
    client, coordinator, report, member, association, large
):
    make_comment(report, member, association, body="En andra synpunkt.")
    client.force_login(coordinator)
    client.get(DOCX)
    large.run_all()

    make_comment(report, member, association, body="En tredje synpunkt.")
    waiting = client.get(DOCX)
    large.run_all()
    response = client.get(DOCX)

    assert waiting.status_code == 202
    assert "En tredje synpunkt." in docx_text(response.content)[1]


@pytest.mark.django_db
def test_a_large_report_is_prepared_in_the_readers_language(
    client, coordinator, report, member, association, large
):
    make_comment(report, member, association, body="En andra synpunkt.")
    client.force_login(coordinator)
    client.get(DOCX)
    large.run_all()

    english = client.get(DOCX, HTTP_ACCEPT_LANGUAGE="en")
    large.run_all()
    english = client.get(DOCX, HTTP_ACCEPT_LANGUAGE="en")
    swedish = client.get(DOCX)

    assert "Consultation report" in docx_text(english.content)[1]
    assert "Remissammanställning" in docx_text(swedish.content)[1]


@pytest.mark.django_db
def test_anonymous_visitors_get_404_for_a_large_report_and_queue_nothing(
    client, report, member, association, large
):
    make_comment(report, member, association, body="En andra synpunkt.")

    response = client.get(PDF)

    assert response.status_code == 404
    assert large.jobs() == []


@pytest.mark.django_db
def test_with_jobs_run_at_once_a_large_report_downloads_at_once(
    client, coordinator, report, member, association, settings
):
    settings.CONSULTATION_REPORT_JOB_ABOVE = 1
    make_comment(report, member, association, body="En andra synpunkt.")
    client.force_login(coordinator)

    response = client.get(DOCX)

    assert response.status_code == 200
    assert "En andra synpunkt." in docx_text(response.content)[1]
