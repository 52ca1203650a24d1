"""clauses.detect.calibration: a stored map turns a best-clause score into P(verdict right)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clauses.detect.calibration import (
    CALIBRATION_FILE,
    CALIBRATION_VERSION,
    Calibration,
    calibration_bytes,
    fit_isotonic,
    load_calibration,
)
from clauses.detect.classifier import MANIFEST_FILE, dump_model, fit_arrays, load_model
from clauses.detect.train import label_matrix, load_corpus
from clauses.elements import element_ids
from clauses.errors import ModelError

TINY_CORPUS = Path(__file__).resolve().parent / "fixtures" / "detect" / "corpus"


def _data(present=(0.05, 0.5, 0.98), weak_right: float = 0.6, present_right: float = 0.95) -> dict:
    row = {"scores": [0.0, 0.5, 1.0], "present": list(present), "weak_right": weak_right}
    row["present_right"] = present_right
    return {"version": CALIBRATION_VERSION, "elements": {e: dict(row) for e in element_ids()}}


def test_calibration_probability_right_depends_on_the_verdict() -> None:
    calibration = Calibration.from_data(_data(), element_ids())
    assert calibration.probability_present("audit", 0.25) == pytest.approx(0.275)  # interpolated
    assert calibration.probability_right("audit", 0.0, "missing") == pytest.approx(0.95)
    assert calibration.probability_right("audit", 1.0, "present") == pytest.approx(0.98 * 0.95)
    assert calibration.probability_right("audit", 1.0, "weak") == pytest.approx(0.98 * 0.6)


def test_calibration_decreasing_scores_are_refused() -> None:
    data = _data()
    data["elements"]["audit"]["scores"] = [0.0, 0.7, 0.5]
    with pytest.raises(ModelError, match="audit"):
        Calibration.from_data(data, element_ids())


def test_calibration_probability_outside_0_1_is_refused() -> None:
    with pytest.raises(ModelError, match="outside 0..1"):
        Calibration.from_data(_data(present=(0.1, 0.5, 1.2)), element_ids())


def test_calibration_other_version_is_refused() -> None:
    with pytest.raises(ModelError, match="version"):
        Calibration.from_data({**_data(), "version": 99}, element_ids())


def test_calibration_fit_isotonic_is_increasing_and_kept_off_0_and_1() -> None:
    scores = [0.1, 0.2, 0.3, 0.6, 0.7, 0.9]
    xs, ys = fit_isotonic(scores, [0, 0, 1, 0, 1, 1], points=6)
    assert xs == sorted(xs) and ys == sorted(ys)
    assert 0.0 < ys[0] < 0.2 and 0.8 < ys[-1] < 1.0


@pytest.fixture(scope="module")
def arrays() -> dict:
    clauses = load_corpus(TINY_CORPUS)
    return fit_arrays([c.text for c in clauses], label_matrix(clauses, element_ids()), 3)


def test_calibration_travels_with_the_model(tmp_path: Path, arrays: dict) -> None:
    folder = tmp_path / "model"
    manifest = dump_model(arrays, {"element_ids": list(element_ids())}, folder, _data())
    assert (folder / CALIBRATION_FILE).is_file() and "calibration_sha256" in manifest
    model = load_model(folder)
    assert model.calibration.probability_right("definition", 0.0, "missing") == pytest.approx(0.95)
    plain = dump_model(arrays, {"element_ids": list(element_ids())}, tmp_path / "plain")
    assert load_model(tmp_path / "plain").calibration is None
    assert plain["model_version"] != manifest["model_version"]  # the calibration names the version


def test_calibration_retrain_without_one_removes_the_stale_file(tmp_path: Path, arrays: dict) -> None:
    folder = tmp_path / "model"
    dump_model(arrays, {"element_ids": list(element_ids())}, folder, _data())
    dump_model(arrays, {"element_ids": list(element_ids())}, folder)
    assert not (folder / CALIBRATION_FILE).exists() and load_model(folder).calibration is None


def test_calibration_tampered_file_is_model_error(tmp_path: Path, arrays: dict) -> None:
    folder = tmp_path / "model"
    dump_model(arrays, {"element_ids": list(element_ids())}, folder, _data())
    (folder / CALIBRATION_FILE).write_bytes(calibration_bytes(_data(present=(0.0, 0.1, 0.2))))
    with pytest.raises(ModelError, match="does not match the manifest"):
        load_model(folder)


def test_calibration_named_but_absent_is_model_error(tmp_path: Path) -> None:
    manifest = {"calibration_sha256": "0" * 64}
    with pytest.raises(ModelError, match="cannot be read"):
        load_calibration(tmp_path, manifest, element_ids())
    assert load_calibration(tmp_path, {}, element_ids()) is None


def test_calibration_shipped_model_has_one_that_loads() -> None:
    from clauses.resources import data_dir

    folder = data_dir("models")
    manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    if "calibration_sha256" not in manifest:
        pytest.skip("the shipped model predates calibration")
    calibration = load_calibration(folder, manifest, element_ids())
    for element in element_ids():
        low = calibration.probability_present(element, 0.0)
        high = calibration.probability_present(element, 0.99)
        assert low < 0.5 < high  # a clause scoring 0.99 makes presence likelier than none at all
