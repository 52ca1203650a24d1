"""Blanks and placeholders: a period, deadline, party or amount nobody filled in.

A template signed as it stands ("for ____ years", "within [insert] days",
"{confidentiality_period}") has no term at all where the reader expects one: the
element's reason names it ("left blank"), the redline fills a period or deadline
with the position's value, and the report lists every blank with its section. A
blank does not make the element weak by itself: the spec's weak tests are about
the terms a clause states (a deadline left blank states none, which is weak; a
survival period left blank is not shorter than the minimum). Signature and form lines
("By: ______", "Name: ____") are where blanks belong and are left alone.
"""

from __future__ import annotations

import re

from clauses.datamodel import Blank, Clause, Document

__all__ = ["WEAKENING", "clause_blanks", "find_blanks", "weakens"]

# What a blank must leave open to weaken an element: a period, deadline or party for any
# element, an amount only for remedies (damages); a blank purpose, URL or product name,
# or an insurance amount in a long clause, is listed but judges nothing.
WEAKENING = {"period": None, "date": None, "party": None, "amount": ("remedies",)}


def weakens(kind: str, element: str) -> bool:
    """Whether a blank of ``kind`` in an element's clause leaves that element's term open."""
    if kind not in WEAKENING:
        return False
    elements = WEAKENING[kind]
    return elements is None or element in elements

_PLACEHOLDER = re.compile(
    r"_{3,}"
    r"|\.{5,}|…{2,}"
    r"|\[\s*[●•]+\s*\]|\[\s*\]"
    r"|\[\s*(?:insert|enter|add|specify|fill|select|tbd|tbc|to\s+be\s+(?:agreed|determined)|number|no\.|"
    r"amount|"
    r"period|duration|date|name|party|days?|months?|years?|hours?|n|#)\b[^\]\n]{0,40}\]"
    r"|\{\{?\s*[A-Za-z_][A-Za-z0-9_. ]{0,40}\s*\}\}?"
    r"|<\s*(?:insert|enter|name|date|number|amount|period)\b[^>\n]{0,40}>",
    re.IGNORECASE,
)
# Every alternative of _PLACEHOLDER starts with one of these (none has a case variant under re.I).
_PLACEHOLDER_STARTS = ("___", ".....", "……", "[", "{", "<")
# "- [ ] In perpetuity", "[x] Option 1", "[ ] {subprocessor_name}": a box to tick before a choice,
# not a blank; "within [ ] days" is a blank.
_CHECKBOX = re.compile(r"\[\s*\]\s+[A-Z{\[]")
# Signature-block labels: officers and signatories as well as the form's fields ("Director:
# ......", "Signatory ______", "Member ______").
_SIGNERS = (
    r"(?:managing\s+|executive\s+)?director|secretary|member|officer|partner|president|chairman|"
    r"(?:authori[sz]ed\s+)?signatory|trustee|attorney"
)
_FORM_LABEL = re.compile(
    rf"\b(?:by|name|title|signature|signed|print(?:ed)?\s+name|witness|its|initials?|per|{_SIGNERS})\s*:?\s*$",
    re.IGNORECASE,
)
# A signature line's blank with its label after it ("______ Managing Director", "____ (Signatory)").
_LABEL_AFTER = re.compile(rf"\W*(?:{_SIGNERS}|name|title|signature)\b", re.IGNORECASE)
# A line of a signature block: "Date: ____" there sits beside "Name:", "Title:" or "By:".
_FORM_FIELDS = re.compile(rf"\b(?:by|name|title|signature|{_SIGNERS})\s*:", re.IGNORECASE)
# A line that is a signature or execution line whatever its label ("SIGNED for and on behalf
# of X by its director: ____", "Executed as a deed by ...", "Witnessed by ..."): its blank is
# where the signature goes.
_SIGNATURE_LINE = re.compile(
    r"\b(?:signed|executed|on\s+behalf\s+of|signature|signatory|witness(?:ed)?)\b", re.IGNORECASE
)
_KINDS = (
    ("period", re.compile(r"\b(?:years?|months?|days?|hours?|weeks?|period|duration|term)\b", re.I)),
    ("date", re.compile(r"\bdate\b|\bdated\b", re.I)),
    ("amount", re.compile(r"[$€£]|\b(?:amount|fees?|sum|price|usd|eur|gbp|dollars?)\b", re.I)),
    ("party", re.compile(r"\b(?:party|name|company|customer|provider|recipient|discloser|between)\b", re.I)),
)


_GENERIC = re.compile(
    r"\b(?:insert|enter|add|specify|fill|select|tbd|tbc|to|be|agreed|determined|number|no|n)\b", re.I
)


def _kind(placeholder: str, before: str, after: str) -> str:
    words = placeholder.replace("_", " ")  # {confidentiality_period} names its kind
    for kind, pattern in _KINDS:
        if pattern.search(words):
            return kind
    named = _GENERIC.sub(" ", words)
    if any(c.isalpha() for c in named):  # "{policy_url}", "[insert purpose]": named, and not a term
        return "value"
    if before.rstrip().endswith(("$", "€", "£")):
        return "amount"
    for words in (after[:20], before[-12:], before[-25:]):
        for kind, pattern in _KINDS:
            if pattern.search(words):
                return kind
    return "value"


def clause_blanks(clause: Clause, number: str | None = None) -> tuple[Blank, ...]:
    """The placeholders in one clause, form and signature lines left out."""
    found: list[Blank] = []
    text = clause.text
    if not any(map(text.__contains__, _PLACEHOLDER_STARTS)):
        return ()  # most clauses: no character a placeholder starts with, so no regex scan
    for match in _PLACEHOLDER.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        before = text[line_start : match.start()]
        if (
            not line.replace(match.group(0), "").strip(" \t_.:-")
            or _FORM_LABEL.search(before)
            or (before.rstrip().endswith(":") and _SIGNATURE_LINE.search(before))
            or _LABEL_AFTER.match(text, match.end(), line_start + len(line))
            or (re.search(r"\bdate\s*:?\s*$", before, re.IGNORECASE) and _FORM_FIELDS.search(line))
        ):
            continue  # a signature line, "By: ____", or "SIGNED for X by its director: ____"
        if _CHECKBOX.match(text, match.start(), match.end() + 3):
            continue
        after = text[match.end() : match.end() + 40]
        context_start = max(line_start, match.start() - 30)
        space = text.find(" ", context_start, match.start())
        if context_start > line_start and space >= 0:
            context_start = space + 1  # start on a whole word
        context = " ".join(text[context_start : match.end() + 20].split())
        found.append(
            Blank(
                clause_id=clause.id,
                number=clause.number if number is None else number,
                kind=_kind(match.group(0), before, after),
                text=context,
                start=clause.start + match.start(),
                end=clause.start + match.end(),
            )
        )
    return tuple(found)


def find_blanks(document: Document) -> tuple[Blank, ...]:
    """Every blank in the document, in reading order."""
    return tuple(blank for clause in document.clauses for blank in clause_blanks(clause))
