"""Judge detections against a profile: present, weak or missing, each with a reason.

The reason is written for a reviewer ("survives 1 year after termination; the
vendor profile needs 3"). Thresholds come from the profile; what counts as
"weak wording" comes from elements.toml weak signals carried on the evidence.
"""

from __future__ import annotations

import math

from clauses.datamodel import (
    GREEN,
    MISSING,
    PRESENT,
    RED,
    WEAK,
    YELLOW,
    Detection,
    ElementResult,
    Evidence,
    Quantity,
)
from clauses.detect.quantities import describe_years, effective_notice_hours
from clauses.elements import elements
from clauses.profiles import Profile

PRESENT_THRESHOLD = 0.5  # blended clause score at which an element counts as present
_SEVERITY_WEIGHT = {"high": 3, "medium": 2, "low": 1}


def _where(evidence: Evidence) -> str:
    if evidence.number:
        return f"section {evidence.number}"
    return f"the clause at offset {evidence.start}"


def _survival_reason(supporting: tuple[Evidence, ...], minimum: float) -> str | None:
    periods: list[Quantity] = [q for ev in supporting for q in ev.quantities if q.kind == "survival"]
    if not periods:
        return None
    finite = [q for q in periods if q.value is not None and not math.isinf(q.value)]
    shortest = min(finite, key=lambda q: q.value or 0.0) if finite else None
    if shortest is not None and (shortest.value or 0.0) < minimum:
        return (
            f"confidentiality survives {describe_years(shortest.value or 0.0)} "
            f'("{shortest.text}"); the profile needs {describe_years(minimum)}'
        )
    return None


def _notice_reason(supporting: tuple[Evidence, ...], maximum: float) -> str | None:
    quantities = tuple(q for ev in supporting for q in ev.quantities if q.kind == "notice")
    hours, words = effective_notice_hours(quantities)
    if hours is None:
        said = f' ("{words}")' if words else ""
        return f"no outer time limit for notifying a breach{said}; the profile needs {maximum:g} hours"
    if hours > maximum:
        return f'breach notice within {hours:g} hours ("{words}"); the profile allows at most {maximum:g}'
    return None


def judge_element(detection: Detection, profile: Profile) -> ElementResult:
    """One element's status, confidence and reason under ``profile``."""
    definition = elements()[detection.element]
    rule = profile.rule(detection.element)
    supporting = tuple(ev for ev in detection.evidence if ev.score >= PRESENT_THRESHOLD)
    base = {
        "element": detection.element,
        "title": definition.title,
        "requirement": rule.requirement,
        "severity": rule.severity,
    }
    if not supporting:
        best = detection.evidence[0] if detection.evidence else None
        near = (
            (f"; the closest clause ({_where(best)}) scored {best.score:.2f}, below {PRESENT_THRESHOLD}")
            if best
            else ""
        )
        return ElementResult(
            **base,
            status=MISSING,
            confidence=round(1 - detection.score, 3),
            reason=f"no clause provides {definition.title.lower()}{near}",
            evidence=detection.evidence[:3],
        )
    reason = None
    if definition.quantity == "survival":
        reason = _survival_reason(supporting, profile.min_survival_years)
    elif definition.quantity == "notice":
        reason = _notice_reason(supporting, profile.max_notice_hours)
    if reason is None and all(ev.weak_signals for ev in supporting):
        reason = f"{supporting[0].weak_signals[0]} ({_where(supporting[0])})"
    best = supporting[0]
    cues = ", ".join(dict.fromkeys(c.name for c in best.cues)) or "classifier only"
    if reason is not None:
        return ElementResult(
            **base, status=WEAK, confidence=best.score, reason=reason, evidence=supporting[:3]
        )
    return ElementResult(
        **base,
        status=PRESENT,
        confidence=best.score,
        reason=f"found in {_where(best)} (cues: {cues}; classifier {best.model_score:.2f})",
        evidence=supporting[:3],
    )


def route(results: tuple[ElementResult, ...]) -> tuple[str, int]:
    """Routing and a 0-100 score.

    RED: a required high-severity (core) element is missing: escalate.
    YELLOW: another required element is missing, or a required or recommended
    element is weak: negotiate. GREEN otherwise; a missing recommended element
    is a note, not a gap.
    """
    routing = GREEN
    earned = total = 0.0
    for result in results:
        if result.requirement == "optional":
            continue
        weight = _SEVERITY_WEIGHT[result.severity]
        total += weight
        earned += weight * {PRESENT: 1.0, WEAK: 0.5, MISSING: 0.0}[result.status]
        if result.requirement == "required" and result.status == MISSING:
            if result.severity == "high":
                routing = RED
            elif routing != RED:
                routing = YELLOW
        elif result.status == WEAK and routing == GREEN:
            routing = YELLOW
    return routing, round(100 * earned / total) if total else 100


def judge(detections: tuple[Detection, ...], profile: Profile) -> tuple[tuple[ElementResult, ...], str, int]:
    results = tuple(judge_element(d, profile) for d in detections)
    routing, score = route(results)
    return results, routing, score
