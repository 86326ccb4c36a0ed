import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from organisations.models import Application
from tests.agreements.factories import adopt, consult, make_agreement
from tests.attachments import files
from tests.factories import valid_orgnr


@pytest.fixture
def open_agreement(municipality, coordinator):
    """An adopted, public agreement of the coordinator's municipality: open to applications."""
    agreement = make_agreement(municipality=municipality, by=coordinator, slug="lo-testhamn")
    adopt(agreement, consult(agreement, by=coordinator), by=coordinator)
    return agreement


def board_decision(name="Protokollsutdrag styrelsen.pdf"):
    return SimpleUploadedFile(name, files.pdf("Styrelsen beslutade att ansluta föreningen."))


def application_form(**overrides):
    return {
        "agreement": "lo-testhamn",
        "organisation_number": valid_orgnr(),
        "name": "Norra Strandens Båtklubb",
        "contact_name": "Stina Ek",
        "contact_email": "stina@batklubben.example",
        "areas": ["sport", "environment"],
        "district": "Norra staden",
        "board_decision": board_decision(),
        "accept_principles": "on",
        **overrides,
    }


def make_application(agreement, **overrides):
    values = {
        "organisation_number": valid_orgnr(),
        "name": "Södra Kören",
        "contact_name": "Per Lund",
        "contact_email": "per@koren.example",
        "areas": ["culture"],
        "district": "Söder",
        **overrides,
    }
    return Application.submit(agreement=agreement, **values)
