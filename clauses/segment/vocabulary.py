"""The contract's own words, read once from its parties and defined terms.

The term for the protected information ("Evaluation Material"), the party roles
("the Receiving Party" / "the Disclosing Party", "the Supplier" / "the
Customer"), whether the duties are mutual, the purpose term and the personal-data
term. Segmentation records it on ``Document.vocabulary`` so every later stage
(suggested wording, the redline, perspective) speaks in the same words without
inferring them again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from clauses.datamodel import Document, Vocabulary
from clauses.segment.boundary import LeadingBoundary
from clauses.segment.incorporation import find_incorporated
from clauses.segment.parties import find_party_roles

__all__ = ["CI_TERMS", "PURPOSE_TERMS", "RECEIVER_ROLES", "ROLE_PAIRS", "infer_vocabulary"]

# Defined terms for the protected information, most specific first.
CI_TERMS = (
    "Confidential Information",
    "Proprietary Information",
    "Evaluation Material",
    "Evaluation Materials",
    "Confidential Material",
    "Confidential Materials",
    "Confidential Data",
    "Customer Data",
    "Protected Health Information",
    "Personal Data",
)
# (receiver, discloser) role pairs as contracts define them, most specific first.
ROLE_PAIRS = (
    ("Receiving Party", "Disclosing Party"),
    ("Recipient", "Discloser"),
    ("Recipient", "Company"),
    ("Recipient", "Disclosing Party"),
    ("Receiving Party", "Company"),
    ("Employee", "Company"),
    ("Employee", "Employer"),
    ("Consultant", "Company"),
    ("Contractor", "Company"),
    ("Consultant", "Client"),
    ("Contractor", "Client"),
    ("Supplier", "Customer"),
    ("Vendor", "Customer"),
    ("Service Provider", "Customer"),
    ("Service Provider", "Client"),
    ("Provider", "Customer"),
    ("Business Associate", "Covered Entity"),
    ("Processor", "Controller"),
    ("Supplier", "Buyer"),
)
RECEIVER_ROLES = tuple(dict.fromkeys(r for r, _ in ROLE_PAIRS))
PURPOSE_TERMS = (
    ("Purpose", "the Purpose"),
    ("Permitted Purpose", "the Permitted Purpose"),
    ("Business Purpose", "the Business Purpose"),
    ("Transaction", "the purposes of the Transaction"),
    ("Services", "the performance of the Services"),
)
_MUTUAL_TEXT = re.compile(
    r"\bmutual\s+(?:non-?disclosure|confidentiality)\b"
    r"|\beach\s+party\W+(?:\w+\W+){0,8}?(?:shall|agrees|will)\W+(?:\w+\W+){0,10}?confiden"
    r"|\beither\s+party\s+(?:may\s+)?(?:disclose|discloses|provide|provides)\b",
    re.IGNORECASE,
)
# A provision cited by number: "Section 5", "clauses 4.2 and 7", "paragraph (3)"; not "(a)".
_CITATION = re.compile(r"\b(section|clause|paragraph)s?\s+\(?\d", re.IGNORECASE)
_SELF_REFERENCE = re.compile(
    r"\b[Tt]his\s+(Agreement|Appointment|Deed|Contract|Undertaking|Addendum|letter\s+agreement|letter|"
    r"Letter\s+Agreement|Letter|Terms|NDA)\b"
)
_QUOTED = re.compile(r"[\"“”']([A-Z][A-Za-z \-]{1,40})[\"“”']")
_ROLE_USES = 3  # capitalised uses that make an undefined role word a role
# Defined terms with "Confidential" in them that name an instrument, a time or a duty, not the
# information: a share purchase's "Confidentiality Agreement" (the earlier NDA it refers to)
# would otherwise be the suggested wording's "the other party's Confidentiality Agreement".
_NOT_INFORMATION = re.compile(
    r"\b(agreements?|undertakings?|letters?|deeds?|periods?|terms?|obligations?|provisions?|treatment|"
    r"part(y|ies)|clauses?|sections?)$",
    re.IGNORECASE,
)


def _known_terms(document: Document) -> set[str]:
    """Defined terms and party roles, including terms quoted inside longer strings."""
    terms: set[str] = set()
    for item in (*document.defined_terms, *document.parties):
        terms.add(item.strip().strip("\"“”'"))
        terms.update(match.group(1).strip() for match in _QUOTED.finditer(item))
    return terms


_ROLE_WORDS = LeadingBoundary(
    r"\b("
    + "|".join(
        re.escape(role) for role in sorted({r for pair in ROLE_PAIRS for r in pair}, key=len, reverse=True)
    )
    + r")\b"
)


def infer_vocabulary(document: Document) -> Vocabulary:
    """The contract's words: CI term, roles, mutuality, its parties' sides and what it incorporates."""
    says_mutual = _says_mutual(document)  # read once: _words and the parties' sides both ask
    words = _words(document, says_mutual)
    # Only a contract that says so is mutual for its parties' sides: the generic
    # "each party" wording above is also the fallback when no roles are found.
    mutual = words.mutual and (words.roles_defined or says_mutual)
    return replace(
        words,
        parties=find_party_roles(document.text, document.parties, document.defined_terms, mutual),
        incorporates=find_incorporated(document.text[:20000]),
        provision=provision_word(document.text),
        self_name=self_name(document.text),
    )


def self_name(text: str) -> str:
    """What the contract calls itself: "Agreement" unless it says "this Appointment", "this Deed",
    "this letter" (and so on) more often, at least twice."""
    counts = Counter(match.group(1) for match in _SELF_REFERENCE.finditer(text))
    return _usual(counts, [name for name in counts if name != "Agreement"], "Agreement")


def provision_word(text: str) -> str:
    """How the contract cites its own provisions: "Clause" or "Paragraph" when it does so, else "Section".

    UK and Commonwealth drafting says "clause 5.4" and letter agreements "paragraph 3"; a
    report that says "Section 5.4" of such a contract reads as written for another. A word
    counts only when followed by a number, and must be the contract's usual one (at least
    twice, more often than "Section"), so one "paragraph 2 of Schedule 1" changes nothing.
    """
    counts = Counter(match.group(1).lower() for match in _CITATION.finditer(text))
    return _usual(counts, ["clause", "paragraph"], "section").capitalize()


def _usual(counts: Counter[str], candidates: list[str], default: str) -> str:
    """The contract's usual word: the most used of ``candidates`` (the first on a tie) when it
    is used at least twice and more often than ``default``; else ``default``."""
    word, uses = max(((c, counts[c]) for c in candidates), key=lambda c: c[1], default=(default, 0))
    return word if uses >= 2 and uses > counts[default] else default


def _says_mutual(document: Document) -> bool:
    return bool(
        re.search(r"\bmutual\b", document.title, re.IGNORECASE) or _MUTUAL_TEXT.search(document.text[:20000])
    )


def _words(document: Document, mutual_text: bool) -> Vocabulary:
    """Read the CI term, the party roles and mutuality from the document.

    ``mutual_text``: whether its title or text says it is mutual (``_says_mutual``).
    Falls back to the generic "each party" / "the other party", which reads
    correctly in any contract, rather than inventing a role the contract never
    defines.
    """
    terms = _known_terms(document)
    head = document.text[:20000]
    ci = next((t for t in CI_TERMS if t in terms), "")
    if not ci:
        ci = next((t for t in sorted(terms) if "Confidential" in t and not _NOT_INFORMATION.search(t)), "")
    if not ci:
        ci = next(
            (t for t in CI_TERMS if f"\u201c{t}\u201d" in head or f'"{t}"' in head),
            "Confidential Information",
        )
    purpose = next(
        (words for term, words in PURPOSE_TERMS if term in terms), "the purposes of this Agreement"
    )
    personal_data = "Personal Data" if "Personal Data" in terms else "personal data"
    if {"Receiving Party", "Disclosing Party"} <= terms:
        return Vocabulary(
            ci, "the Receiving Party", "the Disclosing Party", True, True, purpose, personal_data
        )
    if mutual_text:
        return Vocabulary(ci, "each party", "the other party", True, False, purpose, personal_data)
    # Roles the contract uses as capitalised terms without defining them in quotes
    # (template agreements often do), counted so a stray capital does not decide.
    uses = Counter(_ROLE_WORDS.findall(document.text))
    used = {role for pair in ROLE_PAIRS for role in pair if uses[role] >= _ROLE_USES}
    if {"Receiving Party", "Disclosing Party"} <= used:
        return Vocabulary(
            ci, "the Receiving Party", "the Disclosing Party", True, True, purpose, personal_data
        )
    for receiver, discloser in ROLE_PAIRS:
        if receiver in terms | used and discloser in terms | used:
            return Vocabulary(ci, f"the {receiver}", f"the {discloser}", False, True, purpose, personal_data)
    receiver = next((r for r in RECEIVER_ROLES if r in terms), "")
    if receiver:
        return Vocabulary(ci, f"the {receiver}", "the other party", False, True, purpose, personal_data)
    return Vocabulary(ci, "each party", "the other party", True, False, purpose, personal_data)
