"""Reading settings from the environment, failing loudly on values we cannot use."""

import os
import re

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no.")


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_choice(name, choices, default=""):
    """One of `choices` (case-insensitive), or `default` when unset or empty."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if raw.lower() not in choices:
        raise ImproperlyConfigured(f"{name}={raw!r}: use one of {', '.join(sorted(choices))}.")
    return raw.lower()


def env_cron(name, default):
    """A cron expression (minute hour day-of-month month day-of-week), checked now."""
    from croniter import croniter

    raw = os.environ.get(name, "").strip() or default
    if not croniter.is_valid(raw) or len(raw.split()) != 5:
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a schedule: give five cron fields "
            "(minute hour day-of-month month day-of-week), e.g. '0 7 * * *' for 07:00 daily."
        )
    return raw


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(url):
    """Parse DATABASE_URL; only SQLite and PostgreSQL are supported."""
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as error:  # dj-database-url raises several types for bad URLs
        raise ImproperlyConfigured(
            f"DATABASE_URL could not be parsed ({error}). Use sqlite:///path/to/db.sqlite3 "
            "or postgres://user:password@host:5432/name."
        ) from None
    engine = config.get("ENGINE", "")
    if engine not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
        raise ImproperlyConfigured(
            f"DATABASE_URL uses an unsupported database ({engine or 'unknown'}); "
            "Överens runs on SQLite or PostgreSQL."
        )
    if engine.endswith("postgresql") and not config.get("NAME"):
        raise ImproperlyConfigured("DATABASE_URL names no PostgreSQL database.")
    if engine.endswith("sqlite3"):
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = SQLITE_OPTIONS
    return config


# SQLite lets one writer at a time. A transaction that starts as a reader and then writes
# cannot wait for the lock (SQLite answers "database is locked" at once), so every
# transaction takes the write lock when it begins (IMMEDIATE) and waits up to `timeout`
# seconds for it. WAL lets readers go on while one transaction writes: the web server and the
# job worker share the file.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def env_colour(name, default=""):
    """A #rrggbb colour that white text on it, and it as text on white, can be read on
    (WCAG 2.1 AA: a contrast of at least 4.5:1); `default` when unset or empty."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", raw):
        raise ImproperlyConfigured(f"{name}={raw!r} is not a colour; give it as #rrggbb.")
    ratio = contrast_with_white(raw)
    if ratio < 4.5:
        raise ImproperlyConfigured(
            f"{name}={raw!r} has a contrast of {ratio:.1f}:1 with white; "
            "text needs at least 4.5:1 (WCAG 2.1 AA). Choose a darker colour."
        )
    return raw.lower()


def contrast_with_white(colour):
    """WCAG 2.1 contrast ratio of `colour` (#rrggbb) with white."""

    def channel(hex_pair):
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)
