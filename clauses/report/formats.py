"""The one table of report formats: what ``--format`` accepts, each report's kind and file suffix.

The batch runner (which files to write and to clean up), the summaries (one
``report_<kind>`` column per kind, in this order) and the command line (what
``--format`` accepts) all read this table; each used to keep its own list.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["REPORT_FORMATS", "REPORT_KINDS", "ReportFormat", "write_report"]


@dataclass(frozen=True)
class ReportFormat:
    """One per-contract report: ``--format`` name, kind in the summaries, file-name suffix."""

    name: str
    kind: str
    suffix: str


REPORT_FORMATS: Mapping[str, ReportFormat] = MappingProxyType(
    {
        f.name: f
        for f in (
            ReportFormat("html", "html", ".html"),
            ReportFormat("json", "json", ".json"),
            ReportFormat("md", "markdown", ".md"),
            ReportFormat("docx", "redline", ".redline.docx"),
            ReportFormat("csv", "csv", ".elements.csv"),
            ReportFormat("xlsx", "xlsx", ".elements.xlsx"),
        )
    }
)
REPORT_KINDS = tuple(f.kind for f in REPORT_FORMATS.values())


def write_report(
    name: str, analysis, source: str, target: str | os.PathLike[str], **redline_options: str
) -> None:
    """Write the ``name`` report of ``analysis`` to ``target``; the redline also reads ``source``.

    ``redline_options`` (``author``, ``comments``) go to the redline writer only.
    """
    if name == "docx":
        from clauses.report.redline import write_redline

        write_redline(analysis, source, target, **redline_options)
        return
    from clauses.report import rendered, structured

    writers = {
        "json": structured.write_json,
        "csv": structured.write_csv,
        "xlsx": structured.write_xlsx,
        "md": rendered.write_markdown,
        "html": rendered.write_html,
    }
    writers[name](analysis, target)
