"""Edits in place for a weak clause: change the words that make it weak, nothing else.

A new "Notwithstanding ..." clause next to a weak one leaves the contract
contradicting itself once every change is accepted ("one (1) year" in 8.2, "two
(2) years" in 8.5). So a weak element whose evidence clause is in the document
is repaired inside that clause: the short period, the open-ended deadline or the
"reasonable efforts" is replaced, a residuals sentence is deleted, a blank period
gets the position's value (``fill.py``), a data-protection saving clause ("Nothing
in this Agreement limits Provider's obligations under data protection laws")
becomes the duty itself, and where no single phrase is to blame the repairing
sentence is added at the clause's end.

A period or blank makes the element weak wherever it sits among the judge's
evidence, so those are repaired in every evidence clause that has one (a second
"one (1) year" left in 12.3 would keep the element weak after every change is
accepted); unrelated periods (payment terms) are never evidence and never touched.
Offsets are into ``Document.text``, so the redline can apply them to exactly the
paragraphs each clause came from (``edited_clauses``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from clauses.datamodel import Clause, Document, Evidence, Suggestion, TextEdit, Vocabulary
from clauses.profiles import DEFAULT_THRESHOLDS
from clauses.segment.labels import described, provision_of
from clauses.suggest import count_words
from clauses.suggest.fill import blank_edits

_EFFORTS = re.compile(r"\b(?:commercially\s+)?reasonable\s+(?:efforts|endeavou?rs)\b", re.IGNORECASE)
_RESIDUALS = re.compile(r"\bresiduals?\b|\bunaided\s+memor|\bretained\s+in\s+(?:the\s+)?memor", re.IGNORECASE)
_ANY_LAWFUL = re.compile(r"\bany\s+lawful\s+purpose\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.;]*(?:[.;]|$)")
# A saving clause that only preserves data-protection duties ("Nothing in this Agreement will
# limit Provider's obligations under ..."): the words up to "obligations" become the duty itself.
_SAVING = re.compile(
    r"\b(?P<nothing>[Nn])othing\s+(?:[\w'’,-]+\s+){0,10}?(?:(?:will|shall|may|does|do|is\s+intended\s+to)\s+)?"
    r"(?:(?:reduce|limit|affect|restrict|prejudice|relieve|diminish)\w*\s+(?:or\s+)?)+"
    r"(?:(?P<owner>(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|either\s+party|each\s+party|any\s+party|"
    r"the\s+parties|a\s+party)['’]s?\s+|the\s+)"
    r"(?P<what>obligations|duties|responsibilities|rights\s+and\s+obligations)"
    r"(?:\s+of\s+(?P<owner2>(?:the\s+)?[A-Z][\w-]*|either\s+party|each\s+party|the\s+parties))?"
    r"(?=\s+(?:under\b|pursuant\s+to\b|in\s+respect\s+of\b|with\s+respect\s+to\b|regarding\b|"
    r"concerning\b|in\s+relation\s+to\b|relating\s+to\b))"
)
_IF_ANY = re.compile(
    r"\b(?:DPA|data\s+processing\s+(?:agreement|addendum))(?P<if_any>\s*,?\s*if\s+any\b)", re.IGNORECASE
)
# Elements whose weakness is a number or a blank that the judge reads in every evidence clause.
_EVERY_CLAUSE = ("post_termination", "breach_notice")
# A template opens with its title ("Notice of Unauthorized Disclosure. "): not wanted mid-clause.
_TEMPLATE_HEADING = re.compile(r"^[A-Z][^.]{0,60}?\.\s+(?=[A-Z])")


def _clause(document: Document, clause_id: str) -> Clause | None:
    return next((c for c in document.clauses if c.id == clause_id), None)


def _survival_edits(evidence: Evidence, minimum: float) -> list[TextEdit]:
    """A short period becomes the minimum. A period counted from signing that is not longer than
    the minimum (the judge's weak test) is re-anchored: "two years from the Effective Date" becomes
    "two years after the termination or expiry of this Agreement", the period and its anchor's
    words replaced together, so the duty lasts the minimum after the agreement ends."""
    wanted = count_words(minimum, "year")
    edits = []
    for q in evidence.quantities:
        if q.kind != "survival" or q.value is None or math.isinf(q.value):
            continue
        if q.signing_anchor_end is not None and q.value <= minimum:
            edits.append(
                TextEdit(
                    q.start,
                    q.signing_anchor_end,
                    f"{wanted} after the termination or expiry of this Agreement",
                )
            )
        elif q.value < minimum:
            edits.append(TextEdit(q.start, q.end, wanted))
    return edits


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


def _saving_edits(clause: Clause) -> list[TextEdit]:
    """A data-protection saving clause made the duty: "Provider will comply with its obligations under"."""
    edits = []
    for match in _SAVING.finditer(clause.text):
        owner = (match.group("owner") or match.group("owner2") or "").strip()
        plural = owner.lower() == "the parties"
        subject = owner if owner and owner.lower().split()[0] not in ("either", "each", "any", "a") else ""
        subject = subject or "each party"
        modal = "shall" if re.search(r"\bshall\b", clause.text) else "will"
        what = "obligations" if "obligations" in match.group("what") else match.group("what")
        words = f"{subject} {modal} comply with {'their' if plural else 'its'} {what}"
        if match.group("nothing").isupper():
            words = words[:1].upper() + words[1:]
        edits.append(TextEdit(clause.start + match.start(), clause.start + match.end(), words))
    for match in _IF_ANY.finditer(clause.text):  # "the DPA, if any": the DPA applies, full stop
        edits.append(TextEdit(clause.start + match.start("if_any"), clause.start + match.end("if_any"), ""))
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


def _threshold(thresholds: dict, name: str) -> float:
    """The profile's value, or the default when it is unset or not a finite number of years or hours."""
    value = thresholds.get(name)
    if value is None or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        return float(DEFAULT_THRESHOLDS[name])
    return float(value)


def _clause_edits(
    document: Document,
    element: str,
    evidence: Evidence,
    clause: Clause,
    thresholds: dict,
    vocabulary: Vocabulary | None,
    blanks_only: bool = False,
) -> list[TextEdit]:
    """The words of one evidence clause that make the element weak, with their replacements.

    ``blanks_only``: just the blanks the position fills (a period, a deadline).
    """
    values = {name: _threshold(thresholds, name) for name in ("min_survival_years", "max_notice_hours")}
    edits = blank_edits(clause, element, values, document)
    if blanks_only:
        pass  # a present element: its wording stands, only its blanks are filled
    elif element == "post_termination":
        edits += _survival_edits(evidence, values["min_survival_years"])
    elif element == "breach_notice":
        edits += _notice_edits(evidence, values["max_notice_hours"])
    elif element == "safeguards":
        edits += _pattern_edits(clause, _EFFORTS, "at least reasonable care")
    elif element == "use_limitation":
        words = vocabulary or document.vocabulary
        purpose = words.purpose if words is not None else "the purposes of this Agreement"
        edits += _residual_edits(clause) + _pattern_edits(clause, _ANY_LAWFUL, purpose)
    elif element == "data_protection":
        edits += _saving_edits(clause)
    edits = [e for e in edits if clause.start <= e.start <= e.end <= clause.end]
    ordered = sorted(set(edits), key=lambda e: (e.start, e.end))
    kept: list[TextEdit] = []
    for edit in ordered:  # overlapping repairs: the first is enough to make the point
        if not kept or kept[-1].end <= edit.start:
            kept.append(edit)
    return kept


def clause_label(clause: Clause, provision: str = "Section") -> str:
    """The clause as a reader finds it in the original: "Section 8.2", else its first words."""
    return described(clause.number, clause.text, provision, clause.in_table)


def edited_clauses(document: Document, suggestion: Suggestion) -> list[tuple[Clause, tuple[TextEdit, ...]]]:
    """The clauses an edit suggestion changes, in document order, each with its own edits.

    One suggestion may change several clauses (every short survival period among
    the evidence); the redline and the reports' list of changes both read it here.
    """
    by_clause: dict[str, list[TextEdit]] = {}
    order = {c.id: i for i, c in enumerate(document.clauses)}
    clauses = {c.id: c for c in document.clauses}
    target = clauses.get(suggestion.target or "")
    inside = [c for c in (target, *document.clauses) if c is not None]  # the target first
    for edit in suggestion.edits:
        holder = next((c for c in inside if c.start <= edit.start <= edit.end <= c.end), None)
        if holder is not None:
            by_clause.setdefault(holder.id, []).append(edit)
    return [
        (clauses[cid], tuple(sorted(edits, key=lambda e: e.start)))
        for cid, edits in sorted(by_clause.items(), key=lambda item: order[item[0]])
    ]


def edit_suggestion(
    document: Document,
    element: str,
    evidence: Evidence | Sequence[Evidence],
    *,
    thresholds: dict,
    wording: str,
    vocabulary: Vocabulary | None = None,
    blanks_only: bool = False,
) -> Suggestion | None:
    """An in-place edit of the evidence clauses, or None when no evidence clause is in the document.

    ``evidence`` is the judge's evidence for the weak element, best first. A
    short period or a blank is repaired in every evidence clause that has one;
    a weak wording in the best clause that has one. ``wording`` is the element's
    rendered weak-variant text, added at the best clause's end when no phrase of
    the clauses themselves is to blame (never in a table).

    ``blanks_only`` is for an element that is present (the spec does not call a
    blank weak) but whose period or deadline was left blank: only the blanks a
    position can fill are filled, nothing is added, and None when there is none.
    """
    evidences = (evidence,) if isinstance(evidence, Evidence) else tuple(evidence)
    found: list[tuple[Evidence, Clause]] = []
    for item in evidences:
        clause = _clause(document, item.clause_id)
        if clause is not None and all(clause.id != c.id for _, c in found):
            found.append((item, clause))
    if not found:
        return None
    changed: list[tuple[Clause, list[TextEdit]]] = []
    for item, clause in found:
        edits = _clause_edits(document, element, item, clause, thresholds, vocabulary, blanks_only)
        if edits:
            changed.append((clause, edits))
            if element not in _EVERY_CLAUSE:
                break
    if not changed and blanks_only:
        return None
    if not changed:
        first = found[0][1]
        appended = [] if first.in_table else _appended(first, wording)
        if not appended:
            return None
        changed = [(first, appended)]
    target = changed[0][0]
    edits = tuple(e for _, group in changed for e in group)
    mine = tuple(e for e in edits if target.start <= e.start <= e.end <= target.end)
    where = " and ".join(clause_label(clause, provision_of(document)) for clause, _ in changed)
    after = apply_edits(target.text, target.start, mine)
    return Suggestion(
        element=element,
        text=after,
        number="",
        insert_after=None,
        placement=f"edit {where} in place",
        kind="edit",
        target=target.id,
        before=target.text,
        after=after,
        edits=edits,
    )
