"""Help text and terminal output: markup kept literal, no `<bool>` flags, hostile names and text escaped."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from test_batch import GOOD_NDA, LENIENT_PLAYBOOK
from typer.testing import CliRunner

from clauses.cli import app
from clauses.cli.terminal import json_safe, markup_safe, printable

runner = CliRunner()
COMMANDS = ("parse", "check", "review", "train", "evaluate")
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
HOSTILE_TEXT = "Evil \x1b]0;owned\x07 title \x1b[2J\x9b31m \u202egnp.exe [/] [bold]x[/bold]"


def _command_texts(name: str) -> list[str]:
    """The docstring and every parameter help of a command, as written in the source."""
    import typer.main

    click_command = typer.main.get_command(app).commands[name]
    texts = [click_command.help or ""]
    texts += [getattr(param, "help", "") or "" for param in click_command.params]
    return texts


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_cli_terminal_help_keeps_bracketed_words_and_shows_no_bool(command: str) -> None:
    result = runner.invoke(app, [command, "--help"] if command else ["--help"])
    assert result.exit_code == 0
    rendered = " ".join(result.stdout.split())
    assert "<bool>" not in rendered
    if command:
        for text in _command_texts(command):
            for word in re.findall(r"\\?\[([a-z][a-z ]*)\]", text):
                assert f"[{word}]" in rendered, (command, word)


def test_cli_terminal_parse_help_shows_heading_in_brackets() -> None:
    assert "[heading]" in runner.invoke(app, ["parse", "--help"]).stdout


def test_cli_terminal_printable_escapes_controls_bidi_and_undecodable_bytes() -> None:
    name = os.fsdecode(b"caf\xe9 \x1b[31m\xc2\x9b\n.txt") + "\u202e"
    shown = printable(name)
    assert not RAW.search(shown) and "\n" not in shown
    assert shown == "caf\\xe9 \\x1b[31m\\x9b\\n.txt\\u202e"
    assert printable("a\nb", newlines=True) == "a\nb"
    assert markup_safe("x [/] [red]y") == "x \\[/] \\[red]y"
    assert json.loads(json_safe(json.dumps({"t": "\x9b\u202e"}, ensure_ascii=False))) == {"t": "\x9b\u202e"}


@pytest.fixture()
def hostile_contract(tmp_path: Path) -> Path:
    """A good NDA whose title line and file name hold escapes, bidi overrides and rich markup."""
    folder = tmp_path / "in"
    path = folder / "nda [" / "] \x1b[31mred [bold].txt"  # the path reads "nda [/] ..."
    path.parent.mkdir(parents=True)
    path.write_text(HOSTILE_TEXT + "\n\n" + GOOD_NDA, encoding="utf-8")
    (tmp_path / "lenient.toml").write_text(LENIENT_PLAYBOOK, encoding="utf-8")
    return path


def test_cli_terminal_parse_outline_escapes_contract_text(hostile_contract: Path) -> None:
    result = runner.invoke(app, ["parse", str(hostile_contract)])
    assert result.exit_code == 0, result.output
    assert not RAW.search(result.stdout.replace("\n", ""))
    # parse now blanks C0 controls in the text itself; what is left (a bidi override) is escaped here
    assert "\\u202egnp.exe" in result.stdout


def test_cli_terminal_parse_json_escapes_and_round_trips(hostile_contract: Path) -> None:
    result = runner.invoke(app, ["parse", str(hostile_contract), "--json"])
    assert result.exit_code == 0, result.output
    assert not RAW.search(result.stdout.replace("\n", ""))
    data = json.loads(result.stdout)
    assert "\u202egnp.exe [/] [bold]x[/bold]" in data["text"]  # the data itself is unchanged


def test_cli_terminal_check_prints_hostile_name_literally(hostile_contract: Path) -> None:
    playbook = hostile_contract.parents[2] / "lenient.toml"
    result = runner.invoke(app, ["check", str(hostile_contract), "--profile", str(playbook)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and not RAW.search(result.stdout.replace("\n", ""))
    assert "nda [/] \\x1b[31mred [bold].txt" in result.stdout


def test_cli_terminal_errors_for_undecodable_names_are_one_printable_line(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xff\x1b[2Jbad.doc")
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    for command in ("parse", "check"):
        result = runner.invoke(app, [command, str(path)])
        assert result.exit_code in (1, 2) and len(result.stderr.splitlines()) == 1, result.output
        assert "\\xff\\x1b[2Jbad.doc" in result.stderr and not RAW.search(result.stderr.strip())


def test_cli_terminal_evaluate_prints_unread_file_names_escaped(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD_NDA, encoding="utf-8")
    (docs / "bad\x1b[2J.txt").write_bytes(b"")
    labels = tmp_path / "labels.jsonl"
    names = ("good.txt", "bad\x1b[2J.txt")
    rows = [{"file": name, "element": "definition", "present": True} for name in names]
    labels.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(labels), "--docs", str(docs), "--errors"])
    assert result.exit_code == 0, result.output
    assert "not read: " in result.stdout and "bad\\x1b[2J.txt" in result.stdout
    assert not RAW.search(result.stdout.replace("\n", ""))
