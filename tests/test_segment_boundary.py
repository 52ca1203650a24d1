"""LeadingBoundary (segment/boundary.py): the matches of a ``\\b...`` pattern, found without the ``\\b``."""

from __future__ import annotations

import random
import re

import pytest

from clauses.segment.boundary import LeadingBoundary

PATTERNS = [
    (r"\b(Service Provider|Provider|Recipient|Disclosing Party)\b", 0),
    (r"\b(?:subject\s+to|governed\s+by)\s+(?:the\s+)?([A-Z]\w*)", 0),
    (r"\bmutual\s+(?:non-?disclosure|confidentiality)\b|\beither\s+party\b", re.IGNORECASE),
    (r"\b(?:-|\(|é)\w*", 0),  # alternatives that start with a non-word character, or a non-ASCII letter
]
PIECES = [
    "Provider", "Service Provider", "XService Provider", "Recipient", "recipient", "Disclosing Party",
    "subject to", "subject  to The Terms", "governed by General", "unsubject to Master", "mutual",
    "MUTUAL NON-DISCLOSURE", "either party", "neither party", "-", "(", "é", "éclair", "_Provider",
    "Provider_", "3Provider", "ßProvider", " ", "  ", ", ", ".", "\n", "a", "Z",
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_segment_boundary_finds_exactly_what_the_whole_pattern_finds(pattern: str, flags: int) -> None:
    whole = re.compile(pattern, flags)
    fast = LeadingBoundary(pattern, flags)
    rng = random.Random(7)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
        expected = [(m.span(), m.groups()) for m in whole.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, repr(text)
        if whole.groups <= 1:
            assert fast.findall(text) == whole.findall(text), repr(text)
        found += len(expected)
    assert found > 100  # the texts do hold matches (and, above, places where only the rest matches)


def test_segment_boundary_refuses_a_pattern_without_its_boundary() -> None:
    with pytest.raises(ValueError, match="starting with"):
        LeadingBoundary(r"(Provider)\b")
