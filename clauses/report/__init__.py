"""Reports of an Analysis: JSON/CSV/XLSX, Markdown/HTML, the DOCX redline, batch summaries.

Every writer takes the Analysis and an output path and writes atomically
(``clauses.atomic``): a reader never sees a half-written report.

    structured  analysis_to_dict, write_json, write_csv, write_xlsx (schema.json describes the JSON)
    rendered    write_markdown, write_html
    redline     write_redline (tracked changes for DOCX; a list of additions otherwise)
    portfolio   write_summary_csv, write_summary_xlsx, write_index_html (batch runs)
"""

from __future__ import annotations

from clauses.report.portfolio import (
    PortfolioRow,
    row_from_analysis,
    row_from_error,
    write_index_html,
    write_summary_csv,
    write_summary_xlsx,
)
from clauses.report.redline import write_redline
from clauses.report.rendered import render_html, render_markdown, write_html, write_markdown
from clauses.report.structured import (
    SCHEMA_VERSION,
    analysis_to_dict,
    write_csv,
    write_json,
    write_xlsx,
)

__all__ = [
    "SCHEMA_VERSION",
    "PortfolioRow",
    "analysis_to_dict",
    "render_html",
    "render_markdown",
    "row_from_analysis",
    "row_from_error",
    "write_csv",
    "write_html",
    "write_index_html",
    "write_json",
    "write_markdown",
    "write_redline",
    "write_summary_csv",
    "write_summary_xlsx",
    "write_xlsx",
]
