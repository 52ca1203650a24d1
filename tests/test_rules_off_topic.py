"""clauses.detect.rules.off_topic and its use in detect: outside an NDA the classifier alone does
not make an element of a clause that concerns no information.

Terms of service and commercial agreements are full of duties that "continue until satisfied",
terms that "continue to apply until ended", staff rules and inspections of goods; the
classifier, trained on confidentiality clauses, scores some of them highly. The spec counts
only duties over the other's information, so such a clause's classifier score is scaled as
its cues are (REQUIRES_FACTOR), unless a heading above it names confidentiality. All text
here is our own.
"""

from __future__ import annotations

import numpy as np

from clauses.datamodel import Clause
from clauses.detect import detect
from clauses.detect.rules import off_topic
from clauses.elements import element_ids, elements
from clauses.segment import plain_document


def _clause(text: str, heading: str = "", parent: str = "") -> Clause:
    return Clause("c0001", "", heading, text, 0, len(text), parent_heading=parent)


def test_rules_off_topic_clause_without_information_words() -> None:
    survival = elements()["post_termination"]
    assert off_topic(survival, _clause("Accrued payment obligations continue until they are satisfied."))
    assert off_topic(survival, _clause("These Terms will continue to apply until you or we end them."))


def test_rules_off_topic_not_when_the_clause_names_information_or_a_party_role() -> None:
    survival = elements()["post_termination"]
    assert not off_topic(survival, _clause("The duties over Customer Data continue after termination."))
    assert not off_topic(
        survival, _clause("The receiving Party's covenants in this Section 9 survive termination.")
    )


def test_rules_off_topic_not_under_a_confidentiality_heading() -> None:
    survival = elements()["post_termination"]
    text = "The provisions of this Section 7 shall survive the end of this Agreement."
    assert off_topic(survival, _clause(text, heading="Miscellaneous"))
    assert not off_topic(survival, _clause(text, heading="Survival", parent="Confidentiality"))
    assert not off_topic(survival, _clause(text, heading="Non-Disclosure"))


def test_rules_off_topic_never_for_an_element_without_a_requirement() -> None:
    assert elements()["safeguards"].requires is None
    assert not off_topic(elements()["safeguards"], _clause("Keep the keys in a locked box."))


class _Sure:
    """A stand-in classifier that is sure every clause states every element."""

    element_ids = element_ids()

    def predict(self, texts: list[str]) -> np.ndarray:
        return np.full((len(texts), len(self.element_ids)), 0.9)


TEXT = (
    "1. General. The Customer shall pay every invoice within thirty days, and accrued payment duties "
    "continue until they are satisfied.\n\n"
    "2. Secrecy. Each party shall keep the other's confidential information secret after termination.\n"
)


def _post_termination(doc_type: str):
    document = plain_document(TEXT, path="supply.txt", fmt="text", sha256="")
    found = {d.element: d for d in detect(document, _Sure(), doc_type=doc_type)}["post_termination"]
    return {ev.number: ev for ev in found.evidence}


def test_rules_off_topic_scales_the_classifier_outside_an_nda() -> None:
    evidence = _post_termination("vendor")
    assert "1" not in evidence or evidence["1"].score < 0.5
    assert evidence["2"].score >= 0.5


def test_rules_off_topic_lifted_in_an_nda() -> None:
    # In an NDA every duty is a confidentiality duty (as for the cues' requires).
    evidence = _post_termination("nda")
    assert evidence["1"].score >= 0.5
