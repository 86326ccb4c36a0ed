"""Agreement fixtures: one agreement of the test municipality and a user per matrix role.

- coordinator (root conftest): coordinator of the owning municipality
- drafter: member of an association that helps write the text
- member (root conftest): member of a signatory party
- staff (root conftest): member of a municipal department
- outsider (root conftest): member of an association that is no party
"""

import pytest

from agreements.models import Party
from tests.agreements.factories import make_agreement, make_party
from tests.factories import make_organisation, make_user


@pytest.fixture
def drafting_association(db):
    return make_organisation(name="Studieförbundet Test")


@pytest.fixture
def drafter(drafting_association):
    return make_user("skribent", drafting_association)


@pytest.fixture
def agreement(municipality, department, coordinator, association, drafting_association):
    """A draft agreement: the municipality and one association draft, another is signatory."""
    agreement = make_agreement(municipality, by=coordinator, slug="lo", title="Testhamns LÖ")
    make_party(agreement, drafting_association, role=Party.Role.UMBRELLA, is_drafter=True)
    make_party(agreement, association)
    return agreement
