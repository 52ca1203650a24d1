"""The portfolio's issue list: one row per contract and gap, to work through in a spreadsheet.

summary.csv says which contracts need attention; the issue list says what to do
about each: the element, status and reason, the section and quote it concerns,
the suggested wording, whether it is an edit in place or a new clause, and a
link to the redline. Paths are relative to the output folder, so the folder can
be moved or zipped. Cells are neutralised against formula injection: in CSV with
a leading apostrophe, in XLSX by storing the cell as text with Excel's hidden
quote prefix, so no apostrophe shows.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from clauses.atomic import atomic_path
from clauses.datamodel import MISSING, WEAK, Analysis
from clauses.report.structured import STATUS_FILLS, cell_text, quote, write_csv_rows

__all__ = ["ISSUE_COLUMNS", "issue_rows", "write_issues_csv", "write_issues_xlsx"]

ISSUE_COLUMNS = (
    "file",
    "element",
    "title",
    "status",
    "requirement",
    "severity",
    "reason",
    "section",
    "quote",
    "kind",
    "placement",
    "suggested_wording",
    "redline",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def issue_rows(analysis: Analysis, file: str, redline: str = "") -> list[dict[str, str]]:
    """One row per weak or missing element the profile does not leave optional."""
    rows = []
    for result in analysis.elements:
        if result.status not in (WEAK, MISSING) or result.requirement == "optional":
            continue
        best = result.evidence[0] if result.evidence and result.status == WEAK else None
        suggestion = result.suggestion
        wording = ""
        if suggestion is not None:
            wording = suggestion.after if suggestion.kind == "edit" else suggestion.text
            if suggestion.kind == "insert" and suggestion.number:
                wording = f"{suggestion.number} {wording}"
        rows.append(
            {
                "file": file,
                "element": result.element,
                "title": result.title,
                "status": str(result.status),
                "requirement": str(result.requirement),
                "severity": str(result.severity),
                "reason": result.reason,
                "section": best.number if best else "",
                "quote": quote(analysis.document.text, best.start, best.end)[0] if best else "",
                "kind": suggestion.kind if suggestion else "",
                "placement": suggestion.placement if suggestion else "",
                "suggested_wording": wording,
                "redline": redline,
            }
        )
    return rows


def write_issues_csv(rows: Iterable[Mapping[str, Any]], path: str | os.PathLike[str]) -> None:
    write_csv_rows([dict(r) for r in rows], ISSUE_COLUMNS, path)


def write_issues_xlsx(rows: Iterable[Mapping[str, Any]], path: str | os.PathLike[str]) -> None:
    """The issue list as XLSX: landscape, fit to width, wrapped text, a link to each redline."""
    from openpyxl import Workbook  # heavy; imported only when a workbook is asked for
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Issues"
    sheet.append(list(ISSUE_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrapped = {"reason", "quote", "suggested_wording", "placement"}
    # One style object of each kind for every cell that takes it: building them per cell (their
    # descriptors validate every field) took most of the time of writing a large batch's list.
    wrap = Alignment(wrap_text=True, vertical="top")
    fills = {status: PatternFill("solid", fgColor=colour) for status, colour in STATUS_FILLS.items()}
    link = Font(color="0563C1", underline="single")
    for number, row in enumerate(rows, start=2):
        for index, column in enumerate(ISSUE_COLUMNS, start=1):
            value = cell_text(str(row.get(column, "") or ""))  # no character XLSX refuses
            cell = sheet.cell(row=number, column=index)
            cell.value = value
            if value.startswith(_FORMULA_STARTS):
                cell.data_type = "s"  # text, never a formula, with the prefix Excel keeps hidden
                cell.quotePrefix = True
            if column in wrapped:
                cell.alignment = wrap
            if column == "status" and value in fills:
                cell.fill = fills[value]
            if column == "redline" and value and not value.startswith(_FORMULA_STARTS):
                cell.hyperlink = value  # relative to the workbook: the folder can move
                cell.font = link
    widths = {"file": 30, "title": 24, "reason": 45, "quote": 50, "placement": 28, "suggested_wording": 70}
    for index, column in enumerate(ISSUE_COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = widths.get(column, 12)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    with atomic_path(path) as temp:
        workbook.save(str(temp))
