"""Section numbers a clause cites ("Sections 5 (Fees), 7 and 11", "Articles IV and VI"), and the
number a clause is cited by ("Section 6.01" as 6.01, "Article VI" as VI).

A survival clause names the sections that outlast the agreement by number; whether one of them
is the confidentiality section, and which period it is given, is read by matching these numbers
against the numbers of the clauses under a confidentiality heading (detect, quantities).
"""

from __future__ import annotations

import re

# A list of section numbers, each perhaps followed by its heading or a qualification in brackets
# ("Sections 5 (as to fees accrued), 7 (Confidentiality) and 11").
SECTION_REF = re.compile(
    r"\b(?:sections?|clauses?|articles?|paragraphs?)\s+((?:\d+(?:\.\d+)*(?:\([a-z0-9]+\))?"
    r"(?:\s*\([^()]{1,60}\))?(?:\s*(?:,|and|or|through|to|-|–)\s*)?)+)",
    re.IGNORECASE,
)
# "Articles IV, VI and X survive": an SEC exhibit's articles are cited by Roman numeral.
ARTICLE_REF = re.compile(r"\b(?i:articles?)\s+((?:[IVXLC]+\b(?:\s*(?:,|and|or)\s*)?)+)")
_NUMBER_WORD = re.compile(r"^(?:section|clause|article|paragraph|§)\s*", re.IGNORECASE)


def referenced_numbers(listing: str) -> set[str]:
    """The section numbers a reference names, with "1 to 8" and "11-15" ranges expanded.

    A bracket after a number gives its heading or a qualification ("5 (as to fees accrued)"),
    whose own figures are no section numbers.
    """
    listing = re.sub(r"\([^()]*\)", " ", listing)
    numbers = set(re.findall(r"\d+(?:\.\d+)*|\b[IVXLC]+\b", listing))
    for low, high in re.findall(r"(\d+)\s*(?:through|to|-|–)\s*(\d+)", listing):
        if int(low) < int(high) <= int(low) + 50:
            numbers.update(str(n) for n in range(int(low), int(high) + 1))
    return numbers


def reference_matches(text: str) -> list[re.Match[str]]:
    """Every list of section or article numbers ``text`` cites, in the order found per kind."""
    return [*SECTION_REF.finditer(text), *ARTICLE_REF.finditer(text)]


def cited_numbers(text: str) -> set[str]:
    """All the section and article numbers ``text`` cites."""
    numbers: set[str] = set()
    for match in reference_matches(text):
        numbers |= referenced_numbers(match.group(1))
    return numbers


def bare_number(number: str) -> str:
    """The number a clause is cited by: "Section 6.01" -> "6.01", "Article VI" -> "VI", "7.2(b)" -> "7.2"."""
    return _NUMBER_WORD.sub("", number).rstrip(".").split("(")[0]
