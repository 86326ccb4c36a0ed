from tests.consultation.conftest import agreement, comment, revision  # noqa: F401
from tests.dialogues.conftest import forum  # noqa: F401
