"""Follow-up fixtures: an adopted, public agreement with an adopted action plan.

- coordinator (root conftest): manages the agreement and its plan
- member (root conftest): member of `association`, a party responsible for `commitment`
- staff (root conftest): member of `department`, also responsible for `commitment`
- outsider (root conftest): member of an association that is party to nothing
"""

import pytest

from agreements.models import Agreement
from tests.agreements.factories import adopt, consult, make_agreement, make_party
from tests.followup.factories import make_commitment, make_plan


@pytest.fixture
def agreement(municipality, department, coordinator, association, other_association):
    agreement = make_agreement(municipality, by=coordinator, slug="lo", title="Testhamns LÖ")
    make_party(agreement, association)
    revision = consult(agreement, by=coordinator)
    adopt(agreement, revision, by=coordinator)
    agreement.change_status(Agreement.Status.IN_FORCE, by=coordinator)
    return agreement


@pytest.fixture
def plan(agreement):
    return make_plan(agreement)


@pytest.fixture
def commitment(plan, association, department):
    return make_commitment(plan, [association, department], title="Trygga idrottsmiljöer")


@pytest.fixture
def other_commitment(plan, department):
    return make_commitment(plan, [department], title="Hörslingor i samlingslokaler")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Drawn charts and printed reports go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
