"""Confidence as a calibrated probability that a verdict is right.

An element's verdict follows from its best clause score: present (or weak) at
0.5 and above, missing below. The raw score is not a probability: a "missing"
at 0.1 was wrong one time in ten on real contracts, a "present" at 0.6 almost
never. So ``clauses train`` builds contracts from held-out corpus folds, runs
the whole detector on them with models that never saw those clauses, and fits
per element an isotonic map from the best score to the probability that the
element is in the contract (clauses/evaluate/calibrate.py). The map is stored
as plain arrays in ``models/calibration.json`` and applied here with
``numpy.interp``: no scikit-learn at review time, nothing that can run code.

For a present or weak verdict the probability is also multiplied by how often
that verdict's weak flag was right on the folds, since "weak" against "present"
is part of the verdict.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from clauses.errors import ModelError

CALIBRATION_FILE = "calibration.json"
CALIBRATION_VERSION = 1
REVIEW_BELOW = 0.9  # a verdict whose probability of being right is below this needs a reviewer


@dataclass(frozen=True)
class ElementCalibration:
    scores: tuple[float, ...]  # increasing best-clause scores (isotonic thresholds)
    present: tuple[float, ...]  # P(element in the contract) at each score
    weak_right: float  # share of "weak" verdicts whose weak flag was right
    present_right: float  # share of "present" verdicts whose (absent) weak flag was right


@dataclass(frozen=True)
class Calibration:
    elements: dict[str, ElementCalibration]
    data: dict  # as stored, for the manifest's hash and reports

    def probability_present(self, element: str, score: float) -> float:
        entry = self.elements[element]
        return float(np.interp(score, entry.scores, entry.present))

    def probability_right(self, element: str, score: float, status: str) -> float:
        """P(the verdict ``status`` is right) for an element whose best clause scored ``score``."""
        present = self.probability_present(element, score)
        if status == "missing":
            return 1.0 - present
        entry = self.elements[element]
        return present * (entry.weak_right if status == "weak" else entry.present_right)

    @classmethod
    def from_data(cls, data: dict, element_ids: tuple[str, ...]) -> Calibration:
        if data.get("version") != CALIBRATION_VERSION:
            raise ModelError(f"calibration version {data.get('version')!r} is not {CALIBRATION_VERSION}")
        entries = {}
        for element in element_ids:
            row = data["elements"][element]
            scores = tuple(float(x) for x in row["scores"])
            present = tuple(float(x) for x in row["present"])
            ordered = all(a <= b for a, b in zip(scores, scores[1:], strict=False))
            if not scores or len(scores) != len(present) or not ordered:
                raise ModelError(f"calibration for {element}: scores and probabilities do not fit")
            if not all(0.0 <= p <= 1.0 for p in (*present, row["weak_right"], row["present_right"])):
                raise ModelError(f"calibration for {element}: a probability outside 0..1")
            entries[element] = ElementCalibration(
                scores, present, float(row["weak_right"]), float(row["present_right"])
            )
        return cls(entries, data)


def calibration_bytes(data: dict) -> bytes:
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode()


def load_calibration(folder: Path, manifest: dict, element_ids: tuple[str, ...]) -> Calibration | None:
    """The calibration beside the weights, checked against the manifest; None when the model has none."""
    expected = manifest.get("calibration_sha256")
    path = folder / CALIBRATION_FILE
    if expected is None:
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ModelError(f"{path}: the manifest names a calibration that cannot be read: {exc}") from exc
    if hashlib.sha256(raw).hexdigest() != expected:
        raise ModelError(f"{path}: calibration does not match the manifest; run `clauses train`")
    try:
        return Calibration.from_data(json.loads(raw), element_ids)
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{path}: unreadable calibration: {exc}") from exc


def fit_isotonic(scores, labels, weights=None, points: int = 0) -> tuple[list[float], list[float]]:
    """An increasing map score -> P(label), as the thresholds of scikit-learn's isotonic fit.

    Kept off 0 and 1 by one pseudo-observation each way (``points`` is the
    number of real ones): a few hundred synthetic contracts cannot show a
    verdict is never wrong. Used at training time only.
    """
    from sklearn.isotonic import IsotonicRegression

    model = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip")
    model.fit(np.asarray(scores, dtype=float), np.asarray(labels, dtype=float), sample_weight=weights)
    xs = [round(float(x), 4) for x in model.X_thresholds_]
    n = max(points, 1)
    ys = [round(float((y * n + 0.5) / (n + 1)), 4) for y in model.y_thresholds_]
    return xs, ys
