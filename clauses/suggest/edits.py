"""Edits in place for a weak clause: change the words that make it weak, nothing else.

A new "Notwithstanding ..." clause next to a weak one leaves the contract
contradicting itself once every change is accepted ("one (1) year" in 8.2, "two
(2) years" in 8.5). So a weak element whose evidence clause is in the document
is repaired inside that clause: the short period, the open-ended deadline or the
"reasonable efforts" is replaced, a residuals sentence is deleted, and where no
single phrase is to blame the repairing sentence is added at the clause's end.
Offsets are into ``Document.text``, so the redline can apply them to exactly the
paragraphs the clause came from.
"""

from __future__ import annotations

import math
import re

from clauses.datamodel import Clause, Document, Evidence, Suggestion, TextEdit, Vocabulary
from clauses.profiles import DEFAULT_THRESHOLDS
from clauses.suggest import count_words

_EFFORTS = re.compile(r"\b(?:commercially\s+)?reasonable\s+(?:efforts|endeavou?rs)\b", re.IGNORECASE)
_RESIDUALS = re.compile(r"\bresiduals?\b|\bunaided\s+memor|\bretained\s+in\s+(?:the\s+)?memor", re.IGNORECASE)
_ANY_LAWFUL = re.compile(r"\bany\s+lawful\s+purpose\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.;]*(?:[.;]|$)")
# A template opens with its title ("Notice of Unauthorized Disclosure. "): not wanted mid-clause.
_TEMPLATE_HEADING = re.compile(r"^[A-Z][^.]{0,60}?\.\s+(?=[A-Z])")


def _clause(document: Document, clause_id: str) -> Clause | None:
    return next((c for c in document.clauses if c.id == clause_id), None)


def _survival_edits(evidence: Evidence, minimum: float) -> list[TextEdit]:
    wanted = count_words(minimum, "year")
    return [
        TextEdit(q.start, q.end, wanted)
        for q in evidence.quantities
        if q.kind == "survival" and q.value is not None and not math.isinf(q.value) and q.value < minimum
    ]


def _notice_edits(evidence: Evidence, maximum: float) -> list[TextEdit]:
    wanted = f"without undue delay and in any event within {count_words(maximum, 'hour')}"
    return [
        TextEdit(q.start, q.end, wanted)
        for q in evidence.quantities
        if q.kind == "notice" and (q.value is None or q.value > maximum) and q.text.strip()
    ]


def _pattern_edits(clause: Clause, pattern: re.Pattern[str], replacement: str) -> list[TextEdit]:
    return [
        TextEdit(clause.start + m.start(), clause.start + m.end(), replacement)
        for m in pattern.finditer(clause.text)
    ]


def _residual_edits(clause: Clause) -> list[TextEdit]:
    """Delete each sentence of the clause that grants residuals (with the space before it)."""
    edits = []
    for match in _SENTENCE.finditer(clause.text):
        sentence = match.group()
        if not sentence.strip() or not _RESIDUALS.search(sentence):
            continue
        start, end = match.start(), match.end()
        stripped = len(sentence) - len(sentence.lstrip())
        if start + stripped == 0:
            continue  # the whole clause opens with it: not a sentence we can drop alone
        edits.append(TextEdit(clause.start + start, clause.start + end, ""))
    return edits


def _appended(clause: Clause, wording: str) -> list[TextEdit]:
    """The repairing sentence added at the clause's end (the template without its heading)."""
    heading = _TEMPLATE_HEADING.match(wording.strip())
    sentence = wording.strip()
    if heading is not None and len(heading.group().split()) <= 6:
        sentence = sentence[heading.end() :]
    return [TextEdit(clause.end, clause.end, " " + sentence)] if sentence else []


def apply_edits(text: str, offset: int, edits: tuple[TextEdit, ...]) -> str:
    """``text`` (starting at ``offset`` in Document.text) with ``edits`` applied."""
    out, cursor = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        start, end = edit.start - offset, edit.end - offset
        out.append(text[cursor:start])
        out.append(edit.text)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def edit_suggestion(
    document: Document,
    element: str,
    evidence: Evidence,
    *,
    thresholds: dict,
    wording: str,
    vocabulary: Vocabulary | None = None,
) -> Suggestion | None:
    """An in-place edit of the evidence clause, or None when the clause is not in the document.

    ``wording`` is the element's rendered weak-variant text, added at the clause's
    end when no phrase of the clause itself is to blame.
    """
    clause = _clause(document, evidence.clause_id)
    if clause is None or clause.in_table:
        return None
    edits: list[TextEdit] = []
    if element == "post_termination":
        survival = DEFAULT_THRESHOLDS["min_survival_years"]
        edits = _survival_edits(evidence, float(thresholds.get("min_survival_years", survival) or survival))
    elif element == "breach_notice":
        notice = DEFAULT_THRESHOLDS["max_notice_hours"]
        edits = _notice_edits(evidence, float(thresholds.get("max_notice_hours", notice) or notice))
    elif element == "safeguards":
        edits = _pattern_edits(clause, _EFFORTS, "at least reasonable care")
    elif element == "use_limitation":
        words = vocabulary or document.vocabulary
        purpose = words.purpose if words is not None else "the purposes of this Agreement"
        edits = _residual_edits(clause) + _pattern_edits(clause, _ANY_LAWFUL, purpose)
    edits = [e for e in edits if clause.start <= e.start <= e.end <= clause.end]
    if not edits:
        edits = _appended(clause, wording)
    if not edits:
        return None
    ordered = tuple(sorted(set(edits), key=lambda e: (e.start, e.end)))
    if any(a.end > b.start for a, b in zip(ordered, ordered[1:], strict=False)):
        ordered = ordered[:1]  # overlapping repairs: the first is enough to make the point
    where = f"Section {clause.number.rstrip('.')}" if clause.number else "the clause"
    return Suggestion(
        element=element,
        text=apply_edits(clause.text, clause.start, ordered),
        number="",
        insert_after=None,
        placement=f"edit {where} in place",
        kind="edit",
        target=clause.id,
        before=clause.text,
        after=apply_edits(clause.text, clause.start, ordered),
        edits=ordered,
    )
