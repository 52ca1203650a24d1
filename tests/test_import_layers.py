"""The pipeline is one-way: no module imports from a later stage.

Read with ``ast`` (nothing is imported), so a violation is found even in a
function-level import. Layers, earliest first; a module may import from its
own package and from any earlier layer, never from a later one or from a
sibling package of the same layer.

Segmentation sits below parsing: every parser emits blocks and hands them to
``segment.build_document``, so a parser's output is already the numbered
clauses a reader cites.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "clauses"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("clauses", "clauses.errors", "clauses.datamodel", "clauses.resources", "clauses.atomic"),
    ("clauses.tomlfile",),
    ("clauses.elements",),
    ("clauses.segment",),
    ("clauses.parse",),
    ("clauses.detect",),
    ("clauses.profiles",),
    ("clauses.judge",),
    ("clauses.suggest",),
    ("clauses.report",),
    ("clauses.pipeline",),
    ("clauses.evaluate", "clauses.batch"),
    ("clauses.cli",),
)


def _unit(module: str) -> str:
    """The layer entry a dotted module name belongs to (longest prefix)."""
    best = ""
    for layer in LAYERS:
        for unit in layer:
            if (module == unit or module.startswith(unit + ".")) and len(unit) > len(best):
                best = unit
    return best


def _layer(unit: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if unit in layer)


def _module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # "from clauses import parse" names a sub-module
            if node.module == "clauses":
                found += [(node.lineno, f"clauses.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in found if name == "clauses" or name.startswith("clauses.")]


def violations(package: Path = PACKAGE) -> list[str]:
    out = []
    for path in sorted(package.rglob("*.py")):
        here = _unit(_module_name(path, package))
        for line, target in _imports(path):
            there = _unit(target)
            if not there or there == "clauses" or there == here:
                continue
            if _layer(there) >= _layer(here):
                out.append(f"{path.relative_to(package.parent)}:{line}: {here} imports {target}")
    return out


def test_import_layers_every_module_is_in_a_layer() -> None:
    unplaced = [str(p) for p in PACKAGE.rglob("*.py") if not _unit(_module_name(p))]
    assert unplaced == []


def test_import_layers_no_import_from_a_later_stage() -> None:
    assert violations() == []


def test_import_layers_check_catches_an_upward_import(tmp_path: Path) -> None:
    fake = tmp_path / "clauses"
    (fake / "parse").mkdir(parents=True)
    (fake / "parse" / "__init__.py").write_text("def f():\n    from clauses.report import write_json\n")
    (fake / "report").mkdir()
    (fake / "report" / "__init__.py").write_text("from clauses.parse import f\n")
    found = violations(fake)
    assert len(found) == 1 and "clauses.parse imports clauses.report" in found[0]


@pytest.mark.parametrize("module", ["clauses.detect.doctype", "clauses.segment.labels", "clauses.cli.review"])
def test_import_layers_known_modules_are_placed(module: str) -> None:
    assert _unit(module) != ""


def test_import_layers_no_module_imports_another_modules_private_names() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("clauses"):
                found += [
                    f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_") and not alias.name.startswith("__")
                ]
    assert found == []
