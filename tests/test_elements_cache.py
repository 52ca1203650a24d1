"""The on-disk cache of the shipped elements' gates: used when sound, rebuilt when not, never required."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from clauses.elements import ELEMENTS_FILE, load_elements
from clauses.elements.cache import LazyPattern, cache_key


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLAUSES_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _shape(loaded) -> list:
    return [
        (
            e.id,
            [(c.name, c.regex.pattern, c.score, c.gate, c.lead) for c in e.cues],
            e.gate,
            [(w.gate, w.lead, w.unless_lead) for w in e.weak],
            [(n.gate, n.lead) for n in e.negations],
            e.requires_gate,
            e.requires_lead,
        )
        for e in loaded.values()
    ]


def test_elements_cache_built_once_then_patterns_compile_lazily_with_the_same_gates(cache: Path) -> None:
    built = load_elements()
    assert all(isinstance(c.regex, re.Pattern) for e in built.values() for c in e.cues)
    [file] = cache.glob("elements-gates-*.json")
    assert json.loads(file.read_text())["key"] == cache_key(ELEMENTS_FILE.read_bytes())
    cached = load_elements()
    cue = next(iter(cached.values())).cues[0]
    assert isinstance(cue.regex, LazyPattern) and cue.regex._compiled is None
    assert _shape(cached) == _shape(built)
    text = "The Recipient shall keep the Confidential Information strictly confidential."
    for element in built:
        for ours, theirs in zip(cached[element].cues, built[element].cues, strict=True):
            assert bool(ours.regex.search(text)) == bool(theirs.regex.search(text))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: "not json",
        lambda data: json.dumps({**data, "key": "another version"}),
        lambda data: json.dumps({**data, "gates": {p: [[[1]]] for p in data["gates"]}}),
    ],
)
def test_elements_cache_unsound_is_ignored_and_rebuilt(cache: Path, damage) -> None:
    load_elements()
    [file] = cache.glob("elements-gates-*.json")
    file.write_text(damage(json.loads(file.read_text())))
    rebuilt = load_elements()
    assert all(isinstance(c.regex, re.Pattern) for e in rebuilt.values() for c in e.cues)
    assert json.loads(file.read_text())["key"] == cache_key(ELEMENTS_FILE.read_bytes())


def test_elements_cache_unwritable_folder_costs_nothing_but_the_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("CLAUSES_CACHE_DIR", str(tmp_path / "file" / "cache"))  # below a file: cannot exist
    assert load_elements() and load_elements()


def test_elements_cache_not_used_for_another_elements_file(cache: Path, tmp_path: Path) -> None:
    other = tmp_path / "elements.toml"
    other.write_bytes(ELEMENTS_FILE.read_bytes())
    load_elements(other)
    assert not cache.exists()


def test_elements_cache_lazy_pattern_pickles_uncompiled() -> None:
    import pickle

    lazy = LazyPattern(r"\bsurviv\w*", re.IGNORECASE)
    assert lazy.search("It SURVIVES termination")
    copy = pickle.loads(pickle.dumps(lazy))
    assert copy._compiled is None and copy.search("survival").group() == "survival"


def _lazy(loaded) -> list[LazyPattern]:
    regexes = [
        regex
        for e in loaded.values()
        for regex in (
            e.requires,
            *(c.regex for c in e.cues),
            *(w.regex for w in e.weak),
            *(w.unless for w in e.weak),
            *(n.regex for n in e.negations),
        )
    ]
    return [regex for regex in regexes if isinstance(regex, LazyPattern)]


def test_compile_patterns_compiles_every_lazy_regex_of_the_cached_elements(cache: Path) -> None:
    from clauses.elements import compile_patterns

    built = load_elements()
    cached = load_elements()
    lazy = _lazy(cached)
    assert len(lazy) > 200 and all(regex._compiled is None for regex in lazy)
    assert compile_patterns(cached) == len(lazy)
    assert all(isinstance(regex._compiled, re.Pattern) for regex in lazy)
    assert compile_patterns(built) == 0  # compiled when built: nothing lazy


def test_batch_prepare_compiles_the_element_regexes_before_workers_fork(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent compiles them once; each forked worker used to compile them again on first use."""
    import clauses.elements
    from clauses.batch import worker
    from clauses.batch.worker import Job, prepare
    from clauses.profiles import resolve

    load_elements()
    cached = load_elements()
    monkeypatch.setattr(clauses.elements, "elements", lambda: cached)
    monkeypatch.setattr(worker, "_LOADED", {})
    assert not any(regex._compiled for regex in _lazy(cached))
    prepare(Job(out_dir=cache, formats=("json",), profile=resolve("auto")))
    assert all(isinstance(regex._compiled, re.Pattern) for regex in _lazy(cached))


def test_batch_prepare_builds_the_literal_scanner_before_workers_fork(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each forked worker built it (~40 ms, its regex) on its first document."""
    import clauses.detect
    import clauses.elements
    from clauses.batch import worker
    from clauses.batch.worker import Job, prepare
    from clauses.profiles import resolve

    cached = load_elements()
    monkeypatch.setattr(clauses.elements, "elements", lambda: cached)
    monkeypatch.setattr(worker, "_LOADED", {})
    monkeypatch.setattr(clauses.detect, "_SCANNER", [None, None])
    prepare(Job(out_dir=cache, formats=("json",), profile=resolve("auto")))
    assert clauses.detect._SCANNER[0] is cached
    assert "surviv" in clauses.detect._SCANNER[1].literals
