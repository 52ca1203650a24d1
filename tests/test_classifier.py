"""clauses.detect.classifier: plain-array weights, deterministic packing, a loader that refuses bad models."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest

from clauses.detect.classifier import (
    FORMAT_VERSION,
    MANIFEST_FILE,
    WEIGHTS_FILE,
    ClauseModel,
    dump_model,
    fit_arrays,
    load_model,
    pack_arrays,
    sha256_bytes,
    unpack_arrays,
)
from clauses.detect.train import label_matrix, load_corpus
from clauses.elements import element_ids
from clauses.errors import ModelError

TINY_CORPUS = Path(__file__).resolve().parent / "fixtures" / "detect" / "corpus"
SEED = 7


@pytest.fixture(scope="module")
def arrays() -> dict:
    clauses = load_corpus(TINY_CORPUS)
    return fit_arrays([c.text for c in clauses], label_matrix(clauses, element_ids()), SEED)


@pytest.fixture()
def model_dir(tmp_path: Path, arrays: dict) -> Path:
    folder = tmp_path / "model"
    dump_model(arrays, {"element_ids": list(element_ids()), "seed": SEED}, folder)
    return folder


def _rewrite_manifest(folder: Path, **changes: object) -> None:
    path = folder / MANIFEST_FILE
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest.update(changes)
    path.write_text(json.dumps(manifest), encoding="utf-8")


def test_classifier_fit_arrays_shapes(arrays: dict) -> None:
    features = len(arrays["words_vocabulary"]) + len(arrays["chars_vocabulary"])
    assert arrays["coef"].shape == (len(element_ids()), features)
    assert arrays["intercept"].shape == (len(element_ids()),)
    assert len(arrays["words_idf"]) == len(arrays["words_vocabulary"])


def test_classifier_pack_arrays_is_deterministic(arrays: dict) -> None:
    first = pack_arrays(arrays)
    second = pack_arrays(dict(reversed(list(arrays.items()))))
    assert first == second
    assert sha256_bytes(first) == sha256_bytes(second)


def test_classifier_pack_unpack_round_trip(arrays: dict) -> None:
    back = unpack_arrays(pack_arrays(arrays))
    assert set(back) == set(arrays)
    assert back["words_vocabulary"] == arrays["words_vocabulary"]
    np.testing.assert_array_equal(back["coef"], arrays["coef"])


def test_classifier_weights_zip_needs_no_pickle(model_dir: Path) -> None:
    with zipfile.ZipFile(model_dir / WEIGHTS_FILE) as weights:
        names = weights.namelist()
        assert names == sorted(names)
        for name in names:
            raw = weights.read(name)
            if name.endswith(".npy"):
                array = np.load(io.BytesIO(raw), allow_pickle=False)
                assert array.dtype != object
            else:
                assert name.endswith(".json")
                assert isinstance(json.loads(raw), list)


def test_classifier_dump_writes_manifest_with_hash_and_version(model_dir: Path) -> None:
    manifest = json.loads((model_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["weights_sha256"] == sha256_bytes((model_dir / WEIGHTS_FILE).read_bytes())
    assert manifest["element_ids"] == list(element_ids())


def test_classifier_load_model_round_trip(model_dir: Path, arrays: dict) -> None:
    model = load_model(model_dir)
    assert model.element_ids == element_ids()
    direct = ClauseModel.from_arrays(arrays, element_ids(), {})
    texts = ["The Recipient shall return or destroy all documents on termination."]
    np.testing.assert_allclose(model.predict(texts), direct.predict(texts))


def test_classifier_positive_clause_outscores_negative(model_dir: Path) -> None:
    model = load_model(model_dir)
    column = model.element_ids.index("return_destruction")
    positive = "On expiry the Seller shall return or destroy every document holding Confidential Information."
    negative = "The Seller shall deliver the goods by courier to the address in the Order."
    probabilities = model.predict([positive, negative])
    assert probabilities[0, column] > probabilities[1, column]
    assert probabilities.shape == (2, len(element_ids()))
    assert ((probabilities > 0) & (probabilities < 1)).all()


def test_classifier_predict_on_nothing_is_empty(model_dir: Path) -> None:
    assert load_model(model_dir).predict([]).shape == (0, len(element_ids()))


def test_classifier_missing_folder_is_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="run `clauses train`"):
        load_model(tmp_path / "nowhere")


def test_classifier_missing_weights_is_model_error(model_dir: Path) -> None:
    (model_dir / WEIGHTS_FILE).unlink()
    with pytest.raises(ModelError, match="no model"):
        load_model(model_dir)


def test_classifier_tampered_weights_is_model_error(model_dir: Path) -> None:
    weights = model_dir / WEIGHTS_FILE
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0x01
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="tampered"):
        load_model(model_dir)


def test_classifier_other_format_version_is_model_error(model_dir: Path) -> None:
    _rewrite_manifest(model_dir, format_version=FORMAT_VERSION + 1)
    with pytest.raises(ModelError, match="model format"):
        load_model(model_dir)


def test_classifier_other_element_ids_is_model_error(model_dir: Path) -> None:
    _rewrite_manifest(model_dir, element_ids=list(reversed(element_ids())))
    with pytest.raises(ModelError, match="elements differ"):
        load_model(model_dir)


def test_classifier_unreadable_manifest_is_model_error(model_dir: Path) -> None:
    (model_dir / MANIFEST_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="unreadable manifest"):
        load_model(model_dir)


def test_classifier_wrong_coefficient_shape_is_model_error(model_dir: Path, arrays: dict) -> None:
    broken = {**arrays, "coef": arrays["coef"][:, :-1]}
    dump_model(broken, {"element_ids": list(element_ids())}, model_dir)
    with pytest.raises(ModelError, match="shape"):
        load_model(model_dir)


def test_classifier_unexpected_zip_entry_is_model_error(model_dir: Path, arrays: dict) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("coef.pkl", b"\x80\x04N.")
    data = out.getvalue()
    (model_dir / WEIGHTS_FILE).write_bytes(data)
    _rewrite_manifest(model_dir, weights_sha256=sha256_bytes(data))
    with pytest.raises(ModelError, match="unexpected entry"):
        load_model(model_dir)


def test_classifier_pickled_array_is_refused(model_dir: Path) -> None:
    buffer = io.BytesIO()
    np.save(buffer, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("coef.npy", buffer.getvalue())
    data = out.getvalue()
    (model_dir / WEIGHTS_FILE).write_bytes(data)
    _rewrite_manifest(model_dir, weights_sha256=sha256_bytes(data))
    with pytest.raises(ModelError, match="cannot load model"):
        load_model(model_dir)


def test_classifier_model_folder_copy_still_loads(model_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(model_dir, copy)
    assert load_model(copy).element_ids == element_ids()
