"""Rule cues: the patterns of elements.toml applied to one clause.

A clause's rule score for an element combines its distinct cues as independent
pieces of evidence (1 - prod(1 - score)), so two weak cues together say more than
one; a negation in the same sentence cancels the cues it overlaps, and context
words near a cue raise the score a little (presidio's context enhancer idea).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clauses.datamodel import Clause, Cue
from clauses.detect.context import ContextIndex
from clauses.detect.sentences import FULL_STOP_BREAK, SENTENCE_BREAK
from clauses.elements import ElementDef, WeakSignal
from clauses.elements.gate import gate_text, lead_finditer, lead_search, passes, passes_any
from clauses.segment.labels import CONFIDENTIALITY_HEADING

CONTEXT_BOOST = 0.05  # per context word found, up to CONTEXT_MAX
CONTEXT_MAX = 0.1
REQUIRES_FACTOR = 0.3  # rule score kept when the element's ``requires`` pattern is absent
HEADING_BOOST = 0.1  # added when the clause's heading or parent heading names the element,
HEADING_CEILING = 0.6  # but never past this: a heading tips a near miss, it does not outrank a plain clause
HEADING_DAMP = 0.2  # taken off when one names a look-alike ("Indemnification" for remedies)


@dataclass(frozen=True)
class RuleResult:
    score: float
    cues: tuple[Cue, ...]
    weak_reasons: tuple[str, ...]


def _sentence_spans(text: str, breaks: re.Pattern[str] = SENTENCE_BREAK) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in breaks.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _shared_sentence_spans(
    text: str, shared: dict[str, list[tuple[int, int]]] | None
) -> list[tuple[int, int]]:
    """``_sentence_spans(text)``, cut once per document: the detector asks for a clause's sentences
    for each element whose cue fires in it or whose negations it tests (``shared``: the document's
    cuts so far, by clause text; None: cut here). The list is shared: read it, never change it."""
    if shared is None:
        return _sentence_spans(text)
    spans = shared.get(text)
    if spans is None:
        spans = shared[text] = _sentence_spans(text)
    return spans


# A next sentence that goes on with the same provision: "In such event, ...", "Prior to any
# such disclosure, ...", "... notice of any such legal or governmental demand ...", "... shall
# notify the other party in advance".
# What a compelled-disclosure provision is about, as a later sentence names it ("such order").
_PROVISION_NOUN = (
    r"(?:[\w-]+\s+){0,3}?(?:disclosure|requirement|request|order|demand|process|subpoena|compulsion)s?\b"
)
_REFERS_BACK = re.compile(
    r"^\W*(?:in\s+(?:any\s+)?(?:such|that|this|which|either)\s+(?:event|case)|prior\s+to|before)\b|"
    rf"\b(?:such|the|that|any)\s+{_PROVISION_NOUN}|"
    # notice said to come first refers to the disclosure it precedes: "shall notify the other party
    # in advance", "shall inform the Discloser beforehand", "before disclosing"
    r"\bin\s+advance\b|\bbeforehand\b|\bbefore\s+(?:making\s+(?:any\s+|such\s+|the\s+)?)?disclos\w*",
    re.IGNORECASE,
)


# A sentence that names its disclosure or order with "such" goes on with the one before it, which
# set the provision up: "If compelled by a court order to disclose, it shall first notify the
# Discloser. It shall disclose only the part required to comply with such order." Only "such":
# "the disclosure" or "any disclosure" may start a provision of its own. A sentence that only
# limits the disclosure to what the law requires ("It will disclose only what it is legally
# required to disclose") also goes on with the provision before it, which says when and how.
_CONTINUES = re.compile(
    rf"\bsuch\s+{_PROVISION_NOUN}|"
    r"\bonly\s+(?:what|that\s+portion|the\s+portion|such\s+portion|that\s+part|the\s+part|those\s+portions)\b",
    re.IGNORECASE,
)


def _weak_holds(signal: WeakSignal, text: str, lowered: str | None = None) -> bool:
    """Whether ``signal`` makes ``text`` weak: its wording is there and its ``unless`` is not.

    With the sentence scope, the ``unless`` wording must be in the sentence of a match (or the
    next sentences that refer back to it, one after another, or the sentences before one that
    goes on with them); the clause is weak when no match has it. ``lowered``: ``gate_text(text)``,
    to start the searches where a match can start.
    """
    if signal.unless is None or signal.unless_scope == "clause":
        return lead_search(signal.regex, signal.lead, text, lowered) is not None and not (
            signal.unless and lead_search(signal.unless, signal.unless_lead, text, lowered)
        )
    matches = list(lead_finditer(signal.regex, signal.lead, text, lowered))
    if not matches:
        return False
    sentences = _sentence_spans(text, FULL_STOP_BREAK)
    for match in matches:
        at = next(i for i, (_, end) in enumerate(sentences) if match.start() < end or end == len(text))
        start, end = sentences[at]
        # A sentence that goes on with the one before ("... such order") is read with it.
        first = at
        while first > 0 and _CONTINUES.search(text[slice(*sentences[first])]):
            first -= 1
            start = sentences[first][0]
        # Each next sentence that refers back goes on with the provision ("... may do so. It shall
        # limit the disclosure. It shall give notice of the requirement.").
        while at + 1 < len(sentences) and _REFERS_BACK.search(text[slice(*sentences[at + 1])]):
            at += 1
            end = sentences[at][1]
        # Its first match in the provision: ``unless.search(text, start, end)``, tried only where
        # one of its lead words is (gate.lead_finditer reads the text as ending at ``end``).
        if next(lead_finditer(signal.unless, signal.unless_lead, text, lowered, start, end), None):
            return False
    return True


def _negated_ranges(
    element: ElementDef,
    text: str,
    lowered: str,
    sentences: list[tuple[int, int]],
    negation_open: Sequence[int] | None = None,
    gate_bit: int = 1,
) -> list[tuple[int, int]]:
    """The sentences in which one of the element's negations matches (``lowered``: gate_text(text)).

    ``negation_open``: per negation, whether its literal gate passes ``text``, when the caller
    has worked that out for the whole document at once (gate.RowIndex); else tested here. Each
    is a bool, or a row mask of the document whose ``gate_bit`` is this text's (the masks read
    as they are, without a list of bools per clause and element).
    """
    if negation_open is None:
        negation_open = [passes(negation.gate, lowered) for negation in element.negations]
    ranges = []
    for negation, gate_open in zip(element.negations, negation_open, strict=True):
        if not gate_open & gate_bit:
            continue  # its regex cannot match here (gate.py): the same ranges without the scan
        for match in lead_finditer(negation.regex, negation.lead, text, lowered):
            for start, end in sentences:
                if start <= match.start() < end:
                    ranges.append((start, end))
    return ranges


def negated_at(
    element: ElementDef,
    text: str,
    lowered: str,
    position: int | None,
    negation_open: Sequence[int] | None = None,
    shared_sentences: dict[str, list[tuple[int, int]]] | None = None,
    end: int | None = None,
    gate_bit: int = 1,
) -> bool:
    """Whether one of ``element``'s negations matches in the sentence of ``text`` holding ``position``
    (None: in any sentence of ``text``, for a clause read as one sentence), or, given ``end``, in
    any of the sentences that overlap [position, end).

    The classifier's sentences merge short pieces forward ("7. Due Diligence Access." joins
    the sentence after it), these negations cut at every full stop: the start of the sentence
    the classifier read may lie in a clause number or heading, so detect asks about its span.

    detect asks it of a clause that the classifier alone finds: a negation says the
    sentence is a look-alike ("the Recipient may inspect ...", the provider's own
    SOC 2 audit), and it cancels the classifier's word there as it cancels a cue's.
    ``negation_open`` and ``gate_bit``: as for _negated_ranges; ``shared_sentences``: as for
    _shared_sentence_spans.
    """
    if not element.negations:
        return False
    sentences = _shared_sentence_spans(text, shared_sentences)
    negated = _negated_ranges(element, text, lowered, sentences, negation_open, gate_bit)
    if position is None:
        return bool(negated)
    if end is None:
        return any(start <= position < stop for start, stop in negated)
    return any(start < end and position < stop for start, stop in negated)


def context_adjusted(
    element: ElementDef, score: float, headings: Sequence[str], doc_type: str, floor: float
) -> float:
    """``score`` moved by the section headings above the clause (its own and its parent's)
    and by the contract type, as elements.toml declares them per element.

    A heading is context, not evidence: it only moves a clause that already has
    some support (``score`` at least ``floor``, from a cue or the classifier), by
    a bounded amount, so a clause under "Survival" that says "these duties
    continue" counts, and an inspection under "Quality" counts less; a heading
    alone never makes an element. The boost stops at HEADING_CEILING: a clause
    that states the element plainly keeps its rank above one that sits under
    the right heading (the quoted evidence stays the plain one). A contract type
    that expects the element (``doc_types``) boosts as a naming heading does.
    """
    if score < floor:
        return score
    named = [heading for heading in headings if heading]
    boost = doc_type in element.doc_types or (
        element.heading_boost is not None and any(element.heading_boost.search(h) for h in named)
    )
    damp = element.heading_damp is not None and any(element.heading_damp.search(h) for h in named)
    if boost and not damp:
        return round(min(score + HEADING_BOOST, max(score, HEADING_CEILING)), 4)
    if damp and not boost:
        return round(max(0.0, score - HEADING_DAMP), 4)
    return score


def off_topic(element: ElementDef, clause: Clause, requires_met: bool | None = None) -> bool:
    """Whether ``clause`` lacks what ``element`` requires outside an NDA, heading included.

    The classifier learned duties from confidentiality clauses, so outside an NDA it
    also scores a clause whose duty concerns no information at all ("accrued
    obligations continue until satisfied", "these Terms continue to apply until
    ended", a surveyor inspecting a vessel's logs). detect scales such a clause's
    classifier score as apply_rules scales its cues (REQUIRES_FACTOR), unless its
    heading or parent heading names confidentiality: a clause under "Confidentiality"
    is about the other's information even when it says "the provisions of this
    Section 7 survive". ``requires_met``: ``meets_requires`` for the clause's text, when the
    caller knows it (detect asks once per clause and element).
    """
    met = meets_requires(element, clause.text) if requires_met is None else requires_met
    if met:
        return False
    return not CONFIDENTIALITY_HEADING.search(f"{clause.heading} {clause.parent_heading}")


def meets_requires(element: ElementDef, text: str, lowered: str | None = None) -> bool:
    """Whether ``text`` has what ``element`` requires (always, when it requires nothing).

    The requires pattern's literal gate is tested first: a clause without any of its
    words cannot match, and searching it for a dozen alternatives costs more than the test.
    """
    if element.requires is None:
        return True
    lowered = gate_text(text) if lowered is None else lowered
    return passes(element.requires_gate, lowered) and (
        lead_search(element.requires, element.requires_lead, text, lowered) is not None
    )


def apply_rules(
    element: ElementDef,
    text: str,
    offset: int = 0,
    *,
    enforce_requires: bool = True,
    context: ContextIndex | None = None,
    lowered: str | None = None,
    open_gates: tuple[Sequence[int], Sequence[int], Sequence[int]] | None = None,
    gate_bit: int = 1,
    requires_met: bool | None = None,
    shared_sentences: dict[str, list[tuple[int, int]]] | None = None,
    weak_without_cues: bool = True,
) -> RuleResult:
    """Score one clause's text for one element; cue offsets are made absolute with ``offset``.

    ``enforce_requires=False`` lifts the element's ``requires`` condition, for
    documents (NDAs) in which every duty is a confidentiality duty. ``context``
    is the document's context-word index (built from ``text`` when None), with
    ``text`` lying at ``offset`` in the indexed text. ``lowered`` is ``gate_text(text)``
    when the caller already has it (one clause, thirteen elements).
    ``open_gates`` is, per cue, per weak signal and per negation of the element, whether
    its literal gate passes this clause, when the caller has worked that out for the
    whole document at once (clauses/gate.RowIndex); else each gate is tested here. Each is a bool,
    or the document's row mask of that gate, whose ``gate_bit`` is this clause's row: detect passes
    the masks themselves rather than building three lists of bools per clause and element.
    ``requires_met`` is ``meets_requires(element, text)`` when the caller knows it.
    ``shared_sentences``: the document's sentence cuts (_shared_sentence_spans).
    ``weak_without_cues=False``: when no cue fires, the weak signals are not read (the result has
    none), for a caller that drops such a clause (detect, when the classifier does not find it either).
    """
    lowered = gate_text(text) if lowered is None else lowered
    if open_gates is None:
        if not passes_any(element.gate, lowered):
            return RuleResult(0.0, (), ())  # no cue or weak signal of this element can match
        cue_open = [passes(pattern.gate, lowered) for pattern in element.cues]
        weak_open = [passes(signal.gate, lowered) for signal in element.weak]
        negation_open = None
    else:
        cue_open, weak_open, negation_open = open_gates
    fired: dict[str, Cue] = {}
    sentences: list[tuple[int, int]] | None = None
    negated: list[tuple[int, int]] = []
    for pattern, gate_open in zip(element.cues, cue_open, strict=True):
        if not gate_open & gate_bit:
            continue
        match = lead_search(pattern.regex, pattern.lead, text, lowered)
        if match is None:
            continue
        if element.negations:
            if sentences is None:
                sentences = _shared_sentence_spans(text, shared_sentences)
                negated = _negated_ranges(element, text, lowered, sentences, negation_open, gate_bit)
            if any(s <= match.start() < e for s, e in negated):
                # Try a later match outside the negated sentences.
                match = next(
                    (
                        m
                        for m in lead_finditer(pattern.regex, pattern.lead, text, lowered)
                        if not any(s <= m.start() < e for s, e in negated)
                    ),
                    None,
                )
                if match is None:
                    continue
        fired[pattern.name] = Cue(
            element.id, pattern.name, pattern.score, offset + match.start(), offset + match.end()
        )
    if not fired and not weak_without_cues:
        return RuleResult(0.0, (), ())
    weak = tuple(
        signal.reason
        for signal, gate_open in zip(element.weak, weak_open, strict=True)
        if gate_open & gate_bit and _weak_holds(signal, text, lowered)
    )
    if not fired:
        # Weak wording still counts when the classifier alone finds the element.
        return RuleResult(0.0, (), weak)
    remaining = 1.0
    for cue in fired.values():
        remaining *= 1.0 - cue.score
    score = 1.0 - remaining
    if context is None:
        context, offset_in_index = ContextIndex(text), 0
    else:
        offset_in_index = offset
    words = context.distinct_words(element.id, offset_in_index, offset_in_index + len(text))
    score = min(0.99, score + min(CONTEXT_MAX, CONTEXT_BOOST * words))
    if requires_met is None and enforce_requires:
        requires_met = meets_requires(element, text, lowered)
    if enforce_requires and not requires_met:
        score *= REQUIRES_FACTOR
    return RuleResult(round(score, 4), tuple(fired.values()), weak)
