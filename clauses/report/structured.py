"""Machine-readable reports: JSON (versioned, with a JSON Schema), CSV and XLSX.

The JSON is the contract other tools build on, so its shape is fixed by
``schema.json`` and carries ``schema_version``; add fields freely, bump the
major version only when a field changes meaning or disappears. It never holds
the full contract text: only the quoted evidence a reviewer needs.

CSV and XLSX cells are neutralised against formula injection, because contract
text and file names are untrusted and spreadsheets execute ``=...`` cells.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Iterable, Sequence
from json.encoder import encode_basestring
from typing import Any

from clauses import __version__
from clauses.atomic import atomic_path, write_text_atomic
from clauses.datamodel import Analysis, ElementResult, Evidence, Quantity

__all__ = [
    "SCHEMA_VERSION",
    "QUOTE_LIMIT",
    "analysis_to_dict",
    "to_json",
    "write_json",
    "element_rows",
    "write_csv",
    "write_xlsx",
    "cell_text",
    "safe_cell",
    "visible",
    "write_csv_rows",
]

# 1.1: evidence binds/protects/blanks, side, blanks; 1.2: suggestion kind, target, before, after;
# 1.3: needs_review per element; 1.4: document.ocr_pages
SCHEMA_VERSION = "1.4"
QUOTE_LIMIT = 600  # characters of clause text quoted per piece of evidence
ELEMENT_COLUMNS = (
    "element",
    "title",
    "requirement",
    "severity",
    "status",
    "confidence",
    "reason",
    "section",
    "page",
    "quote",
    "suggested_section",
    "placement",
    "suggestion",
    "needs_review",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters an XLSX cell cannot hold (XML 1.0), and lone surrogates (no UTF-8 at all).
_CELL_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
# Besides those: line breaks, DEL, C1 controls (ESC-like in a terminal) and bidi overrides,
# which make a name print as something else.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` (a file name) with every control, bidi and undecodable character as a ``\\x..`` escape.

    Names are data: a newline must not split a log line, an escape sequence must
    not reach a terminal, and a name that is not UTF-8 must still be written.
    """
    return _INVISIBLE.sub(_escape, text)


def _cell_text(match: re.Match[str]) -> str:
    # Vertical tab and form feed are line and page breaks of the extracted text.
    return " " if match.group() in "\x0b\x0c" else _escape(match)


def _finite(value: float | None) -> float | None:
    """JSON has no infinity or NaN; a non-finite score becomes null."""
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), 4)


def _quantity(quantity: Quantity) -> dict[str, Any]:
    # Infinity (perpetual survival) is written as value null with perpetual true,
    # so the file stays strict JSON; null with perpetual false means "no limit stated".
    perpetual = quantity.value is not None and math.isinf(quantity.value)
    return {
        "kind": quantity.kind,
        "value": None if perpetual else _finite(quantity.value),
        "perpetual": perpetual,
        "text": quantity.text,
    }


def quote(text: str, start: int, end: int, limit: int = QUOTE_LIMIT) -> tuple[str, bool]:
    """The clause text for ``[start, end)``, cut at a word boundary past ``limit``."""
    passage = text[start:end].strip()
    if len(passage) <= limit:
        return passage, False
    cut = passage[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + " …", True


def _evidence(evidence: Evidence, text: str) -> dict[str, Any]:
    quoted, truncated = quote(text, evidence.start, evidence.end)
    return {
        "clause_id": evidence.clause_id,
        "section": evidence.number,
        "heading": evidence.heading,
        "page": evidence.page,
        "start": evidence.start,
        "end": evidence.end,
        "quote": quoted,
        "quote_truncated": truncated,
        "score": _finite(evidence.score),
        "rule_score": _finite(evidence.rule_score),
        "model_score": _finite(evidence.model_score),
        "cues": list(dict.fromkeys(cue.name for cue in evidence.cues)),
        "quantities": [_quantity(q) for q in evidence.quantities],
        "weak_signals": list(evidence.weak_signals),
        "binds": list(evidence.binds),
        "protects": list(evidence.protects),
        "blanks": list(evidence.blanks),
    }


def _element(result: ElementResult, text: str) -> dict[str, Any]:
    suggestion = result.suggestion
    return {
        "id": result.element,
        "title": result.title,
        "requirement": result.requirement,
        "severity": result.severity,
        "status": result.status,
        "confidence": _finite(result.confidence),
        "needs_review": result.needs_review,
        "reason": result.reason,
        "evidence": [_evidence(e, text) for e in result.evidence],
        "suggestion": None
        if suggestion is None
        else {
            "text": suggestion.text,
            "section_number": suggestion.number,
            "insert_after": suggestion.insert_after,
            "placement": suggestion.placement,
            "kind": suggestion.kind,
            "target": suggestion.target,
            "before": suggestion.before,
            "after": suggestion.after,
        },
    }


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The JSON report as plain data, in the shape ``schema.json`` describes."""
    document = analysis.document
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "clauses", "version": __version__},
        "document": {
            "path": visible(document.path),
            "format": document.format,
            "sha256": document.sha256,
            "pages": document.pages,
            "title": document.title,
            "parties": list(document.parties),
            "defined_terms": list(document.defined_terms),
            "ocr_pages": [{"page": mark.page, "confidence": mark.confidence} for mark in document.ocr],
        },
        "profile": analysis.profile,
        "profile_reason": analysis.profile_reason,
        "routing": analysis.routing,
        "score": analysis.score,
        "model_version": analysis.model_version,
        "warnings": list(analysis.warnings),
        "side": {"side": analysis.side, "parties": list(analysis.side_parties)},
        "blanks": [
            {"clause_id": b.clause_id, "section": b.number, "kind": b.kind, "text": b.text}
            for b in analysis.blanks
        ],
        "elements": [_element(result, document.text) for result in analysis.elements],
    }


def to_json(analysis: Analysis) -> str:
    """The JSON report as text; ``allow_nan=False`` guarantees strict JSON."""
    return dumps(analysis_to_dict(analysis))


class _Unusual(Exception):
    """A value the fast writer leaves to json.dumps."""


def _write(value: Any, level: int, out: list[str]) -> None:
    if isinstance(value, str):  # str enums too (Status, Routing): json.dumps writes their value so
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif type(value) is int:
        out.append(int.__repr__(value))
    elif type(value) is float and math.isfinite(value):
        out.append(float.__repr__(value))
    elif type(value) is dict or type(value) is list:
        is_dict = type(value) is dict
        if not value:
            out.append("{}" if is_dict else "[]")
            return
        inner = "\n" + "  " * (level + 1)
        items = value.items() if is_dict else ((None, item) for item in value)
        out.append("{" if is_dict else "[")
        separator = inner
        for key, item in items:
            out.append(separator)
            separator = "," + inner
            if is_dict:
                if type(key) is not str:
                    raise _Unusual
                out.append(encode_basestring(key))
                out.append(": ")
            _write(item, level + 1, out)
        out.append("\n" + "  " * level + ("}" if is_dict else "]"))
    else:
        raise _Unusual


def dumps(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)``, the same text, faster.

    With ``indent`` the standard library encodes in Python through generators
    (about 0.7 ms for a report); the reports hold only dicts with string keys,
    lists, strings (str enums among them), numbers, booleans and None, which this writes directly with
    the library's own string escaping and number reprs. Anything else (a tuple,
    a non-finite float, a subclass) goes to json.dumps, which also raises as it did.
    """
    out: list[str] = []
    try:
        _write(data, 0, out)
    except (_Unusual, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return "".join(out)


def write_json(analysis: Analysis, path: str | os.PathLike[str]) -> None:
    """Write the JSON report atomically."""
    write_text_atomic(path, to_json(analysis) + "\n")


# ------------------------------------------------------------------ spreadsheets


def cell_text(text: str) -> str:
    """``text`` without the characters an XLSX cell cannot hold (as ``safe_cell``, with no formula guard)."""
    return _CELL_ILLEGAL.sub(_cell_text, text)


def safe_cell(value: object) -> object:
    """A value a spreadsheet cell can hold and will not run as a formula (CSV/XLSX injection).

    Text starting with ``= + - @``, a tab or a carriage return gets a leading
    apostrophe; control characters XLSX refuses (a form feed in a contract, an
    escape in a file name) and undecodable name bytes become spaces or ``\\x..``
    escapes; numbers and None pass unchanged.
    """
    if not isinstance(value, str):
        return value
    value = cell_text(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def element_rows(analysis: Analysis) -> list[dict[str, object]]:
    """One flat row per element: the CSV/XLSX view of one contract."""
    rows: list[dict[str, object]] = []
    for result in analysis.elements:
        best = result.evidence[0] if result.evidence else None
        quoted = quote(analysis.document.text, best.start, best.end)[0] if best else ""
        suggestion = result.suggestion
        rows.append(
            {
                "element": result.element,
                "title": result.title,
                "requirement": result.requirement,
                "severity": result.severity,
                "status": result.status,
                "confidence": _finite(result.confidence),
                "needs_review": "yes" if result.needs_review else "",
                "reason": result.reason,
                "section": best.number if best else "",
                "page": best.page if best and best.page is not None else "",
                "quote": quoted,
                "suggested_section": suggestion.number if suggestion else "",
                "placement": suggestion.placement if suggestion else "",
                "suggestion": suggestion.text if suggestion else "",
            }
        )
    return rows


def write_csv_rows(
    rows: Iterable[dict[str, object]], columns: Sequence[str], path: str | os.PathLike[str]
) -> None:
    """Write dict rows as UTF-8 CSV (with BOM, so Excel reads the accents), cells neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(row.get(key, "")) for key in columns})
    write_text_atomic(path, "\ufeff" + buffer.getvalue())


def write_csv(analysis: Analysis, path: str | os.PathLike[str]) -> None:
    """One contract's elements as CSV."""
    write_csv_rows(element_rows(analysis), ELEMENT_COLUMNS, path)


STATUS_FILLS = {"present": "C6EFCE", "weak": "FFE699", "missing": "F4B6B6", "error": "D9D9D9"}


def write_xlsx(analysis: Analysis, path: str | os.PathLike[str]) -> None:
    """One contract's elements as an XLSX sheet with coloured statuses."""
    from openpyxl import Workbook  # heavy; imported only when a workbook is asked for
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Elements"
    sheet.append(list(ELEMENT_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    status_column = ELEMENT_COLUMNS.index("status") + 1
    for row in element_rows(analysis):
        sheet.append([safe_cell(row[key]) for key in ELEMENT_COLUMNS])
        status = str(row["status"])
        if status in STATUS_FILLS:
            sheet.cell(row=sheet.max_row, column=status_column).fill = PatternFill(
                "solid", fgColor=STATUS_FILLS[status]
            )
    widths = {"element": 22, "title": 28, "reason": 50, "quote": 70, "suggestion": 80, "placement": 36}
    for index, name in enumerate(ELEMENT_COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(name, 14)
        if name in ("reason", "quote", "suggestion"):
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    with atomic_path(path) as temp:
        workbook.save(str(temp))
