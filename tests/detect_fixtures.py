"""Stand-ins shared by the detection tests: a constant classifier, a one-clause NDA, a text
read whole, by its negations or by its rules, and the figures of our own labelled fixture sets.

Tests of how detect treats the classifier's word need a model whose word is known
(every element in every clause, at one probability) and a document in which one
clause of our own sits beside a plain confidentiality clause. The sets of whole
contracts of our own writing (tests/fixtures/own_*) are each evaluated whole against
floors of their own, through one function, so every set is read the same way.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from clauses.datamodel import Document
from clauses.elements import element_ids
from clauses.segment import plain_document


class ConstantModel:
    """A stand-in classifier that gives every clause the same probability for every element."""

    def __init__(self, probability: float) -> None:
        self.probability = probability
        self.element_ids = element_ids()

    def predict(self, texts: list[str]) -> np.ndarray:
        return np.full((len(texts), len(self.element_ids)), self.probability)


def one_clause_nda(text: str, heading: str = "Other Matters") -> Document:
    """An NDA whose section 1 keeps the information secret and whose section 2 is ``text``."""
    body = (
        "NON-DISCLOSURE AGREEMENT\n\n1. Confidentiality\n\nThe Recipient shall keep the Confidential "
        f"Information secret.\n\n2. {heading}\n\n{text}\n"
    )
    return plain_document(body, path="one.txt", fmt="text", sha256="")


def weak_reasons(element: str, text: str) -> tuple[str, ...]:
    """The weak reasons elements.toml's signals give ``text`` read as ``element``."""
    from clauses.detect.rules import apply_rules
    from clauses.elements import elements

    return apply_rules(elements()[element], text).weak_reasons


def cue_names(element: str, text: str) -> set[str]:
    """The names of the cues of ``element`` that ``text`` matches, its ``requires`` enforced."""
    from clauses.detect.rules import apply_rules
    from clauses.elements import elements

    return {cue.name for cue in apply_rules(elements()[element], text).cues}


def analysed(text: str, doc_type: str = "other") -> dict:
    """Each element's result for ``text`` as a whole contract of ``doc_type``, read as evaluate reads."""
    from clauses.evaluate.profile import evaluation_profile
    from clauses.pipeline import analyze_document

    document = plain_document(text, path="t.txt", fmt="text", sha256="")
    analysis = analyze_document(document, evaluation_profile(doc_type), suggestions=False)
    return {result.element: result for result in analysis.elements}


def negated(element: str, text: str) -> bool:
    """Whether one of ``element``'s negations matches anywhere in ``text``."""
    from clauses.detect.rules import negated_at
    from clauses.elements import elements
    from clauses.elements.gate import gate_text

    return negated_at(elements()[element], text, gate_text(text), None)


def enforced_score(element: str, text: str) -> float:
    """The rules' score for ``text`` read as ``element``, its ``requires`` enforced (as outside an NDA)."""
    from clauses.detect.rules import apply_rules
    from clauses.elements import elements

    return apply_rules(elements()[element], text).score


# The rule score a clause needs to count on rules alone (tests/test_rules.py: PRESENT_THRESHOLD).
COUNTS = 0.5


def rule_score(element: str, text: str) -> float:
    """The rules' score for ``text`` read as ``element``, its ``requires`` not enforced."""
    return rules_of(element, text).score


def rules_of(element: str, text: str):
    """The rules' reading of ``text`` as ``element``, the element's ``requires`` not enforced."""
    from clauses.detect.rules import apply_rules
    from clauses.elements import elements

    return apply_rules(elements()[element], text, enforce_requires=False)


def own_set_figures(folder: Path, documents: int) -> dict[str, float]:
    """The evaluation figures of one of our own labelled sets (``folder``: documents and labels.jsonl)."""
    from clauses.evaluate import evaluate
    from clauses.evaluate.figures import verdict_figures
    from clauses.pipeline import load_shipped_model

    evaluation = evaluate(folder / "labels.jsonl", folder, load_shipped_model())
    assert evaluation.documents == documents and not evaluation.failed
    figures = verdict_figures(evaluation.verdicts)
    return {
        "macro_f1": evaluation.macro_f1,
        "weak_accuracy": evaluation.weak_accuracy,
        "evidence_hit_rate": evaluation.evidence_hit_rate,
        "all_right": figures.all_right,
        "unflagged_right": figures.unflagged_right,
        "false_missing_per_contract": figures.false_missing_per_contract,
        "flagged_share": figures.flagged_share,
    }


# How far below what a set of our own contracts measured its floors sit: one element's F1 lost
# on one document moves macro-F1 by about 0.01, and one contract in ten moves a share by 0.1, so
# two contracts below for all 13 right; evidence quotes move more between equivalent clauses.
AGREEMENT_SET_TOLERANCES = {
    "macro_f1": 0.03,
    "weak_accuracy": 0.03,
    "evidence_hit_rate": 0.05,
    "all_right": 0.2,
    "unflagged_right": 0.03,
}


def floors_below(measured: dict[str, float]) -> dict[str, float]:
    """Floors a stated tolerance (AGREEMENT_SET_TOLERANCES) below the figures a set measured."""
    return {figure: value - AGREEMENT_SET_TOLERANCES[figure] for figure, value in measured.items()}


def out_of_bounds(
    measured: dict[str, float], floors: dict[str, float], ceilings: dict[str, float]
) -> dict[str, float]:
    """The figures of ``measured`` below their floor or above their ceiling (empty when all hold)."""
    low = {name: measured[name] for name, floor in floors.items() if measured[name] < floor}
    high = {name: measured[name] for name, ceiling in ceilings.items() if measured[name] > ceiling}
    return {name: round(value, 3) for name, value in {**low, **high}.items()}
