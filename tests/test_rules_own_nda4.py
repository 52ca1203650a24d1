"""Weak wording and look-alikes from our fourth set of own NDAs (issue 11).

The twelve documents in tests/fixtures/own_ndas4 were written and labelled by the spec before
the detector ran on them (a held-out check of the first three rounds' fixes). The detector's
real errors fell into classes of wording; each class is tested here with text of our own in
several drafting styles (US plain, UK/Commonwealth, SEC-exhibit legalese, government or
university form), with look-alikes that must not match, beyond the fixture documents; the whole
set is evaluated against floors set below what was measured.
"""

from __future__ import annotations

import pytest
from detect_fixtures import weak_reasons

from clauses.detect.rules import apply_rules
from clauses.elements import elements

NO_NOTICE = "disclosure required by law is allowed with no notice duty"
NO_DEFINED_TERM = "no defined term: the information is only described"
KEEPS_COPIES = "the receiver may keep copies without limit"


def _score(element: str, text: str) -> float:
    return apply_rules(elements()[element], text).score


# Compelled disclosure, weak: the law, the court or the agency as the one that requires, and no
# notice to the discloser. Four drafting styles.
LAW_REQUIRES_NO_NOTICE = [
    "The Receiving Party may disclose Confidential Information if a law, court order or government "
    "agency requires it to do so.",
    "The Recipient may disclose Confidential Information where any statute or regulation of a "
    "competent authority so requires.",
    "Notwithstanding the foregoing, the Receiving Party may disclose such portion of the Confidential "
    "Information as any court of competent jurisdiction or legal process compels.",
    "The Contractor may release Proprietary Information to the extent a subpoena or the State's "
    "public records statute requires.",
]

# The same permission with notice to the discloser, or a chance to seek protection: not weak.
LAW_REQUIRES_WITH_NOTICE = [
    "The Receiving Party may disclose Confidential Information if a court order requires it to do so, "
    "provided that it first gives the Disclosing Party written notice.",
    "Where applicable law so requires, the Recipient may disclose Confidential Information after "
    "consulting the Discloser so that it may seek a protective order.",
]


@pytest.mark.parametrize("text", LAW_REQUIRES_NO_NOTICE)
def test_own_nda4_the_law_requiring_with_no_notice_is_weak(text: str) -> None:
    assert NO_NOTICE in weak_reasons("compelled_disclosure", text)


@pytest.mark.parametrize("text", LAW_REQUIRES_WITH_NOTICE)
def test_own_nda4_the_law_requiring_with_notice_is_not_weak(text: str) -> None:
    assert NO_NOTICE not in weak_reasons("compelled_disclosure", text)


# Definition, weak: the agreement itself is said to apply to all information of a kind, with no
# defined term (the spec's "just a description"). Four styles.
AGREEMENT_APPLIES_TO_ALL_INFORMATION = [
    "This agreement applies to all information which the Company furnishes to the undersigned, "
    "whether orally or in writing.",
    "This Deed applies to any information relating to the Vendor's business that the Purchaser "
    "receives in the course of the negotiations.",
    "The provisions of this Agreement shall apply to all technical and business information "
    "heretofore or hereafter furnished by the Corporation.",
    "This letter relates to all data and materials the University makes available to the Sponsor.",
]

# A defined term given to that information, or the term itself named: not this weakness.
AGREEMENT_APPLIES_TO_A_TERM = [
    "This Agreement shall apply to all Confidential Information disclosed by either party.",
    'This Agreement applies to any information disclosed by the Company (the "Information").',
    "This Agreement applies to all Evaluation Material furnished to you.",
]


@pytest.mark.parametrize("text", AGREEMENT_APPLIES_TO_ALL_INFORMATION)
def test_own_nda4_an_agreement_applying_to_described_information_is_a_weak_definition(text: str) -> None:
    assert NO_DEFINED_TERM in weak_reasons("definition", text)


@pytest.mark.parametrize("text", AGREEMENT_APPLIES_TO_A_TERM)
def test_own_nda4_an_agreement_applying_to_a_defined_term_is_not_that_weakness(text: str) -> None:
    assert NO_DEFINED_TERM not in weak_reasons("definition", text)


# Return or destruction: copies kept because a law or regulation obliges the receiver to keep
# them, or kept as the agreement's information by its name, are limited (not weak). Four styles.
RETENTION_LIMITED = [
    "Supplier shall return all documents containing Buyer Information, but may retain the quality "
    "records it is required to keep by 21 C.F.R. Part 820 for the retention period stated there.",
    "The Recipient shall destroy all Confidential Information, save that it may keep any copies it is "
    "obliged to preserve by the rules of its professional body.",
    "Upon request the Receiving Party shall return the Evaluation Material; provided that it may retain "
    "one set of board papers, which shall remain Evaluation Material hereunder.",
    "The Contractor shall return all State Data, except that it may keep copies it is bound to hold "
    "under the State's records schedule.",
]

# Copies kept at the receiver's discretion, with nothing limiting them: still weak.
RETENTION_UNLIMITED = [
    "The Recipient shall return or destroy the Evaluation Material, but may retain copies of its own "
    "notes and analyses.",
    "You may keep such copies of the Confidential Information as you consider appropriate.",
]


@pytest.mark.parametrize("text", RETENTION_LIMITED)
def test_own_nda4_copies_kept_by_a_duty_or_still_covered_are_not_without_limit(text: str) -> None:
    assert KEEPS_COPIES not in weak_reasons("return_destruction", text)


@pytest.mark.parametrize("text", RETENTION_UNLIMITED)
def test_own_nda4_copies_kept_at_discretion_are_still_without_limit(text: str) -> None:
    assert KEEPS_COPIES in weak_reasons("return_destruction", text)
