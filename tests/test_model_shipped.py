"""The shipped model in models/: built from the current corpus, loadable, and labelled like elements.toml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clauses.detect.classifier import MANIFEST_FILE, load_model
from clauses.detect.train import corpus_hash
from clauses.elements import element_ids
from clauses.resources import data_dir


@pytest.fixture(scope="module")
def models() -> Path:
    folder = data_dir("models")
    if not (folder / MANIFEST_FILE).is_file():
        pytest.skip("models/manifest.json absent: run `clauses train`")
    return folder


@pytest.fixture(scope="module")
def manifest(models: Path) -> dict:
    return json.loads((models / MANIFEST_FILE).read_text(encoding="utf-8"))


def test_model_shipped_was_trained_on_the_current_corpus(manifest: dict) -> None:
    if manifest["corpus_sha256"] != corpus_hash(data_dir("corpus")):
        pytest.fail("corpus/ changed but models/ was not retrained: run `clauses train`", pytrace=False)


def test_model_shipped_loads(models: Path, manifest: dict) -> None:
    model = load_model(models)
    assert model.version == manifest["model_version"]
    probabilities = model.predict(["The Recipient shall return or destroy all Confidential Information."])
    assert probabilities.shape == (1, len(element_ids()))


def test_model_shipped_element_ids_match_elements_toml(manifest: dict) -> None:
    assert tuple(manifest["element_ids"]) == element_ids()


def test_model_shipped_has_cv_metrics_for_each_element(manifest: dict) -> None:
    metrics = manifest.get("cv_metrics", {})
    folds = manifest.get("cv_folds")
    assert set(metrics) == set(element_ids()), f"cv_metrics covers {sorted(metrics)}; cv_folds={folds}"
    for element, figures in metrics.items():
        assert {"precision", "recall", "f1", "positives"} <= set(figures), element
        assert figures["positives"] > 0, element
        assert 0.0 <= figures["f1"] <= 1.0, element


def test_model_shipped_records_seed_and_library_versions(manifest: dict) -> None:
    assert isinstance(manifest["seed"], int)
    assert {"clauses", "scikit-learn", "numpy", "scipy"} <= set(manifest["versions"])
