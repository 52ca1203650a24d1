"""Per-contract and calibration figures from the verdicts of an evaluation.

A lawyer acts on whole contracts and on the confidence shown beside each
verdict, so besides per-element F1 we report: the share of contracts whose 13
verdicts are all right, the false "missing" verdicts per contract (the costly
error: a gap reported that is not there), and whether ``confidence`` means what
it says: the share right among verdicts not flagged ``needs_review``, the share
flagged, the expected calibration error over ten equal-width bins, and the
accuracy of confident (>= 0.9) "missing" and "present/weak" verdicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

CONFIDENT = 0.9
ECE_BINS = 10


@dataclass(frozen=True)
class VerdictFigures:
    contracts: int
    all_right: float  # share of contracts with every labelled verdict right (weak flag included)
    all_present_right: float  # the same on presence only (present/weak versus missing)
    false_missing_per_contract: float
    unflagged_right: float  # share right among verdicts with needs_review false
    flagged_share: float
    ece: float
    missing_confident: tuple[int, int]  # (right, total) of "missing" said with confidence >= 0.9
    present_confident: tuple[int, int]  # (right, total) of "present"/"weak" said with confidence >= 0.9


def _share(right: int, total: int) -> float:
    return right / total if total else 1.0


def expected_calibration_error(
    confidences: Sequence[float], right: Sequence[bool], bins: int = ECE_BINS
) -> float:
    """Sum over equal-width confidence bins of |accuracy - mean confidence|, weighted by bin size."""
    total = len(confidences)
    if not total:
        return 0.0
    buckets: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for confidence, ok in zip(confidences, right, strict=True):
        buckets[min(bins - 1, max(0, int(confidence * bins)))].append((confidence, ok))
    error = 0.0
    for bucket in buckets:
        if bucket:
            mean_confidence = sum(c for c, _ in bucket) / len(bucket)
            accuracy = sum(ok for _, ok in bucket) / len(bucket)
            error += len(bucket) / total * abs(accuracy - mean_confidence)
    return error


def verdict_figures(verdicts: Sequence) -> VerdictFigures:
    """Figures from ``clauses.evaluate.Verdict`` rows (any objects with the same fields)."""
    by_document: dict[str, list] = {}
    for v in verdicts:
        by_document.setdefault(v.document, []).append(v)
    contracts = len(by_document)
    unflagged = [v for v in verdicts if not v.needs_review]
    missing = [v for v in verdicts if not v.predicted and v.confidence >= CONFIDENT]
    present = [v for v in verdicts if v.predicted and v.confidence >= CONFIDENT]
    return VerdictFigures(
        contracts=contracts,
        all_right=_share(sum(all(v.right for v in vs) for vs in by_document.values()), contracts),
        all_present_right=_share(
            sum(all(v.predicted == v.labelled for v in vs) for vs in by_document.values()), contracts
        ),
        false_missing_per_contract=(
            sum(1 for v in verdicts if v.labelled and not v.predicted) / contracts if contracts else 0.0
        ),
        unflagged_right=_share(sum(v.right for v in unflagged), len(unflagged)),
        flagged_share=_share(len(verdicts) - len(unflagged), len(verdicts)) if verdicts else 0.0,
        ece=expected_calibration_error([v.confidence for v in verdicts], [v.right for v in verdicts]),
        missing_confident=(sum(v.right for v in missing), len(missing)),
        present_confident=(sum(v.right for v in present), len(present)),
    )


def _ratio(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right / total:.3f} ({right}/{total})" if total else "- (0/0)"


def format_figures(figures: VerdictFigures) -> str:
    """The per-contract and calibration lines ``clauses evaluate`` prints under the table."""
    return "\n".join(
        [
            f"contracts {figures.contracts}   all 13 verdicts right {figures.all_right:.1%} "
            f"(presence only {figures.all_present_right:.1%})   "
            f"false 'missing' per contract {figures.false_missing_per_contract:.2f}",
            f"not flagged needs_review: right {figures.unflagged_right:.1%}   "
            f"flagged {figures.flagged_share:.1%}   ECE ({ECE_BINS} bins) {figures.ece:.3f}",
            f"'missing' at confidence >= {CONFIDENT}: right {_ratio(figures.missing_confident)}   "
            f"'present/weak' at confidence >= {CONFIDENT}: right {_ratio(figures.present_confident)}",
        ]
    )
