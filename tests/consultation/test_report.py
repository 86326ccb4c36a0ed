"""The consultation report: grouped by section, totals, CSV, and the public's view of it."""

import csv
import io

from agreements.models import Agreement, Disposition
from tests.consultation.factories import make_comment, section
from tests.factories import make_user

REPORT = "/agreements/lo/revisions/1/consultation/report/"
CSV = "/agreements/lo/revisions/1/consultation/report.csv"


def answered_comments(revision, member, association, coordinator):
    quoted = make_comment(
        revision, member, association, section=section(revision, "dialog"),
        quote="en öppen dialog", body="Skriv *tidig* dialog.",
    )  # fmt: skip
    quoted.answer(disposition=Disposition.ACCEPTED, reason="Texten ändras.", by=coordinator)
    make_comment(revision, member, association, body="Bra helhet.")
    withdrawn = make_comment(revision, member, association, body="Tillbakadragen")
    withdrawn.withdraw(by=member)


def make_public_and_adopted(agreement):
    Agreement.objects.filter(pk=agreement.pk).update(
        is_public=True, status=Agreement.Status.ADOPTED
    )


def test_the_report_groups_comments_by_section_with_dispositions_and_totals(
    client, revision, member, association, coordinator
):
    answered_comments(revision, member, association, coordinator)
    client.force_login(coordinator)

    response = client.get(REPORT)

    sections = response.context["sections"]
    assert [s.heading for s in sections] == ["Hela versionen", "2.1 Dialog"]
    assert response.context["organisations"] == [("Testhamns IF", 2)]
    assert dict(response.context["dispositions"]) == {
        "Beaktad": 1, "Delvis beaktad": 0, "Ej beaktad": 0, "Noterad": 0, "Inte besvarad": 1,
    }  # fmt: skip
    assert "Texten ändras." in response.text
    assert "Tillbakadragen" not in response.text


def test_the_csv_is_utf8_with_bom_and_semicolons_for_excel(
    client, revision, member, association, coordinator
):
    answered_comments(revision, member, association, coordinator)
    client.force_login(coordinator)

    response = client.get(CSV)

    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Avsnitt", "Organisation", "Skriven av"]
    assert rows[1][0] == "Hela versionen"
    assert rows[2][:4] == ["2.1 Dialog", "Testhamns IF", "forening", "en öppen dialog"]
    assert rows[2][-2:] == ["Beaktad", "Texten ändras."]
    assert len(rows) == 3


def test_the_public_reads_a_public_adopted_agreements_report_without_personal_names(
    client, agreement, revision, coordinator, association
):
    author = make_user("namngiven", association, first_name="Greta", last_name="Granskare")
    make_comment(revision, author, association, body="Offentlig synpunkt.")
    make_public_and_adopted(agreement)

    page, sheet = client.get(REPORT), client.get(CSV)

    assert page.status_code == sheet.status_code == 200
    assert "Offentlig synpunkt." in page.text and "Testhamns IF" in page.text
    assert "Granskare" not in page.text
    assert "Granskare" not in sheet.content.decode()
    assert "Skriven av" not in sheet.content.decode()


def test_the_public_gets_404_on_the_report_of_an_agreement_that_is_not_public(client, revision):
    assert client.get(REPORT).status_code == 404
    assert client.get(CSV).status_code == 404


def test_the_public_never_sees_the_comment_pages_of_a_public_agreement(
    client, agreement, comment, outsider
):
    make_public_and_adopted(agreement)
    client.force_login(outsider)

    response = client.get(f"/agreements/lo/revisions/1/comments/{comment.pk}/")

    assert response.status_code == 404
