"""The redline change by change, for the Markdown and HTML reports.

A reviewer who sends the redline wants to know what it changes without opening
Word: each change's kind (an edit in place or a new clause), the section as the
original numbers it, and the words before and after. The list is read from the
very suggestions the redline writes (``Suggestion.edits``, ``before``/``after``,
``insert_after``), never worked out again, so the report and the redline cannot
disagree.
"""

from __future__ import annotations

from typing import Any

from clauses.datamodel import Analysis, Suggestion
from clauses.segment.labels import provision_of
from clauses.suggest.edits import apply_edits, clause_label, edited_clauses

__all__ = ["redline_changes"]


def _edits(analysis: Analysis, title: str, suggestion: Suggestion) -> list[dict[str, Any]]:
    document = analysis.document
    rows = []
    for clause, edits in edited_clauses(document, suggestion):
        if clause.id == suggestion.target:
            before, after = suggestion.before, suggestion.after
        else:  # another clause the same suggestion changes (a second short survival period)
            before, after = clause.text, apply_edits(clause.text, clause.start, edits)
        rows.append(
            {
                "kind": "edit",
                "element": suggestion.element,
                "title": title,
                "section": clause_label(clause, provision_of(document)),
                "order": clause.start,
                "before": before,
                "after": after,
                "words": [{"old": document.text[e.start : e.end], "new": e.text} for e in edits],
                "text": "",
                "number": "",
                "placement": suggestion.placement,
            }
        )
    return rows


def redline_changes(analysis: Analysis) -> list[dict[str, Any]]:
    """Every change the redline makes, in the order of the original: edits and inserts."""
    clauses = {c.id: c for c in analysis.document.clauses}
    end = len(analysis.document.text) + 1
    rows: list[dict[str, Any]] = []
    for result in analysis.elements:
        suggestion = result.suggestion
        if suggestion is None:
            continue
        if suggestion.kind == "edit":
            rows += _edits(analysis, result.title, suggestion)
            continue
        anchor = clauses.get(suggestion.insert_after or "")
        rows.append(
            {
                "kind": "insert",
                "element": suggestion.element,
                "title": result.title,
                "section": suggestion.placement,
                "order": anchor.end if anchor is not None else end,
                "before": "",
                "after": "",
                "words": [],
                "text": suggestion.text,
                "number": suggestion.number,
                "placement": suggestion.placement,
            }
        )
    rows.sort(key=lambda row: row["order"])  # stable: two inserts in one place keep their numbers' order
    return rows
