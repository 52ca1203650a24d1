"""A Word rendition of a contract read from PDF, text, Markdown or HTML, to carry the redline.

Procurement answers a vendor's PDF with a marked-up Word file; making the user
convert first loses the numbering and invites retyping. So the contract is
rebuilt as a DOCX from the clauses as parsed (one paragraph per clause, its
number typed as the parser read it, headings as headings), and the redline is
then written on that rendition exactly as on a Word original: weak clauses
edited in place, missing ones inserted, each a tracked change.
"""

from __future__ import annotations

import io
from dataclasses import replace

from clauses.datamodel import Analysis, Clause

_HEADING_CHARS = 80  # a clause this short that is its own heading is set as a heading


def _is_heading(clause: Clause) -> bool:
    text = " ".join(clause.text.split())
    heading = " ".join(clause.heading.split())
    return bool(heading) and len(text) <= _HEADING_CHARS and text.endswith(heading) and not clause.in_table


def rendition(analysis: Analysis, author: str) -> tuple[bytes, Analysis]:
    """The rendition's bytes, and the analysis re-pointed at it (clause i is paragraph i)."""
    import docx  # python-docx: only needed here

    document = analysis.document
    out = docx.Document()
    out.core_properties.author = author
    out.core_properties.title = (document.title or "Contract")[:250]
    body = out.element.body
    for paragraph in list(body.iterchildren()):
        if paragraph.tag.endswith("}p"):
            body.remove(paragraph)
    clauses = []
    for index, clause in enumerate(document.clauses):
        text = " ".join(clause.text.split())
        if index == 0 and document.title and text.casefold() == document.title.casefold():
            out.add_paragraph(text, style="Title")
        elif _is_heading(clause):
            out.add_paragraph(text, style="Heading 2" if clause.level else "Heading 1")
        else:
            out.add_paragraph(text)
        clauses.append(replace(clause, source=(index,)))
    buffer = io.BytesIO()
    out.save(buffer)
    rendered = replace(document, format="docx", clauses=tuple(clauses))
    return buffer.getvalue(), replace(analysis, document=rendered)
