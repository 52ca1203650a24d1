"""Detection: rule cues and the classifier, merged into explained evidence per element.

For every clause and element the rule score (elements.toml cues) and the
classifier probability are blended into one score; each clause that scores is
kept as Evidence carrying its cues, both scores, the quantities that decide
"weak" and any weak signals, so every result can say why.

Every clause of several sentences is also scored sentence by sentence
(clauses/detect/sentences.py): an element takes the better of the clause and its
best sentence, and quotes that sentence, so a clause that bundles several duties
yields each of them and a long clause does not dilute one plain sentence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from itertools import islice

import numpy as np

from clauses.datamodel import Clause, Cue, Detection, Document, Evidence
from clauses.detect.blanks import clause_blanks, weakens
from clauses.detect.context import ContextIndex
from clauses.detect.doctype import infer_profile
from clauses.detect.marking import with_marking_condition
from clauses.detect.obligor import ObligorIndex
from clauses.detect.quantities import (
    SURVIVES_AGREEMENT,
    agreement_term,
    defined_periods,
    notice_windows,
    survival_periods,
)
from clauses.detect.rules import (
    REQUIRES_FACTOR,
    RuleResult,
    apply_rules,
    context_adjusted,
    meets_requires,
    negated_at,
    off_topic,
)
from clauses.detect.sectionrefs import (
    bare_number,
    names_only_other_sections,
    reference_matches,
    referenced_numbers,
)
from clauses.detect.sentences import cue_score, sentence_spans
from clauses.elements import ElementDef, elements
from clauses.elements.gate import LiteralScanner, RowIndex, gate_literals, gate_text, literal_scanner
from clauses.segment.labels import CONFIDENTIALITY_HEADING, DATA_DUTIES_HEADING

RULE_WEIGHT = 0.5  # the classifier gets the rest
SINGLE_SOURCE_MARGIN = 0.30  # one source alone must reach 0.8 (a strong cue) to make a clause count
EVIDENCE_FLOOR = 0.2  # clauses below this are not worth showing
# The blended clause score at which an element counts as present: the judge's test, and the
# level at which detect's quoting order (_quoting_order) moves a clause.
PRESENT_THRESHOLD = 0.5
MAX_EVIDENCE = 5
# The lowest classifier score that can reach EVIDENCE_FLOOR without a cue (blend(0, m)),
# a little lower because blend rounds; clauses below it and with no cue are not scored.
MODEL_ALONE = min(EVIDENCE_FLOOR / (1 - RULE_WEIGHT), EVIDENCE_FLOOR + SINGLE_SOURCE_MARGIN) - 0.001
NO_RULES = RuleResult(0.0, (), ())
SHORT_CLAUSE_WORDS = 8  # below this many words the classifier's score is scaled down
TIE_MARGIN = 0.1  # scores this close are a tie for which clause is quoted first (_quoting_order)
SENTENCE_RULE_FLOOR = 0.5  # a sentence raises its clause's score only with cues of this much of its own
# A form attached for someone else to sign (a representative's joinder, an employee's secrecy
# undertaking in a schedule): its confidentiality heading does not make it the duty's own section.
_ATTACHED_FORM_HEADING = re.compile(r"\bform\s+of\b|\bjoinder\b", re.IGNORECASE)
_SIGNED_INSTRUMENT_HEADING = re.compile(r"\b(undertaking|acknowledge?ment|declaration)s?\b", re.IGNORECASE)
_ATTACHMENT_START = re.compile(r"^\W*(schedule|exhibit|annex|appendix|attachment)\b", re.IGNORECASE)
# A model form's note to the one who fills it in ("[Drafting note: this form omits the usual
# exceptions ...]", "Note to draft: add a notice provision ...", "Guidance note: ..."): advice
# about the contract, not a provision of it, so it carries no element however closely it names one.
_DRAFTING_NOTE = re.compile(
    r"^\W{0,3}(drafting\s+notes?|notes?\s+to\s+(draft|drafters?|draftsperson|user|preparer)s?|ntd|"
    r"drafter['’]?s\s+notes?|guidance\s+notes?|practice\s+notes?|explanatory\s+notes?|"
    r"user\s+notes?|instructions?\s+(to|for)\s+(the\s+)?(drafters?|users?|preparers?))\s*[:.\-–—]",
    re.IGNORECASE,
)


def blend(rule_score: float, model_score: float) -> float:
    """One score from both sources: their weighted mean, or one source alone when it is sure.

    Rules and classifier fail differently (rules miss unusual wording, the
    classifier misreads vocabulary it never saw), so agreement of both, or very
    high confidence of one, is what makes a clause count.
    """
    mean = RULE_WEIGHT * rule_score + (1.0 - RULE_WEIGHT) * model_score
    return round(max(mean, max(rule_score, model_score) - SINGLE_SOURCE_MARGIN), 4)


def _without_evidence(cues: tuple[Cue, ...], model_score: float) -> bool:
    """Whether a clause with these cues and classifier score can give no evidence, read no further.

    With no cue its rule score is 0 and its score blend(0, model), below EVIDENCE_FLOOR for a
    model score under MODEL_ALONE; what detect reads next only lowers that (a negation, a clause
    off the element's topic) or cannot replace it: its best sentence stands in for it only with
    SENTENCE_RULE_FLOOR of cues of its own, and with no cue in the clause no sentence has any.
    So the clause is dropped whatever its negations and sentences say, and they are not read.
    """
    return not cues and model_score < MODEL_ALONE


def _confidentiality_numbers(document: Document) -> frozenset[str]:
    """The numbers of the clauses under a confidentiality heading, or a heading of duties over the
    other's data ("5. Buyer Information"), as a survival clause cites them."""
    return frozenset(
        bare_number(clause.number)
        for clause in document.clauses
        if clause.number
        and (
            CONFIDENTIALITY_HEADING.search(clause.heading + " " + clause.text[:80])
            or DATA_DUTIES_HEADING.search(clause.heading)
        )
    )


# A clause about the information: its confidentiality, the other's data or its protection. A survival
# clause naming only sections without it keeps other terms (sectionrefs.names_only_other_sections).
# Confidentiality as a duty or a kind of information, not the adjective alone: "we are not required
# to keep your feedback confidential" is no confidentiality section.
_ABOUT_INFORMATION = re.compile(
    r"confidential\s+(information|data|materials?)|confidentiality|in\s+confidence|secre|proprietary|"
    r"non-?disclos|\bdata\b|privacy|personal\s+information",
    re.IGNORECASE,
)


def _sections_about_information(document: Document) -> dict[str, bool]:
    """Each numbered clause's bare number -> whether its headings or text are about the information."""
    about: dict[str, bool] = {}
    for clause in document.clauses:
        if clause.number:
            number = bare_number(clause.number)
            headings = f"{clause.heading} {clause.parent_heading}"
            about[number] = about.get(number, False) or bool(
                CONFIDENTIALITY_HEADING.search(headings)
                or _ABOUT_INFORMATION.search(f"{headings} {clause.text}")
            )
    return about


def _survival_reference_cue(clause: Clause, confidential: frozenset[str]) -> Cue | None:
    """A survival clause that names the confidentiality section by number ("Sections 5 and 8 survive");
    ``confidential``: the numbers of the confidentiality sections (_confidentiality_numbers)."""
    if "surviv" not in clause.text.lower():
        return None
    for match in reference_matches(clause.text):
        if referenced_numbers(match.group(1)) & confidential:
            start, end = clause.start + match.start(), clause.start + match.end()
            return Cue("post_termination", "survival_names_confidentiality", 0.85, start, end)
    return None


def _with_defined_periods(top: tuple[Evidence, ...], text: str) -> tuple[Evidence, ...]:
    """``top`` with the period of a defined term its survival clause names ("continues for the
    Confidentiality Period") read from the term's definition, when no clause that counts (the
    judge's PRESENT_THRESHOLD) states a period: the definitions clause itself seldom counts."""
    counted = [ev for ev in top if ev.score >= PRESENT_THRESHOLD]
    if any(q.kind == "survival" for ev in counted for q in ev.quantities):
        return top
    for at, ev in enumerate(top):
        if ev.score < PRESENT_THRESHOLD:
            continue
        periods = defined_periods(text[ev.start : ev.end], text)
        if periods:
            return top[:at] + (replace(ev, quantities=ev.quantities + periods),) + top[at + 1 :]
    return top


_WORD = re.compile(r"[a-z0-9]+")
HEADING_NUMBER_WORDS = 2  # a heading-only clause may add its number ("Clause 12", "Article IV")
# A heading is a title: a parser that finds no title takes a clause's first sentence as its
# heading, and such a clause states a provision however closely its text matches it.
HEADING_MAX_WORDS = 12
HEADING_PREFIX = 200  # characters of a clause read first to tell it is longer than its heading


def _heading_only(clause: Clause) -> bool:
    """Whether the clause is its heading and nothing else ("Return or Destruction of Confidential
    Information", "Clause 12: Obligations after termination").

    The spec: a heading is not an operative provision. Its words name the element
    the section under it states, so they score, and a heading quoted as evidence
    outranks the clause that states the duty and hides that clause's terms.
    """
    if not clause.heading:
        return False
    heading = _WORD.findall(clause.heading.lower())
    if not heading or len(heading) > HEADING_MAX_WORDS:
        return False  # before cutting the text into words: most clauses have no short heading
    most = len(heading) + HEADING_NUMBER_WORDS
    prefix = _WORD.finditer(clause.text[:HEADING_PREFIX].lower())
    if len(list(islice(prefix, most + 1))) > most:
        # Too many words already in its first characters (a prefix has no more words); counted
        # only as far as one past the most, not all the words of the prefix.
        return False
    words = _WORD.findall(clause.text.lower())
    return len(words) <= most and (" ".join(heading) in " ".join(words))


def _length_factor(text: str) -> float:
    """Damp the classifier on heading-length text: a heading alone is not a provision."""
    words = len(text.split())
    return min(1.0, words / SHORT_CLAUSE_WORDS)


def _quantities(element: ElementDef, clause: Clause, confidential: frozenset[str]):
    """The periods or time limits of ``clause``; a survival clause's period for the confidentiality
    sections (``confidential``: their numbers) when it gives several sections periods of their own."""
    if element.quantity == "survival":
        return survival_periods(clause.text, clause.start, confidential)
    if element.quantity == "notice":
        return notice_windows(clause.text, clause.start)
    return ()


def _evidence(
    element: ElementDef,
    candidate: tuple,
    clause: Clause,
    obligors: ObligorIndex,
    confidential: frozenset[str],
) -> Evidence:
    """A kept candidate as Evidence: with its quantities, the parties its duty binds and protects,
    and the blanks in it that weaken it.

    Read only for the evidence kept, so a long contract pays for a few clauses per element.
    """
    score, start, end, _, rule_score, model_score, cues, weak = candidate
    binds, protects = obligors.duty(clause, cues)
    # Only a blank inside the quoted evidence weakens it: a sentence that states the duty
    # is not made weak by a blank in another sentence of its clause.
    blanks = tuple(
        blank.text
        for blank in clause_blanks(clause)
        if weakens(blank.kind, element.id) and start <= blank.start < end
    )
    return Evidence(
        clause_id=clause.id,
        number=clause.number,
        heading=clause.heading,
        page=clause.page,
        start=start,
        end=end,
        score=score,
        rule_score=round(rule_score, 4),
        model_score=round(model_score, 4),
        cues=cues,
        quantities=_quantities(element, clause, confidential),
        weak_signals=weak,
        binds=binds,
        protects=protects,
        blanks=blanks,
    )


def _best_sentence(clause: Clause, pieces, indexes: list[int], cues, rule_score: float, per_sentence):
    """The clause's best sentence for an element: ((start, end), rule, model, blended score).

    A sentence's rule score counts the cues that start in it, scaled as the
    clause's was (context words, a missing ``requires``), so a sentence never
    claims more than the clause's own rules allow. A sentence that ends in a
    colon is quoted with what it introduces (_introduced_end).
    """
    whole = cue_score(cues, clause.start, clause.end)
    scale = rule_score / whole if whole else 0.0
    best = None
    spans = [pieces[i][1:] for i in indexes]
    for position, index in enumerate(indexes):
        _, a, b = pieces[index]
        sentence_rule = min(0.99, cue_score(cues, clause.start + a, clause.start + b) * scale)
        sentence_model = float(per_sentence[index]) if per_sentence is not None else sentence_rule
        sentence_score = blend(sentence_rule, sentence_model)
        if best is None or sentence_score > best[3]:
            end = _introduced_end(clause.text, spans, position)
            best = ((clause.start + a, clause.start + end), sentence_rule, sentence_model, sentence_score)
    return best


def _introduced_end(text: str, spans: list[tuple[int, int]], position: int) -> int:
    """Where the sentence at ``position`` ends once read with what its colon introduces.

    "The following sections survive termination:" says nothing until its list
    ("Section 9 (Confidentiality), ..."), which the sentence cutter splits off as
    a sentence of its own; a lead-in is quoted with the sentences it introduces, so
    the evidence holds the list a reader (and the weak test) needs. Scored as the
    lead-in alone: the list adds words, not the element.
    """
    end = spans[position][1]
    following = position + 1
    while text[:end].rstrip().endswith(":") and following < len(spans):
        end = spans[following][1]
        following += 1
    return end


def _quoting_order(element: ElementDef, kept: list[tuple], clauses, text: str) -> list[tuple]:
    """The kept candidates in the order they are quoted: by score, with two rules a lawyer reads by.

    Both only move a clause that makes the element present (PRESENT_THRESHOLD) by
    itself; the detection's score stays its best clause's, so presence and
    confidence do not change, only which clause is quoted (and read first).

    * The scope definition is that of the confidential information: a service
      agreement defines "Customer Data", "Personal Data" and "Confidential
      Information", each may score as a scope definition, but the scope of the
      confidentiality duties (whose weak tests the spec reads) is the one that
      names the confidential information or sits under a confidentiality heading.
    * For a duty, a near tie (within TIE_MARGIN of the best) goes to the clause
      under a confidentiality heading (its own or its parent's): the duty in the
      confidentiality section, rather than a look-alike elsewhere (a customer
      reporting its own password compromise under "Accounts"); not a form attached for others
      to sign (an "Exhibit A - Form of Joinder", a "Schedule 2 - Employee Secrecy Undertaking"),
      which repeats the duty in the signer's words. Measured on the
      real sets, moving such clauses first whatever their score, or for the
      clause's words naming confidential information, sent as many quotes to
      look-alikes as away from them.
    """
    if not kept:
        return kept
    top = kept[0][0]

    def under_confidentiality(candidate: tuple) -> bool:
        clause = clauses[candidate[3]]
        headings = f"{clause.heading} {clause.parent_heading}"
        if _ATTACHED_FORM_HEADING.search(headings) or (
            _SIGNED_INSTRUMENT_HEADING.search(headings) and _ATTACHMENT_START.search(clause.text[:40])
        ):
            return False
        return bool(CONFIDENTIALITY_HEADING.search(headings))

    def first(candidate: tuple) -> bool:
        if candidate[0] < PRESENT_THRESHOLD:
            return False
        if element.id == "definition":
            # Only a clause with a definition cue: "capitalized terms not defined here have the
            # meanings given in the Confidentiality Agreement" names confidentiality and defines
            # nothing, yet the classifier may score it as scope.
            return bool(candidate[6]) and (
                under_confidentiality(candidate)
                or bool(CONFIDENTIALITY_HEADING.search(text[candidate[1] : candidate[2]]))
            )
        return candidate[0] >= top - TIE_MARGIN and under_confidentiality(candidate)

    return sorted(kept, key=lambda candidate: not first(candidate))


def _confidentiality_scope(kept: list[tuple], clauses, text: str) -> list[tuple]:
    """The definition's candidates without the definitions of other terms, when one defines the
    confidential information.

    An agreement defines many terms ("Research Results means", "Net Sales means"); each may
    score as a scope definition, and the judge reads the scope weak only when every defining
    clause is. The spec's scope is that of the confidential information: where a clause that
    makes the element present defines it (names confidential or proprietary information), the
    other terms' definitions neither clear its weakness nor stand as its evidence. Clauses
    with no definition cue are kept (the judge does not weigh them).
    """

    def defines_other_term(candidate: tuple) -> bool:
        return bool(candidate[6]) and not CONFIDENTIALITY_HEADING.search(text[candidate[1] : candidate[2]])

    names_it = any(c[0] >= PRESENT_THRESHOLD and c[6] and not defines_other_term(c) for c in kept)
    return [c for c in kept if not defines_other_term(c)] if names_it else kept


_SCANNER: list = [None, None]  # the definitions last asked for and their scanner


def _scanner(definitions: dict[str, ElementDef]) -> LiteralScanner:
    """One regex pass finds every gate literal of these elements (and "surviv") in a document.

    Kept for the definitions object last asked for (the shipped ones, loaded once),
    so a document does not pay for gathering ~500 literals again; built before a batch's
    workers fork (prepare_scanner), so they do not each build it on their first document.
    """
    if _SCANNER[0] is not definitions:
        gates = [
            pattern.gate
            for element in definitions.values()
            for pattern in (*element.cues, *element.weak, *element.negations)
        ]
        _SCANNER[:] = [definitions, literal_scanner(gate_literals(gates) | {"surviv"})]
    return _SCANNER[1]


def prepare_scanner(definitions: dict[str, ElementDef]) -> None:
    """Build the literal scanner of ``definitions`` now (~40 ms of CPU, most of it compiling its
    regex): a batch's parent calls this before forking, and every worker inherits it."""
    _scanner(definitions)


def detect(document: Document, model=None, *, doc_type: str | None = None) -> tuple[Detection, ...]:
    """Score every clause for every element; ``model`` is a ClauseModel or None for rules only.

    ``doc_type``: the contract type (detect.doctype), a context signal (elements.toml
    doc_types); in an NDA every duty is a confidentiality duty (so "this Agreement
    survives" counts). Inferred from the document when None; the pipeline passes
    the type it already inferred, so a document is not read for it twice.
    """
    if doc_type is None:
        doc_type = infer_profile(document)[0]
    confidentiality_agreement = doc_type == "nda"
    definitions = elements()
    clauses = document.clauses
    context = ContextIndex(document.text)
    lowered = [gate_text(clause.text) for clause in clauses]
    gates = RowIndex(lowered, _scanner(definitions))
    # Sentences of multi-sentence clauses, as (row, start, end) with offsets into the clause.
    pieces = [(row, a, b) for row, clause in enumerate(clauses) for a, b in sentence_spans(clause.text)]
    by_row: dict[int, list[int]] = {}
    for index, (row, _, _) in enumerate(pieces):
        by_row.setdefault(row, []).append(index)
    if model is not None and clauses:
        texts = [c.text for c in clauses] + [clauses[row].text[a:b] for row, a, b in pieces]
        lengths = np.array([_length_factor(text) for text in texts])
        # A model that can read sentences with their clauses (ClauseModel) is told which they are.
        predict_pieces = getattr(model, "predict_pieces", None)
        predicted = predict_pieces(texts, pieces) if predict_pieces else model.predict(texts)
        predicted = predicted * lengths[:, None]
        model_scores, sentence_scores = predicted[: len(clauses)], predicted[len(clauses) :]
        column = {e: i for i, e in enumerate(model.element_ids)}
    else:
        model_scores, sentence_scores, column = None, None, {}
    # Neither a bare heading nor a model form's drafting note states a provision.
    headings_only = {
        row
        for row, clause in enumerate(clauses)
        if _heading_only(clause) or _DRAFTING_NOTE.match(clause.text)
    }
    surviving = gates.literal("surviv")  # rows where a survival clause may name sections
    confidential = _confidentiality_numbers(document)  # the sections such a clause may name
    # What each numbered section is about: read once, and only when a survival clause lists sections.
    about_information = functools.cache(lambda: _sections_about_information(document))
    obligors = ObligorIndex(document)
    shared_sentences: dict[str, list[tuple[int, int]]] = {}  # clause sentences rules cut, for all elements
    detections = []
    for element in definitions.values():
        cue_masks = [gates.mask(pattern.gate) for pattern in element.cues]
        weak_masks = [gates.mask(signal.gate) for signal in element.weak]
        # The negations' gates too: a row's negations are tested where a cue fires in it or the
        # classifier alone reaches it, and a bit test per negation costs less than a gate test.
        negation_masks = [gates.mask(negation.gate) for negation in element.negations]
        # The negations that cancel the classifier alone: all of them (negations_cancel_model), or
        # those that name a whole look-alike in the element's own words (cancels_model).
        model_element, model_masks = element, negation_masks
        if not element.negations_cancel_model:
            keep = [i for i, negation in enumerate(element.negations) if negation.cancels_model]
            model_element = replace(element, negations=tuple(element.negations[i] for i in keep))
            model_masks = [negation_masks[i] for i in keep]
        rule_rows = 0
        for mask in (*cue_masks, *weak_masks):
            rule_rows |= mask
        if element.id == "post_termination":
            rule_rows |= surviving
        if model_scores is not None:
            scores = model_scores[:, column[element.id]]
            per_sentence = sentence_scores[:, column[element.id]]
            # A clause no cue can reach scores blend(0, model), below the floor under MODEL_ALONE,
            # however its sentences score: a sentence stands in for its clause only with cues of its
            # own (SENTENCE_RULE_FLOOR), and such a clause has none (_without_evidence).
            model_rows = {int(row) for row in np.flatnonzero(scores >= MODEL_ALONE)}
        else:
            scores, per_sentence, model_rows = None, None, set()
        rows = sorted(model_rows | {row for row in range(len(clauses)) if rule_rows >> row & 1})
        rows = [row for row in rows if row not in headings_only]
        evidence: list[tuple] = []  # candidates: (score, start, end, row, rule, model, cues, weak)
        for row in rows:
            clause = clauses[row]
            bit = 1 << row
            model_score = float(scores[row]) if scores is not None else 0.0
            # A clause under a confidentiality heading is about the information by its heading
            # ("12. Confidentiality ... 12.2 The Bank's obligations in this clause 12 continue until
            # ..."): it meets the element's ``requires`` without naming it again.
            requires_met = True if _under_confidentiality_heading(clause) else None
            if rule_rows & bit:
                # A clause that will be dropped if no cue fires (_without_evidence) needs no weak
                # signals then; a survival clause may still gain a cue that names sections.
                referable = element.id == "post_termination" and bool(surviving & bit)
                rules = apply_rules(
                    element,
                    clause.text,
                    clause.start,
                    enforce_requires=not confidentiality_agreement,
                    context=context,
                    lowered=lowered[row],
                    open_gates=(cue_masks, weak_masks, negation_masks),
                    gate_bit=bit,
                    shared_sentences=shared_sentences,
                    weak_without_cues=referable or not _without_evidence((), model_score),
                    requires_met=requires_met,
                )
            else:
                rules = NO_RULES
            cues = rules.cues
            rule_score = rules.score
            other_sections = False  # a survival clause naming only sections other than the duties'
            if element.id == "post_termination" and surviving & bit:
                reference = _survival_reference_cue(clause, confidential)
                if reference is not None:
                    cues = cues + (reference,)
                    rule_score = max(rule_score, 1 - (1 - rule_score) * (1 - reference.score))
                elif names_only_other_sections(clause.text, about_information):
                    # Its "survive" keeps the sections it lists, none of them the confidentiality
                    # or data duties': the duties end with the agreement (the spec's test).
                    other_sections = True
                    cues, rule_score = (), 0.0
            if scores is None:
                model_score = rule_score  # rules only: the classifier's part mirrors the rules
            if other_sections:
                model_score *= REQUIRES_FACTOR
            if _without_evidence(cues, model_score):
                continue  # below EVIDENCE_FLOOR whatever its negations and sentences say: not read for them
            scored_outside_nda = scores is not None and not confidentiality_agreement
            # Outside an NDA the classifier, as the cues (apply_rules, when one fires), asks whether
            # the clause has what the element requires: asked only of a clause read this far.
            if scored_outside_nda and requires_met is None:
                requires_met = meets_requires(element, clause.text, lowered[row])
            if scored_outside_nda and off_topic(element, clause, requires_met):
                model_score *= REQUIRES_FACTOR  # as the clause's cues are: no information, no duty
            if scores is not None and not cues and model_element.negations:
                # The classifier alone finds it: where it reads the element most strongly (the
                # clause's best sentence, or a clause of one sentence) a negation says it is a look-alike.
                # The sentence's whole span is asked about: its start may be a clause number.
                where, until = None, None
                if row in by_row:
                    where, until = pieces[max(by_row[row], key=lambda i: per_sentence[i])][1:]
                if negated_at(
                    model_element,
                    clause.text,
                    lowered[row],
                    where,
                    model_masks,
                    shared_sentences,
                    end=until,
                    gate_bit=bit,
                ):
                    model_score *= REQUIRES_FACTOR
            score = blend(rule_score, model_score)
            start, end = clause.start, clause.end
            if row in by_row:
                best = _best_sentence(clause, pieces, by_row[row], cues, rule_score, per_sentence)
                # The sentence is the evidence (its score, its cues) when it carries the
                # element at least as strongly as its clause and with a cue of its own:
                # read out of its clause on the classifier's word alone, a sentence can
                # look like a duty it is not.
                if best is not None and best[3] >= score and best[1] >= SENTENCE_RULE_FLOOR:
                    (start, end), rule_score, model_score, score = best
                    cues = tuple(cue for cue in cues if start <= cue.start < end)
            score = context_adjusted(
                element, score, (clause.heading, clause.parent_heading), doc_type, EVIDENCE_FLOOR
            )
            if (
                element.heading_other is not None
                and _under_other_provision(element.heading_other, clause)
                and not _own_heading_names_element(element, clause)
            ):
                score = round(score * REQUIRES_FACTOR, 4)
            if score < EVIDENCE_FLOOR:
                continue
            evidence.append((score, start, end, row, rule_score, model_score, cues, rules.weak_reasons))
        # Ranked first, built after: only the MAX_EVIDENCE kept become Evidence and have their
        # quantities read (a stable sort on the same key as ranking the Evidence themselves).
        evidence.sort(key=lambda candidate: (-candidate[0], candidate[1]))
        kept = _quoting_order(element, evidence[:MAX_EVIDENCE], clauses, document.text)
        if element.id == "definition":
            kept = _confidentiality_scope(kept, clauses, document.text)
        top = tuple(_evidence(element, c, clauses[c[3]], obligors, confidential) for c in kept)
        if element.id == "post_termination":
            top = _with_defined_periods(top, document.text)
        if element.id == "definition":
            spans = tuple((clauses[c[3]].start, clauses[c[3]].end) for c in kept)
            top = with_marking_condition(element, top, spans, document.text)
        term = None
        if (
            element.id == "post_termination"
            and top
            and not any(SURVIVES_AGREEMENT.search(document.text[ev.start : ev.end]) for ev in top)
        ):
            term = agreement_term(document.text)
        # The detection's score is its best clause's, whichever clause is quoted first.
        detections.append(Detection(element.id, evidence[0][0] if evidence else 0.0, top, term))
    return _remedies_need_a_duty(tuple(detections), document.text)


# The elements that show the contract binds a party over the other's information: a limit on
# disclosing or using it, its return, or data protection duties.
_DUTY_ELEMENTS = frozenset({"third_party", "use_limitation", "return_destruction", "data_protection"})
_NAMES_CONFIDENTIALITY = re.compile(
    r"confiden|proprietary|secre(?:t|cy)|non-?disclosure|\bdata\b|personal\s+information|privacy",
    re.IGNORECASE,
)


# What a clause under another provision's heading must name to state the confidentiality duties.
_NAMES_THE_DUTIES = re.compile(
    rf"{_NAMES_CONFIDENTIALITY.pattern}|information|evaluation\s+material", re.IGNORECASE
)


def _under_confidentiality_heading(clause: Clause) -> bool:
    """Whether ``clause``'s own or parent heading names confidentiality ("12. Confidentiality")."""
    return CONFIDENTIALITY_HEADING.search(f"{clause.heading} {clause.parent_heading}") is not None


def _own_heading_names_element(element: ElementDef, clause: Clause) -> bool:
    """Whether ``clause``'s own heading names ``element`` (its ``headings.boost``): "7. Remedies"
    after "6. Restrictive Covenants" is the contract's remedies clause, whatever heading the
    segmenter put above it."""
    return element.heading_boost is not None and element.heading_boost.search(clause.heading) is not None


def _under_other_provision(heading: re.Pattern[str], clause: Clause) -> bool:
    """Whether ``clause`` sits under a heading naming another provision (``heading``: an element's
    ``headings.other``) and its text names no confidentiality duty: "8. Non-Solicitation of
    Employees ... This paragraph survives any termination" states the covenant's survival, not the
    confidentiality duties'. A clause that names them ("... and Section 2 (Confidentiality)
    survives") keeps its score, as does one under a heading that also names confidentiality."""
    headings = f"{clause.heading} {clause.parent_heading}"
    return (
        heading.search(headings) is not None
        and CONFIDENTIALITY_HEADING.search(headings) is None
        and _NAMES_THE_DUTIES.search(clause.text) is None
    )


def _remedies_need_a_duty(detections: tuple[Detection, ...], text: str) -> tuple[Detection, ...]:
    """``detections`` with remedies for breach of "these Terms" scaled down in a contract that binds
    no one over the other's information (consumer terms of service, website terms of use).

    The spec's remedy is for breach of confidentiality or of the agreement, read (its general rule)
    as a remedy against the party that receives the other's information: where no element shows such
    a party, a user's indemnity for breaching the Terms is not one, as the real labels of consumer
    terms with no confidentiality duties say. A clause that names confidentiality or data keeps its
    score (it may be the only sign of a duty the detector missed).
    """
    if any(d.score >= PRESENT_THRESHOLD for d in detections if d.element in _DUTY_ELEMENTS):
        return detections
    judged = []
    for detection in detections:
        if detection.element != "remedies" or not detection.evidence:
            judged.append(detection)
            continue
        evidence = sorted(
            (
                ev
                if _NAMES_CONFIDENTIALITY.search(text[ev.start : ev.end])
                else replace(ev, score=round(ev.score * REQUIRES_FACTOR, 4))
                for ev in detection.evidence
            ),
            key=lambda ev: -ev.score,
        )
        judged.append(replace(detection, score=evidence[0].score, evidence=tuple(evidence)))
    return tuple(judged)
