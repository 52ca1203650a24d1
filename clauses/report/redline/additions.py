"""For inputs that are not DOCX (PDF, text, HTML): a new DOCX listing the suggested changes.

There is no Word original to track changes against, so the reader gets each
gap with its reason, where it goes and the wording (for an edit, the clause as
it reads now and as it would read).
"""

from __future__ import annotations

import os
from pathlib import Path

from clauses.atomic import atomic_path
from clauses.datamodel import Analysis

AUTHOR = "clauses"


def write_additions_docx(
    analysis: Analysis, out_path: str | os.PathLike[str], *, author: str = AUTHOR
) -> None:
    """A new DOCX listing the suggested additions (for inputs that are not DOCX)."""
    import docx  # python-docx; only needed here

    title = analysis.document.title or Path(analysis.document.path).name
    out = docx.Document()
    out.core_properties.title = f"Suggested additions to {title}"[:250]
    out.core_properties.author = author
    out.add_heading(f"Suggested additions to {title}", level=1)
    out.add_paragraph(
        f"Profile: {analysis.profile}. Routing: {analysis.routing}, score {analysis.score}/100. "
        "Each entry below is a gap or weak element with wording to add to the contract."
    )
    gaps = [r for r in analysis.elements if r.suggestion is not None]
    if not gaps:
        out.add_paragraph("No additions are suggested.")
    for result in gaps:
        suggestion = result.suggestion
        assert suggestion is not None
        out.add_heading(f"{result.title} ({result.status})", level=2)
        out.add_paragraph(f"Why: {result.reason}")
        out.add_paragraph(f"Where: {suggestion.placement}")
        if suggestion.kind == "edit":
            out.add_paragraph(f"Now: {suggestion.before}")
            out.add_paragraph(f"Proposed: {suggestion.after}")
            continue
        number = f"{suggestion.number} " if suggestion.number else ""
        out.add_paragraph(number + suggestion.text)
    with atomic_path(out_path) as temp:
        out.save(str(temp))
