"""Batch outputs: one summary row per contract, as CSV, XLSX and an index page.

A batch run keeps going when one file fails, so a row is either an analysed
contract or an error; both appear in every output. File names and contract
text are untrusted: spreadsheet cells are neutralised against formula
injection, control characters in names are shown as escapes (``visible``), and
the HTML page is autoescaped with links restricted to relative paths.

``PortfolioRow`` is the only shape a row has, from the batch worker through the
rerun state to these writers.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

import jinja2

from clauses import __version__
from clauses.atomic import atomic_path, write_text_atomic
from clauses.datamodel import Analysis
from clauses.report.formats import REPORT_KINDS
from clauses.report.rendered import PAGES_DIR, ROUTING_COLOURS
from clauses.report.structured import STATUS_FILLS, safe_cell, visible, write_csv_rows

__all__ = [
    "PortfolioRow",
    "row_from_analysis",
    "row_from_error",
    "write_summary_csv",
    "write_summary_xlsx",
    "write_index_html",
    "element_ids",
]

ROUTING_ORDER = {"RED": 0, "YELLOW": 1, "GREEN": 2}
STATUSES = ("present", "weak", "missing")


def element_ids() -> tuple[str, ...]:
    """Element ids in the order of elements.toml (the column order of every summary)."""
    from clauses.elements import element_ids as ids

    return ids()


@dataclass(frozen=True)
class PortfolioRow:
    """One contract of a batch: its verdict, or the one-line error that stopped it."""

    file: str
    doc_type: str = ""
    profile: str = ""
    routing: str = ""
    score: int | None = None
    statuses: Mapping[str, str] = field(default_factory=dict)  # element id -> status
    error: str = ""  # the contract could not be reviewed
    reports: Mapping[str, str] = field(default_factory=dict)  # kind -> path relative to output
    report_error: str = ""  # reviewed, but a report asked for could not be written (the others were)
    to_review: int | None = None  # verdicts flagged needs_review; None for rows from before it existed

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (the batch's rerun state)."""
        return {
            "file": self.file,
            "doc_type": self.doc_type,
            "profile": self.profile,
            "routing": self.routing,
            "score": self.score,
            "statuses": dict(self.statuses),
            "error": self.error,
            "reports": dict(self.reports),
            "report_error": self.report_error,
            "to_review": self.to_review,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PortfolioRow:
        """The row ``to_dict`` wrote; KeyError/TypeError/ValueError when it is not one."""
        score, to_review = data["score"], data.get("to_review")  # states before it have no count
        return cls(
            file=str(data["file"]),
            doc_type=str(data["doc_type"]),
            profile=str(data["profile"]),
            routing=str(data["routing"]),
            score=None if score is None else int(score),
            statuses={str(k): str(v) for k, v in dict(data["statuses"]).items()},
            error=str(data["error"]),
            reports={str(k): str(v) for k, v in dict(data["reports"]).items()},
            report_error=str(data["report_error"]),
            to_review=None if to_review is None else int(to_review),
        )


def row_from_analysis(
    analysis: Analysis, file: str, reports: Mapping[str, str] | None = None, doc_type: str = ""
) -> PortfolioRow:
    """The summary row of one analysed contract."""
    return PortfolioRow(
        file=file,
        doc_type=doc_type or analysis.profile,
        profile=analysis.profile,
        routing=analysis.routing,
        score=analysis.score,
        statuses={e.element: e.status for e in analysis.elements},
        reports=dict(reports or {}),
        to_review=sum(1 for e in analysis.elements if e.needs_review),
    )


def row_from_error(file: str, error: str) -> PortfolioRow:
    """The summary row of a contract that could not be analysed."""
    return PortfolioRow(file=file, error=" ".join(str(error).split()))


def _columns() -> list[str]:
    return [
        "file",
        "type",
        "profile",
        "routing",
        "score",
        *element_ids(),
        "to_review",
        "error",
        "report_error",
        *(f"report_{kind}" for kind in REPORT_KINDS),
    ]


def _flat(row: PortfolioRow) -> dict[str, object]:
    flat: dict[str, object] = {
        "file": visible(row.file),
        "type": row.doc_type,
        "profile": row.profile,
        "routing": row.routing if not row.error else "ERROR",
        "score": "" if row.score is None else row.score,
        "to_review": "" if row.to_review is None else row.to_review,
        "error": visible(row.error),
        "report_error": visible(row.report_error),
    }
    flat.update({element: row.statuses.get(element, "") for element in element_ids()})
    flat.update({f"report_{kind}": row.reports.get(kind, "") for kind in REPORT_KINDS})
    return flat


def _sorted(rows: Iterable[PortfolioRow]) -> list[PortfolioRow]:
    """Riskiest first: RED, YELLOW, GREEN, then errors; lowest score first within each.

    Names and errors come out ``visible`` (no control characters, valid UTF-8)
    for every writer, the HTML page included.
    """
    items = [
        replace(r, file=visible(r.file), error=visible(r.error), report_error=visible(r.report_error))
        for r in rows
    ]
    return sorted(
        items,
        key=lambda r: (
            3 if r.error else ROUTING_ORDER.get(r.routing, 3),
            r.score if r.score is not None else 101,
            r.file,
        ),
    )


def write_summary_csv(rows: Iterable[PortfolioRow], path: str | os.PathLike[str]) -> None:
    """The batch summary as CSV, one row per contract, riskiest first."""
    write_csv_rows((_flat(r) for r in _sorted(rows)), _columns(), path)


def write_summary_xlsx(
    rows: Iterable[PortfolioRow], path: str | os.PathLike[str]
) -> None:
    """The batch summary as XLSX: frozen header, autofilter, statuses in colour."""
    from openpyxl import Workbook  # heavy; imported only when a workbook is asked for
    from openpyxl.styles import Font, PatternFill

    columns = _columns()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Contracts"
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fills = {status: PatternFill("solid", fgColor=colour) for status, colour in STATUS_FILLS.items()}
    routing_fills = {
        "RED": fills["missing"],
        "YELLOW": fills["weak"],
        "GREEN": fills["present"],
        "ERROR": fills["error"],
    }
    status_columns = set(element_ids())
    for number, row in enumerate(_sorted(rows), start=2):
        flat = _flat(row)
        sheet.append([safe_cell(flat[c]) for c in columns])
        # Cells by address: sheet[number] or sheet.max_row would scan every cell, per row.
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=number, column=index)
            if row.error and column not in ("file", "error"):
                cell.fill = fills["error"]
            elif column in status_columns and flat[column] in fills:
                cell.fill = fills[str(flat[column])]
            elif column == "routing" and flat[column] in routing_fills:
                cell.fill = routing_fills[str(flat[column])]
    widths = {"file": 40, "type": 14, "profile": 12, "routing": 10, "score": 8, "to_review": 10, "error": 50}
    for index, column in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(
            column, 28 if column.startswith("report_") else max(10, len(column) + 2)
        )
    sheet.freeze_panes = "B2"  # header row and file column stay in view
    sheet.auto_filter.ref = sheet.dimensions
    with atomic_path(path) as temp:
        workbook.save(str(temp))


def _safe_href(path: str) -> str:
    """A relative link or "": no schemes (javascript:, http:), no absolute paths."""
    value = path.replace("\\", "/").strip()
    if not value or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value) or value.startswith(("/", "//")):
        return ""
    return "/".join(_quote_segment(part) for part in value.split("/"))


def _quote_segment(part: str) -> str:
    from urllib.parse import quote

    return quote(part, safe="-._~()")


def index_view(rows: Sequence[PortfolioRow]) -> dict[str, Any]:
    """What the index page shows: rows by risk and per-element status counts."""
    ids = element_ids()
    analysed = [r for r in rows if not r.error]
    heat = []
    for element in ids:
        counts = {s: sum(1 for r in analysed if r.statuses.get(element) == s) for s in STATUSES}
        total = sum(counts.values()) or 1
        heat.append({"id": element, "counts": counts, "share": {s: counts[s] / total for s in STATUSES}})
    routing_counts = {k: sum(1 for r in analysed if r.routing == k) for k in ROUTING_ORDER}
    return {
        "rows": [{"row": r, "href": _safe_href(r.reports.get("html", ""))} for r in rows],
        "ids": ids,
        "heat": heat,
        "routing_counts": routing_counts,
        "errors": sum(1 for r in rows if r.error),
        "to_review": sum(r.to_review or 0 for r in rows if not r.error),
        "total": len(rows),
        "routing_colours": ROUTING_COLOURS,
        "version": __version__,
        "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PAGES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["heat"] = _heat_colour
    return env


def _heat_colour(share: float, status: str) -> str:
    """Background for a heat-map cell: stronger colour for a larger share of contracts."""
    base = {"present": (30, 123, 52), "weak": (183, 121, 31), "missing": (180, 35, 24)}[status]
    alpha = 0.08 + 0.72 * max(0.0, min(1.0, share))
    return f"rgba({base[0]}, {base[1]}, {base[2]}, {alpha:.2f})"


def render_index_html(rows: Iterable[PortfolioRow]) -> str:
    """The portfolio dashboard as text."""
    return _environment().get_template("index.html.j2").render(index_view(_sorted(rows)))


def write_index_html(rows: Iterable[PortfolioRow], path: str | os.PathLike[str]) -> None:
    """Write the self-contained portfolio dashboard (no scripts, no external assets)."""
    write_text_atomic(path, render_index_html(rows))
