"""clauses.batch.failon: the one --fail-on gate, for records (review) and one analysis (check)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_batch import GOOD_NDA, THIN_NDA, model_folder  # noqa: F401

from clauses.batch.failon import (
    EXIT_GAPS,
    EXIT_OK,
    EXIT_USAGE,
    GateFacts,
    Verdict,
    analysis_fails,
    exit_code,
    fails,
    gate_facts,
)
from clauses.batch.record import BatchRecord
from clauses.report.portfolio import PortfolioRow


@pytest.mark.parametrize(
    ("routing", "gate", "unreviewed", "failing"),
    [
        ("GREEN", GateFacts(), False, set()),
        ("YELLOW", GateFacts(weak=("audit",)), False, {"weak"}),
        ("GREEN", GateFacts(recommended_missing=("audit",)), False, {"weak"}),
        ("YELLOW", GateFacts(required_missing=("audit",)), False, {"missing", "weak"}),
        ("RED", GateFacts(), False, {"missing", "weak"}),
        ("GREEN", GateFacts(), True, {"missing", "weak"}),
    ],
)
def test_batch_failon_levels(routing: str, gate: GateFacts, unreviewed: bool, failing: set[str]) -> None:
    levels = ("missing", "weak", "never")
    assert {level for level in levels if fails(routing, gate, level, unreviewed=unreviewed)} == failing


def test_batch_failon_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError):
        fails("GREEN", GateFacts(), "sometimes")


def _record(name: str, routing: str = "GREEN", error: str = "", report_error: str = "") -> BatchRecord:
    row = PortfolioRow(file=name, routing=routing, error=error, report_error=report_error)
    return BatchRecord(name, name, name, row)


def test_batch_failon_exit_codes() -> None:
    good, bad = _record("a"), _record("b", error="b: Corrupt: damaged")
    assert exit_code([], "missing") == EXIT_USAGE
    assert exit_code([bad], "never") == EXIT_USAGE  # not one file could be read
    assert exit_code([good, bad], "never") == EXIT_OK
    assert exit_code([good, bad], "missing") == EXIT_GAPS
    assert exit_code([good, _record("c", report_error="redline report not written")], "missing") == EXIT_GAPS
    assert exit_code([good], "weak") == EXIT_OK
    # Verdicts, as clauses check builds them, go through the same rule.
    assert exit_code([Verdict.unreadable()], "missing") == EXIT_USAGE
    assert exit_code([Verdict.from_facts("GREEN", {"weak": ["audit"]})], "weak") == EXIT_GAPS
    assert exit_code([Verdict.from_facts("GREEN", GateFacts())], "missing") == EXIT_OK


def test_batch_failon_analysis_gate_matches_the_batch(tmp_path: Path, model_folder: Path) -> None:  # noqa: F811
    from clauses.pipeline import analyze, load_shipped_model

    model = load_shipped_model(model_folder)
    for text in (GOOD_NDA, THIN_NDA):
        path = tmp_path / "c.txt"
        path.write_text(text, encoding="utf-8")
        analysis = analyze(path, "nda", model=model)
        gate = gate_facts(analysis)
        assert set(gate.required_missing) == {
            e.element for e in analysis.elements if e.requirement == "required" and e.status == "missing"
        }
        for level in ("missing", "weak", "never"):
            assert analysis_fails(analysis, level) == fails(str(analysis.routing), gate, level)
    assert analysis_fails(analysis, "missing")  # the thin NDA misses required elements
