"""clauses.detect.rules: scope-definition wording met in ContractNLI's train sample, in our own words.

Classes of wording (never one document's sentence), each found where the
train sample's expert annotations and the detector disagreed:
- the defined term followed by where it applies before its verb ("'Confidential
  Information' under this Agreement consists of:", "... for the purposes of this
  Deed comprises");
- scope stated as what the undertakings apply to, with no defined term ("the
  obligations in clauses 2 and 3 apply to all information disclosed by either
  party, in whatever form"): the spec counts it, weak (no defined term);
- the term defined by a marking condition without quotes ("Confidential
  Information shall be defined as any information identified as confidential
  before it is disclosed"): marked-only, weak.
Every sentence was written for this file.
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import apply_rules
from clauses.elements import elements

COUNTS = 0.5
DESCRIBED = "no defined term: the information is only described"
MARKED = "covers only information marked confidential in writing"

TERM_WITH_PLACE = [
    "“Confidential Information” under this Agreement consists of:",
    '"Proprietary Information" for the purposes of this Deed comprises the following:',
    "'Evaluation Material' in this letter agreement shall mean all data the Company supplies.",
]

UNDERTAKINGS_APPLY = [
    "4. The undertakings in clauses 2 and 3 apply to all information disclosed by either party to the "
    "other, in whatever way or form it is disclosed or recorded, but they do not apply to:",
    "The obligations set out in Section 3 shall apply to any information furnished by the Company to the "
    "Advisor, whether orally, in writing or electronically.",
    "These confidentiality duties extend to all data and materials that one party makes available to the "
    "other in connection with the Project.",
]

DEFINED_BY_MARKING = [
    "Confidential Information shall be defined as any information specifically identified as "
    "“Confidential” before it is disclosed to the other Party.",
    "Proprietary Information is defined as information that the Discloser marks as proprietary at the "
    "time of disclosure.",
]


@pytest.mark.parametrize("text", TERM_WITH_PLACE)
def test_term_with_place_before_verb_defines(text: str) -> None:
    result = apply_rules(elements()["definition"], text)
    assert result.score >= COUNTS
    assert DESCRIBED not in result.weak_reasons


@pytest.mark.parametrize("text", UNDERTAKINGS_APPLY)
def test_scope_of_the_undertakings_counts_and_is_weak(text: str) -> None:
    result = apply_rules(elements()["definition"], text)
    assert result.score >= COUNTS
    assert DESCRIBED in result.weak_reasons


def test_undertakings_applying_to_a_defined_term_are_not_a_description() -> None:
    # The duties apply to the defined term: the scope is defined elsewhere, not only described.
    result = apply_rules(
        elements()["definition"],
        "The obligations in Section 3 apply to all Confidential Information disclosed by either party.",
    )
    assert DESCRIBED not in result.weak_reasons


def test_undertakings_applying_to_a_period_are_not_scope() -> None:
    # A look-alike: the duties apply for a time or to persons, not to described information.
    result = apply_rules(
        elements()["definition"],
        "The undertakings in this letter apply for three years from the date of signature.",
    )
    assert result.score < COUNTS


@pytest.mark.parametrize("text", DEFINED_BY_MARKING)
def test_term_defined_by_marking_is_weak(text: str) -> None:
    result = apply_rules(elements()["definition"], text)
    assert result.score >= COUNTS
    assert MARKED in result.weak_reasons


ESCAPE_WITH_ADVERB = [
    "“Confidential Information” means information received from the Discloser which is marked "
    "“Confidential”, or which would logically be considered confidential given the rest of the disclosure.",
    '"Proprietary Information" means data labelled as proprietary or that would ordinarily be regarded as '
    "proprietary in the trade.",
    "'Confidential Information' includes information identified as confidential and information that "
    "would fairly be deemed confidential by the nature of the project.",
]


@pytest.mark.parametrize("text", ESCAPE_WITH_ADVERB)
def test_marking_with_an_adverbed_escape_is_not_marked_only(text: str) -> None:
    # "would logically/ordinarily be considered confidential" lets unmarked information in, as
    # "would be considered" does: the scope is not only what is marked.
    result = apply_rules(elements()["definition"], text)
    assert result.score >= COUNTS
    assert MARKED not in result.weak_reasons


def test_marking_alone_stays_marked_only() -> None:
    result = apply_rules(
        elements()["definition"],
        "“Confidential Information” means information which the Discloser marks as confidential and "
        "which would not otherwise be disclosed.",
    )
    assert MARKED in result.weak_reasons
