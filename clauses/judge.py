"""Judge detections against a profile: present, weak or missing, each with a reason.

The reason is written for a reviewer ("survives 1 year after termination; the
vendor profile needs 3"). Thresholds come from the profile; what counts as
"weak wording" comes from elements.toml weak signals carried on the evidence.

Judged from a side (``--side customer``), a duty counts only when it binds the
other side or both: a vendor's terms full of the customer's duties do not give
the customer anything, and the reason says so ("binds you, not the vendor").
A placeholder left in the clause ("____ years") makes the element weak, and in
a document that incorporates other terms by reference a missing element is
"not in this document" rather than a red flag.

Confidence is the probability that the status is right: from the model's
calibration (fitted on held-out corpus folds, clauses/detect/calibration.py)
when there is one, else the raw best-clause score. Below REVIEW_BELOW the result
carries ``needs_review``, so a reader knows which verdicts to check.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from clauses.datamodel import (
    GREEN,
    MISSING,
    PRESENT,
    RED,
    WEAK,
    YELLOW,
    Detection,
    Document,
    ElementResult,
    Evidence,
    Quantity,
)
from clauses.detect import PRESENT_THRESHOLD
from clauses.detect.calibration import REVIEW_BELOW, Calibration
from clauses.detect.obligor import EITHER, SideView
from clauses.detect.quantities import describe_years, effective_notice_hours
from clauses.elements import ElementDef, elements
from clauses.profiles import Profile
from clauses.segment.labels import cited, described, provision_of

_SEVERITY_WEIGHT = {"high": 3, "medium": 2, "low": 1}
# Elements that define rather than oblige: they count whoever they bind.
SIDE_NEUTRAL = frozenset({"definition", "exclusions"})
NOT_IN_DOCUMENT = "not in this document"
# The reason of elements.toml's data_protection definition_only signal: neutral, see _weighed_for_weakness.
ONLY_DEFINES = "the clause only defines the personal data or the data protection law"
# The definition cues (elements.toml) that name the term without stating its scope.
NAMING_CUES = frozenset({"term_assigned", "term_in_parens", "information_term"})


# How a reason names a clause; the pipeline passes one that knows the document (its_way).
Cite = Callable[[Evidence], str]


def by_number(evidence: Evidence) -> str:
    """The citation when the document is not at hand: "section 7.2", else the clause's offset."""
    if evidence.number:
        return cited(evidence.number, "section")
    return f"the clause at offset {evidence.start}"


def its_way(document: Document) -> Cite:
    """Clauses of ``document`` cited its own way inside a reason: "clause 5.4", "section 7.2",
    else by their opening words, which a reader can find (an offset means nothing to them)."""
    provision = provision_of(document).lower()
    return lambda ev: described(ev.number, document.text[ev.start : ev.end], provision)


def _survival_reason(
    supporting: tuple[Evidence, ...],
    minimum: float,
    fallback: float | None = None,
    term: Quantity | None = None,
) -> str | None:
    # The periods of the best clause that states any: a shorter period in a lesser clause
    # (a non-solicitation year, a data-export window) is not how long confidentiality lasts.
    periods: list[Quantity] = next(
        (found for ev in supporting if (found := [q for q in ev.quantities if q.kind == "survival"])), []
    )
    if not periods and term is not None and (term.value or 0.0) <= minimum:
        # No period of their own, and they do not outlast the agreement, which ends a fixed time
        # after its date: they last no longer than that from signing.
        return (
            f"the agreement ends {describe_years(term.value or 0.0)} after its date "
            f'("{term.text}") and its duties do not survive it; the profile needs {describe_years(minimum)} '
            "after termination"
        )
    if not periods:
        return None
    finite = [q for q in periods if q.value is not None and not math.isinf(q.value)]
    shortest = min(finite, key=lambda q: (q.value or 0.0, not q.from_signing)) if finite else None
    if shortest is not None and shortest.from_signing and (shortest.value or 0.0) <= minimum:
        # Counted from signing, part of the period runs before termination: it survives for less.
        return (
            f"confidentiality lasts {describe_years(shortest.value or 0.0)} from the date of the agreement "
            f'("{shortest.text}"), less than that after termination; '
            f"the profile needs {describe_years(minimum)}"
        )
    if shortest is not None and (shortest.value or 0.0) < minimum:
        if fallback is not None and (shortest.value or 0.0) >= fallback:
            return (
                f"acceptable fallback: confidentiality survives {describe_years(shortest.value or 0.0)} "
                f'("{shortest.text}"); the playbook prefers {describe_years(minimum)}'
            )
        return (
            f"confidentiality survives {describe_years(shortest.value or 0.0)} "
            f'("{shortest.text}"); the profile needs {describe_years(minimum)}'
        )
    return None


def _notice_reason(
    supporting: tuple[Evidence, ...], maximum: float, fallback: float | None = None
) -> str | None:
    quantities = tuple(q for ev in supporting for q in ev.quantities if q.kind == "notice")
    hours, words = effective_notice_hours(quantities)
    if hours is None:
        said = f' ("{words}")' if words else ""
        return f"no outer time limit for notifying a breach{said}; the profile needs {maximum:g} hours"
    if hours > maximum and fallback is not None and hours <= fallback:
        return (
            f'acceptable fallback: breach notice within {hours:g} hours ("{words}"); '
            f"the playbook prefers {maximum:g}"
        )
    if hours > maximum:
        return f'breach notice within {hours:g} hours ("{words}"); the profile allows at most {maximum:g}'
    return None


def _weighed_for_weakness(definition: ElementDef, supporting: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """The clauses whose weak signals decide: an element is weak when every one of them is.

    The scope is what the defining clause says (the spec: weak when it "covers only
    information marked confidential"): a clause with no definition cue, a recital or
    a sentence the classifier alone reads as scope, defines nothing, so it does not
    clear the defining clause's weakness. A clause that only defines the data or the
    law (ONLY_DEFINES) neither states a duty to comply nor weakens one: it is not
    weighed, and when nothing else supports the element it is not weak (the duty
    may sit in a clause the detector missed). Where the element says so
    (``model_clears_weak = false`` in elements.toml), a clause only the classifier reads as
    the element clears nothing either. Other clauses are all weighed.
    """
    if definition.id == "definition":
        # A clause that only names the term ("... and other information (together, the
        # 'Confidential Information')") says what the talks will share, not what the term
        # covers: where another clause defines it ("means", "shall be defined as"), that
        # definition's weakness is not cleared by the naming.
        defining = tuple(ev for ev in supporting if ev.cues)
        stating = tuple(ev for ev in defining if any(cue.name not in NAMING_CUES for cue in ev.cues))
        return stating or defining or supporting
    if not definition.model_clears_weak:
        supporting = tuple(ev for ev in supporting if ev.cues) or supporting
    return tuple(ev for ev in supporting if ev.weak_signals != (ONLY_DEFINES,))


def _decisive_reason(
    definition: ElementDef, weighed: tuple[Evidence, ...], below: tuple[Evidence, ...], cite: Cite
) -> str | None:
    """The reason of a decisive weak signal (elements.toml) on any weighed clause, else None;
    or of one marked ``decisive_below_present`` on a clause quoted below the present threshold
    (``below``): a door the contract opens in a sub-clause of its own, which the classifier does
    not read as the element by itself.

    Most weak signals describe one clause, and another clause stating the element plainly
    clears them. A decisive one describes a door the contract opens (affiliates that may
    receive the information with no duty): the spec's weak test reads it wherever it sits,
    so a plain "shall not disclose" in another section does not clear it. (A residuals
    clause was tried as decisive too: the real labels keep a purpose limit stated
    elsewhere unweakened by it, and the blind weak-flag accuracy fell.)
    """
    decisive = {signal.reason for signal in definition.weak if signal.decisive}
    anywhere = {signal.reason for signal in definition.weak if signal.decisive_below_present}
    for reasons, clauses in ((decisive, weighed), (anywhere, below)):
        for ev in clauses:
            for signal in ev.weak_signals:
                if signal in reasons:
                    return f"{signal} ({cite(ev)})"
    return None


def _binds_other(evidence: Evidence, side: SideView) -> bool:
    """Whether the clause's duty binds the other side (or both); an unread clause counts, as before."""
    return not evidence.binds or any(party in side.other for party in evidence.binds)


def _own_side_only(title: str, dropped: tuple[Evidence, ...], side: SideView, cite: Cite) -> str:
    bound = ", ".join(dropped[0].binds)
    where = ", ".join(dict.fromkeys(cite(ev) for ev in dropped[:3]))
    return (
        f"{where} binds you ({bound}), not {side.other_label}; "
        f"no clause binding {side.other_label} provides {title.lower()}"
    )


def _confident(result: ElementResult, detection: Detection, calibration: Calibration | None) -> ElementResult:
    """``result`` with its confidence calibrated (when a calibration is given) and needs_review set.

    A "missing" said of a clause that scored as present (it binds the reader's own
    side) is not what the calibration measured: it keeps its raw confidence.
    """
    confidence = result.confidence
    own_side = result.status == MISSING and detection.score >= PRESENT_THRESHOLD
    if calibration is not None and not own_side:
        confidence = round(calibration.probability_right(result.element, detection.score, result.status), 3)
    return replace(result, confidence=confidence, needs_review=confidence < REVIEW_BELOW)


def judge_element(
    detection: Detection,
    profile: Profile,
    side: SideView = EITHER,
    incorporates: tuple[str, ...] = (),
    calibration: Calibration | None = None,
    cite: Cite = by_number,
) -> ElementResult:
    """One element's status, confidence and reason under ``profile``, from ``side``.

    ``incorporates`` names the documents this one incorporates by reference: a
    missing element may be there, and its reason says so. ``cite`` names a clause in the
    reason (``its_way(document)`` when the document is at hand).
    """
    result = _judge_element(detection, profile, side, incorporates, cite)
    return _confident(result, detection, calibration)


def _judge_element(
    detection: Detection, profile: Profile, side: SideView, incorporates: tuple[str, ...], cite: Cite
) -> ElementResult:
    definition = elements()[detection.element]
    rule = profile.rule(detection.element)
    supporting = tuple(ev for ev in detection.evidence if ev.score >= PRESENT_THRESHOLD)
    base = {
        "element": detection.element,
        "title": definition.title,
        "requirement": rule.requirement,
        "severity": rule.severity,
    }
    if supporting and not side.either and detection.element not in SIDE_NEUTRAL:
        dropped = tuple(ev for ev in supporting if not _binds_other(ev, side))
        supporting = tuple(ev for ev in supporting if _binds_other(ev, side))
        if not supporting:
            return ElementResult(
                **base,
                status=MISSING,
                confidence=dropped[0].score,
                reason=_own_side_only(definition.title, dropped, side, cite),
                evidence=dropped[:3],
            )
    if not supporting and incorporates:
        return ElementResult(
            **base,
            status=MISSING,
            confidence=round(1 - detection.score, 3),
            reason=f"{NOT_IN_DOCUMENT}: the operative terms may be in {' / '.join(incorporates)}, "
            "which it incorporates by reference; review that document",
            evidence=detection.evidence[:3],
        )
    if not supporting:
        best = detection.evidence[0] if detection.evidence else None
        near = (
            f"; the closest clause ({cite(best)}) scored {best.score:.2f}, "
            f"below {PRESENT_THRESHOLD}"
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
        reason = _survival_reason(
            supporting, profile.min_survival_years, profile.fallback_survival_years, detection.term
        )
    elif definition.quantity == "notice":
        reason = _notice_reason(supporting, profile.max_notice_hours, profile.fallback_notice_hours)
    weighed = _weighed_for_weakness(definition, supporting)
    if reason is None and weighed and all(ev.weak_signals for ev in weighed):
        reason = f"{weighed[0].weak_signals[0]} ({cite(weighed[0])})"
    if reason is None:
        below = tuple(ev for ev in detection.evidence if ev.score < PRESENT_THRESHOLD)
        reason = _decisive_reason(definition, weighed, below, cite)
    best = supporting[0]
    # The clause quoted first is not always the highest-scoring (detect's quoting order puts
    # the confidentiality section's clause first on a near tie): confidence is the strongest's.
    strongest = max(ev.score for ev in supporting)
    cues = ", ".join(dict.fromkeys(c.name for c in best.cues)) or "classifier only"
    # A blank is not weak in itself (the spec's weak tests are about the terms a clause
    # states: a deadline left blank states none, a survival period left blank is not shorter
    # than the minimum), but the reader must know the term is open; the redline fills a
    # period or deadline.
    blank = next((ev for ev in supporting if ev.blanks), None)
    open_term = f'; left blank: "{blank.blanks[0]}" ({cite(blank)})' if blank is not None else ""
    if reason is not None:
        return ElementResult(
            **base, status=WEAK, confidence=strongest, reason=reason + open_term, evidence=supporting[:3]
        )
    found = f"found in {cite(best)} (cues: {cues}; classifier {best.model_score:.2f})"
    return ElementResult(
        **base,
        status=PRESENT,
        confidence=strongest,
        reason=found + open_term,
        evidence=supporting[:3],
    )


def route(results: tuple[ElementResult, ...], incorporated: bool = False) -> tuple[str, int]:
    """Routing and a 0-100 score.

    RED: a required high-severity (core) element is missing: escalate.
    YELLOW: another required element is missing, or a required or recommended
    element is weak: negotiate. GREEN otherwise; a missing recommended element
    is a note, not a gap. When the document ``incorporated`` other terms by
    reference, a missing element is "not in this document" and at most YELLOW:
    that document must be read, this one is not defective for lacking it.
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
            if result.severity == "high" and not incorporated:
                routing = RED
            elif routing != RED:
                routing = YELLOW
        elif result.status == WEAK and routing == GREEN:
            routing = YELLOW
    return routing, round(100 * earned / total) if total else 100


def judge(
    detections: tuple[Detection, ...],
    profile: Profile,
    side: SideView = EITHER,
    incorporates: tuple[str, ...] = (),
    calibration: Calibration | None = None,
    cite: Cite = by_number,
) -> tuple[tuple[ElementResult, ...], str, int]:
    results = tuple(judge_element(d, profile, side, incorporates, calibration, cite) for d in detections)
    routing, score = route(results, incorporated=bool(incorporates))
    return results, routing, score
