"""Build models/ from corpus/: the only way a shipped model comes to exist.

Deterministic by construction: the corpus is read in sorted file order, the
seed is fixed, the weights file is a zip with fixed timestamps, and the manifest
holds no clock time, so the same corpus gives the same bytes. The corpus hash in
the manifest lets a test notice a corpus changed without a retrain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clauses.elements import element_ids
from clauses.errors import ConfigError

DEFAULT_SEED = 20261121
CV_FOLDS = 5
# Told before each step of a run that takes minutes: (step number, number of steps, what).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class CorpusClause:
    id: str
    text: str
    elements: frozenset[str]
    weak: dict[str, str]
    style: tuple[str, ...]
    source: str


def corpus_files(corpus_dir: Path) -> list[Path]:
    return sorted((corpus_dir / "clauses").glob("*.jsonl"))


def corpus_hash(corpus_dir: Path) -> str:
    """sha256 over the clause files' names and bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in corpus_files(corpus_dir):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_corpus(corpus_dir: Path) -> list[CorpusClause]:
    """Read and validate every corpus clause; a bad line names its file and line number."""
    known = set(element_ids())
    clauses: list[CorpusClause] = []
    seen_ids: set[str] = set()
    files = corpus_files(corpus_dir)
    if not files:
        raise ConfigError(f"{corpus_dir}: no corpus files in clauses/*.jsonl")
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise ConfigError(f"{where}: not JSON: {exc}") from exc
            labels = set(row.get("elements", []))
            weak = dict(row.get("weak", {}))
            if labels - known:
                raise ConfigError(f"{where}: unknown element ids {sorted(labels - known)}")
            if set(weak) - labels:
                raise ConfigError(f"{where}: weak ids {sorted(set(weak) - labels)} not in elements")
            if row.get("id") in seen_ids:
                raise ConfigError(f"{where}: duplicate id {row.get('id')!r}")
            if not str(row.get("text", "")).strip():
                raise ConfigError(f"{where}: empty text")
            seen_ids.add(row["id"])
            clauses.append(
                CorpusClause(
                    row["id"], row["text"], frozenset(labels), weak, tuple(row.get("style", ())), path.name
                )
            )
    return clauses


def label_matrix(clauses: list[CorpusClause], ids: tuple[str, ...]):
    import numpy as np

    return np.array([[1 if e in c.elements else 0 for e in ids] for c in clauses], dtype=int)


def cross_validate(
    clauses: list[CorpusClause], seed: int, folds: int = CV_FOLDS, progress: Progress | None = None
) -> dict:
    """Clause-level precision, recall and F1 per element from k-fold predictions.

    ``progress(fold, folds + 1, ...)`` is told before each fold (the final fit is the last step).
    """
    import numpy as np
    from sklearn.metrics import precision_recall_fscore_support
    from sklearn.model_selection import KFold

    from clauses.detect.classifier import ClauseModel, fit_arrays

    ids = element_ids()
    texts = [c.text for c in clauses]
    y = label_matrix(clauses, ids)
    predicted = np.zeros_like(y, dtype=float)
    splits = KFold(folds, shuffle=True, random_state=seed).split(texts)
    for fold, (train_idx, test_idx) in enumerate(splits, 1):
        if progress:
            progress(fold, folds + 1, f"cross-validation fold {fold} of {folds} ({len(train_idx)} clauses)")
        one_class = [e for e, column in zip(ids, y[train_idx].T, strict=True) if column.min() == column.max()]
        if one_class:  # the solver refuses a single class; say so instead of its traceback
            raise ConfigError(
                f"cross-validation fold {fold} of {folds} has no positive (or no negative) clauses for "
                f"{', '.join(one_class)}: use fewer --folds (1 skips cross-validation) or add clauses"
            )
        arrays = fit_arrays([texts[i] for i in train_idx], y[train_idx], seed)
        model = ClauseModel.from_arrays(arrays, ids, {})
        predicted[test_idx] = model.predict([texts[i] for i in test_idx])
    metrics = {}
    for column, element in enumerate(ids):
        p, r, f, _ = precision_recall_fscore_support(
            y[:, column], predicted[:, column] >= 0.5, average="binary", zero_division=0
        )
        metrics[element] = {
            "precision": round(float(p), 4),
            "recall": round(float(r), 4),
            "f1": round(float(f), 4),
            "positives": int(y[:, column].sum()),
        }
    return metrics


def train(
    corpus_dir: Path,
    out_dir: Path,
    *,
    seed: int = DEFAULT_SEED,
    folds: int = CV_FOLDS,
    progress: Progress | None = None,
) -> dict:
    """Fit on the whole corpus, cross-validate, and write weights + manifest; returns the manifest.

    It takes minutes on the shipped corpus, so ``progress`` is told before each step.
    """
    import numpy
    import scipy
    import sklearn

    from clauses import __version__
    from clauses.detect.classifier import dump_model, fit_arrays

    clauses = load_corpus(corpus_dir)
    ids = element_ids()
    y = label_matrix(clauses, ids)
    missing = [e for e, n in zip(ids, y.sum(axis=0), strict=True) if n == 0]
    if missing:
        raise ConfigError(f"{corpus_dir}: no positive clauses for {missing}")
    metrics = cross_validate(clauses, seed, folds, progress) if folds > 1 else {}
    steps = folds + 1 if folds > 1 else 1
    if progress:
        progress(steps, steps, f"fitting the model on all {len(clauses)} clauses")
    arrays = fit_arrays([c.text for c in clauses], y, seed)
    digest = corpus_hash(corpus_dir)
    manifest = {
        "element_ids": list(ids),
        "corpus_sha256": digest,
        "corpus_clauses": len(clauses),
        "seed": seed,
        "cv_folds": folds,
        "cv_metrics": metrics,
        "versions": {
            "clauses": __version__,
            "scikit-learn": sklearn.__version__,
            "numpy": numpy.__version__,
            "scipy": scipy.__version__,
        },
    }
    return dump_model(arrays, manifest, out_dir)
