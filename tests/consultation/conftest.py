"""Consultation fixtures: an agreement whose revision 1 is out for consultation.

- coordinator (root conftest): municipal coordinator, answers comments
- member (root conftest): member of `association`, a signatory party
- staff (root conftest): member of a municipal department; reads, never comments
- outsider (root conftest): member of an association that is no party
"""

import pytest

from tests.consultation.factories import make_agreement, make_comment, make_party, publish


@pytest.fixture
def agreement(municipality, department, coordinator, association):
    agreement = make_agreement(municipality, by=coordinator, slug="lo", title="Testhamns LÖ")
    make_party(agreement, association)
    return agreement


@pytest.fixture
def revision(agreement, coordinator):
    """Revision 1, open for comments for 30 days."""
    return publish(agreement, by=coordinator)


@pytest.fixture
def comment(revision, member, association):
    return make_comment(
        revision, member, association, section=revision.sections.get(anchor="dialog")
    )
