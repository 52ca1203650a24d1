"""Regression floors on the labelled real contracts in ../shared/real (read in place, never copied).

Run with ``pytest -m real tests/test_real_evaluation.py -s`` to see the tables.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REAL

from clauses.evaluate import evaluate, format_table

# The macro-F1 the shipped model reaches (13 elements, spec thresholds), and a floor a stated
# tolerance below it: a guard against regressions, not a target. A floor equal to the measured
# figure fails on any harmless change of one verdict (1 of 793 ContractNLI labels moves
# macro-F1 by up to 0.01 on a rare element); 0.02 lets such noise pass and catches a real drop.
# Update the measured figures (and so the floors) when detection improves.
TOLERANCE = 0.02
CONTRACTNLI_MACRO_F1 = 0.911  # measured 2026-12-04 (0.908 before the survival cues of 2026-11-21)
AGREEMENTS_MACRO_F1 = 0.920  # measured 2026-12-04 (0.921 before the survival clauses of 2026-11-21)
CONTRACTNLI_MACRO_F1_FLOOR = round(CONTRACTNLI_MACRO_F1 - TOLERANCE, 3)
AGREEMENTS_MACRO_F1_FLOOR = round(AGREEMENTS_MACRO_F1 - TOLERANCE, 3)

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def model():
    if not REAL.is_dir():
        pytest.skip(f"{REAL} absent")  # a failure under CI=true (tests/conftest.py)
    from clauses.pipeline import load_shipped_model
    from clauses.resources import data_dir

    if not (data_dir("models") / "manifest.json").is_file():
        pytest.skip("models/manifest.json absent: run `clauses train`")
    return load_shipped_model()


def _check(name: str, labels: Path, source: Path, model, floor: float) -> None:
    if not labels.is_file() or not source.exists():
        pytest.skip(f"{name}: {labels} or {source} absent")
    evaluation = evaluate(labels, source, model)
    print(f"\n{name}\n{format_table(evaluation)}")
    assert evaluation.documents > 0, f"{name}: no labelled document could be analysed"
    assert evaluation.macro_f1 >= floor, (
        f"{name}: macro-F1 {evaluation.macro_f1:.3f} fell below the floor {floor:.3f}"
    )


def test_real_evaluation_contractnli(model) -> None:
    folder = REAL / "contractnli"
    _check("ContractNLI", folder / "labels.jsonl", folder / "dev.json", model, CONTRACTNLI_MACRO_F1_FLOOR)


def test_real_evaluation_agreements(model) -> None:
    folder = REAL / "agreements"
    _check("agreements", folder / "labels.jsonl", folder / "docs", model, AGREEMENTS_MACRO_F1_FLOOR)

