"""`clauses check`, `train` and `evaluate` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from clauses.cli import app
from clauses.elements import element_ids

runner = CliRunner()
TOP = Path(__file__).resolve().parents[1]
SAMPLES = TOP / "samples"
TINY_CORPUS = TOP / "tests" / "fixtures" / "detect" / "corpus"


def _rows(stdout: str) -> dict[str, str]:
    """The check table's lines by element id."""
    return {line.split("│")[1].strip(): line for line in stdout.splitlines() if line.count("│") > 4}


def test_cli_check_prints_status_and_reasons() -> None:
    result = runner.invoke(app, ["check", str(SAMPLES / "mutual-nda.docx")])
    # YELLOW, but a required element (breach_notice, medium) is missing: the default gate fails it
    assert result.exit_code == 1, result.output
    assert "YELLOW" in result.stdout and "profile nda" in result.stdout
    rows = _rows(result.stdout)
    assert "missing" in rows["breach_notice"]
    assert "weak" in rows["post_termination"] and "1 year" in result.stdout
    assert "present" in rows["definition"] and "1.1" in rows["definition"]


def test_cli_check_profile_option_and_bad_playbook(tmp_path: Path) -> None:
    vendor = runner.invoke(
        app, ["check", str(SAMPLES / "mutual-nda.txt"), "--profile", "vendor", "--fail-on", "never"]
    )
    assert vendor.exit_code == 0 and "profile vendor" in vendor.stdout
    playbook = tmp_path / "bad.toml"
    playbook.write_text('name = "x"\n[elements]\nconfidentiality = { requirement = "required" }\n')
    result = runner.invoke(app, ["check", str(SAMPLES / "mutual-nda.txt"), "--profile", str(playbook)])
    assert result.exit_code == 2
    assert "unknown element id 'confidentiality'" in result.stderr
    assert "Traceback" not in result.output


def test_cli_check_bad_input_is_one_line(tmp_path: Path) -> None:
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600)
    result = runner.invoke(app, ["check", str(legacy)])
    assert result.exit_code == 2  # as `clauses review old.doc`: not one file could be reviewed
    assert result.stderr.strip().count("\n") == 0 and "UnsupportedFormat" in result.stderr


def test_cli_train_writes_a_model_that_check_uses(tmp_path: Path) -> None:
    out = tmp_path / "model"
    result = runner.invoke(app, ["train", "--corpus", str(TINY_CORPUS), "--out", str(out), "--folds", "1"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["model_version"] in result.stdout
    checked = runner.invoke(
        app, ["check", str(SAMPLES / "mutual-nda.txt"), "--model", str(out), "--fail-on", "never"]
    )
    assert checked.exit_code == 0, checked.output


def test_cli_check_tampered_model_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "model"
    runner.invoke(app, ["train", "--corpus", str(TINY_CORPUS), "--out", str(out), "--folds", "1"])
    weights = out / "classifier.zip"
    data = bytearray(weights.read_bytes())
    data[100] ^= 0xFF
    weights.write_bytes(bytes(data))
    result = runner.invoke(app, ["check", str(SAMPLES / "mutual-nda.txt"), "--model", str(out)])
    assert result.exit_code == 2
    assert "ModelError" in result.stderr and "tampered" in result.stderr
    # $CLAUSES_MODEL_DIR points every command at a model, as it does `review`
    env = {"CLAUSES_MODEL_DIR": str(out)}
    result = runner.invoke(app, ["check", str(SAMPLES / "mutual-nda.txt")], env=env)
    assert result.exit_code == 2
    assert "ModelError" in result.stderr and "tampered" in result.stderr


def test_cli_evaluate_prints_the_table_for_labelled_contracts() -> None:
    contracts = TOP / "corpus" / "contracts"
    result = runner.invoke(app, ["evaluate", str(contracts / "labels.jsonl"), "--docs", str(contracts)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split()[:4] == ["element", "prec", "rec", "F1"]
    assert "macro-F1" in result.stdout and "documents 50" in result.stdout


def test_cli_help_of_every_command_has_examples() -> None:
    for command in ("parse", "check", "review", "train", "evaluate"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Examples" in result.stdout, command


def test_cli_train_writes_to_models_in_the_current_folder_and_shows_progress(
    tmp_path: Path, monkeypatch
) -> None:
    from clauses.resources import data_dir

    shipped = {p.name: p.read_bytes() for p in data_dir("models").iterdir() if p.is_file()}
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    (corpus / "clauses").mkdir(parents=True)
    rows = [  # six clauses per element and some negatives: each of two folds trains on both classes
        {"id": f"{element}-{i}", "text": f"The {element.replace('_', ' ')} duty {i} binds the Recipient.",
         "elements": [element]}
        for element in element_ids()
        for i in range(6)
    ] + [{"id": f"neg-{i}", "text": f"Payment is due within {i + 10} days of invoice.", "elements": []}
         for i in range(12)]
    (corpus / "clauses" / "synthetic.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    # --folds 1: calibrating needs the contract builder of the shipped corpus, which this one lacks
    result = runner.invoke(app, ["train", "--corpus", str(corpus), "--folds", "1"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "models" / "manifest.json").read_text())
    assert manifest["model_version"] in result.stdout and "written to models" in result.stdout
    steps = [line.split("]")[0] + "]" for line in result.stderr.splitlines()]
    assert steps == ["[1/1]"], result.stderr
    assert "fitting the model" in result.stderr

    from clauses.detect.train import cross_validate, load_corpus

    told: list[tuple[int, int, str]] = []
    cross_validate(load_corpus(corpus), 7, 2, None, lambda *step: told.append(step))
    assert [(s, n) for s, n, _ in told] == [(1, 4), (2, 4)]
    assert "cross-validation fold 1 of 2" in told[0][2]
    assert {p.name: p.read_bytes() for p in data_dir("models").iterdir() if p.is_file()} == shipped


def test_cli_train_refuses_to_write_into_the_package(tmp_path: Path) -> None:
    import clauses

    inside = Path(clauses.__file__).resolve().parent / "models-test-never-written"
    result = runner.invoke(app, ["train", "--corpus", str(TINY_CORPUS), "--folds", "1", "--out", str(inside)])
    assert result.exit_code == 2 and "inside the installed clauses package" in result.stderr
    assert not inside.exists()


def test_cli_train_too_many_folds_for_the_corpus_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["train", "--corpus", str(TINY_CORPUS), "--folds", "4", "--out", str(tmp_path / "m")]
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
    last = result.stderr.splitlines()[-1]  # after the progress lines, one line saying what to do
    # a corpus without the contract builder cannot be calibrated: one line saying what to do
    assert last.startswith("ConfigError: ") and "--folds 1" in last


def test_cli_check_cites_the_evidence_clause_once_the_contracts_way(tmp_path: Path) -> None:
    uk = tmp_path / "uk.txt"
    uk.write_text(
        "MUTUAL CONFIDENTIALITY AGREEMENT\n\n5. Confidentiality\n\n"
        "5.1 Each party shall keep the other's Confidential Information confidential and shall not "
        "disclose it to any third party, save as permitted by clause 5.2.\n\n"
        "5.2 Clause 5.1 does not apply to information which is public.\n\n"
        "5.3 This clause 5 survives termination of this Agreement for five years.\n"
    )
    sec = tmp_path / "sec.txt"
    sec.write_text(
        "MUTUAL NONDISCLOSURE AGREEMENT\n\n"
        "Section 5.01 Confidentiality. Each party will hold the other's Confidential Information "
        "in confidence and will not disclose it to any third party.\n\n"
        "Section 5.02 Survival. The obligations in Section 5.01 survive termination for five years.\n"
    )
    for path, cite in ((uk, "Clause 5.1 Each party"), (sec, "Section 5.01 Confidentiality. Each")):
        result = runner.invoke(app, ["check", str(path)])
        assert cite in _rows(result.stdout)["third_party"], result.stdout
        assert "§" not in result.stdout and "5.1 5.1" not in result.stdout
        assert "5.01 Section" not in result.stdout
