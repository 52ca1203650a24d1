"""clauses.detect.train: the corpus is validated line by line, and the same corpus trains the same bytes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from clauses.detect.classifier import MANIFEST_FILE, WEIGHTS_FILE, load_model, sha256_bytes
from clauses.detect.train import corpus_hash, label_matrix, load_corpus, train
from clauses.elements import element_ids
from clauses.errors import ConfigError

TINY_CORPUS = Path(__file__).resolve().parent / "fixtures" / "detect" / "corpus"


def _row(clause_id: str, text: str, elements: list[str], weak: dict[str, str] | None = None) -> str:
    return json.dumps({"id": clause_id, "text": text, "elements": elements, "weak": weak or {}, "style": []})


def _corpus(tmp_path: Path, *files: tuple[str, list[str]]) -> Path:
    folder = tmp_path / "corpus"
    (folder / "clauses").mkdir(parents=True)
    for name, lines in files:
        (folder / "clauses" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture()
def tiny_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(TINY_CORPUS, tmp_path / "tiny"))


def test_train_load_corpus_reads_the_tiny_corpus() -> None:
    clauses = load_corpus(TINY_CORPUS)
    assert len(clauses) == 32
    assert {c.source for c in clauses} == {"negatives.jsonl", "positives.jsonl"}
    assert [c.source for c in clauses] == sorted(c.source for c in clauses)
    labels = label_matrix(clauses, element_ids())
    assert labels.shape == (32, 13)
    assert (labels.sum(axis=0) == 2).all()


def test_train_load_corpus_skips_blank_lines(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, ("a.jsonl", ["", _row("a1", "Keep it secret.", ["third_party"]), "   "]))
    assert [c.id for c in load_corpus(folder)] == ["a1"]


def test_train_unknown_element_id_names_file_line_and_id(tmp_path: Path) -> None:
    folder = _corpus(
        tmp_path,
        (
            "a.jsonl",
            [_row("a1", "Keep it secret.", ["third_party"]), _row("a2", "Pay on time.", ["payment"])],
        ),
    )
    with pytest.raises(ConfigError, match=r"a\.jsonl:2: unknown element ids \['payment'\]"):
        load_corpus(folder)


def test_train_weak_not_among_elements_names_file_line(tmp_path: Path) -> None:
    row = _row("a1", "Use reasonable efforts.", ["third_party"], {"safeguards": "efforts only"})
    folder = _corpus(tmp_path, ("a.jsonl", [row]))
    with pytest.raises(ConfigError, match=r"a\.jsonl:1: weak ids \['safeguards'\] not in elements"):
        load_corpus(folder)


def test_train_duplicate_id_across_files_names_the_second(tmp_path: Path) -> None:
    folder = _corpus(
        tmp_path,
        ("a.jsonl", [_row("same", "Keep it secret.", ["third_party"])]),
        ("b.jsonl", [_row("other", "Return it.", []), _row("same", "Destroy it.", [])]),
    )
    with pytest.raises(ConfigError, match=r"b\.jsonl:2: duplicate id 'same'"):
        load_corpus(folder)


def test_train_bad_json_names_file_and_line(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, ("a.jsonl", [_row("a1", "Keep it secret.", []), "", '{"id": "a2", "text": ']))
    with pytest.raises(ConfigError, match=r"a\.jsonl:3: not JSON"):
        load_corpus(folder)


def test_train_empty_text_names_file_and_line(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, ("a.jsonl", [_row("a1", "   ", [])]))
    with pytest.raises(ConfigError, match=r"a\.jsonl:1: empty text"):
        load_corpus(folder)


def test_train_no_corpus_files_is_config_error(tmp_path: Path) -> None:
    (tmp_path / "clauses").mkdir()
    with pytest.raises(ConfigError, match="no corpus files"):
        load_corpus(tmp_path)


def test_train_refuses_corpus_without_positives_for_an_element(tmp_path: Path, tiny_copy: Path) -> None:
    positives = tiny_copy / "clauses" / "positives.jsonl"
    kept = [line for line in positives.read_text().splitlines() if '"audit"' not in line]
    positives.write_text("\n".join(kept) + "\n")
    with pytest.raises(ConfigError, match=r"no positive clauses for \['audit'\]"):
        train(tiny_copy, tmp_path / "model", folds=1)


def test_train_twice_gives_identical_files(tmp_path: Path) -> None:
    first = train(TINY_CORPUS, tmp_path / "one", folds=1)
    second = train(TINY_CORPUS, tmp_path / "two", folds=1)
    assert first["weights_sha256"] == second["weights_sha256"]
    for name in (WEIGHTS_FILE, MANIFEST_FILE):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert sha256_bytes((tmp_path / "one" / WEIGHTS_FILE).read_bytes()) == first["weights_sha256"]


def test_train_manifest_records_corpus_seed_and_versions(tmp_path: Path) -> None:
    manifest = train(TINY_CORPUS, tmp_path / "model", seed=11, folds=1)
    assert manifest["element_ids"] == list(element_ids())
    assert manifest["corpus_sha256"] == corpus_hash(TINY_CORPUS)
    assert manifest["corpus_clauses"] == 32
    assert manifest["seed"] == 11
    assert {"clauses", "scikit-learn", "numpy", "scipy"} <= set(manifest["versions"])
    assert manifest["model_version"].endswith(manifest["weights_sha256"][:12])
    assert load_model(tmp_path / "model").version == manifest["model_version"]


def test_train_trained_model_separates_an_unseen_clause(tmp_path: Path) -> None:
    train(TINY_CORPUS, tmp_path / "model", folds=1)
    model = load_model(tmp_path / "model")
    column = model.element_ids.index("breach_notice")
    notify = "The Seller shall notify the Buyer in writing of any unauthorized access to the information."
    pay = "The Buyer shall pay the invoices of the Seller within sixty days."
    probabilities = model.predict([notify, pay])
    assert probabilities[0, column] > probabilities[1, column]


def test_train_corpus_hash_changes_when_a_clause_changes(tiny_copy: Path) -> None:
    before = corpus_hash(tiny_copy)
    assert before == corpus_hash(TINY_CORPUS)
    negatives = tiny_copy / "clauses" / "negatives.jsonl"
    negatives.write_text(negatives.read_text().replace("New York", "New Jersey"))
    assert corpus_hash(tiny_copy) != before


def test_train_corpus_hash_changes_when_a_file_is_renamed(tiny_copy: Path) -> None:
    before = corpus_hash(tiny_copy)
    (tiny_copy / "clauses" / "negatives.jsonl").rename(tiny_copy / "clauses" / "z_negatives.jsonl")
    assert corpus_hash(tiny_copy) != before


def test_train_corpus_hash_ignores_files_outside_clauses(tiny_copy: Path) -> None:
    before = corpus_hash(tiny_copy)
    (tiny_copy / "README.md").write_text("notes")
    assert corpus_hash(tiny_copy) == before


def test_train_family_is_read_or_derived_from_style(tmp_path: Path) -> None:
    folder = _corpus(
        tmp_path,
        (
            "a.jsonl",
            [
                json.dumps({"id": "a1", "text": "Keep it.", "elements": [], "style": ["nda", "UK", "plain"]}),
                json.dumps({"id": "a2", "text": "Keep it.", "elements": [], "style": [], "family": "saas"}),
            ],
        ),
    )
    assert [c.family for c in load_corpus(folder)] == ["nda-UK-plain", "saas"]


def test_train_family_cross_validation_holds_out_each_family() -> None:
    from clauses.detect.train import family_cross_validate

    clauses = load_corpus(TINY_CORPUS)
    result = family_cross_validate(clauses, 5)
    assert sorted(result["families"]) == sorted({c.family for c in clauses})
    assert sum(f["clauses"] for f in result["families"].values()) == len(clauses)
    assert set(result["per_element"]) == set(element_ids())


def test_train_calibrator_sees_every_fold(tmp_path: Path) -> None:
    from clauses.detect.train import Calibrator

    class Counting(Calibrator):
        def __init__(self) -> None:
            self.held_out: list[int] = []

        def fold(self, model, held_out) -> None:
            assert model.predict(["x"]).shape == (1, len(element_ids()))
            self.held_out.append(len(held_out))

        def fit(self) -> dict:
            row = {"scores": [0.0, 1.0], "present": [0.1, 0.9], "weak_right": 0.5, "present_right": 0.9}
            return {"version": 1, "elements": {e: row for e in element_ids()}}

    counting = Counting()
    manifest = train(TINY_CORPUS, tmp_path / "m", folds=2, calibrator=counting, family_cv=False)
    assert sum(counting.held_out) == 32 and len(counting.held_out) == 2
    assert "calibration_sha256" in manifest and manifest["family_cv"] == {}
