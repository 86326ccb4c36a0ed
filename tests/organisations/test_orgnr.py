import pytest
from django.core.exceptions import ValidationError

from organisations.models import Organisation
from organisations.orgnr import normalise_orgnr


@pytest.mark.parametrize(
    "typed",
    ["212000-1124", "2120001124", "16212000-1124", "162120001124", " 212000 1124 "],
)
def test_it_accepts_the_forms_people_type_and_stores_one(typed):
    assert normalise_orgnr(typed) == "212000-1124"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("212000-1125", "check_digit"),
        ("211000-1124", "third_digit"),
        ("212000-112", "length"),
        ("172120001124", "prefix"),
        ("21200O-1124", "characters"),
    ],
)
def test_it_says_what_is_wrong_with_a_number(typed, code):
    with pytest.raises(ValidationError) as error:
        normalise_orgnr(typed)

    assert error.value.code == code


def unsaved(number):
    return Organisation(
        name="Volvo IF", slug="volvo-if", kind="association", organisation_number=number
    )


def test_the_model_stores_the_number_normalised(db):
    organisation = unsaved("5560360793")

    organisation.full_clean()

    assert organisation.organisation_number == "556036-0793"


def test_the_model_refuses_a_wrong_number_with_a_field_error(db):
    organisation = unsaved("556036-0794")

    with pytest.raises(ValidationError) as error:
        organisation.full_clean()

    assert "organisation_number" in error.value.message_dict
