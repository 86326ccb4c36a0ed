"""What importing a register's rows would do: create, update, leave unchanged or refuse.

The same function plans the preview and the import itself (inside the import's
transaction), so the preview shows exactly what the import does to the database as it is.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from imports.reading import COLUMN_LABELS
from organisations.applications import Area
from organisations.models import Organisation
from organisations.orgnr import normalise_orgnr

CREATE, UPDATE, UNCHANGED, REFUSED = "create", "update", "unchanged", "refused"
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UPDATED_FIELDS = ("name", "email", "areas", "district")
MAX_LENGTHS = {"name": 200, "district": 100, "email": 254}


class Refused(Exception):
    def __init__(self, field, reason):
        super().__init__(reason)
        self.field, self.reason = field, reason


def plan(rows):
    """One step per row: {"row", "action", "values", "changes", "column", "reason"}."""
    checked = [(number, *_checked(cells)) for number, cells in rows]
    numbers = [values["organisation_number"] for _, values, _ in checked if values]
    existing = {
        o.organisation_number: o
        for o in Organisation.objects.filter(organisation_number__in=numbers).order_by("-pk")
    }
    seen, steps = {}, []
    for number, values, refusal in checked:
        if refusal is None and values["organisation_number"] in seen:
            refusal = Refused(
                "organisation_number",
                _("The same organisation number is on row %(row)d.")
                % {"row": seen[values["organisation_number"]]},
            )
        if refusal is not None:
            steps.append(_refused(number, refusal))
            continue
        seen[values["organisation_number"]] = number
        steps.append(_step(number, values, existing.get(values["organisation_number"])))
    return steps


def _step(number, values, organisation):
    if organisation is None:
        return {"row": number, "action": CREATE, "values": values, "changes": []}
    changes = [f for f in UPDATED_FIELDS if values[f] != getattr(organisation, f)]
    return {
        "row": number,
        "action": UPDATE if changes else UNCHANGED,
        "values": values,
        "changes": changes,
    }


def _refused(number, refusal):
    return {
        "row": number,
        "action": REFUSED,
        "column": str(COLUMN_LABELS[refusal.field]),
        "reason": str(refusal.reason),
    }


def _checked(cells):
    """(values, None) for a good row, (None, Refused) for a bad one."""
    try:
        for field, text in cells.items():
            if text.startswith(FORMULA_STARTS):
                raise Refused(field, _("The cell starts like a spreadsheet formula."))
            if len(text) > MAX_LENGTHS.get(field, 200):
                raise Refused(field, _("The text is too long."))
        return _values(cells), None
    except Refused as refusal:
        return None, refusal


def _values(cells):
    try:
        number = normalise_orgnr(cells["organisation_number"])
    except ValidationError as error:
        raise Refused("organisation_number", error.messages[0]) from None
    if not cells["name"]:
        raise Refused("name", _("The name is missing."))
    email = cells.get("email", "")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise Refused("email", _("This is not an e-mail address.")) from None
    return {
        "organisation_number": number,
        "name": cells["name"],
        "email": email.lower(),
        "areas": _areas(cells.get("category", "")),
        "district": cells.get("district", ""),
    }


def _areas(category):
    if not category:
        return []
    wanted = category.casefold()
    for area in Area:
        if wanted in _names(area):
            return [area.value]
    raise Refused(
        "category",
        _("Unknown category. Use one of: %(areas)s.")
        % {"areas": ", ".join(str(area.label) for area in Area)},
    )


def _names(area):
    """An area's code and its name in every language, so a Swedish or English register fits."""
    names = {area.value}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.add(str(area.label).casefold())
    return names
