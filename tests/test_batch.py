"""The batch runner: discovery, names, bad files, resume after an interrupt, --jobs, gating.

Contracts here are a few short generated files; the model is the shipped one
when built, else one trained once per test session into a temporary folder.
Helpers without a ``test_`` prefix are shared with test_review_cmd.py.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from clauses.batch import (
    STATE_DIR,
    BatchOptions,
    BatchRecord,
    output_stems,
    run_batch,
    write_summaries,
)
from clauses.batch.discover import discover
from clauses.cli.review import exit_code
from clauses.resources import data_dir

GOOD_NDA = """MUTUAL NON-DISCLOSURE AGREEMENT

This Agreement is made between Alder Systems Ltd ("Discloser") and Birch Labs Inc ("Recipient").

1. Definitions. "Confidential Information" means all non-public business, technical and financial
information disclosed by either party, whether oral or written.

2. Obligations. The Recipient shall keep the Confidential Information strictly confidential and shall
not disclose it to any third party without the prior written consent of the Discloser.

3. Use. The Recipient will use the Confidential Information solely for the Purpose.

4. Survival. The obligations in this Agreement survive termination for five (5) years.

5. Return. On request the Recipient shall promptly return or destroy all Confidential Information.

6. Breach. The Recipient shall notify the Discloser in writing within forty-eight (48) hours of becoming
aware of any unauthorised use or disclosure of Confidential Information, and the Discloser shall be
entitled to injunctive relief for any breach of this Agreement.

7. Governing law. This Agreement is governed by the laws of England.
"""
THIN_NDA = """NON-DISCLOSURE AGREEMENT

1. Purpose. The parties wish to discuss a possible supply of widgets.

2. Fees. Each party bears its own costs.

3. Governing law. This Agreement is governed by the laws of Delaware.
"""
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
# A playbook that lists only a definition (the other core elements stay required), so a good short
# contract passes the gate.
LENIENT_PLAYBOOK = """name = "lenient"
[elements.definition]
requirement = "required"
severity = "high"
"""
# Five years of survival is weak against a ten-year minimum.
STRICT_SURVIVAL_PLAYBOOK = """name = "strict-survival"
[thresholds]
min_survival_years = 10
[elements.definition]
requirement = "required"
severity = "high"
[elements.post_termination]
requirement = "required"
severity = "medium"
"""


@pytest.fixture(scope="session")
def model_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped model when built, else one trained once for the whole session."""
    shipped = data_dir("models")
    if (shipped / "manifest.json").exists():
        return shipped
    folder = tmp_path_factory.getbasetemp() / "batch-model"
    if not (folder / "manifest.json").exists():
        from clauses.detect.train import train

        train(Path(__file__).resolve().parent.parent / "corpus", folder, folds=1)
    return folder


def write_pdf(path: Path, text: str, password: str | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in text.splitlines():
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.output(str(path))
    return path


def write_docx(path: Path, text: str) -> Path:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line)
    document.save(str(path))
    return path


def make_mixed_batch(folder: Path) -> dict[str, Path]:
    """Good files plus a corrupt PDF, an encrypted PDF, an empty file and a legacy .doc."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deals").mkdir(exist_ok=True)
    files = {
        "good_txt": folder / "good.txt",
        "thin_txt": folder / "deals" / "thin.txt",
        "good_docx": write_docx(folder / "deals" / "good.docx", GOOD_NDA),
        "good_pdf": write_pdf(folder / "good.pdf", GOOD_NDA),
        "corrupt_pdf": folder / "corrupt.pdf",
        "encrypted_pdf": write_pdf(folder / "locked.pdf", GOOD_NDA, password="s3cret"),
        "empty": folder / "empty.txt",
        "doc": folder / "legacy.doc",
    }
    files["good_txt"].write_text(GOOD_NDA, encoding="utf-8")
    files["thin_txt"].write_text(THIN_NDA, encoding="utf-8")
    files["corrupt_pdf"].write_bytes(b"%PDF-1.7\n1 0 obj <<\n" + b"\x00garbage" * 40)
    files["empty"].write_bytes(b"")
    files["doc"].write_bytes(OLE2)
    return files


def summary_rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8-sig"))))


def _options(out: Path, model_folder: Path, **kwargs) -> BatchOptions:
    return BatchOptions(out_dir=out, model_folder=model_folder, **kwargs)


def test_batch_discover_skips_hidden_temporary_and_other_extensions(tmp_path: Path) -> None:
    for name in (
        "a.txt",
        "sub/b.docx",
        ".hidden.txt",
        ".git/c.txt",
        "~$d.docx",
        ".~lock.e.docx#",
        "f.tmp",
        "g.txt~",
        "photo.png",
        "notes.xlsx",
        "sub/old.doc",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = discover([str(tmp_path)])
    files, warnings = found.files, found.warnings
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.txt", "sub/b.docx", "sub/old.doc"]
    assert warnings == []


def test_batch_discover_expands_globs_dedupes_and_excludes_output(tmp_path: Path) -> None:
    for name in ("x/one.txt", "x/y/two.txt", "x/y/~$three.txt", "out/report.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = discover(
        [
            f"{tmp_path}/x/**/*.txt",
            str(tmp_path / "x" / "one.txt"),
            f"{tmp_path}/nothing/*.pdf",
            str(tmp_path),
        ],
        exclude=tmp_path / "out",
    )
    files, warnings = found.files, found.warnings
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["x/one.txt", "x/y/two.txt"]
    assert warnings == [f"{tmp_path}/nothing/*.pdf: no files match this pattern"]


def test_batch_output_stems_are_unique_safe_and_deterministic(tmp_path: Path) -> None:
    paths = [
        tmp_path / "a" / "nda.docx",
        tmp_path / "b" / "nda.docx",
        tmp_path / "a" / "x y.txt",
        tmp_path / "a" / "x_y.txt",
        tmp_path / "a" / ".odd=name.pdf",
    ]
    stems = output_stems(paths)
    assert stems[:2] == ["a__nda_docx", "b__nda_docx"]
    assert len({s.lower() for s in stems}) == len(stems)
    assert all(s[0] not in ".-_" and "/" not in s for s in stems)
    assert stems == output_stems(paths)
    assert output_stems([tmp_path / "only.pdf"]) == ["only_pdf"]


def test_batch_bad_files_are_reported_and_the_batch_finishes(tmp_path: Path, model_folder: Path) -> None:
    files = make_mixed_batch(tmp_path / "in")
    out = tmp_path / "out"
    inputs = discover([str(tmp_path / "in")]).files
    result = run_batch(inputs, _options(out, model_folder, formats=("json", "md")))
    write_summaries(out, result.records)
    by_file = {row["file"]: row for row in summary_rows(out)}
    assert len(by_file) == len(files) == 8
    expected = {
        "corrupt_pdf": "Corrupt",
        "encrypted_pdf": "Encrypted",
        "empty": "Empty",
        "doc": "UnsupportedFormat",
    }
    for key, kind in expected.items():
        row = by_file[str(files[key])]
        assert row["routing"] == "ERROR"
        assert row["error"].startswith(f"{files[key]}: {kind}: ")
    for key in ("good_txt", "thin_txt", "good_docx", "good_pdf"):
        row = by_file[str(files[key])]
        assert row["routing"] in ("GREEN", "YELLOW", "RED") and not row["error"]
        assert (out / row["report_json"]).is_file() and (out / row["report_markdown"]).is_file()
    assert result.errors == 4 and result.processed == 8 and result.skipped == 0
    assert (out / "summary.xlsx").is_file() and (out / "index.html").is_file()
    assert exit_code(result, "missing") == 1 and exit_code(result, "weak") == 1
    assert exit_code(result, "never") == 0
    assert not list(out.rglob("*.tmp"))


def test_batch_nothing_readable_exits_2(tmp_path: Path, model_folder: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "old.doc").write_bytes(OLE2)
    result = run_batch(sorted(tmp_path.glob("*.*")), _options(tmp_path / "out", model_folder))
    assert [exit_code(result, level) for level in ("missing", "weak", "never")] == [2, 2, 2]


def test_batch_gate_levels_follow_the_playbook(tmp_path: Path, model_folder: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_NDA, encoding="utf-8")
    lenient, strict = tmp_path / "lenient.toml", tmp_path / "strict.toml"
    lenient.write_text(LENIENT_PLAYBOOK, encoding="utf-8")
    strict.write_text(STRICT_SURVIVAL_PLAYBOOK, encoding="utf-8")
    files = [tmp_path / "good.txt"]
    passing = run_batch(files, _options(tmp_path / "o1", model_folder, profile=str(lenient)))
    assert [exit_code(passing, level) for level in ("missing", "weak", "never")] == [0, 0, 0]
    weak = run_batch(files, _options(tmp_path / "o2", model_folder, profile=str(strict)))
    assert weak.records[0].gate.weak == ("post_termination",)
    assert [exit_code(weak, level) for level in ("missing", "weak", "never")] == [0, 1, 0]


def test_batch_resume_after_interrupt_skips_finished_and_matches_full_run(
    tmp_path: Path, model_folder: Path
) -> None:
    make_mixed_batch(tmp_path / "in")
    inputs = discover([str(tmp_path / "in")]).files
    full = tmp_path / "full"
    write_summaries(full, run_batch(inputs, _options(full, model_folder)).records)

    out = tmp_path / "resumed"
    seen: list[str] = []

    def stop_after_three(done: int, total: int, record: BatchRecord, skipped: bool) -> None:
        seen.append(record.stem)
        if len(seen) == 3:
            raise KeyboardInterrupt  # as if Ctrl-C came right after the third document

    first = run_batch(inputs, _options(out, model_folder), on_record=stop_after_three)
    # The three announced, and the one sent ahead to the worker if it finished before the worker was
    # stopped: saved without being announced (a rerun need not redo it).
    assert first.interrupted and len(seen) == 3 and first.processed in (3, 4)
    saved = [r for r in first.records if r is not None]
    assert len(saved) == first.processed and set(seen) <= {r.stem for r in saved}
    finished = [r.stem for r in saved if not r.failed]
    mtimes = {f"{stem}.json": (out / f"{stem}.json").stat().st_mtime_ns for stem in finished}

    second = run_batch(inputs, _options(out, model_folder))
    assert not second.interrupted
    assert second.skipped == len(finished)
    assert second.processed == len(inputs) - len(finished)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.json") if p.name in mtimes} == mtimes
    write_summaries(out, second.records)
    assert (out / "summary.csv").read_bytes() == (full / "summary.csv").read_bytes()
    assert not list(out.rglob("*.tmp"))


def test_batch_rerun_redoes_changed_files_and_all_with_force(tmp_path: Path, model_folder: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_NDA, encoding="utf-8")
    (tmp_path / "b.txt").write_text(THIN_NDA, encoding="utf-8")
    files = sorted(tmp_path.glob("*.txt"))
    out = tmp_path / "out"
    run_batch(files, _options(out, model_folder))
    (tmp_path / "b.txt").write_text(THIN_NDA + "\n4. Notices. In writing.\n", encoding="utf-8")
    rerun = run_batch(files, _options(out, model_folder))
    assert (rerun.skipped, rerun.processed) == (1, 1)
    (out / "a_txt.json").unlink()  # a missing report means the document is not finished
    assert run_batch(files, _options(out, model_folder)).processed == 1
    assert run_batch(files, _options(out, model_folder, formats=("json", "html"))).processed == 2
    forced = run_batch(files, _options(out, model_folder, force=True))
    assert (forced.skipped, forced.processed) == (0, 2)
    assert len(list((out / STATE_DIR).glob("*.json"))) == 2


def test_batch_rerun_redoes_a_document_whose_report_was_cut_short(tmp_path: Path, model_folder: Path) -> None:
    # Reports are not fsynced: after a power failure a renamed report can be empty or short
    # while its state file survived. The size in the state must catch that.
    (tmp_path / "a.txt").write_text(GOOD_NDA, encoding="utf-8")
    (tmp_path / "b.txt").write_text(THIN_NDA, encoding="utf-8")
    files = sorted(tmp_path.glob("*.txt"))
    out = tmp_path / "out"
    run_batch(files, _options(out, model_folder, formats=("json", "md")))
    complete = (out / "a_txt.md").read_bytes()
    (out / "a_txt.md").write_bytes(complete[: len(complete) // 2])
    (out / "b_txt.json").write_bytes(b"")
    rerun = run_batch(files, _options(out, model_folder, formats=("json", "md")))
    assert (rerun.skipped, rerun.processed) == (0, 2)
    assert (out / "a_txt.md").read_bytes() == complete
    assert run_batch(files, _options(out, model_folder, formats=("json", "md"))).skipped == 2


def test_batch_per_contract_csv_and_xlsx_list_every_element(tmp_path: Path, model_folder: Path) -> None:
    from openpyxl import load_workbook

    from clauses.elements import element_ids

    (tmp_path / "a.txt").write_text(GOOD_NDA, encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch([tmp_path / "a.txt"], _options(out, model_folder, formats=("csv", "xlsx")))
    write_summaries(out, result.records)
    row = summary_rows(out)[0]
    assert (row["report_csv"], row["report_xlsx"]) == ("a_txt.elements.csv", "a_txt.elements.xlsx")
    with open(out / row["report_csv"], encoding="utf-8-sig", newline="") as stream:
        elements = list(csv.DictReader(stream))
    statuses = {e["element"]: e["status"] for e in elements}
    assert list(statuses) == list(element_ids())
    assert statuses == result.records[0].row.statuses
    sheet = load_workbook(out / row["report_xlsx"]).active
    assert [cell.value for cell in sheet["A"]][1:] == list(element_ids())
    assert run_batch([tmp_path / "a.txt"], _options(out, model_folder, formats=("csv", "xlsx"))).skipped == 1


def test_batch_encrypted_pdf_is_retried_with_a_password(tmp_path: Path, model_folder: Path) -> None:
    locked = write_pdf(tmp_path / "locked.pdf", GOOD_NDA, password="s3cret")
    out = tmp_path / "out"
    assert run_batch([locked], _options(out, model_folder)).errors == 1
    result = run_batch([locked], _options(out, model_folder, password="s3cret"))
    assert result.errors == 0 and result.processed == 1


def test_batch_summary_csv_neutralises_formula_file_names(
    tmp_path: Path, model_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("=cmd.txt", "+x.txt", "@y.txt"):
        Path(name).write_text(GOOD_NDA, encoding="utf-8")
    Path("-z.txt").write_bytes(b"")
    files = discover(["=cmd.txt", "+x.txt", "@y.txt", "-z.txt"]).files
    result = run_batch(files, _options(Path("out"), model_folder))
    write_summaries(Path("out"), result.records)
    cells = {row["file"] for row in summary_rows(Path("out"))}
    assert cells == {"'=cmd.txt", "'+x.txt", "'@y.txt", "'-z.txt"}
    error = next(row["error"] for row in summary_rows(Path("out")) if row["file"] == "'-z.txt")
    assert error.startswith("'-z.txt: Empty")
    assert all(
        not p.name.startswith(("=", "+", "@", "-", ".")) for p in Path("out").iterdir() if p.name != STATE_DIR
    )


def test_batch_jobs_1_and_2_give_identical_summaries(tmp_path: Path, model_folder: Path) -> None:
    make_mixed_batch(tmp_path / "in")
    for index in range(4):
        (tmp_path / "in" / f"extra{index}.txt").write_text(
            GOOD_NDA if index % 2 else THIN_NDA, encoding="utf-8"
        )
    inputs = discover([str(tmp_path / "in")]).files
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        result = run_batch(inputs, _options(out, model_folder, jobs=jobs, formats=("json",)))
        write_summaries(out, result.records)
        outputs[jobs] = out
        assert [r.stem for r in result.records] == output_stems(inputs)
    assert (outputs[1] / "summary.csv").read_bytes() == (outputs[2] / "summary.csv").read_bytes()
    for report in outputs[1].glob("*.json"):
        assert report.read_bytes() == (outputs[2] / report.name).read_bytes()
    assert os.listdir(outputs[1] / STATE_DIR)
    assert sorted(os.listdir(outputs[1])) == sorted(os.listdir(outputs[2]))


def test_batch_internal_error_in_one_document_is_counted_not_fatal(
    tmp_path: Path, model_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import clauses.pipeline

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD_NDA, encoding="utf-8")
    real = clauses.pipeline.analyze_document

    def defect_on_b(document, *args, **kwargs):
        if document.path.endswith("b.txt"):
            raise RuntimeError("boom\nwith a second line")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(clauses.pipeline, "analyze_document", defect_on_b)
    result = run_batch(sorted(tmp_path.glob("*.txt")), _options(tmp_path / "out", model_folder))
    errors = [r.row.error for r in result.records if r.failed]
    assert errors == [
        f"{tmp_path / 'b.txt'}: InternalError: RuntimeError: boom with a second line "
        "(a defect in clauses; please report it)"
    ]
    assert result.processed == 3 and exit_code(result, "missing") == 1


def test_batch_rerun_from_another_folder_still_skips(
    tmp_path: Path, model_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD_NDA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run_batch([Path("in/a.txt")], _options(tmp_path / "out", model_folder))
    monkeypatch.chdir(tmp_path / "in")
    again = run_batch([Path("a.txt")], _options(tmp_path / "out", model_folder))
    assert (again.skipped, again.records[0].row.file) == (1, "a.txt")
