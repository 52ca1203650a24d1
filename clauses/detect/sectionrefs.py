"""Section numbers a clause cites ("Sections 5 (Fees), 7 and 11", "Articles IV and VI"), and the
number a clause is cited by ("Section 6.01" as 6.01, "Article VI" as VI).

A survival clause names the sections that outlast the agreement by number; whether one of them
is the confidentiality section, and which period it is given, is read by matching these numbers
against the numbers of the clauses under a confidentiality heading (detect, quantities).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

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


# A survival clause that says more than its list of numbers: a catch-all ("any provision which by
# its nature survives"), or words of its own about the information or its confidentiality.
_SAYS_MORE = re.compile(
    r"confiden|secre|proprietary|nature|intended\s+to|by\s+(its|their)\s+terms|any\s+other|"
    r"otherwise|\bdata\b|information",
    re.IGNORECASE,
)


def _covers(cited: str, number: str) -> bool:
    """Whether citing ``cited`` reaches the clause numbered ``number`` ("5" reaches 5.3, "5.3" reaches 5)."""
    return cited == number or number.startswith(cited + ".") or cited.startswith(number + ".")


def names_only_other_sections(text: str, about_information: Callable[[], Mapping[str, bool]]) -> bool:
    """Whether a survival clause lists sections by number, each of them found in the document and
    none about the information, and says nothing more: "Sections 7, 8, 9, 10 and 12 survive
    termination", where 7 to 12 are ownership, disclaimers, liability, indemnity and general terms,
    keeps those, not the confidentiality or data duties of Section 4.

    ``about_information``: gives each numbered clause's bare number -> whether its heading or text
    is about confidentiality or the other's data (called only for a clause that lists numbers and
    says nothing more). A cited number no clause carries leaves it open.
    """
    if _SAYS_MORE.search(text):
        return False
    cited = cited_numbers(text)
    if not cited:
        return False
    about = about_information()
    for number in cited:
        reached = [topic for clause, topic in about.items() if _covers(number, clause)]
        if not reached or any(reached):
            return False
    return True
