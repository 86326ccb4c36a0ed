"""Test settings: the real settings with fast hashing and private file directories."""

import tempfile
from pathlib import Path

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
_TMP = Path(tempfile.mkdtemp(prefix="overens-test-"))
MEDIA_ROOT = _TMP / "media"
SEARCH_INDEX_DIR = _TMP / "search-index"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Jobs run at once in the test's own process (tests/jobs/ runs real workers).
JOBS_EAGER = True
JOBS_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
