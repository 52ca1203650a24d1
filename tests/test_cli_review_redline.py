"""review --format docx with --author and --comments: the options reach the redline, bad values exit 2."""

from __future__ import annotations

import zipfile
from pathlib import Path

import typer
from redline_fixtures import write_numbered_nda
from typer.testing import CliRunner

from clauses.cli.review import review

app = typer.Typer()
app.command("review")(review)
app.command("noop")(lambda: None)  # a second command keeps "review" a subcommand, as in clauses.cli
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _review(*args: str):
    return CliRunner().invoke(app, ["review", *args])


def test_cli_review_redline_author_and_internal_comments(tmp_path: Path) -> None:
    source = write_numbered_nda(tmp_path / "nda.docx")
    out = tmp_path / "out"
    args = ["--out", str(out), "--format", "docx", "--jobs", "1", "--fail-on", "never"]
    result = _review(str(source), *args, "--author", "ACME Legal", "--comments", "internal")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out / "nda_docx.redline.docx") as package:
        document = package.read("word/document.xml").decode()
        comments = package.read("word/comments.xml").decode()
    assert 'w:author="ACME Legal"' in document and 'w:author="clauses"' not in document
    assert "profile" in comments  # internal: the full reason
    issues = (out / "issues.csv").read_text(encoding="utf-8-sig").splitlines()
    assert issues[0].startswith("file,element,title,status")
    edits = [line for line in issues if ",post_termination," in line and ",edit," in line]
    assert edits and all(line.endswith("nda_docx.redline.docx") for line in edits)
    assert (out / "issues.xlsx").is_file()
    rerun = _review(str(source), *args, "--author", "ACME Legal", "--comments", "none")
    assert rerun.exit_code == 0, rerun.output
    with zipfile.ZipFile(out / "nda_docx.redline.docx") as package:
        assert "word/comments.xml" not in package.namelist()  # another audience is another redline


def test_cli_review_redline_bad_options_exit_2(tmp_path: Path) -> None:
    source = write_numbered_nda(tmp_path / "nda.docx")
    out = str(tmp_path / "out")
    assert _review(str(source), "--out", out, "--comments", "everyone").exit_code == 2
    assert _review(str(source), "--out", out, "--format", "docx", "--author", " ").exit_code == 2
