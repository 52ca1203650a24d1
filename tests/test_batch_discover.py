"""clauses.batch.discover (and the names it hands on): hostile folders finish with a row per contract.

Names are data: control characters, terminal escapes, a newline, bytes that are
not UTF-8, rich markup, a formula, a bidi override, a file named ``index``;
links that loop, dangle or alias. None may stop the batch, split a log line,
reach the terminal raw, break the spreadsheet or shadow the portfolio page.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import typer
from openpyxl import load_workbook
from test_batch import GOOD_NDA, model_folder, summary_rows  # noqa: F401
from typer.testing import CliRunner

from clauses.batch.discover import discover
from clauses.cli.review import review

app = typer.Typer()
app.command("review")(review)
app.command("noop")(lambda: None)

HOSTILE_NAMES = [
    "bell\x07.txt",
    "esc\x1b[2Jclear.txt",
    "new\nline.txt",
    "[red]markup[bold].txt",
    "=cmd.txt",
    "\u202eevil.txt",
    "tab\there.txt",
    "plain.txt",
]


def _hostile_folder(folder: Path) -> Path:
    folder.mkdir()
    for name in HOSTILE_NAMES:
        (folder / name).write_text(GOOD_NDA, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:  # not UTF-8
        handle.write(GOOD_NDA.encode("utf-8"))
    # Form feeds and other control characters in the text, which XLSX cells cannot hold.
    text = GOOD_NDA.replace("strictly confidential", "strictly\fconfidential\x01")
    text = text.replace("\n\n", "\n\f\x01\n")
    (folder / "formfeed.txt").write_text(text, encoding="utf-8")
    (folder / "loop.txt").symlink_to("loop.txt")  # a link to itself
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    (folder / "alias.txt").symlink_to("plain.txt")  # the same contract twice: one row
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")  # folder loops: never followed
    (folder / "sub" / "up2").symlink_to("..")
    index = folder.parent / "index"  # would write index.html over the portfolio page
    index.write_text(GOOD_NDA, encoding="utf-8")
    return index


def test_batch_discover_hostile_folder_finishes_with_a_row_per_contract(
    tmp_path: Path, model_folder: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    monkeypatch.setenv("CLAUSES_MODEL_DIR", str(model_folder))
    index = _hostile_folder(tmp_path / "in")
    out = tmp_path / "out"
    args = ["review", str(tmp_path / "in"), str(index), "-o", str(out), "-j", "2", "-f", "json,html,csv,xlsx"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output  # the loop and the dangling link cannot be read
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output

    rows = summary_rows(out)
    assert len(rows) == len(HOSTILE_NAMES) + 5  # + caf\xe9, formfeed, loop, dangling, index
    by_file = {row["file"]: row for row in rows}
    errors = {Path(f).name: row["error"] for f, row in by_file.items() if row["error"]}
    assert set(errors) == {"loop.txt", "dangling.txt"}
    assert "Too many levels of symbolic links" in errors["loop.txt"]
    shown = {Path(f).name for f in by_file}
    escaped = ("bell\\x07.txt", "esc\\x1b[2Jclear.txt", "new\\x0aline.txt", "caf\\xe9.txt", "\\u202eevil.txt")
    assert set(escaped) <= shown and "[red]markup[bold].txt" in shown
    assert "'" + str(tmp_path / "in" / "=cmd.txt") not in by_file  # a path is not at the start: no formula

    # Every log line is one line, and no control character reached the terminal.
    lines = result.stderr.splitlines()
    assert all(line.startswith(("[", "Reviewed ")) for line in lines), lines
    assert not any(ch in result.stderr for ch in "\x07\x1b\u202e")
    assert len([line for line in lines if line.startswith("[")]) == len(rows)

    # The portfolio page is the batch's; the contract named "index" got its own name.
    assert "Elements across the portfolio" in (out / "index.html").read_text(encoding="utf-8")
    index_row = by_file[str(index)]
    assert index_row["report_html"].startswith("index-") and (out / index_row["report_html"]).is_file()

    # The spreadsheets load, with the hostile characters shown as escapes.
    sheet = load_workbook(out / "summary.xlsx").active
    assert sheet.max_row == len(rows) + 1
    formfeed = by_file[str(tmp_path / "in" / "formfeed.txt")]
    elements = load_workbook(out / formfeed["report_xlsx"]).active
    cells = [str(cell.value or "") for row in elements.iter_rows() for cell in row]
    assert not any(ch in cell for cell in cells for ch in "\f\x01")
    report = (out / by_file[str(tmp_path / "in" / "caf\\xe9.txt")]["report_json"]).read_text(encoding="utf-8")
    assert "caf\\\\xe9.txt" in report


def test_batch_discover_link_loops_end_the_walk_and_the_glob(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "x.txt").write_text("x", encoding="utf-8")
    (folder / "a" / "back").symlink_to("..")
    (folder / "a" / "back2").symlink_to("..")  # glob.glob(recursive=True) never returns on this
    (folder / "self.txt").symlink_to("self.txt")
    started = time.monotonic()
    for spec in (str(folder), f"{folder}/**/*.txt", f"{folder}/*/*.txt", f"{folder}/**"):
        found = discover([spec])
        assert found.unreadable == [] and found.warnings == []
        assert (folder / "a" / "x.txt") in found.files
    assert time.monotonic() - started < 10  # a bound to catch a hang
    assert [p.name for p in discover([str(folder)]).files] == ["x.txt", "self.txt"]
    assert [p.name for p in discover([f"{folder}/*/[x]?txt"]).files] == ["x.txt"]
    assert discover([f"{folder}/*/*.pdf"]).warnings == [f"{folder}/*/*.pdf: no files match this pattern"]


def test_batch_discover_takes_every_recognised_extension(tmp_path: Path) -> None:
    # .pages is refused by the parser, so it must be walked to be reported, not silently dropped.
    for name in ("a.pages", "b.odt", "c.rtf", "d.htm", "e.markdown", "f.xhtml", "g.key"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    names = [p.name for p in discover([str(tmp_path)]).files]
    assert names == ["a.pages", "b.odt", "c.rtf", "d.htm", "e.markdown", "f.xhtml"]
