"""clauses.report.portfolio: batch CSV/XLSX/index.html, safe against hostile names."""

from __future__ import annotations

import csv
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from report_fixtures import SCRIPT, build_analysis, document_from_docx, green_variant, write_contract_docx

from clauses.elements import element_ids
from clauses.report.portfolio import (
    PortfolioRow,
    render_index_html,
    row_from_analysis,
    row_from_error,
    write_index_html,
    write_summary_csv,
    write_summary_xlsx,
)


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[PortfolioRow]:
    path = write_contract_docx(tmp_path_factory.mktemp("portfolio") / "nda.docx")
    red = build_analysis(document_from_docx(path))
    return [
        row_from_analysis(green_variant(red), "b/green.docx", {"html": "b/green.html"}),
        row_from_error(f"=cmd|' /C calc'!A0 {SCRIPT}.pdf", "Scanned: PDF has no text\nlayer"),
        row_from_analysis(red, "a/red nda.docx", {"html": "a/red nda.html", "json": "a/red.json"}),
        PortfolioRow(
            file="+dict-row.docx",
            doc_type="vendor",
            profile="vendor",
            routing="YELLOW",
            score=70,
            statuses={"definition": "weak"},
            reports={"html": "javascript:alert(1)"},
        ),
    ]


def test_report_portfolio_csv_order_and_neutralized(rows: list, tmp_path: Path) -> None:
    out = tmp_path / "summary.csv"
    write_summary_csv(rows, out)
    with open(out, encoding="utf-8-sig", newline="") as stream:
        table = list(csv.DictReader(stream))
    assert [r["routing"] for r in table] == ["RED", "YELLOW", "GREEN", "ERROR"]
    assert table[1]["file"] == "'+dict-row.docx"
    assert table[3]["file"].startswith("'=cmd")
    assert table[3]["error"] == "Scanned: PDF has no text layer"
    assert table[0]["breach_notice"] == "missing" and table[2]["breach_notice"] == "present"
    assert table[0]["report_html"] == "a/red nda.html"
    for row in table:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_report_portfolio_xlsx(rows: list, tmp_path: Path) -> None:
    out = tmp_path / "summary.xlsx"
    write_summary_xlsx(rows, out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == sheet.dimensions
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["file", "type", "profile", "routing", "score"]
    assert header[5 : 5 + len(element_ids())] == list(element_ids())
    column = header.index("breach_notice") + 1
    assert sheet.cell(row=2, column=column).value == "missing"
    assert sheet.cell(row=2, column=column).fill.fgColor.rgb.endswith("F4B6B6")
    assert sheet.cell(row=4, column=column).fill.fgColor.rgb.endswith("C6EFCE")
    assert str(sheet.cell(row=5, column=1).value).startswith("'=")
    assert sheet.column_dimensions["A"].width == 40


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k in ("href", "src")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_report_portfolio_index_html(rows: list, tmp_path: Path) -> None:
    out = tmp_path / "index.html"
    write_index_html(rows, out)
    html = out.read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(html)
    assert "script" not in parser.tags
    assert parser.hrefs == ["a/red%20nda.html", "b/green.html"]  # javascript: link dropped
    text = "".join(parser.text)
    assert SCRIPT in text and "&lt;script&gt;" in html
    assert (
        text.index("a/red nda.docx")
        < text.index("+dict-row.docx")
        < text.index("b/green.docx")
        < text.index("Scanned")
    )


def test_report_portfolio_heat_map_counts(rows: list) -> None:
    html = render_index_html(rows)
    row = html[html.index("<code>breach_notice</code>") :]
    counts = [int(n) for n in __import__("re").findall(r">(\d+)</td>", row)[:3]]
    assert counts == [1, 0, 1]  # present in green, missing in red; the vendor row says nothing


def test_report_portfolio_to_review_count_in_every_summary(rows: list, tmp_path: Path) -> None:
    red = next(r for r in rows if isinstance(r, PortfolioRow) and r.file == "a/red nda.docx")
    assert red.to_review is not None and red.to_review >= 0
    flagged = PortfolioRow(file="x.docx", routing="GREEN", score=90, to_review=3)
    write_summary_csv([flagged, *rows], tmp_path / "s.csv")
    with open(tmp_path / "s.csv", encoding="utf-8-sig", newline="") as stream:
        by_file = {r["file"]: r for r in csv.DictReader(stream)}
    assert by_file["x.docx"]["to_review"] == "3"
    assert by_file["+dict-row.docx".replace("+", "'+")]["to_review"] == ""  # a row without the count
    write_summary_xlsx([flagged], tmp_path / "s.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    header = [c.value for c in sheet[1]]
    assert sheet.cell(row=2, column=header.index("to_review") + 1).value == 3
    html = render_index_html([flagged])
    assert "To review" in html and "<td>3</td>" in html and "verdicts to review" in html
