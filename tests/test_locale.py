"""Every user-facing string has a Swedish translation, and the compiled catalogues match."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    "config",
    "core",
    "organisations",
    "agreements",
    "consultation",
    "dialogues",
    "followup",
    "attachments",
    "search",
    "jobs",
    "events",
    "startpage",
    "notifications",
    "api",
    "webhooks",
    "records",
    "imports",
    "privacy",
    "demo",  # installed (seed_demo): manage.py must import it
    "templates",
    "locale",
    "manage.py",
]


def committed(language, kind="po"):
    path = ROOT / "locale" / language / "LC_MESSAGES" / f"django.{kind}"
    return polib.pofile(str(path)) if kind == "po" else polib.mofile(str(path))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The Swedish catalogue as makemessages would write it from today's code."""
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext is missing: install the system package 'gettext'.")
    copy = tmp_path_factory.mktemp("messages")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "sv", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    return polib.pofile(str(copy / "locale" / "sv" / "LC_MESSAGES" / "django.po"))


def test_every_string_in_the_code_has_a_swedish_translation(extracted):
    missing = [entry.msgid for entry in extracted if not entry.translated()]

    assert missing == [], "Run `make messages` and translate: " + "; ".join(missing)


def test_no_swedish_translation_is_fuzzy():
    fuzzy = [entry.msgid for entry in committed("sv").fuzzy_entries()]

    assert fuzzy == []


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_compiled_catalogue_matches_the_source(language):
    source = {e.msgid: e.msgstr for e in committed(language) if e.translated()}
    compiled = {e.msgid: e.msgstr for e in committed(language, "mo") if e.msgid}

    assert compiled == source, "Run `make messages` to recompile the catalogues."
