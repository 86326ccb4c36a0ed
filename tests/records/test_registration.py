"""Numbers: cases in yearly series under the municipality's format, documents under cases;
corrections are logged."""

import pytest
from django.utils import timezone

from records import exceptions as errors
from records.models import Case, Correction, Series
from tests.agreements.factories import make_agreement
from tests.consultation.factories import publish
from tests.records.factories import register_revision

YEAR = timezone.localdate().year


def test_an_agreement_with_a_registration_number_is_a_case_under_it(agreement):
    agreement.registration_number = "KS 2024/0412"
    agreement.save()

    case = Case.of_agreement(agreement)

    assert case.number == "KS 2024/0412"
    assert Series.objects.get(year=2024).last_serial == 412


def test_cases_without_a_number_take_the_next_of_the_years_series(agreement, municipality):
    other = make_agreement(municipality)

    numbers = [Case.of_agreement(agreement).number, Case.of_agreement(other).number]

    assert numbers == [f"KS {YEAR}/0001", f"KS {YEAR}/0002"]
    assert Case.of_agreement(agreement).number == f"KS {YEAR}/0001"  # opened once


def test_a_number_given_by_hand_moves_the_series_past_it(agreement, municipality):
    agreement.registration_number = f"KS {YEAR}/0041"
    agreement.save()
    Case.of_agreement(agreement)

    case = Case.of_agreement(make_agreement(municipality))

    assert case.number == f"KS {YEAR}/0042"


def test_a_number_outside_the_format_opens_no_case(agreement):
    agreement.registration_number = "Dnr 12-2024"
    agreement.save()

    with pytest.raises(errors.InvalidCaseNumber):
        Case.of_agreement(agreement)

    assert not Case.objects.exists()
    assert not Series.objects.exists()


def test_documents_are_numbered_under_their_case(agreement, coordinator):
    agreement.registration_number = "KS 2024/0412"
    agreement.save()
    revision = publish(agreement, by=coordinator)
    agreement.close_consultation(by=coordinator)
    agreement.start_draft(by=coordinator)
    second = publish(agreement, by=coordinator)

    numbers = [register_revision(agreement, r).number for r in (revision, second)]

    assert numbers == ["KS 2024/0412-1", "KS 2024/0412-2"]


def test_a_coordinator_corrects_an_entry_and_each_change_is_logged(agreement, coordinator):
    document = register_revision(agreement, publish(agreement, by=coordinator))

    document.correct(
        by=coordinator,
        reason="Sekretess enligt beslut",
        subject="Förslag, reviderat",
        secrecy_provision="OSL 21 kap. 1 §",
    )

    document.refresh_from_db()
    assert document.subject == "Förslag, reviderat"
    log = Correction.objects.filter(document=document).order_by("field")
    assert [(c.field, c.old_value, c.new_value) for c in log] == [
        ("secrecy_provision", "", "OSL 21 kap. 1 §"),
        ("subject", "Förslag", "Förslag, reviderat"),
    ]
    assert log[0].by == coordinator


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"subject": "Förslag", "reason": "ingen ändring"}, errors.NothingCorrected),
        ({"subject": "Annat", "reason": "  "}, errors.CorrectionReasonMissing),
    ],
)
def test_a_correction_without_change_or_reason_changes_nothing(
    agreement, coordinator, changes, error
):
    document = register_revision(agreement, publish(agreement, by=coordinator))

    with pytest.raises(error):
        document.correct(by=coordinator, **changes)

    document.refresh_from_db()
    assert document.subject == "Förslag"
    assert not Correction.objects.exists()


def test_the_number_and_case_cannot_be_corrected(agreement, coordinator):
    document = register_revision(agreement, publish(agreement, by=coordinator))

    with pytest.raises(errors.NothingCorrected):
        document.correct(by=coordinator, reason="byt nummer", number="KS 1999/0001-1")

    document.refresh_from_db()
    assert document.number.endswith("-1")
