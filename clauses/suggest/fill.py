"""Blanks filled with the position's value: "[●] years" becomes "two (2) years", as a tracked edit.

A template signed as it stands ("{confidentiality_term} from
{confidentiality_term_start}", "within ____ hours") leaves the survival period or
the breach-notice deadline open, so the element is weak however well the rest is
worded; a lawyer answering it writes the firm's position into the blank. Only
blanks a position can fill are filled: a survival period (the profile's minimum
years), the point it runs from (the end of the agreement, which is what "survives
termination" means), and a notice deadline (the profile's maximum hours). A blank
date of signature, a party's name or an amount is a fact only the parties know and
is left for them.
"""

from __future__ import annotations

import re
from collections import Counter

from clauses.datamodel import Clause, Document, TextEdit
from clauses.detect.blanks import clause_blanks, weakens
from clauses.segment.numerals import number_words
from clauses.suggest import count_words

__all__ = ["blank_edits", "self_name"]

# The unit written after a blank ("____ years", "[●] business days"), replaced with it.
_UNIT_AFTER = re.compile(r"\s*(?:\]\s*)?(?P<business>business\s+|working\s+|calendar\s+)?"
                         r"(?P<unit>years?|months?|weeks?|days?|hours?)\b", re.IGNORECASE)
# A blank that says when the period starts: "from {start}", "after [date]", "{term_start}".
_STARTS_AFTER = re.compile(r"\b(?:from|after|following|commencing\s+on|starting\s+on)\s*$", re.IGNORECASE)
_START_NAME = re.compile(r"start|begin|commence|date", re.IGNORECASE)
_SELF = re.compile(
    r"\b[Tt]his\s+(?P<name>(?:[A-Z][A-Za-z]*\s+){0,2}?"
    r"(?:Agreement|NDA|Addendum|Terms|Contract|LOI|Letter|Order\s+Form|Schedule|DPA|BAA|MSA|SOW))\b"
)


def self_name(document: Document) -> str:
    """What the contract calls itself ("this NDA"), its commonest form; else "this Agreement"."""
    names = Counter(m.group("name") for m in _SELF.finditer(document.text))
    return f"this {names.most_common(1)[0][0]}" if names else "this Agreement"


def _amount(value: float) -> str:
    """ "two (2)" or "twenty-four (24)": the number alone, for a blank the unit already follows."""
    amount = int(round(value))
    return f"{number_words(amount)} ({amount})"


def _in_unit(value: float, base: str, unit: str) -> float | None:
    """``value`` (in years for survival, hours for notice) in ``unit``; None when not a whole number."""
    unit = unit.lower().rstrip("s")
    per = {
        "year": {"year": 1, "month": 12},
        "hour": {"hour": 1, "day": 1 / 24, "week": 1 / 168},
    }[base]
    if unit not in per:
        return None
    converted = value * per[unit]
    return converted if abs(converted - round(converted)) < 1e-9 and converted >= 1 else None


def _duration(value: float, base: str, clause: Clause, start: int, end: int) -> TextEdit:
    """The blank (and the unit after it, when the number must change unit) replaced with the position."""
    unit = _UNIT_AFTER.match(clause.text, end)
    if unit is not None and not unit.group("business"):
        converted = _in_unit(value, base, unit.group("unit"))
        singular = unit.group("unit").lower().rstrip("s")
        if converted is not None:
            if (converted == 1) == (not unit.group("unit").lower().endswith("s")):
                return TextEdit(clause.start + start, clause.start + end, _amount(converted))
            return TextEdit(clause.start + start, clause.start + unit.end(), count_words(converted, singular))
    if unit is not None:  # "[●] business days": say the position in its own unit instead
        return TextEdit(clause.start + start, clause.start + unit.end(), count_words(value, base))
    return TextEdit(clause.start + start, clause.start + end, count_words(value, base))


def blank_edits(clause: Clause, element: str, thresholds: dict, document: Document) -> list[TextEdit]:
    """Edits filling the clause's blanks that leave ``element``'s period or deadline open."""
    if element == "post_termination":
        value, base = float(thresholds["min_survival_years"]), "year"
    elif element == "breach_notice":
        value, base = float(thresholds["max_notice_hours"]), "hour"
    else:
        return []
    edits = []
    for blank in clause_blanks(clause):
        if not weakens(blank.kind, element) or blank.kind not in ("period", "date"):
            continue
        start, end = blank.start - clause.start, blank.end - clause.start
        name = clause.text[start:end].replace("_", " ")
        if _STARTS_AFTER.search(clause.text[max(0, start - 30) : start]):
            if base == "year":  # "from {start}": survival runs from the end of the agreement
                end_of = f"the expiry or termination of {self_name(document)}"
                edits.append(TextEdit(blank.start, blank.end, end_of))
        elif blank.kind == "period" and not _START_NAME.search(name):
            edits.append(_duration(value, base, clause, start, end))
    return edits
