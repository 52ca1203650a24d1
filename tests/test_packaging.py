"""pyproject.toml declares every package the code imports, so `pip install .` alone is enough.

The miss this guards against: a package only present on the machine that built
the tests (``cryptography`` for AES-encrypted PDFs, ``numpy``, ``lxml``) makes the
installed tool crash with a traceback elsewhere. The check reads the imports with
``ast`` (function-level imports included) and maps each top-level module to the
distribution that installs it; ``.ci/bare_venv_smoke.sh`` then proves it by
running every command in a venv holding only the declared dependencies.
"""

from __future__ import annotations

import ast
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest

from clauses.tomlfile import loads

TOP = Path(__file__).resolve().parents[1]
PYPROJECT = loads((TOP / "pyproject.toml").read_text(encoding="utf-8"))
# Imported only by a dependency, never by our code, but needed at run time by a feature we offer.
RUNTIME_ONLY = {"cryptography": "pypdf decrypts AES-encrypted PDFs with it"}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared(requirements: list[str]) -> set[str]:
    return {_normal(re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]) for requirement in requirements}


def _top_level_imports(folder: Path) -> dict[str, str]:
    """Top-level module name -> first file:line importing it (absolute imports only)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], f"{path.relative_to(folder.parent)}:{node.lineno}")
    return found


def _providers() -> dict[str, list[str]]:
    """Top-level module -> installing distributions; ``packages_distributions`` of Python 3.11+.

    Python 3.10's version reads only ``top_level.txt``, which many wheels no longer
    ship, so the installed files are read too.
    """
    providers: dict[str, list[str]] = {}
    for dist in metadata.distributions():
        tops = (dist.read_text("top_level.txt") or "").split()
        for file in dist.files or ():
            first = file.parts[0] if len(file.parts) > 1 else file.name.removesuffix(".py")
            if not first.endswith((".dist-info", ".egg-info", ".data", ".pth")) and first != "..":
                tops.append(first.split(".")[0])
        for top in set(tops):
            providers.setdefault(top, []).append(dist.metadata["Name"])
    return providers


def _undeclared(folder: Path, declared: set[str], own: set[str]) -> list[str]:
    providers = _providers()
    missing = []
    for module, where in sorted(_top_level_imports(folder).items()):
        if module in sys.stdlib_module_names or module in own or module in ("__future__", "tomllib"):
            continue
        if module == "tomli":  # the Python 3.10 fallback, declared with a version marker
            dists = ["tomli"]
        else:
            dists = providers.get(module, [])
        if not dists:
            missing.append(f"{where}: {module} (not installed here, so not declared either)")
        elif not any(_normal(dist) in declared for dist in dists):
            missing.append(f"{where}: {module} (from {', '.join(dists)})")
    return missing


def test_packaging_every_import_of_the_package_is_a_declared_dependency() -> None:
    # Optional paths (OCR, Dask) may import what their extra declares; everything else is a dependency.
    project = PYPROJECT["project"]
    extras = [d for name, deps in project["optional-dependencies"].items() if name != "test" for d in deps]
    declared = _declared(project["dependencies"] + extras)
    assert _undeclared(TOP / "clauses", declared, {"clauses"}) == []


@pytest.mark.parametrize("package", sorted(RUNTIME_ONLY))
def test_packaging_runtime_only_dependencies_are_declared(package: str) -> None:
    assert _normal(package) in _declared(PYPROJECT["project"]["dependencies"]), RUNTIME_ONLY[package]


def test_packaging_every_import_of_the_tests_is_declared_in_the_test_extra() -> None:
    project = PYPROJECT["project"]
    declared = _declared(project["dependencies"] + project["optional-dependencies"]["test"])
    own = {"clauses"} | {path.stem for path in (TOP / "tests").rglob("*.py")}  # helpers tests import
    assert _undeclared(TOP / "tests", declared, own) == []


def test_packaging_tomli_fallback_is_declared_for_python_310_only() -> None:
    requirements = [r for r in PYPROJECT["project"]["dependencies"] if r.startswith("tomli")]
    assert requirements and all("python_version < '3.11'" in r for r in requirements)
    assert PYPROJECT["project"]["requires-python"] == ">=3.10"


def test_packaging_check_finds_an_undeclared_import(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text("def f():\n    import numpy\n")
    found = _undeclared(tmp_path, {"spacy"}, set())
    assert len(found) == 1 and "numpy" in found[0]


def test_packaging_every_package_folder_is_in_the_wheel() -> None:
    """A sub-package left out of [tool.setuptools] packages is missing from `pip install .`."""
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(TOP).parts) for init in (TOP / "clauses").rglob("__init__.py")
    }
    assert found - listed == set()
