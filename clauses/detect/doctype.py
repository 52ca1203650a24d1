"""Infer a contract's type (nda, vendor, employment) from its title, recitals and defined terms.

Signals are weighted words: the title counts most, then the opening text (the
preamble and recitals), then the defined terms. The answer says which signals
won, so a reviewer can tell why a profile was chosen.
"""

from __future__ import annotations

import re
from itertools import islice

from clauses.datamodel import Document
from clauses.elements.gate import gate_text, lead_finditer, passes, pattern_gate, pattern_lead

_SIGNALS: dict[str, tuple[str, ...]] = {
    "nda": (
        # "Non Disclosure" with a space (often a no-break space in converted titles) or a Unicode
        # hyphen ("Non‐Disclosure", U+2010/2011) is the same word.
        r"non[\s\-\u2010\u2011]?disclosure",
        # Also with a second duty or another instrument in its name ("Confidentiality and Non-Use
        # Agreement", "Confidentiality and Standstill Agreement", "Deed of Confidentiality",
        # "Confidentiality Undertaking"): the title of an NDA whose opening may name employees,
        # consultants or staff as recipients, which alone would type it as employment.
        r"confidentiality\s+(and\s+[\w-]+(\s+[\w-]+)?\s+)?(agreement|undertaking|deed)",
        r"(deed|letter|agreement|undertaking)\s+of\s+confidentiality",
        r"\bNDA\b",
        r"\bCDA\b",
        r"secrecy\s+agreement",
        r"evaluation\s+material",
        r"proposed\s+transaction",
        r"confidential\s+disclosure",
        r"\bpurpose\b",
    ),
    "vendor": (
        r"services?\s+agreement",
        r"\bsaas\b",
        r"subscription",
        r"master\s+services",
        r"statement\s+of\s+work",
        r"\bsupplier\b",
        r"\bvendor\b",
        r"\bprovider\b",
        r"outsourcing",
        r"data\s+processing",
        r"\bprocessor\b",
        r"service\s+levels?",
        r"order\s+form",
        r"terms\s+of\s+service",
        r"cloud",
        r"business\s+associate",
        r"\bfees\b",
        r"supply\s+agreement",
        r"maintenance",
        r"licen[cs]e\s+agreement",
    ),
    "employment": (
        r"employment",
        r"\bemployee\b",
        r"\bemployer\b",
        # Not "Contractor" alone: government and construction forms call the supplier that.
        r"independent\s+contractor|contractor\s+agreement",
        r"consult(ing|ant)",
        r"invention",
        r"\bsalary\b",
        r"offer\s+letter",
        r"\bstaff\b",
    ),
}
_WEIGHTS = {"title": 5.0, "name": 5.0, "opening": 1.0, "terms": 2.0}
# The name the agreement gives itself in its first sentence ("This Non Circumvention and
# Non-Disclosure Agreement, hereinafter ...", "This Practice Management Toolkit Non-Disclosure and
# Permitted Use Agreement (the "Agreement")") weighs as its title: a title wrapped over two lines or
# a first line that is not the title leaves it the only name, and the parties' defined names
# ("Vendor", "Provider", "Employer") in the opening would otherwise type the contract.
_SELF_NAME = re.compile(
    r"\bthis\s+((?:[\w'’\u2010\u2011-]+\s+){1,10}?)(agreement|deed|undertaking)\b", re.IGNORECASE
)
# Each pattern with its literal gate (clauses/gate.py): most signals are absent from a
# given contract, and a substring test is far cheaper than a regex scan of the opening;
# and with its lead, so a signal that is there is looked for only where its words start.
_COMPILED = {
    name: tuple(
        (re.compile(pattern, re.IGNORECASE), pattern_gate(pattern), pattern_lead(pattern))
        for pattern in patterns
    )
    for name, patterns in _SIGNALS.items()
}


# A corporate or finance agreement named by its title (a share or asset purchase, a credit
# facility, an LLC's or partnership's agreement, a shareholders' or investors' rights agreement, an
# escrow): it carries confidentiality in one section of a long document among look-alikes, so it is
# not read as an NDA, whose every duty is a confidentiality duty, even when it mentions an earlier
# confidentiality agreement or no signal types it.
_CORPORATE_TITLE = re.compile(
    r"\b((stock|share|asset|unit|equity|membership\s+interest)s?\s+purchase|merger|"
    r"(credit|loan|facility|note\s+purchase)\s+agreement|limited\s+liability\s+company\s+agreement|"
    r"operating\s+agreement|partnership\s+agreement|(share|stock|unit)holders['’]?\s+agreement|"
    r"investors['’]?\s+rights|registration\s+rights|voting\s+agreement|escrow\s+agreement|"
    r"indenture|underwriting\s+agreement)\b",
    re.IGNORECASE,
)
# A commercial agreement named by its subject that no type signal reaches (a power purchase,
# a claims administration, an interconnection, a lease, a distribution or agency, a franchise, a
# sponsorship, a construction or engineering appointment): like the corporate ones it carries
# confidentiality in one article among look-alikes (site security, billing audits, notices of
# outages), so it is not read as an NDA when nothing else types it.
_COMMERCIAL_TITLE = re.compile(
    r"\b(power\s+purchase|energy\s+(purchase|sales?|supply)|offtake|(claims?|plan|benefits?|"
    r"policy)\s+administration|administrat(ion|or)\s+agreement|interconnect(ion)?|transit\s+agreement|"
    r"lease|tenancy|distribution\s+agreement|distributorship|agency\s+agreement|franchise|"
    r"sponsorship|construction\s+(contract|agreement)|building\s+contract|appointment|"
    r"engineering\s+(services|procurement)|charter\s+party|transportation\s+agreement|"
    r"(gas|crude|fuel|coal)\s+(sales?|purchase|supply))\b",
    re.IGNORECASE,
)
# "Confidentiality Agreement (Proposed Merger)": an NDA about a deal, whatever deal it names.
_CONFIDENTIALITY_TITLE = re.compile(r"confidential|non[\s\-\u2010\u2011]?disclosure|secrecy", re.IGNORECASE)


def _self_name(opening: str) -> str:
    """The name the agreement first gives itself ("This ... Agreement"), or "" when it gives none."""
    match = _SELF_NAME.search(opening)
    return match.group(0) if match else ""


def detection_type(document: Document, inferred: tuple[str, str]) -> str:
    """The contract type detection reads (detect's ``doc_type``), from ``inferred`` (infer_profile).

    Read as an NDA, every survival clause and every clause without the element's subject counts:
    a corporate or finance agreement by its title is read as a contract of no type ("") whatever
    its mentions say, so cues need what the element requires, as outside an NDA. A contract no
    signal types stays an NDA: a deed of confidentiality or an observer's letter often names no
    type, and reads as one; but one whose title names a commercial agreement by its subject
    (a power purchase, a claims administration) reads as a contract of no type too.
    """
    if _corporate_title(document):
        return ""
    if inferred[0] == "nda" and _commercial_title(document):
        return ""
    return inferred[0]


def _commercial_title(document: Document) -> bool:
    """Whether the title names a commercial agreement by its subject, not an NDA about one."""
    title = document.title or ""
    return bool(_COMMERCIAL_TITLE.search(title)) and not _CONFIDENTIALITY_TITLE.search(title)


def _corporate_title(document: Document) -> bool:
    """Whether the title names a corporate or finance agreement, not an NDA about a deal."""
    title = document.title or ""
    return bool(_CORPORATE_TITLE.search(title)) and not _CONFIDENTIALITY_TITLE.search(title)


def infer_profile(document: Document) -> tuple[str, str]:
    """Return (profile name, reason in a reviewer's words).

    A corporate or finance agreement by its title has no profile of its own: it is judged as
    an NDA, the strictest default, and the reason says so, not that a mention of an earlier
    "Confidentiality Agreement" in its opening made it one.
    """
    if _corporate_title(document):
        return "nda", (
            f"the title {document.title.strip()!r} names a corporate or finance agreement, which has no "
            "profile of its own; the NDA profile is the strictest default for its confidentiality terms"
        )
    parts = {
        "title": document.title,
        "name": _self_name(document.text[:1500]),
        "opening": document.text[:3000],
        "terms": " ".join(document.defined_terms),
    }
    lowered = {part: gate_text(text) for part, text in parts.items()}
    scores = {name: 0.0 for name in _SIGNALS}
    evidence: dict[str, list[str]] = {name: [] for name in _SIGNALS}
    for name, patterns in _COMPILED.items():
        for pattern, gate, lead in patterns:
            for part, text in parts.items():
                if not passes(gate, lowered[part]):
                    continue
                # Up to three mentions count: the scan stops at the third, and the first
                # is the one quoted (findall, then search again, read the whole text twice).
                hits = list(islice(lead_finditer(pattern, lead, text, lowered[part]), 3))
                if hits:
                    scores[name] += _WEIGHTS[part] * len(hits)
                    if part != "opening" or len(evidence[name]) < 3:
                        evidence[name].append(f"{part} mentions {hits[0].group(0).strip()!r}")
    best = max(scores, key=lambda name: (scores[name], name == "nda"))
    if scores[best] == 0:
        return "nda", "no type signals found; the NDA profile is the strictest default for confidentiality"
    shown = "; ".join(list(dict.fromkeys(evidence[best]))[:3])
    return best, f"inferred {best}: {shown}"
