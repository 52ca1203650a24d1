"""Stand-ins shared by the detection tests: a constant classifier and a one-clause NDA.

Tests of how detect treats the classifier's word need a model whose word is known
(every element in every clause, at one probability) and a document in which one
clause of our own sits beside a plain confidentiality clause.
"""

from __future__ import annotations

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
