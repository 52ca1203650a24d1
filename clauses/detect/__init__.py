"""Detection: rule cues and the classifier, merged into explained evidence per element.

For every clause and element the rule score (elements.toml cues) and the
classifier probability are blended into one score; each clause that scores is
kept as Evidence carrying its cues, both scores, the quantities that decide
"weak" and any weak signals, so every result can say why.
"""

from __future__ import annotations

import re

from clauses.datamodel import Clause, Cue, Detection, Document, Evidence
from clauses.detect.context import ContextIndex
from clauses.detect.rules import apply_rules
from clauses.elements import ElementDef, elements
from clauses.quantities import notice_windows, survival_periods

RULE_WEIGHT = 0.5  # the classifier gets the rest
SINGLE_SOURCE_MARGIN = 0.30  # one source alone must reach 0.8 (a strong cue) to make a clause count
EVIDENCE_FLOOR = 0.2  # clauses below this are not worth showing
MAX_EVIDENCE = 5
SHORT_CLAUSE_WORDS = 8  # below this many words the classifier's score is scaled down
_SECTION_REF = re.compile(
    r"\b(?:sections?|clauses?|articles?|paragraphs?)\s+((?:\d+(?:\.\d+)*(?:\([a-z0-9]+\))?"
    r"(?:\s*(?:,|and|or|through|to|-|–)\s*)?)+)",
    re.IGNORECASE,
)
_CONFIDENTIAL_HEADING = re.compile(
    r"confidential|non-?disclosure|proprietary\s+information|secrecy", re.IGNORECASE
)


def blend(rule_score: float, model_score: float) -> float:
    """One score from both sources: their weighted mean, or one source alone when it is sure.

    Rules and classifier fail differently (rules miss unusual wording, the
    classifier misreads vocabulary it never saw), so agreement of both, or very
    high confidence of one, is what makes a clause count.
    """
    mean = RULE_WEIGHT * rule_score + (1.0 - RULE_WEIGHT) * model_score
    return round(max(mean, max(rule_score, model_score) - SINGLE_SOURCE_MARGIN), 4)


def _referenced_numbers(listing: str) -> set[str]:
    """The section numbers a reference names, with "1 to 8" and "11-15" ranges expanded."""
    numbers = set(re.findall(r"\d+(?:\.\d+)*", listing))
    for low, high in re.findall(r"(\d+)\s*(?:through|to|-|–)\s*(\d+)", listing):
        if int(low) < int(high) <= int(low) + 50:
            numbers.update(str(n) for n in range(int(low), int(high) + 1))
    return numbers


def _survival_reference_cue(document: Document, clause: Clause) -> Cue | None:
    """A survival clause that names the confidentiality section by number ("Sections 5 and 8 survive")."""
    if "surviv" not in clause.text.lower():
        return None
    for match in _SECTION_REF.finditer(clause.text):
        numbers = _referenced_numbers(match.group(1))
        for other in document.clauses:
            top = other.number.rstrip(".").split("(")[0]
            if top in numbers and _CONFIDENTIAL_HEADING.search(other.heading + " " + other.text[:80]):
                start = clause.start + match.start()
                return Cue(
                    "post_termination",
                    "survival_names_confidentiality",
                    0.85,
                    start,
                    clause.start + match.end(),
                )
    return None


def _length_factor(text: str) -> float:
    """Damp the classifier on heading-length text: a heading alone is not a provision."""
    words = len(text.split())
    return min(1.0, words / SHORT_CLAUSE_WORDS)


def _quantities(element: ElementDef, clause: Clause):
    if element.quantity == "survival":
        return survival_periods(clause.text, clause.start)
    if element.quantity == "notice":
        return notice_windows(clause.text, clause.start)
    return ()


def detect(
    document: Document, model=None, *, confidentiality_agreement: bool | None = None
) -> tuple[Detection, ...]:
    """Score every clause for every element; ``model`` is a ClauseModel or None for rules only.

    ``confidentiality_agreement``: whether the whole document is an NDA, where
    every duty is a confidentiality duty (so "this Agreement survives" counts);
    inferred from the document when None.
    """
    if confidentiality_agreement is None:
        from clauses.profiles.infer import infer_profile

        confidentiality_agreement = infer_profile(document)[0] == "nda"
    definitions = elements()
    clauses = document.clauses
    context = ContextIndex(document.text)
    length_factors = [_length_factor(clause.text) for clause in clauses]
    lowered = [clause.text.lower() for clause in clauses]
    if model is not None and clauses:
        probabilities = model.predict([c.text for c in clauses])
        column = {e: i for i, e in enumerate(model.element_ids)}
    else:
        probabilities, column = None, {}
    detections = []
    for element in definitions.values():
        evidence: list[Evidence] = []
        for row, clause in enumerate(clauses):
            rules = apply_rules(
                element,
                clause.text,
                clause.start,
                enforce_requires=not confidentiality_agreement,
                context=context,
                lowered=lowered[row],
            )
            cues = rules.cues
            rule_score = rules.score
            if element.id == "post_termination":
                reference = _survival_reference_cue(document, clause)
                if reference is not None:
                    cues = cues + (reference,)
                    rule_score = max(rule_score, 1 - (1 - rule_score) * (1 - reference.score))
            model_score = (
                float(probabilities[row, column[element.id]]) * length_factors[row]
                if probabilities is not None
                else rule_score
            )
            score = blend(rule_score, model_score)
            if score < EVIDENCE_FLOOR:
                continue
            evidence.append(
                Evidence(
                    clause_id=clause.id,
                    number=clause.number,
                    heading=clause.heading,
                    page=clause.page,
                    start=clause.start,
                    end=clause.end,
                    score=score,
                    rule_score=round(rule_score, 4),
                    model_score=round(model_score, 4),
                    cues=cues,
                    quantities=_quantities(element, clause),
                    weak_signals=rules.weak_reasons,
                )
            )
        evidence.sort(key=lambda ev: (-ev.score, ev.start))
        top = tuple(evidence[:MAX_EVIDENCE])
        detections.append(Detection(element.id, top[0].score if top else 0.0, top))
    return tuple(detections)
