"""Register fixtures: the test municipality's agreement with its format of registration
numbers, and a way to let the verbs' events take effect (they are told after the commit).

- coordinator (root conftest): municipal coordinator, manages the agreement: the registrar
- member (root conftest): member of `association`, a signatory party
- staff, outsider, association_coordinator: see the root conftest
"""

import pytest

from agreements.models import Disposition, RegistrationFormat
from records.models import Case
from tests.agreements.factories import adopt
from tests.consultation.factories import make_agreement, make_comment, make_party, publish


@pytest.fixture
def registration_format(municipality):
    return RegistrationFormat.objects.create(
        municipality=municipality, pattern=r"KS \d{4}/\d{4}", example="KS 2024/0412"
    )


@pytest.fixture
def agreement(municipality, department, coordinator, association, registration_format):
    agreement = make_agreement(municipality, by=coordinator, slug="lo", title="Testhamns LÖ")
    make_party(agreement, association)
    return agreement


@pytest.fixture
def told(django_capture_on_commit_callbacks):
    """`with told(): verb()` runs what listeners do after the verb's commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def case(agreement, coordinator, member, association, told):
    with told():
        revision = publish(agreement, by=coordinator)
        comment = make_comment(revision, member, association, body="Bra förslag.")
        comment.answer(disposition=Disposition.ACCEPTED, reason="Tack.", by=coordinator)
        agreement.close_consultation(by=coordinator)
        adopt(agreement, revision, by=coordinator)
    return Case.of_agreement(agreement)
