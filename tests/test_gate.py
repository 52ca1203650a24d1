"""The literal gate must never hide a match: skipping a regex is only safe if it could not match."""

from __future__ import annotations

import pytest

from clauses.elements import elements
from clauses.gate import literal_gate, passes
from clauses.resources import data_dir
from clauses.train import load_corpus


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(notify|inform)\s+the", {"notify", "inform"}),
        (r"\bsurviv(e|es)\b", {"surviv"}),
        (r"(?:injunct(ive|ion)|equitable\s+relief)", {"injunct", "equitable"}),
        (r"[\"“]?confidential", set()),  # starts with an optional class: cannot be gated
        (r"\bno\s+fault|\w+ly\s+developed", set()),  # one branch without a literal start
    ],
)
def test_gate_literals_of_a_pattern(pattern: str, expected: set[str]) -> None:
    assert set(literal_gate(pattern)) == expected


def test_gate_empty_gate_always_passes() -> None:
    assert passes((), "anything")
    assert not passes(("notify",), "the recipient shall inform")


def test_gate_never_hides_a_match_on_the_corpus() -> None:
    texts = [c.text for c in load_corpus(data_dir("corpus"))]
    hidden = []
    for element in elements().values():
        for pattern in (*element.cues, *element.weak):
            for text in texts:
                if not passes(pattern.gate, text.lower()) and pattern.regex.search(text):
                    hidden.append((element.id, pattern.name, text[:60]))
    assert hidden == []


def test_gate_most_cues_are_gated() -> None:
    cues = [c for e in elements().values() for c in e.cues]
    assert sum(bool(c.gate) for c in cues) >= len(cues) * 0.7
