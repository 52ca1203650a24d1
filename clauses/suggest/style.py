"""Make suggested wording read like the contract it goes into: spelling, quotes, laws, statutory terms.

A clause in US spelling with straight quotes stands out in a UK contract set in
curly quotes, and a list of five foreign statutes reads as boilerplate. So the
contract's own habits are read from its text (which spelling wins, which quotes
it uses, which law governs it) and the rendered suggestion follows them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from clauses.datamodel import Document
from clauses.elements.gate import SAME_LENGTH_FOLD, fold

# US -> UK spellings met in our templates (and their capitalised/plural forms by prefix).
_UK = {
    "organization": "organisation",
    "authoriz": "authoris",
    "unauthoriz": "unauthoris",
    "minimiz": "minimis",
    "recogniz": "recognis",
    "characteriz": "characteris",
    "favor": "favour",
    "behavior": "behaviour",
    "defense": "defence",
}
_US_HINTS = re.compile(r"\b(?:organiz\w*|authoriz\w*|recogniz\w*|behavior\w*|favor\w*|defense)\b", re.I)
_UK_HINTS = re.compile(
    r"\b(?:organis\w*|authoris\w*|recognis\w*|behaviour\w*|favour\w*|defence|licence|whilst)\b", re.I
)
_GOVERNING = re.compile(
    r"governed\s+by,?\s+(?:and\s+(?:construed|interpreted)\s+in\s+accordance\s+with,?\s+)?the\s+laws?\s+of\s+"
    r"(?:the\s+)?(?:(?:State|Commonwealth|Province)\s+of\s+)?(?P<place>[A-Z][A-Za-z]+(?:\s+(?:and\s+)?[A-Z][A-Za-z]+){0,3})",
)
_UK_PLACES = re.compile(r"\b(?:England|Wales|Scotland|Northern Ireland|United Kingdom)\b")
_EU_PLACES = re.compile(
    r"\b(?:Ireland|Germany|France|Netherlands|Belgium|Luxembourg|Spain|Italy|Portugal|Austria|Sweden|"
    r"Denmark|Finland|Poland|Czech|European Union)\b"
)
_CALIFORNIA = re.compile(r"\bCalifornia\b")
_US_PLACES = re.compile(
    r"\b(?:Delaware|New York|Texas|Washington|Massachusetts|Illinois|Florida|Georgia|Colorado|"
    r"United States|Virginia|New Jersey|Pennsylvania|Utah|Nevada|Oregon)\b"
)
# Terms a statute defines: a suggestion must never give them a meaning of its own.
STATUTORY_TERMS = re.compile(
    r"^(?:protected health information|phi|personal data|personal information|"
    r"customer personal data|special category data)$",
    re.I,
)


def governing_law(document: Document) -> str:
    """The place whose law governs the contract ("England and Wales"), or ""."""
    match = _GOVERNING.search(document.text)
    return match.group("place") if match else ""


def data_protection_laws(document: Document) -> str:
    """The data protection laws to name: those of the governing law, else the general words."""
    place = governing_law(document)
    if _UK_PLACES.search(place):
        return "applicable data protection laws, including the UK GDPR and the Data Protection Act 2018"
    if _EU_PLACES.search(place):
        return "applicable data protection laws, including Regulation (EU) 2016/679 (the GDPR)"
    if _CALIFORNIA.search(place):
        return "applicable data protection laws, including the California Consumer Privacy Act"
    return "applicable data protection laws"


def uses_uk_spelling(document: Document) -> bool:
    return _uk_spelling(document.text)


# The word every match of _UK_HINTS (_US_HINTS) starts with, lower-cased.
_UK_WORDS = ("organis", "authoris", "recognis", "behaviour", "favour", "defence", "licence", "whilst")
_US_WORDS = ("organiz", "authoriz", "recogniz", "behavior", "favor", "defense")


def _hints(pattern: re.Pattern[str], words: tuple[str, ...], text: str, folded: str) -> int:
    """``len(pattern.findall(text))``, trying the pattern only where ``folded`` has one of ``words``.

    ``folded`` is ``text`` lower-cased with the same offsets. Every match is a
    word (or its start) that begins with one of ``words`` at a word boundary, so
    matches never overlap and each starts where ``folded`` has such a word: the
    matches found there are all findall's, without scanning the whole contract.
    """
    starts: set[int] = set()
    for word in words:
        at = folded.find(word)
        while at >= 0:
            starts.add(at)
            at = folded.find(word, at + 1)
    return sum(1 for start in starts if pattern.match(text, start))


@lru_cache(maxsize=8)
def _uk_spelling(text: str) -> bool:
    """Read once per contract text: every suggestion of a document asks, and each asking scanned it all."""
    if "\u0130" in text:  # "İ".lower() is two characters: offsets move, so count by the regexes
        return len(_UK_HINTS.findall(text)) > len(_US_HINTS.findall(text))
    folded = fold(text.lower(), SAME_LENGTH_FOLD)
    uk = _hints(_UK_HINTS, _UK_WORDS, text, folded)
    return uk > 0 and uk > _hints(_US_HINTS, _US_WORDS, text, folded)


def uses_curly_quotes(document: Document) -> bool:
    return document.text.count("\u201c") + document.text.count("\u2019") > document.text.count('"') + (
        document.text.count("'")
    )


def _to_uk(text: str) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        for us, uk in _UK.items():
            if word.lower().startswith(us):
                replaced = uk + word[len(us) :]
                return replaced[:1].upper() + replaced[1:] if word[:1].isupper() else replaced
        return word

    pattern = "|".join(sorted(_UK, key=len, reverse=True))
    return re.sub(rf"\b(?:{pattern})\w*", swap, text, flags=re.I)


def _to_curly(text: str) -> str:
    text = re.sub(r'(^|[\s(\[])"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    return text.replace("'", "\u2019")


def fit_style(text: str, document: Document) -> str:
    """``text`` tidied (no space before punctuation) in the contract's spelling and quotes, and
    naming the contract as it names itself ("this Appointment", "this letter")."""
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    name = document.vocabulary.self_name if document.vocabulary is not None else "Agreement"
    if name != "Agreement":
        text = text.replace("this Agreement", f"this {name}")
    if uses_uk_spelling(document):
        text = _to_uk(text)
    if uses_curly_quotes(document):
        text = _to_curly(text)
    return text
