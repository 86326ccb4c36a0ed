"""Charts: server-rendered SVG whose numbers are the table's numbers; the public page."""

import base64
import io
import re
from decimal import Decimal

from django.core.files.storage import default_storage
from django_q.models import OrmQ
from pypdf import PdfReader

from followup import dashboards
from followup.charts import Chart
from followup.models import Commitment, Indicator
from tests.factories import make_organisation
from tests.followup.factories import all_fives, open_round

S = Commitment.Status


def pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def svg_texts(chart):
    chart.store()
    return re.findall(r"<text[^>]*>([^<]*)</text>", chart.svg)


def test_a_bar_chart_writes_each_number_of_its_table(db):
    chart = Chart("Genomförande", "Per område", "bar", [("Trygghet", 75), ("Barn", 40)], unit="%")

    texts = svg_texts(chart)

    assert chart.table == [("Trygghet", [75]), ("Barn", [40])]
    for label, values in chart.table:
        assert label in texts
        assert all(str(v) in texts for v in values)


def test_a_line_chart_writes_each_point_and_the_target(db):
    chart = Chart(
        "Bidrag",
        "Per år",
        "line",
        [("Bidrag", {2025: 151.0, 2026: 158.0})],
        columns=[2025, 2026],
        target=170.0,
    )

    texts = svg_texts(chart)

    assert chart.table == [("Bidrag", [151.0, 158.0])]
    assert {"151", "158", "2025", "2026"} <= set(texts)
    assert any(text.endswith("170") for text in texts)


def test_the_svg_is_an_image_without_script_and_the_same_every_time(db):
    chart = Chart("A", "B", "bar", [("x", 1)])
    assert chart.image_src is None  # not drawn yet

    chart = Chart("A", "B", "bar", [("x", 1)])
    chart.store()
    chart.store()  # a job that runs twice keeps one drawing

    assert chart.svg == chart.svg
    assert "<script" not in chart.svg
    assert base64.b64decode(chart.image_src.split(",", 1)[1]).decode() == chart.svg


def test_the_area_chart_charts_the_average_progress_per_area(plan, commitment, other_commitment):
    commitment.update_progress(status=S.IN_PROGRESS, progress=60, by=None)

    chart = dashboards.area_chart(plan)

    assert chart.table == [("Trygghet", [30])]
    assert "30" in svg_texts(chart)


def test_the_indicator_chart_has_baseline_values_and_target(plan, coordinator):
    indicator = Indicator.objects.create(
        plan=plan, name="Bidrag", unit="st", baseline_year=2024, baseline=142, target=170
    )
    indicator.record_value(year=2025, value=Decimal(151), by=coordinator)

    chart = dashboards.indicator_chart(indicator)

    assert chart.columns == [2024, 2025, 2026]
    assert chart.table == [("Bidrag", [142.0, 151.0, None])]
    assert chart.target == 170.0


def test_the_survey_chart_leaves_out_averages_of_too_few_answers(plan, agreement, commitment):
    first = open_round(plan, year=2025)
    for _ in range(5):
        first.answer_survey(
            organisation=make_organisation(), scores=all_fives(agreement), text="", by=None
        )
    first.publish(summary="", by=None)
    second = open_round(plan, year=2026)
    second.answer_survey(
        organisation=make_organisation(), scores=all_fives(agreement), text="", by=None
    )
    second.publish(summary="", by=None)

    chart = dashboards.survey_chart(plan)

    assert chart.columns == [2025, 2026]
    assert {tuple(values) for _, values in chart.table} == {(5.0, None)}


def test_the_public_page_shows_charts_with_their_tables(client, plan, commitment):
    round = open_round(plan, year=2025)
    round.publish(summary="Ett år av samverkan.", by=None)

    response = client.get("/agreements/lo/follow-up/")

    assert response.status_code == 200
    assert response.text.count('src="data:image/svg+xml;base64,') == len(response.context["charts"])
    assert response.text.count("<table") >= len(response.context["charts"])
    assert "Ett år av samverkan." in response.text


def test_each_chart_on_the_page_draws_the_numbers_of_the_table_beside_it(
    client, plan, commitment, other_commitment, coordinator
):
    commitment.update_progress(status=S.IN_PROGRESS, progress=35, by=coordinator)
    other_commitment.update_progress(status=S.DONE, progress=100, by=coordinator)
    open_round(plan, year=2025).publish(summary="", by=None)

    page = client.get("/agreements/lo/follow-up/").text
    figures = page.split('<figure class="chart-block"')[1:]

    assert figures
    for figure in figures:
        image = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', figure).group(1)
        drawn = set(re.findall(r"<text[^>]*>([^<]*)</text>", base64.b64decode(image).decode()))
        body = figure.split("<tbody>")[1].split("</tbody>")[0]
        for label, cells in re.findall(r'<th scope="row">([^<]*)</th>(.*?)</tr>', body):
            numbers = [c for c in re.findall(r"<td>([^<]*)</td>", cells) if c != "–"]
            assert {n.replace(",", ".").removesuffix(".0") for n in numbers} <= {
                t.replace(",", ".").removesuffix(".0").removesuffix(" %") for t in drawn
            }, (label, numbers, drawn)


def test_the_public_page_of_a_private_agreement_is_not_found(client, agreement, plan):
    agreement.is_public = False
    agreement.save(update_fields=["is_public"])

    assert client.get("/agreements/lo/follow-up/").status_code == 404


def test_the_report_downloads_as_csv_and_pdf_once_published(client, plan, commitment):
    round = open_round(plan, year=2025)
    before = client.get("/agreements/lo/follow-ups/2025/report.csv").status_code
    round.publish(summary="", by=None)

    csv = client.get("/agreements/lo/follow-ups/2025/report.csv")
    pdf = client.get("/agreements/lo/follow-ups/2025/report.pdf")

    assert before == 404
    assert "Trygghet" in csv.content.decode("utf-8-sig")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert default_storage.exists(round.pdf_name("sv"))


def test_the_pdf_follows_the_readers_language(client, plan, commitment):
    round = open_round(plan, year=2025)
    round.publish(summary="", by=None)

    swedish = client.get("/agreements/lo/follow-ups/2025/report.pdf")
    english = client.get("/agreements/lo/follow-ups/2025/report.pdf", HTTP_ACCEPT_LANGUAGE="en")

    assert "Åtaganden efter status" in pdf_text(swedish.content)
    assert "Commitments by status" in pdf_text(english.content)
    assert "Åtaganden efter status" not in pdf_text(english.content)


def test_the_page_and_the_download_never_draw_or_print_in_the_request(
    client, settings, plan, commitment, media
):
    settings.JOBS_EAGER = False  # the jobs wait for a worker
    round = open_round(plan, year=2025)
    round.publish(summary="", by=None)

    page = client.get("/agreements/lo/follow-up/")
    pdf = client.get("/agreements/lo/follow-ups/2025/report.pdf", follow=True)

    assert "data:image/svg+xml" not in page.text
    assert "Diagrammet ritas" in page.text
    assert page.text.count("<table") >= len(page.context["charts"])
    assert "PDF-filen förbereds" in pdf.text
    assert not (media / "followup").exists()
    assert {"followup.dashboards.draw_plan_charts", "followup.report.store_pdf"} <= {
        row.task["args"][0] for row in OrmQ.objects.all()
    }


def test_the_page_shows_the_charts_once_the_job_drew_them(client, settings, plan, commitment):
    settings.JOBS_EAGER = False
    client.get("/agreements/lo/follow-up/")

    dashboards.draw_plan_charts(plan.pk)
    response = client.get("/agreements/lo/follow-up/")

    assert response.text.count('src="data:image/svg+xml;base64,') == len(response.context["charts"])
