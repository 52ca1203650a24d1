"""The portfolio issue list: one row per contract and gap, spreadsheet-safe, printable, linked."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook
from report_fixtures import build_analysis, document_from_docx, write_contract_docx

from clauses.datamodel import MISSING, WEAK
from clauses.report.issues import ISSUE_COLUMNS, issue_rows, write_issues_csv, write_issues_xlsx

FORMULA = "=HYPERLINK(\"http://example.invalid\")"


def _rows(tmp_path: Path) -> tuple[list[dict], object]:
    analysis = build_analysis(document_from_docx(write_contract_docx(tmp_path / "nda.docx")))
    first = next(r for r in analysis.elements if r.status == MISSING)
    elements = tuple(replace(r, reason=FORMULA) if r is first else r for r in analysis.elements)
    analysis = replace(analysis, elements=elements)
    return issue_rows(analysis, "contracts/nda.docx", "nda_docx.redline.docx"), analysis


def test_report_issues_one_row_per_gap(tmp_path: Path) -> None:
    rows, analysis = _rows(tmp_path)
    gaps = [r for r in analysis.elements if r.status in (WEAK, MISSING) and r.requirement != "optional"]
    assert [r["element"] for r in rows] == [g.element for g in gaps]
    survival = next(r for r in rows if r["element"] == "post_termination")
    assert survival["status"] == "weak" and survival["section"] == "2.3"
    assert "one (1) year" in survival["quote"]
    notice = next(r for r in rows if r["element"] == "breach_notice")
    assert notice["kind"] == "insert" and notice["suggested_wording"].startswith("2.")
    assert all(r["file"] == "contracts/nda.docx" and r["redline"] == "nda_docx.redline.docx" for r in rows)


def test_report_issues_csv_neutralised(tmp_path: Path) -> None:
    rows, _ = _rows(tmp_path)
    write_issues_csv(rows, tmp_path / "issues.csv")
    with (tmp_path / "issues.csv").open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.DictReader(handle))
    assert list(read[0]) == list(ISSUE_COLUMNS)
    assert any(r["reason"] == "'" + FORMULA for r in read)


def test_report_issues_xlsx_text_without_apostrophe_landscape_linked(tmp_path: Path) -> None:
    rows, _ = _rows(tmp_path)
    write_issues_xlsx(rows, tmp_path / "issues.xlsx")
    sheet = load_workbook(tmp_path / "issues.xlsx").active
    reason = ISSUE_COLUMNS.index("reason") + 1
    cells = [row[0] for row in sheet.iter_rows(min_row=2, min_col=reason, max_col=reason)]
    cell = next(c for c in cells if c.value == FORMULA)
    assert cell.data_type == "s" and cell.quotePrefix  # shown as text, no apostrophe in the value
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    link = sheet.cell(row=2, column=ISSUE_COLUMNS.index("redline") + 1).hyperlink
    assert link is not None and link.target == "nda_docx.redline.docx"
