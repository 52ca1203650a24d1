"""clauses.evaluate.calibrate: observations from contracts built of held-out clauses, fitted per element."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clauses.detect.calibration import Calibration
from clauses.detect.classifier import ClauseModel, fit_arrays
from clauses.detect.train import label_matrix, load_corpus
from clauses.elements import element_ids
from clauses.errors import ConfigError
from clauses.evaluate.calibrate import FoldCalibrator

ROOT = Path(__file__).resolve().parent.parent
TINY_CORPUS = ROOT / "tests" / "fixtures" / "detect" / "corpus"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(TINY_CORPUS, folder)
    shutil.copy(ROOT / "corpus" / "build_contracts.py", folder / "build_contracts.py")
    return folder


def test_calibrate_without_the_contract_builder_is_config_error(tmp_path: Path) -> None:
    shutil.copytree(TINY_CORPUS, tmp_path / "corpus")
    with pytest.raises(ConfigError, match="contract builder"):
        FoldCalibrator(tmp_path / "corpus", 1)


def test_calibrate_fold_observes_every_element_of_every_contract(corpus: Path) -> None:
    clauses = load_corpus(corpus)
    ids = element_ids()
    arrays = fit_arrays([c.text for c in clauses], label_matrix(clauses, ids), 1)
    model = ClauseModel.from_arrays(arrays, ids, {})
    calibrator = FoldCalibrator(corpus, 1, contracts_per_fold=4)
    calibrator.fold(model, clauses)
    assert len(calibrator.observations) == 4 * len(ids)
    assert any(present for _, _, _, present, _ in calibrator.observations)
    data = calibrator.fit()
    calibration = Calibration.from_data(data, ids)  # what train writes, load_model reads
    assert data["contracts"] == 4 and data["folds"] == 1
    for element in ids:
        low, high = (calibration.probability_present(element, score) for score in (0.0, 1.0))
        assert 0.0 < low <= high


def test_calibrate_fit_without_observations_is_config_error(corpus: Path) -> None:
    with pytest.raises(ConfigError, match="no held-out contracts"):
        FoldCalibrator(corpus, 1).fit()
