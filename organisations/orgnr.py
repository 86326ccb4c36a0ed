"""Swedish organisation numbers (organisationsnummer): NNNNNN-NNNN with a Luhn check digit."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def luhn_check_digit(nine_digits):
    """The digit that makes the ten-digit number pass the Luhn test."""
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def normalise_orgnr(value):
    """Return the number as NNNNNN-NNNN, or raise ValidationError saying what is wrong.

    Accepts the number with or without the dash, and the 12-digit form with the
    century-like prefix 16 that the Swedish Tax Agency uses.
    """
    digits = re.sub(r"[\s-]", "", value or "")
    if not digits.isdigit():
        raise ValidationError(
            _("An organisation number may only contain digits and a dash."), code="characters"
        )
    if len(digits) == 12:
        if not digits.startswith("16"):
            raise ValidationError(
                _("A 12-digit organisation number must start with 16."), code="prefix"
            )
        digits = digits[2:]
    if len(digits) != 10:
        raise ValidationError(
            _("An organisation number has ten digits, written NNNNNN-NNNN."), code="length"
        )
    if int(digits[2]) < 2:
        raise ValidationError(
            _("The third digit of an organisation number is at least 2."), code="third_digit"
        )
    if luhn_check_digit(digits[:9]) != digits[9]:
        raise ValidationError(
            _("The check digit is wrong; please check the number for typing errors."),
            code="check_digit",
        )
    return f"{digits[:6]}-{digits[6:]}"
