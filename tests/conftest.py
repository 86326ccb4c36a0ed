"""Users by role, shared by every app's tests.

- coordinator: coordinator of the municipality (municipal coordinator)
- staff: member of one of the municipality's departments
- member: member of an association
- association_coordinator: coordinator of that association
- outsider: member of another association
"""

import pytest

from organisations.models import Membership, Organisation
from tests.factories import make_organisation, make_user


@pytest.fixture
def municipality(db):
    return make_organisation(name="Testhamns stad", kind=Organisation.Kind.MUNICIPALITY)


@pytest.fixture
def department(municipality):
    return make_organisation(
        name="Kulturförvaltningen", kind=Organisation.Kind.DEPARTMENT, parent=municipality
    )


@pytest.fixture
def association(db):
    return make_organisation(name="Testhamns IF")


@pytest.fixture
def other_association(db):
    return make_organisation(name="Rälsens modellklubb")


@pytest.fixture
def coordinator(municipality):
    return make_user("samordnare", municipality, Membership.Role.COORDINATOR)


@pytest.fixture
def staff(department):
    return make_user("tjansteperson", department)


@pytest.fixture
def member(association):
    return make_user("forening", association)


@pytest.fixture
def association_coordinator(association):
    return make_user("ordforande", association, Membership.Role.COORDINATOR)


@pytest.fixture
def outsider(other_association):
    return make_user("utomstaende", other_association)


@pytest.fixture
def demo(transactional_db):
    """The demo city, as `make run` serves it (see tests/demo_city.py)."""
    from tests.demo_city import load_demo_city

    load_demo_city()
