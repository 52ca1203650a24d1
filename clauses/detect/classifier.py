"""The clause classifier: TF-IDF word and character n-grams, one logistic model per element.

Trained with scikit-learn, stored as plain arrays: the vocabularies and idf
weights of both vectorizers and one coefficient row per element, in a zip of
``.npy`` arrays (read with ``allow_pickle=False``) and JSON. Nothing in the file
can run code when loaded, the same corpus gives the same bytes (fixed order and
timestamps), and the file does not depend on scikit-learn's private layout.
Beside it sits a JSON manifest (element ids in class order, library versions,
corpus hash, seed, cross-validated metrics, sha256 of the weights); a weights
file whose hash differs is treated as tampered. Loaded lazily, never at import.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from clauses.errors import ModelError

WEIGHTS_FILE = "classifier.zip"
MANIFEST_FILE = "manifest.json"
FORMAT_VERSION = 1
_VECTORIZERS = {
    "words": {"analyzer": "word", "ngram_range": (1, 2), "min_df": 2, "max_features": 20000},
    "chars": {"analyzer": "char_wb", "ngram_range": (4, 5), "min_df": 3, "max_features": 20000},
}
_COMMON = {"sublinear_tf": True, "strip_accents": "unicode", "lowercase": True}
_MAX_WEIGHTS_BYTES = 64 * 1024 * 1024


def _vectorizer(settings: dict, **extra):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    params = {k: (tuple(v) if isinstance(v, list) else v) for k, v in settings.items() if k not in extra}
    return TfidfVectorizer(**params, dtype=np.float64, **extra)


def fit_arrays(texts: list[str], labels, seed: int) -> dict:
    """Fit vectorizers and one balanced logistic regression per element; return plain arrays."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    arrays: dict = {}
    blocks = []
    arrays["vectorizers"] = [{"name": name, **_COMMON, **settings} for name, settings in _VECTORIZERS.items()]
    for name, settings in _VECTORIZERS.items():
        vectorizer = _vectorizer({**_COMMON, **settings})
        blocks.append(vectorizer.fit_transform(texts))
        vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
        arrays[f"{name}_vocabulary"] = vocabulary
        arrays[f"{name}_idf"] = np.asarray(vectorizer.idf_, dtype=np.float64)
    features = sp.hstack(blocks).tocsr()
    coefs, intercepts = [], []
    for column in range(labels.shape[1]):
        if labels[:, column].min() == labels[:, column].max():
            # A fold or held-out family can lack an element's positives: then the
            # element is never (or always) predicted, instead of a fitting error.
            coefs.append(np.zeros(features.shape[1]))
            intercepts.append(10.0 if labels[0, column] else -10.0)
            continue
        model = LogisticRegression(C=4.0, solver="liblinear", class_weight="balanced", random_state=seed)
        model.fit(features, labels[:, column])
        coefs.append(model.coef_[0])
        intercepts.append(model.intercept_[0])
    arrays["coef"] = np.asarray(coefs, dtype=np.float32)
    arrays["intercept"] = np.asarray(intercepts, dtype=np.float64)
    return arrays


@dataclass(frozen=True)
class ClauseModel:
    """A loaded classifier: its feature blocks, coefficients, and the manifest it came with."""

    blocks: tuple  # TfidfBlock per vectorizer, in column order
    coef: object  # (features, elements) float64, for features @ coef
    intercept: object
    element_ids: tuple[str, ...]
    manifest: dict
    calibration: object = None  # clauses.detect.calibration.Calibration, or None (raw scores)

    @property
    def version(self) -> str:
        return str(self.manifest.get("model_version", "unknown"))

    @classmethod
    def from_arrays(cls, arrays: dict, element_ids: tuple[str, ...], manifest: dict) -> ClauseModel:
        import numpy as np

        from clauses.detect.features import TfidfBlock

        blocks, offset = [], 0
        # The settings travel with the weights: a model is read as it was trained,
        # whatever this version's defaults for new models are.
        for settings in arrays["vectorizers"]:
            name = settings["name"]
            vocabulary = arrays[f"{name}_vocabulary"]
            blocks.append(TfidfBlock(settings, vocabulary, arrays[f"{name}_idf"], offset))
            offset += len(vocabulary)
        # Stored as float32 to keep the file small; widened once here, not per prediction.
        coef_t = np.ascontiguousarray(arrays["coef"].T, dtype=np.float64)
        return cls(
            tuple(blocks), coef_t, np.asarray(arrays["intercept"], dtype=np.float64), element_ids, manifest
        )

    def predict(self, texts: list[str]):
        """Probability per text and element, columns in ``element_ids`` order."""
        return self.predict_pieces(texts, [])

    def predict_pieces(self, texts: list[str], pieces: list[tuple[int, int, int]]):
        """``predict(texts)`` where the last texts are sentences of earlier ones, ``(row, start, end)``
        each (features.linear_scores), so the words they share are read once; the same scores."""
        from clauses.detect.features import linear_scores

        return linear_scores(list(self.blocks), self.coef, self.intercept, texts, pieces)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _npy(array) -> bytes:
    import numpy as np

    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def pack_arrays(arrays: dict) -> bytes:
    """A zip with fixed timestamps and order: the same arrays give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name in sorted(arrays):
            value = arrays[name]
            if isinstance(value, list):
                entry, data = f"{name}.json", json.dumps(value, ensure_ascii=False).encode()
            else:
                entry, data = f"{name}.npy", _npy(value)
            info = zipfile.ZipInfo(entry, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return out.getvalue()


def unpack_arrays(data: bytes) -> dict:
    import numpy as np

    arrays: dict = {}
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        if sum(i.file_size for i in source.infolist()) > _MAX_WEIGHTS_BYTES:
            raise ModelError("model file expands beyond the size limit; refusing to load")
        for info in source.infolist():
            name, _, kind = info.filename.rpartition(".")
            raw = source.read(info)
            if kind == "json":
                arrays[name] = json.loads(raw)
            elif kind == "npy":
                arrays[name] = np.load(io.BytesIO(raw), allow_pickle=False)
            else:
                raise ModelError(f"unexpected entry {info.filename!r} in model file")
    return arrays


def load_model(folder: Path) -> ClauseModel:
    """Load and check a model folder; every failure is a one-line ModelError."""
    from clauses.elements import element_ids as known_ids

    manifest_path, weights_path = folder / MANIFEST_FILE, folder / WEIGHTS_FILE
    if not manifest_path.is_file() or not weights_path.is_file():
        raise ModelError(f"no model in {folder}: run `clauses train` to build one")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{manifest_path}: unreadable manifest: {exc}") from exc
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            f"{folder}: model format {manifest.get('format_version')!r} is not "
            f"{FORMAT_VERSION}; run `clauses train`"
        )
    data = weights_path.read_bytes()
    if manifest.get("weights_sha256") != sha256_bytes(data):
        raise ModelError(
            f"{weights_path}: weights do not match the manifest (tampered or "
            "partially written); run `clauses train`"
        )
    element_ids = tuple(manifest.get("element_ids", ()))
    if element_ids != known_ids():
        raise ModelError(f"{folder}: model elements differ from elements.toml; run `clauses train`")
    from dataclasses import replace

    from clauses.detect.calibration import load_calibration

    calibration = load_calibration(folder, manifest, element_ids)
    try:
        arrays = unpack_arrays(data)
        model = replace(ClauseModel.from_arrays(arrays, element_ids, manifest), calibration=calibration)
        if model.coef.shape != (sum(len(b.index) for b in model.blocks), len(element_ids)):
            raise ModelError(f"{weights_path}: coefficient shape does not fit the vocabularies")
    except ModelError:
        raise
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise ModelError(f"{weights_path}: cannot load model: {exc}") from exc
    return model


def dump_model(arrays: dict, manifest: dict, folder: Path, calibration: dict | None = None) -> dict:
    """Write weights, calibration, then manifest, each atomically; returns the manifest as written."""
    from clauses.atomic import write_bytes_atomic, write_text_atomic
    from clauses.detect.calibration import CALIBRATION_FILE, calibration_bytes

    data = pack_arrays(arrays)
    digest = sha256_bytes(data)
    calibration_raw = calibration_bytes(calibration) if calibration is not None else None
    # The version names the weights themselves, so a change of corpus, seed or training
    # code gives a new version (batch resume and reports rely on it).
    # The calibration changes every confidence shown, so it names the version too.
    named = digest if calibration_raw is None else sha256_bytes(data + calibration_raw)
    version = f"{manifest.get('versions', {}).get('clauses', '0')}+{named[:12]}"
    manifest = {
        **manifest,
        "format_version": FORMAT_VERSION,
        "weights_sha256": digest,
        "model_version": version,
    }
    if calibration_raw is not None:
        manifest["calibration_sha256"] = sha256_bytes(calibration_raw)
    folder.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(folder / WEIGHTS_FILE, data)
    if calibration_raw is not None:
        write_bytes_atomic(folder / CALIBRATION_FILE, calibration_raw)
    elif (folder / CALIBRATION_FILE).exists():
        (folder / CALIBRATION_FILE).unlink()  # a stale map would not fit the new weights
    write_text_atomic(folder / MANIFEST_FILE, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest
