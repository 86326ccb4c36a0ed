"""Test settings: the real settings with fast hashing and private file directories."""

import tempfile
from pathlib import Path

from config.settings import *  # noqa: F403
from config.settings import DATABASES

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
# SQLite: the test database is a file, not memory, so threads and processes racing for the
# same rows meet SQLite's real locking (an in-memory database shared between threads
# answers "database table is locked" at once instead of waiting).
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(_TMP / "test.sqlite3")}
# PostgreSQL: a backend of the tests' own that empties tables with DELETE, not TRUNCATE,
# after each transactional test (see tests/pg_backend/base.py).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "tests.pg_backend"
    # A test database need not survive a crash: commits do not wait for the disk.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
