"""Regression floors on the labelled real contracts in ../shared/real (read in place, never copied).

Each set is cut into a study half and a blind half by document (tests/real_split.json,
a seeded hash of the document ids). Cues are written against the study half's
errors only; the blind half says whether a change holds.

Floors are the figures the shipped model reached (measured on 2026-12-05, model 0.1.0+0c9a620afeb3
with the detector of that day), minus a
stated tolerance, never the measured figure itself: a guard against regressions,
not a target. Per element on the whole set, ELEMENT_TOLERANCE below the measured F1
(SMALL_TOLERANCE for an element with fewer than SMALL_POSITIVES positives, where
one document moves F1 by a tenth); macro-F1 per half, MACRO_TOLERANCE below.

Run with ``pytest -m real tests/test_real_evaluation.py -s`` to see the tables.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clauses.evaluate import evaluate, format_table, labelled_documents, load_split, split_keys

ELEMENT_TOLERANCE = 0.04
SMALL_TOLERANCE = 0.15
SMALL_POSITIVES = 8
MACRO_TOLERANCE = 0.02

# Measured with the shipped model: macro-F1 per half, and per element F1 and positives on the whole set.
MEASURED = {
    "agreements": {
        "study": 0.977,
        "blind": 0.93,
        "elements": {
            "definition": {"f1": 0.976, "positives": 41},
            "third_party": {"f1": 0.965, "positives": 41},
            "post_termination": {"f1": 0.957, "positives": 35},
            "breach_notice": {"f1": 1.0, "positives": 11},
            "remedies": {"f1": 0.946, "positives": 38},
            "exclusions": {"f1": 1.0, "positives": 29},
            "compelled_disclosure": {"f1": 0.987, "positives": 37},
            "use_limitation": {"f1": 0.953, "positives": 41},
            "return_destruction": {"f1": 0.949, "positives": 39},
            "safeguards": {"f1": 0.973, "positives": 37},
            "personnel": {"f1": 0.947, "positives": 28},
            "data_protection": {"f1": 0.894, "positives": 23},
            "audit": {"f1": 0.867, "positives": 13},
        },
    },
    "contractnli": {
        "study": 0.997,
        "blind": 0.914,
        "elements": {
            "definition": {"f1": 0.992, "positives": 60},
            "third_party": {"f1": 1.0, "positives": 60},
            "post_termination": {"f1": 0.967, "positives": 47},
            "breach_notice": {"f1": 0.963, "positives": 14},
            "remedies": {"f1": 0.969, "positives": 49},
            "exclusions": {"f1": 1.0, "positives": 53},
            "compelled_disclosure": {"f1": 0.991, "positives": 53},
            "use_limitation": {"f1": 0.991, "positives": 55},
            "return_destruction": {"f1": 1.0, "positives": 54},
            "safeguards": {"f1": 0.973, "positives": 37},
            "personnel": {"f1": 0.96, "positives": 51},
            "data_protection": {"f1": 1.0, "positives": 4},
            "audit": {"f1": 0.545, "positives": 6},
        },
    },
}

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real"
SPLIT = Path(__file__).with_name("real_split.json")
SETS = {"contractnli": "dev.json", "agreements": "docs"}

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def model():
    if not REAL.is_dir():
        pytest.skip(f"{REAL} absent")
    from clauses.pipeline import load_shipped_model
    from clauses.resources import data_dir

    if not (data_dir("models") / "manifest.json").is_file():
        pytest.skip("models/manifest.json absent: run `clauses train`")
    return load_shipped_model()


def _paths(name: str) -> tuple[Path, Path]:
    folder = REAL / name
    labels, source = folder / "labels.jsonl", folder / SETS[name]
    if not labels.is_file() or not source.exists():
        pytest.skip(f"{name}: {labels} or {source} absent")
    return labels, source


@pytest.mark.parametrize("name", sorted(SETS))
def test_real_evaluation_per_element_floors(model, name: str) -> None:
    labels, source = _paths(name)
    evaluation = evaluate(labels, source, model)
    print(f"\n{name} (all)\n{format_table(evaluation)}")
    assert evaluation.documents > 0, f"{name}: no labelled document could be analysed"
    low = []
    for element, measured in MEASURED[name]["elements"].items():
        tolerance = SMALL_TOLERANCE if measured["positives"] < SMALL_POSITIVES else ELEMENT_TOLERANCE
        f1 = evaluation.scores[element].f1
        if f1 < measured["f1"] - tolerance:
            low.append(f"{element} F1 {f1:.3f} < {measured['f1']:.3f} - {tolerance}")
    assert not low, f"{name}: " + "; ".join(low)


@pytest.mark.parametrize("half", ["study", "blind"])
@pytest.mark.parametrize("name", sorted(SETS))
def test_real_evaluation_macro_f1_per_half(model, name: str, half: str) -> None:
    labels, source = _paths(name)
    evaluation = evaluate(labels, source, model, half=half, split=load_split(SPLIT))
    print(f"\n{name} ({half} half)\n{format_table(evaluation)}")
    floor = MEASURED[name][half] - MACRO_TOLERANCE
    assert evaluation.macro_f1 >= floor, f"{name} {half}: macro-F1 {evaluation.macro_f1:.3f} < {floor:.3f}"


def test_real_evaluation_split_is_the_seeded_hash_of_the_ids() -> None:
    """The committed split is reproducible from the document ids and the seed alone."""
    if not REAL.is_dir():
        pytest.skip(f"{REAL} absent")
    committed = json.loads(SPLIT.read_text(encoding="utf-8"))
    for name, source in SETS.items():
        folder = REAL / name
        keys = [d.key for d in labelled_documents(folder / "labels.jsonl", folder / source)]
        assert committed["sets"][name] == split_keys(keys, committed["seed"])
