"""``clauses review`` end to end through typer: exit codes, log lines, quiet mode, unreadable folders.

Ctrl-C and kill -9 of a real review process are in test_batch_run.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from test_batch import (
    GOOD_NDA,
    LENIENT_PLAYBOOK,
    OLE2,
    STRICT_SURVIVAL_PLAYBOOK,
    make_mixed_batch,
    model_folder,  # noqa: F401 - the session fixture, shared
    summary_rows,
)
from typer.testing import CliRunner

from clauses.cli.review import review

app = typer.Typer()
app.command("review")(review)
app.command("noop")(lambda: None)  # a second command keeps "review" a subcommand, as in clauses.cli


@pytest.fixture(autouse=True)
def _model(model_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setenv("CLAUSES_MODEL_DIR", str(model_folder))


def _review(*args: str):
    return CliRunner().invoke(app, ["review", *args])


def test_review_cmd_mixed_batch_logs_each_document_and_exits_1(tmp_path: Path) -> None:
    files = make_mixed_batch(tmp_path / "in")
    result = _review(
        str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1", "--format", "json,md,html,docx"
    )
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(files) + 1
    assert all(re.match(r"^\[\d/8\] ", line) for line in lines[:-1])
    assert any(re.search(r"good\.txt: (GREEN|YELLOW|RED) \(score \d+\)$", line) for line in lines)
    assert any(
        line.endswith(
            "legacy.doc: UnsupportedFormat: legacy Word .doc (OLE2) is not read; convert to .docx or PDF"
        )
        for line in lines
    )
    assert re.match(
        r"^Reviewed 8 documents: \d+ GREEN, \d+ YELLOW, \d+ RED, 4 errors; 0 unchanged and "
        r"skipped; [\d.]+ s, [\d.]+ documents/s\. Reports in ",
        lines[-1],
    )
    out = tmp_path / "out"
    assert {p.name for p in out.glob("good_txt*")} == {
        "good_txt.json",
        "good_txt.md",
        "good_txt.html",
        "good_txt.redline.docx",
    }
    assert {"summary.csv", "summary.xlsx", "index.html"} <= {p.name for p in out.iterdir()}
    assert result.stdout == ""


def test_review_cmd_quiet_shows_only_errors_and_summary(tmp_path: Path) -> None:
    make_mixed_batch(tmp_path / "in")
    result = _review(
        str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2", "--quiet", "--fail-on", "never"
    )
    assert result.exit_code == 0, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 5 and lines[-1].startswith("Reviewed 8 documents")
    assert all(re.search(r": (Corrupt|Encrypted|Empty|UnsupportedFormat): ", line) for line in lines[:-1])


def test_review_cmd_passes_gate_with_lenient_playbook_and_glob(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD_NDA, encoding="utf-8")
    (tmp_path / "in" / "~$a.txt").write_text("lock", encoding="utf-8")
    (tmp_path / "lenient.toml").write_text(LENIENT_PLAYBOOK, encoding="utf-8")
    (tmp_path / "strict.toml").write_text(STRICT_SURVIVAL_PLAYBOOK, encoding="utf-8")
    pattern = f"{tmp_path}/in/*.txt"
    out = str(tmp_path / "out")
    assert _review(pattern, "-o", out, "-p", str(tmp_path / "lenient.toml")).exit_code == 0
    assert [row["profile"] for row in summary_rows(tmp_path / "out")] == ["lenient"]
    strict = str(tmp_path / "strict.toml")
    assert _review(pattern, "-o", out, "-p", strict, "--fail-on", "missing").exit_code == 0
    assert _review(pattern, "-o", out, "-p", strict, "--fail-on", "weak").exit_code == 1


@pytest.mark.parametrize(
    "args",
    [
        ["{tmp}/nothing/*.pdf"],  # no file matches
        ["{tmp}/bad"],  # every input unreadable
        ["{tmp}/bad", "--format", "json,pdf"],  # unknown report format
        ["{tmp}/bad", "--profile", "{tmp}/missing.toml"],  # unreadable playbook
        ["{tmp}/bad", "--fail-on", "sometimes"],
    ],
)
def test_review_cmd_usage_errors_and_nothing_readable_exit_2(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.txt").write_bytes(b"")
    (tmp_path / "bad" / "old.doc").write_bytes(OLE2)
    result = _review(*[a.format(tmp=tmp_path) for a in args], "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output


def test_review_cmd_unreadable_sub_folder_is_a_row_and_fails_the_gate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run as root here, so a chmod 000 folder stays readable: refuse its listing instead.
    import os

    for name in ("good.txt", "locked/inside.txt"):
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text(GOOD_NDA, encoding="utf-8")
    playbook = tmp_path / "lenient.toml"
    playbook.write_text(LENIENT_PLAYBOOK, encoding="utf-8")
    args = (str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-p", str(playbook), "-j", "1")
    assert _review(*args).exit_code == 0
    real = os.scandir

    def refuse_locked(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    result = _review(*args)
    assert result.exit_code == 1, result.output
    locked = tmp_path / "in" / "locked"
    line = f"{locked}: Unreadable: cannot list this folder (Permission denied); its contracts were not "
    line += "reviewed"
    assert line in result.stderr
    rows = {row["file"]: row for row in summary_rows(tmp_path / "out")}
    assert rows[str(locked)]["error"] == line and rows[str(locked)]["routing"] == "ERROR"
    assert rows[str(tmp_path / "in" / "good.txt")]["routing"] == "GREEN"


def test_review_cmd_help_documents_gate_and_exit_codes() -> None:
    result = CliRunner().invoke(app, ["review", "--help"], terminal_width=200)
    assert result.exit_code == 0
    documented = ("--fail-on", "Exit codes", "130", "CLAUSES_PASSWORD", "--jobs", "--timeout", "--max-memory")
    assert [words for words in documented if words not in result.output] == []
