"""clauses.evaluate.figures: per-contract counts, needs_review shares and calibration error."""

from __future__ import annotations

import pytest

from clauses.evaluate import Verdict
from clauses.evaluate.figures import expected_calibration_error, format_figures, verdict_figures


def _v(doc: str, predicted: bool, labelled: bool, confidence: float, *, weak_ok: bool = True) -> Verdict:
    right = predicted == labelled and (not predicted or weak_ok)
    return Verdict(doc, "x", predicted, labelled, right, confidence, confidence < 0.9)


def test_figures_count_contracts_all_right_and_false_missing() -> None:
    verdicts = [
        _v("a", True, True, 0.95),
        _v("a", False, False, 0.97),
        _v("b", False, True, 0.6),  # a false "missing"
        _v("b", True, True, 0.95),
        _v("c", True, True, 0.95, weak_ok=False),  # present, weak flag wrong
    ]
    figures = verdict_figures(verdicts)
    assert figures.contracts == 3
    assert figures.all_right == pytest.approx(1 / 3)
    assert figures.all_present_right == pytest.approx(2 / 3)
    assert figures.false_missing_per_contract == pytest.approx(1 / 3)


def test_figures_needs_review_shares_and_confident_accuracy() -> None:
    verdicts = [
        _v("a", False, False, 0.95),
        _v("a", False, True, 0.92),  # confidently wrong "missing"
        _v("a", True, True, 0.99),
        _v("a", True, False, 0.5),  # flagged, wrong
    ]
    figures = verdict_figures(verdicts)
    assert figures.flagged_share == pytest.approx(0.25)
    assert figures.unflagged_right == pytest.approx(2 / 3)
    assert figures.missing_confident == (1, 2)
    assert figures.present_confident == (1, 1)
    text = format_figures(figures)
    assert "false 'missing' per contract 1.00" in text and "flagged 25.0%" in text


def test_figures_ece_is_zero_when_confidence_matches_accuracy() -> None:
    confidences = [0.75] * 4
    assert expected_calibration_error(confidences, [True, True, True, False]) == pytest.approx(0.0)


def test_figures_ece_weights_bins_by_size() -> None:
    # Bin 0.9-1.0: confidence 0.95, accuracy 0.5 (gap 0.45, weight 2/3); bin 0.6-0.7: 0.65 vs 1.0 (0.35, 1/3).
    error = expected_calibration_error([0.95, 0.95, 0.65], [True, False, True])
    assert error == pytest.approx(2 / 3 * 0.45 + 1 / 3 * 0.35)


def test_figures_ece_puts_confidence_one_in_the_top_bin() -> None:
    assert expected_calibration_error([1.0, 1.0], [True, True]) == pytest.approx(0.0)


def test_figures_empty_verdicts_do_not_divide_by_zero() -> None:
    figures = verdict_figures([])
    assert figures.contracts == 0 and figures.ece == 0.0 and figures.flagged_share == 0.0
