import pytest

from dialogues.models import Forum
from tests.dialogues.factories import make_forum


@pytest.fixture
def forum(municipality, association):
    """A members-only forum organised by the municipality, with the association as member."""
    return make_forum(municipality, members=[association], visibility=Forum.Visibility.MEMBERS)


@pytest.fixture
def public_forum(municipality, association):
    return make_forum(municipality, members=[association], visibility=Forum.Visibility.PUBLIC)
