"""Fit the confidence calibration on contracts built from held-out corpus folds.

``clauses train`` cross-validates the classifier in k folds. For each fold, this
builds whole contracts out of the fold's clauses alone (with the corpus's own
contract builder, corpus/build_contracts.py, so the labels follow from the
clauses placed), runs the detector with the fold's model, which never saw those
clauses, and judges each element with the spec's default thresholds. Each
(element, best clause score, label) is one observation; ``fit`` turns them into
one isotonic map per element (clauses/detect/calibration.py), shrunk towards the
map of all elements pooled, because a fold gives a few hundred contracts.

Calibrated on our corpus, checked on the real sets: ``clauses evaluate`` prints
the calibration error and the share right among verdicts not flagged.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

from clauses.datamodel import MISSING, PRESENT, WEAK
from clauses.detect.calibration import CALIBRATION_VERSION, fit_isotonic
from clauses.detect.train import Calibrator, CorpusClause
from clauses.elements import element_ids
from clauses.errors import ConfigError

CONTRACTS_PER_FOLD = 60
POOLED_WEIGHT = 0.1  # weight of the other elements' observations in each element's map
# The weak-flag rates per element rest on a few dozen verdicts each: they are shrunk
# towards the rate of all elements pooled, as if this many pooled verdicts were added.
PRIOR_VERDICTS = 20
BUILDER = "build_contracts.py"


def load_builder(corpus_dir: Path):
    """The contract builder that lives beside the corpus, imported from its file."""
    path = corpus_dir / BUILDER
    if not path.is_file():
        raise ConfigError(f"{path}: calibrating needs the contract builder; --folds 1 trains without it")
    name = "clauses_corpus_builder"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def _rate(right: list[bool], prior: float | None = None) -> float:
    """Share right, shrunk towards ``prior`` (Laplace's one right and one wrong when there is none)."""
    if prior is None:
        return round((sum(right) + 1) / (len(right) + 2), 4)
    return round((sum(right) + PRIOR_VERDICTS * prior) / (len(right) + PRIOR_VERDICTS), 4)


class FoldCalibrator(Calibrator):
    """Collects (element, best score, verdict, label) on held-out contracts, fold by fold."""

    def __init__(self, corpus_dir: Path, seed: int, contracts_per_fold: int = CONTRACTS_PER_FOLD) -> None:
        self.builder = load_builder(corpus_dir)
        self.seed = seed
        self.contracts_per_fold = contracts_per_fold
        self.observations: list[tuple[str, float, str, bool, bool]] = []
        self.folds = 0

    def fold(self, model, held_out: list[CorpusClause]) -> None:
        from clauses.detect import detect
        from clauses.evaluate import evaluation_profile
        from clauses.judge import judge
        from clauses.segment import plain_document

        ids = element_ids()
        builder = self.builder
        pools = builder.Pools.from_corpus(held_out, ids)
        rng = random.Random(self.seed * 100 + self.folds)
        self.folds += 1
        kinds = sorted(builder.TYPES)
        profile = evaluation_profile()
        for number in range(self.contracts_per_fold):
            kind = builder.TYPES[kinds[number % len(kinds)]]
            contract = builder.build_contract(number, kind, pools, rng, ids)
            document = plain_document(contract.text, path=f"{contract.stem}.txt", fmt="text", sha256="")
            detections = detect(document, model)
            results, _, _ = judge(detections, profile)
            labels = {row["element"]: row for row in contract.labels}
            for detection, result in zip(detections, results, strict=True):
                label = labels[detection.element]
                self.observations.append(
                    (detection.element, detection.score, result.status, label["present"], label["weak"])
                )

    def fit(self) -> dict:
        """Per element: the isotonic map, and how often weak and present verdicts had the right flag."""
        if not self.observations:
            raise ConfigError("no held-out contracts to calibrate on")
        out = {}
        labelled = [o for o in self.observations if o[3]]
        pooled_weak = _rate([o[4] for o in labelled if o[2] == WEAK])
        pooled_present = _rate([not o[4] for o in labelled if o[2] == PRESENT])
        for element in element_ids():
            scores, labels, weights = [], [], []
            own = 0
            for name, score, _, present, _ in self.observations:
                scores.append(score)
                labels.append(1.0 if present else 0.0)
                weights.append(1.0 if name == element else POOLED_WEIGHT)
                own += name == element
            xs, ys = fit_isotonic(scores, labels, weights, points=own)
            mine = [o for o in self.observations if o[0] == element and o[3]]
            weak = [o for o in mine if o[2] == WEAK]
            present = [o for o in mine if o[2] == PRESENT]
            out[element] = {
                "scores": xs,
                "present": ys,
                "weak_right": _rate([o[4] for o in weak], pooled_weak),
                "present_right": _rate([not o[4] for o in present], pooled_present),
                "observations": own,
                "missing_verdicts": sum(o[0] == element and o[2] == MISSING for o in self.observations),
            }
        return {
            "version": CALIBRATION_VERSION,
            "method": "isotonic on the best clause score, per element, shrunk towards all elements pooled",
            "folds": self.folds,
            "contracts": self.folds * self.contracts_per_fold,
            "pooled_weight": POOLED_WEIGHT,
            "prior_verdicts": PRIOR_VERDICTS,
            "elements": out,
        }
