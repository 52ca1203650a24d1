"""The 13 element ids agree everywhere: spec, elements.toml, profiles, templates, corpus, model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from clauses.detect.train import load_corpus
from clauses.elements import element_ids
from clauses.profiles import BUILT_IN, PROFILE_DIR, load_profile
from clauses.resources import data_dir
from clauses.tomlfile import loads

SPEC = Path(__file__).resolve().parents[1].parent / "shared" / "spec" / "elements.md"
_SPEC_ROW = re.compile(r"^\|\s*`([a-z_]+)`\s*\|")


def _spec_ids() -> tuple[str, ...]:
    """The first column of the elements table (the profiles table's ids are not backquoted first cells)."""
    lines = SPEC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| id |"))
    ids = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        match = _SPEC_ROW.match(line)
        assert match, f"spec row without a backquoted id: {line[:60]}"
        ids.append(match.group(1))
    return tuple(ids)


def test_ids_consistent_thirteen_unique_ids() -> None:
    ids = element_ids()
    assert len(ids) == 13
    assert len(set(ids)) == 13


def test_ids_consistent_spec_table_matches_elements_toml() -> None:
    if not SPEC.is_file():
        pytest.skip(f"{SPEC} absent")
    assert _spec_ids() == element_ids()


@pytest.mark.parametrize("name", BUILT_IN)
def test_ids_consistent_built_in_profiles_use_known_ids(name: str) -> None:
    profile = load_profile(name)
    assert set(profile.elements) <= set(element_ids())
    # The profile files themselves, not just what validation lets through.
    raw = loads((PROFILE_DIR / f"{name}.toml").read_text(encoding="utf-8"))
    assert set(raw["elements"]) <= set(element_ids())


def test_ids_consistent_one_template_per_element() -> None:
    templates = data_dir("templates")
    present = {p.stem for p in templates.glob("*.j2")}
    assert present == set(element_ids())


def test_ids_consistent_corpus_has_positives_for_every_id() -> None:
    clauses = load_corpus(data_dir("corpus"))
    labelled = {e for c in clauses for e in c.elements}
    assert labelled == set(element_ids())
    for element in element_ids():
        assert sum(element in c.elements for c in clauses) >= 20, element


def test_ids_consistent_model_manifest_ids() -> None:
    manifest_path = data_dir("models") / "manifest.json"
    if not manifest_path.is_file():
        pytest.skip("models/manifest.json absent: run `clauses train`")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert tuple(manifest["element_ids"]) == element_ids()
