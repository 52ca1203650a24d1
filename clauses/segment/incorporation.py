"""Other documents a contract incorporates by reference, read once by segmentation.

A cover page or order form ("The Standard Terms at https://... are incorporated
into this Cover Page") carries its operative terms in another document. Judging
the cover page alone would report every element missing; naming the other
document lets the report say the terms are not in this file, and lets ``review``
pair the two files when both are given.

Only named documents count: exhibits, schedules and annexes attached to the same
file are part of it.
"""

from __future__ import annotations

import re

from clauses.segment.boundary import LeadingBoundary

__all__ = ["find_incorporated", "same_title"]

# A document's name: capitalised words ending in a document word ("Acme Cloud Standard Terms").
_NAME = (
    r"((?:[A-Z][\w&.\-]*\s+){0,6}?"
    r"(?:Terms(?:\s+(?:and|&)\s+Conditions)?(?:\s+of\s+(?:Service|Use))?|Conditions|Agreement))"
)
_ATTACHED = re.compile(
    r"^(?:Exhibit|Schedule|Annex|Appendix|Attachment|Addendum|This|The\s+Agreement$)", re.IGNORECASE
)
_PATTERNS = (
    # "the Standard Terms (available at https://...) are incorporated (herein) by reference"
    re.compile(
        rf"\b{_NAME}(?:\s*\([^)]{{0,200}}\))?(?:,?\s+(?:available|located|published|posted|found)\s+at\s+\S+?,?)?"
        r"\s+(?:is|are)\s+(?:hereby\s+)?incorporated\b"
    ),
    # "This Cover Page incorporates (by reference) the Standard Terms"
    re.compile(rf"\bincorporates?\s+(?:by\s+reference\s+)?(?:and\s+is\s+governed\s+by\s+)?(?:the\s+)?{_NAME}"),
    # "incorporated by reference ... the Standard Terms" / "subject to the Master Services Agreement"
    re.compile(rf"\bincorporated\s+(?:herein\s+)?by\s+reference\s*:?\s+(?:the\s+)?{_NAME}"),
    # searched by LeadingBoundary: in almost every contract, where its leading \b cost ~0.15 ms a document
    LeadingBoundary(
        r"\b(?:subject\s+to|governed\s+by)\s+(?:the\s+terms\s+(?:and\s+conditions\s+)?of\s+)?(?:the\s+|that\s+certain\s+)?"
        r"((?:[A-Z][\w&.\-]*\s+){0,4}?(?:Master|Standard|General)\s+(?:[A-Z][\w&.\-]*\s+){0,4}?"
        r"(?:Terms(?:\s+(?:and|&)\s+Conditions)?|Conditions|Agreement))"
    ),
)


# A word each pattern above needs, matched case-sensitively as they are: a text without it is
# not searched with that pattern (the first one tries a name at every word and cost ~1 ms a page).
_NEEDS = ("incorporated", "incorporate", "incorporated", "")


def find_incorporated(text: str) -> tuple[str, ...]:
    """Names of the other documents ``text`` incorporates, in order of first mention."""
    found: dict[str, None] = {}
    for pattern, needed in zip(_PATTERNS, _NEEDS, strict=True):
        if needed not in text:
            continue
        for match in pattern.finditer(text):
            name = " ".join(match.group(1).split())
            if re.search(r"\b(?:these|this)\b", name, re.IGNORECASE):
                continue  # the document speaking of itself ("These Standard Terms are incorporated by ...")
            name = re.sub(r"^(?:the|these|those|such)\s+", "", name, flags=re.I)
            if len(name.split()) < 2 or _ATTACHED.match(name):
                continue
            found.setdefault(name, None)
    return tuple(found)


def _words(title: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in ("the", "version", "v")]


def same_title(named: str, title: str) -> bool:
    """Whether a document's ``title`` is the one a cover page calls ``named`` (case and "the" aside).

    A longer title that ends with or starts with the name counts ("Acme Cloud
    Standard Terms" for "Standard Terms"), so the name must have two words.
    """
    a, b = _words(named), _words(title)
    if len(a) < 2 or not b:
        return False
    n = len(a)
    return any(b[i : i + n] == a for i in range(len(b) - n + 1)) or (
        len(b) >= 2 and any(a[i : i + len(b)] == b for i in range(n - len(b) + 1))
    )
