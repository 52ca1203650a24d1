"""Where in the Word body a suggestion goes, found by position, never by re-finding text.

The parser records for every clause the indices of the ``w:p`` elements of the
main part it was made of (``Clause.source``, in ``body.iter(w:p)`` order). The
redline opens the very file that was parsed (its sha256 is checked first), so
those indices name exactly the paragraphs the evidence came from; searching for
the clause's text again picked wrong paragraphs whenever a phrase repeated.

Placement rules (issue 13): next to the clause a fix repairs, else at the end
of the confidentiality section (both chosen by the suggest stage as
``insert_after``), else before the final signature block, else at the end of
the body; never inside a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from clauses.datamodel import Clause, Document, Suggestion
from clauses.report.redline.wml import accepted_text, in_table, outermost_block, w
from clauses.segment.labels import SIGNATURE_LINE

_TOKEN = re.compile(r"[0-9]+|[A-Za-z]+")


@dataclass(frozen=True)
class Slot:
    """Where a new paragraph goes: after or before a body-level element, formatted like ``model``."""

    element: etree._Element
    after: bool
    model: etree._Element | None  # the paragraph whose properties the new one copies
    automatic: bool  # the model is numbered by Word: copy its numbering instead of typing a number
    # A new top-level section where Word numbers headings apart from their text: the title
    # goes in a paragraph like ``model`` (the last section heading) and the wording in one
    # like ``body_model`` (that section's first numbered clause), as the document does it.
    body_model: etree._Element | None = None


class Body:
    """The main part's paragraphs by position, and the clauses that point at them."""

    def __init__(self, body: etree._Element, document: Document) -> None:
        self.body = body
        self.paragraphs = list(body.iter(w("p")))
        self.document = document
        self.clauses = {c.id: c for c in document.clauses}
        self.order = {c.id: i for i, c in enumerate(document.clauses)}

    def paragraphs_of(self, clause: Clause) -> list[etree._Element]:
        """The paragraphs a clause was made of; empty when it carries no (valid) source.

        A table row is one clause whose source names the row's first paragraph; its
        words may sit in any cell ("Term of Confidentiality | [●] years"), so the
        row's paragraphs are all returned.
        """
        if not clause.source or max(clause.source) >= len(self.paragraphs) or min(clause.source) < 0:
            return []
        found = [self.paragraphs[i] for i in clause.source]
        row = next(found[0].iterancestors(w("tr")), None) if clause.in_table and len(found) == 1 else None
        return list(row.iter(w("p"))) if row is not None else found

    def last_paragraph(self, clause_id: str | None) -> etree._Element | None:
        clause = self.clauses.get(clause_id or "")
        found = self.paragraphs_of(clause) if clause is not None else []
        return found[-1] if found else None

    def slot(self, suggestion: Suggestion) -> Slot:
        """Where to put the suggestion's new paragraph, and which paragraph it imitates."""
        anchor = self.last_paragraph(suggestion.insert_after)
        if anchor is not None and not in_table(anchor):
            model, automatic = self._model(suggestion)
            return Slot(outermost_block(anchor), True, model if model is not None else anchor, automatic)
        return self._before_signature(suggestion)

    def _model(self, suggestion: Suggestion) -> tuple[etree._Element | None, bool]:
        """The sibling the new clause follows ("7.4" for a new "7.5"), and whether Word numbers it."""
        if not suggestion.number or suggestion.insert_after not in self.order:
            return None, False
        shape = _shape(suggestion.number)
        for index in range(self.order[suggestion.insert_after], -1, -1):
            clause = self.document.clauses[index]
            if clause.in_table or not clause.number or _shape(clause.number) != shape:
                continue
            found = self.paragraphs_of(clause)
            if not found:
                return None, False
            first = found[0]
            typed = " ".join(accepted_text(first).split()).startswith(clause.number.strip())
            return first, not typed
        return None, False

    def _before_signature(self, suggestion: Suggestion) -> Slot:
        """Before the final signature block (after the last clause with a number), else at the end."""
        heading, body = self._top_level_models(suggestion.number)
        slot = self._signature_slot()
        if heading is None:
            return slot
        return Slot(slot.element, slot.after, heading, True, body)

    def _top_level_models(self, number: str) -> tuple[etree._Element | None, etree._Element | None]:
        """The last section heading Word numbers and, when it holds only a title, its first clause."""
        if not re.fullmatch(r"\d+\.?", number.strip()):
            return None, None
        clauses = self.document.clauses
        for index in range(len(clauses) - 1, -1, -1):
            clause = clauses[index]
            if clause.in_table or not re.fullmatch(r"\d+\.?", clause.number.strip()):
                continue
            found = self.paragraphs_of(clause)
            if not found or " ".join(accepted_text(found[0]).split()).startswith(clause.number.strip()):
                return None, None  # typed numbers: the new section types its number too
            top = clause.number.strip().rstrip(".")
            child = next(
                (c for c in clauses[index + 1 :] if c.number.startswith(f"{top}.") and self.paragraphs_of(c)),
                None,
            )
            title_only = child is not None and len(clause.text) - len(clause.number) < 80
            return found[0], self.paragraphs_of(child)[0] if title_only and child is not None else None
        return None, None

    def _signature_slot(self) -> Slot:
        numbered = [c for c in self.document.clauses if c.number and not c.in_table and c.source]
        floor = max((max(c.source) for c in numbered), default=-1)
        for index in range(floor + 1, len(self.paragraphs)):
            paragraph = self.paragraphs[index]
            if SIGNATURE_LINE.match(accepted_text(paragraph)):
                block = outermost_block(paragraph)
                return Slot(block, False, _previous_paragraph(block), False)
        last = next((p for p in reversed(self.paragraphs) if not in_table(p)), None)
        section = self.body.find(w("sectPr"))  # must stay the body's last child
        if section is not None:
            return Slot(section, False, last, False)
        return Slot(self.body[-1] if len(self.body) else self.body, True, last, False)


def _shape(number: str) -> str:
    """"7.4" -> "9.9", "7.2(b)" -> "9.9(a)": the pattern a sibling's number shares."""
    return _TOKEN.sub(lambda m: "9" if m.group().isdigit() else "a", number.strip().rstrip("."))


def _previous_paragraph(element: etree._Element) -> etree._Element | None:
    previous = element.getprevious()
    while previous is not None and previous.tag != w("p"):
        previous = previous.getprevious()
    return previous
