"""A small contract and a hand-built Analysis of it, for the report and redline tests.

The DOCX is written with python-docx: a one-way NDA between "Company" and
"Recipient" with a numbered confidentiality section (2.1 .. 2.4), an existing
tracked insertion and deletion (added as raw XML, python-docx has no API for
them) and an existing comment. The Document and Analysis are built by hand so
these tests do not depend on the parser or the detector.
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import replace
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from clauses.datamodel import (
    GREEN,
    MISSING,
    PRESENT,
    RED,
    WEAK,
    Analysis,
    Clause,
    Cue,
    Document,
    ElementResult,
    Evidence,
    Quantity,
)
from clauses.segment.vocabulary import infer_vocabulary
from clauses.suggest import sequence_suggestions, suggest

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SCRIPT = "<script>alert(1)</script>"

PARAGRAPHS = (
    "NON-DISCLOSURE AGREEMENT",
    'This Agreement is made between Acme Widgets Inc. ("Company") and Beta Analytics LLC '
    '("Recipient") for the purpose of evaluating a possible collaboration (the "Purpose").',
    "1. Definitions",
    '1.1 "Confidential Information" means information of the Company marked "confidential" in '
    "writing at the time of disclosure.",
    "2. Confidentiality",
    "2.1 The Recipient shall keep the Confidential Information strictly confidential and shall not "
    "disclose it to any third party without the Company's prior written consent.",
    "2.2 The Recipient shall use the Confidential Information only for the Purpose.",
    "2.3 The obligations in this Section 2 survive termination of this Agreement for one (1) year.",
    "2.4 The obligations do not apply to information that is public or already known to the "
    f"Recipient | including notes such as {SCRIPT}.",
    "3. General",
    "3.1 This Agreement is governed by the laws of the State of Delaware.",
    "IN WITNESS WHEREOF the parties have signed this Agreement.",
    "Signed by: ____________________",
)
EXISTING_INSERTION = " and its employees"  # a tracked insertion already in 2.1
EXISTING_DELETION = "legally "  # a tracked deletion already in 2.2


def write_contract_docx(path: Path) -> Path:
    """Write the sample contract, with one tracked insertion, one deletion and one comment."""
    document = docx.Document()
    paragraphs = [document.add_paragraph(text) for text in PARAGRAPHS]
    # 2.1: an insertion by an earlier reviewer, at the end of the paragraph.
    ins = etree.SubElement(paragraphs[5]._p, qn("w:ins"))
    ins.set(qn("w:id"), "7")
    ins.set(qn("w:author"), "Earlier Reviewer")
    ins.set(qn("w:date"), "2025-03-01T10:00:00Z")
    run = etree.SubElement(ins, qn("w:r"))
    text = etree.SubElement(run, qn("w:t"))
    text.text = EXISTING_INSERTION
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    # 2.2: a deletion, which the accepted text leaves out.
    deletion = etree.Element(qn("w:del"))
    deletion.set(qn("w:id"), "8")
    deletion.set(qn("w:author"), "Earlier Reviewer")
    deletion.set(qn("w:date"), "2025-03-01T10:05:00Z")
    run = etree.SubElement(deletion, qn("w:r"))
    deleted = etree.SubElement(run, qn("w:delText"))
    deleted.text = EXISTING_DELETION
    deleted.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    paragraphs[6]._p.append(deletion)
    # An existing comment on 3.1.
    document.add_comment(paragraphs[10].runs, text="Check governing law.", author="Counsel", initials="C")
    document.save(str(path))
    return path


def accepted_text(paragraph: etree._Element) -> str:
    """Paragraph text with tracked changes accepted (insertions in, deletions out)."""
    parts: list[str] = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab")):
        if any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in node.iterancestors()):
            continue
        parts.append("\t" if node.tag == qn("w:tab") else (node.text or ""))
    return "".join(parts)


def document_from_docx(path: Path) -> Document:
    """Build the Document a parser would: one clause per non-empty body paragraph."""
    body = docx.Document(str(path)).element.body
    found = [(i, accepted_text(p)) for i, p in enumerate(body.iter(qn("w:p")))]
    found = [(i, t) for i, t in found if t.strip()]
    return build_document(
        [t for _, t in found], str(path), "docx", Path(path).read_bytes(), sources=[i for i, _ in found]
    )


def build_document(
    texts: list[str], path: str, fmt: str, data: bytes, sources: list[int] | None = None
) -> Document:
    """Document with clauses numbered from their leading "2.3"-style numbers."""
    full = "\n".join(texts)
    clauses: list[Clause] = []
    offset = 0
    heading = ""
    for index, text in enumerate(texts):
        match = re.match(r"^(\d+(?:\.\d+)*\.?)\s+(.*)$", text)
        number = match.group(1) if match else ""
        if match and re.fullmatch(r"\d+\.", number) and len(match.group(2)) < 40:
            heading = match.group(2)
        level = number.rstrip(".").count(".") if number else 0
        clauses.append(
            Clause(
                id=f"c{index + 1:04d}",
                number=number,
                heading=heading,
                text=text,
                start=offset,
                end=offset + len(text),
                level=level,
                source=(sources[index],) if sources is not None else (),
            )
        )
        offset += len(text) + 1
    assert all(full[c.start : c.end] == c.text for c in clauses)
    document = Document(
        path=path,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        text=full,
        pages=None,
        title=texts[0].title(),
        parties=("Acme Widgets Inc.", "Company", "Beta Analytics LLC", "Recipient"),
        defined_terms=("Company", "Recipient", "Confidential Information", "Purpose"),
        clauses=tuple(clauses),
    )
    return replace(document, vocabulary=infer_vocabulary(document))


def _clause(document: Document, number: str) -> Clause | None:
    return next((c for c in document.clauses if c.number == number), None)


def _evidence(
    clause: Clause, score: float, cue: str, element: str, quantities: tuple[Quantity, ...] = ()
) -> Evidence:
    return Evidence(
        clause_id=clause.id,
        number=clause.number,
        heading=clause.heading,
        page=clause.page,
        start=clause.start,
        end=clause.end,
        score=score,
        rule_score=score,
        model_score=score - 0.05,
        cues=(Cue(element=element, name=cue, score=score, start=clause.start, end=clause.start + 10),),
        quantities=quantities,
    )


# (element, title, requirement, severity, status, evidence clause number, reason)
NDA_RESULTS = (
    (
        "definition",
        "Scope definition",
        "required",
        "high",
        WEAK,
        "1.1",
        "Covers only information marked confidential in writing.",
    ),
    (
        "third_party",
        "Third-party limits",
        "required",
        "high",
        PRESENT,
        "2.1",
        "No disclosure to third parties without consent.",
    ),
    (
        "post_termination",
        "Post-termination duties",
        "required",
        "high",
        WEAK,
        "2.3",
        "Survives for one year; the profile requires at least two years.",
    ),
    (
        "breach_notice",
        "Breach notification",
        "required",
        "high",
        MISSING,
        None,
        "No duty to notify the Company of unauthorized disclosure.",
    ),
    ("remedies", "Remedies", "required", "high", MISSING, None, "No remedies for breach."),
    (
        "exclusions",
        "Standard exclusions",
        "required",
        "medium",
        PRESENT,
        "2.4",
        "Excludes public and already known information.",
    ),
    (
        "compelled_disclosure",
        "Disclosure required by law",
        "required",
        "medium",
        MISSING,
        None,
        "Nothing on disclosure required by law.",
    ),
    ("use_limitation", "Use limitation", "required", "medium", PRESENT, "2.2", "Use limited to the Purpose."),
    (
        "return_destruction",
        "Return or destruction",
        "required",
        "medium",
        MISSING,
        None,
        "No duty to return or destroy information.",
    ),
    ("safeguards", "Security safeguards", "recommended", "low", MISSING, None, "No standard of care."),
    ("personnel", "Personnel obligations", "recommended", "low", MISSING, None, "Personnel are not bound."),
    (
        "data_protection",
        "Data protection law",
        "optional",
        "none",
        MISSING,
        None,
        "Not required by this profile.",
    ),
    ("audit", "Audit and verification", "optional", "none", MISSING, None, "Not required by this profile."),
)


def build_analysis(document: Document, thresholds: dict | None = None, profile: str = "nda") -> Analysis:
    """An Analysis of the sample contract with suggestions for every required gap."""
    thresholds = thresholds or {"min_survival_years": 2, "max_notice_hours": 72}
    results: list[ElementResult] = []
    for element, title, requirement, severity, status, number, reason in NDA_RESULTS:
        evidence: tuple[Evidence, ...] = ()
        clause = _clause(document, number) if number else None
        if clause is not None:
            quantities: tuple[Quantity, ...] = ()
            if element == "post_termination":
                quantities = (
                    Quantity("survival", 1.0, "one (1) year", clause.start, clause.end),
                    Quantity("survival", float("inf"), "trade secrets", clause.start, clause.end),
                )
            evidence = (_evidence(clause, 0.9, f"{element}_cue", element, quantities),)
        suggestion = None
        if status != PRESENT and requirement != "optional":
            suggestion = suggest(
                document,
                element,
                profile_thresholds=thresholds,
                weak=status == WEAK,
                reason=reason,
                evidence_clause_id=evidence[0].clause_id if evidence else None,
            )
        results.append(
            ElementResult(
                element=element,
                title=title,
                requirement=requirement,
                severity=severity,
                status=status,
                confidence=0.82,
                reason=reason,
                evidence=evidence,
                suggestion=suggestion,
            )
        )
    numbered = iter(sequence_suggestions([r.suggestion for r in results if r.suggestion]))
    results = [replace(r, suggestion=next(numbered)) if r.suggestion else r for r in results]
    return Analysis(
        document=document,
        profile=profile,
        profile_reason='Title says "Non-Disclosure Agreement".',
        routing=RED,
        score=41,
        elements=tuple(results),
        model_version="test-0",
        warnings=("One clause could not be numbered.",),
    )


def green_variant(analysis: Analysis) -> Analysis:
    """The same analysis with every element present (for dashboards and sorting)."""
    elements = tuple(replace(e, status=PRESENT, suggestion=None) for e in analysis.elements)
    return replace(analysis, routing=GREEN, score=96, elements=elements)


def copy_document(document: Document, **changes: object) -> Document:
    return replace(copy.copy(document), **changes)
