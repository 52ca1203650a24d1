"""Options shared by parse, check and review: --max-size, --password (and $CLAUSES_PASSWORD), --model."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clauses.cli import app

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
COMMANDS = ("parse", "check", "review")


def _invoke(command: str, path: Path, *args: str, out: Path, env: dict | None = None):
    extra = ["--out", str(out), "-j", "1", "--fail-on", "never"] if command == "review" else []
    if command == "check":
        extra = ["--fail-on", "never"]
    return runner.invoke(app, [command, str(path), *args, *extra], env=env)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_options_each_command_has_the_shared_options(command: str) -> None:
    help_text = runner.invoke(app, [command, "--help"]).stdout
    for option in ("--max-size", "--password", "CLAUSES_PASSWORD"):
        assert option in help_text, (command, option)
    if command != "parse":
        assert "--model" in help_text


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_options_too_large_names_an_option_the_command_has(command: str, tmp_path: Path) -> None:
    result = _invoke(command, SAMPLES / "mutual-nda.txt", "--max-size", "100", out=tmp_path / "out")
    if command == "review":  # the error is a summary row; the log line and the summary say it
        text = result.output + (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8")
        assert result.exit_code == 2
    else:
        text = result.stderr
        assert result.exit_code in (1, 2) and len(result.stderr.splitlines()) == 1
    assert "TooLarge" in text
    for named in set(re.findall(r"--[a-z][a-z-]+", text)):
        assert named in runner.invoke(app, [command, "--help"]).stdout, (command, named)
    bigger = _invoke(command, SAMPLES / "mutual-nda.txt", "--max-size", "1000000", out=tmp_path / "out2")
    assert bigger.exit_code == 0, bigger.output


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_options_password_from_the_environment(command: str, fixtures_dir: Path, tmp_path: Path) -> None:
    locked = fixtures_dir / "encrypted.pdf"
    refused = _invoke(command, locked, out=tmp_path / "a", env={"CLAUSES_PASSWORD": ""})
    assert refused.exit_code != 0 and "Encrypted" in refused.output + _summary(tmp_path / "a")
    opened = _invoke(command, locked, out=tmp_path / "b", env={"CLAUSES_PASSWORD": "secret"})
    assert opened.exit_code == 0, opened.output
    by_option = _invoke(command, locked, "--password", "secret", out=tmp_path / "c")
    assert by_option.exit_code == 0, by_option.output


@pytest.mark.parametrize("command", ("check", "review"))
def test_cli_options_model_option_is_used(command: str, tmp_path: Path) -> None:
    from clauses.resources import data_dir

    model = tmp_path / "model"
    shutil.copytree(data_dir("models"), model)
    weights = model / "classifier.zip"
    data = bytearray(weights.read_bytes())
    data[100] ^= 0xFF
    weights.write_bytes(bytes(data))
    result = _invoke(command, SAMPLES / "mutual-nda.txt", "--model", str(model), out=tmp_path / "out")
    assert result.exit_code == 2 and "ModelError" in result.output


def _summary(out: Path) -> str:
    summary = out / "summary.csv"
    return summary.read_text(encoding="utf-8") if summary.exists() else ""
