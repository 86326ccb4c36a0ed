"""Privacy tests reuse the consultation's agreement, revision and comment."""

from tests.consultation.conftest import agreement, comment, revision  # noqa: F401
