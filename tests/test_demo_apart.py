"""The demo city and the benchmarks live apart from the domain apps (issue 17, item 8): no
module of an app that serves users imports `demo` or `benchmarks`, so neither can end up in
a request, and both can change without touching the product."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APART = {"demo", "benchmarks"}


def project_packages():
    """The project's own top-level packages (the installed apps, the settings, core, exports…),
    without the demo, the benchmarks and the tests."""
    return sorted(
        path.name
        for path in ROOT.iterdir()
        if (path / "__init__.py").is_file() and path.name not in APART | {"tests"}
    )


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {
            "import_module",
            "__import__",
        }:
            yield from (a.value for a in node.args if isinstance(a, ast.Constant))


def test_the_domain_apps_are_the_projects_packages():
    domain = {"organisations", "agreements", "dialogues", "records", "search", "api", "config"}

    assert domain <= set(project_packages())
    # Installed for its commands (`manage.py seed_demo`), apart all the same.
    assert "demo" in {config.name for config in apps.get_app_configs()}


def test_no_domain_module_imports_the_demo_or_the_benchmarks():
    offenders = []
    for package in project_packages():
        for path in sorted((ROOT / package).rglob("*.py")):
            for module in imported_modules(path):
                if isinstance(module, str) and module.split(".")[0] in APART:
                    offenders.append(f"{path.relative_to(ROOT)} imports {module}")

    assert offenders == []


def test_the_scan_sees_an_import_of_the_demo(tmp_path):
    module = tmp_path / "views.py"
    module.write_text(
        "from demo import agreements\nimport benchmarks.scale_city\n"
        "x = import_module('demo.city')\n"
    )

    assert list(imported_modules(module)) == ["demo", "benchmarks.scale_city", "demo.city"]


def test_no_domain_app_keeps_demo_code():
    leftovers = [
        str(path.relative_to(ROOT))
        for package in project_packages()
        for path in (ROOT / package).rglob("*")
        if path.name.startswith(("demo", "bench", "seed_demo", "search_bench", "samples"))
        and "__pycache__" not in path.parts
    ]

    assert leftovers == []
