"""clauses.detect.rules: remedies and safeguards in more real NDA forms, in our own words.

Each case stands for a class of wording found while labelling, by the spec, real NDAs
that no detection work had used (ContractNLI's training sample, which has no hypothesis
for these elements): a money penalty for "any or all" violations, liability for breach
of confidentiality capped (a weak remedy), the "same care as its own" without the words
"degree of"; and the look-alike of the discloser's own steps to protect its information
when the law compels a disclosure. Every sentence was written for this file.
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import apply_rules
from clauses.elements import elements

COUNTS = 0.5

FOUND = [
    # A money penalty for violations, however far the amount sits from "for any breach".
    (
        "remedies",
        "The Parties accept that a monetary penalty of up to two hundred thousand euros may be levied "
        "against the defaulting Party for any or all breaches of these undertakings.",
    ),
    (
        "remedies",
        "Should the Consultant break any term of this letter, a fine of $10,000 shall be payable by him "
        "per violation.",
    ),
    (
        "remedies",
        "A contractual penalty amounting to the fee for one full year of the engagement shall fall due for "
        "every breach of Clause 3.",
    ),
    # Liability for breach of confidentiality, even capped, is a damages remedy (weak).
    (
        "remedies",
        "Each party's liability for breaches of this confidentiality agreement is limited to direct and "
        "foreseeable loss.",
    ),
    (
        "remedies",
        "The liability of the Recipient for any breach of its confidentiality obligations shall not exceed "
        "fifty thousand pounds.",
    ),
    # The same care as its own, without "degree of".
    (
        "safeguards",
        "The Visitor shall use at least the same care in guarding the Drawings as it uses with respect to "
        "its’ own secret papers.",
    ),
    (
        "safeguards",
        "Recipient will treat the Evaluation Material with the same care and discretion that it applies "
        "to its own business plans.",
    ),
    (
        "safeguards",
        "Each side shall handle the other's Data with no less care than it handles its own records of a "
        "like kind.",
    ),
]

QUIET = [
    # "Penalty" in a late-payment clause: no breach of the confidentiality duties.
    ("remedies", "Invoices unpaid after thirty days bear a late penalty of two per cent a month."),
    # A general cap on the agreement's liability names no breach.
    (
        "remedies",
        "The Supplier's total liability under this Agreement is limited to the fees paid in the year.",
    ),
    # The discloser protecting its own information when the law compels a disclosure.
    (
        "safeguards",
        "The Recipient shall notify the Discloser of any such demand so that the Discloser may take "
        "appropriate steps to protect its Information from the disclosure.",
    ),
]


@pytest.mark.parametrize(("element", "text"), FOUND)
def test_rules_ts3_found(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score >= COUNTS


@pytest.mark.parametrize(("element", "text"), QUIET)
def test_rules_ts3_look_alikes_stay_low(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score < COUNTS


def test_rules_ts3_capped_liability_is_weak() -> None:
    text = (
        "Each party's liability for breaches of this confidentiality agreement is limited to direct and "
        "foreseeable loss."
    )
    assert apply_rules(elements()["remedies"], text).weak_reasons
