"""Reports for people: Markdown and a self-contained HTML page.

Both render from the same view (:func:`report_view`) through Jinja2 page
templates beside this module. Contract text is hostile input: the HTML
environment autoescapes everything, and Markdown output escapes what a Markdown
viewer would otherwise interpret (table pipes, raw HTML, emphasis). The HTML page
needs no scripts and fetches nothing, so it opens offline and prints cleanly.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

import jinja2

from clauses import __version__
from clauses.atomic import write_text_atomic
from clauses.datamodel import Analysis
from clauses.report.changes import redline_changes
from clauses.report.structured import analysis_to_dict
from clauses.segment.labels import cited, described, provision_of

__all__ = [
    "report_view",
    "render_markdown",
    "render_html",
    "write_markdown",
    "write_html",
    "md_escape",
    "md_cell",
]

PAGES_DIR = Path(__file__).resolve().parent
ROUTING_COLOURS = {"GREEN": "#1e7b34", "YELLOW": "#b7791f", "RED": "#b42318"}
STATUS_ORDER = {"missing": 0, "weak": 1, "present": 2}
REQUIREMENT_ORDER = {"required": 0, "recommended": 1, "optional": 2}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")


def md_escape(text: object) -> str:
    """Escape text for Markdown prose: no emphasis, links, tables or raw HTML.

    ``<`` and ``&`` become entities so a viewer that renders inline HTML shows
    ``<script>`` as text instead of running it.
    """
    value = "" if text is None else str(text)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", value)


def md_cell(text: object) -> str:
    """Escape text for one Markdown table cell: pipes escaped, line breaks flattened."""
    return " ".join(md_escape(text).split())


def md_quote(text: object) -> str:
    """A Markdown block quote of ``text``; each line prefixed so newlines cannot end it."""
    lines = md_escape(text).splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _where(evidence: dict[str, Any], provision: str) -> str:
    """An evidence clause as the reader finds it: "Clause 5.1", else 'the clause "We will notify ..."'."""
    return described(evidence["section"], evidence["quote"], provision)


def _percent(value: float | None) -> str:
    return "" if value is None else f"{round(value * 100)}%"


def report_view(analysis: Analysis) -> dict[str, Any]:
    """Everything the page templates show, as plain data (the JSON report plus sorting)."""
    data = analysis_to_dict(analysis)
    elements = data["elements"]
    gaps = [e for e in elements if e["status"] != "present" and e["requirement"] != "optional"]
    gaps.sort(key=lambda e: (REQUIREMENT_ORDER.get(e["requirement"], 3), STATUS_ORDER.get(e["status"], 3)))
    counts = {
        status: sum(1 for e in elements if e["status"] == status) for status in ("present", "weak", "missing")
    }
    return {
        **data,
        "gaps": gaps,
        "counts": counts,
        "to_review": sum(1 for e in elements if e.get("needs_review")),
        "changes": redline_changes(analysis),
        "routing_colour": ROUTING_COLOURS.get(data["routing"], "#555555"),
        "version": __version__,
        "provision": provision_of(analysis.document),
    }


@functools.lru_cache(maxsize=2)
def _environment(html: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PAGES_DIR)),
        autoescape=html,  # HTML: every {{ }} is escaped; Markdown uses md_* filters explicitly
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=md_escape, md_cell=md_cell, md_quote=md_quote, percent=_percent, cited=cited, where=_where
    )
    return env


def render_markdown(analysis: Analysis) -> str:
    """The Markdown report as text."""
    return _environment(False).get_template("report.md.j2").render(report_view(analysis))


def render_html(analysis: Analysis) -> str:
    """The self-contained HTML report as text."""
    return _environment(True).get_template("report.html.j2").render(report_view(analysis))


def write_markdown(analysis: Analysis, path: str | os.PathLike[str]) -> None:
    """Write the Markdown report atomically."""
    write_text_atomic(path, render_markdown(analysis))


def write_html(analysis: Analysis, path: str | os.PathLike[str]) -> None:
    """Write the HTML report atomically."""
    write_text_atomic(path, render_html(analysis))
