"""clauses.detect.rules: the spec's named forms of survival in many drafting styles.

Written from ../shared/spec/elements.md, not from any contract: for post_termination,
each form the spec names as drafters phrase it (US deal NDAs, UK letters,
SEC-exhibit legalese, government forms, research agreements, plain-English SaaS
terms, GDPR processor terms, HIPAA business associate terms, employment and
licence agreements), which no cue read before:

- survival: a period counted from the last disclosure or from the date on which
  the information was received, "for N years thereafter" after a duty, a duty
  that "does not end when the contract is completed", terms in force until the
  data is deleted, "for so long as it maintains" the data, "until it falls into
  the public domain", "continue in full force thereafter", the end of employment
  or of the agreement said with a verb ("after my employment ends"), and a
  business associate's or processor's duties outside an NDA.

And the look-alikes the spec excludes: the boilerplate that keeps accrued rights or
fees owed after termination, a warranty "for two years thereafter", the agreement's
own term. Every sentence was written for this file.
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import apply_rules
from clauses.elements import elements

COUNTS = 0.5

FOUND = [
    # post_termination: a period counted from the last disclosure or from receipt.
    (
        "post_termination",
        "The obligations of the Recipient hereunder shall expire three years from the date of the last "
        "disclosure of Evaluation Material.",
    ),
    (
        "post_termination",
        "The duty of nondisclosure hereinafter set forth shall endure for a term of five (5) years following "
        "the date upon which such Proprietary Information was first received by the Recipient.",
    ),
    (
        "post_termination",
        "Each party's obligations with respect to Confidential Information shall last for five years from "
        "the date on which such information is disclosed.",
    ),
    (
        "post_termination",
        "The Recipient's obligations shall continue for a period of 5 years from the date on which the "
        "Discussions end, whether or not a contract is concluded.",
    ),
    (
        "post_termination",
        "Any information disclosed during the term of this Agreement shall be held in confidence for a "
        "period of five years thereafter.",
    ),
    # post_termination: the duty does not end with the contract.
    (
        "post_termination",
        "The Contractor's duty to protect Government information under this clause does not end when the "
        "contract is completed or terminated.",
    ),
    (
        "post_termination",
        "The obligations of confidentiality and non-use hereunder shall continue in full force thereafter.",
    ),
    (
        "post_termination",
        "Notwithstanding the termination of this Agreement, the Receiving Party shall continue to hold the "
        "Confidential Information in confidence.",
    ),
    (
        "post_termination",
        "Upon expiration or termination of this Agreement, Sections 7 (Confidentiality), 10 and 12 shall "
        "remain in effect.",
    ),
    (
        "post_termination",
        "Our duty to keep your information confidential continues even after this agreement ends.",
    ),
    # post_termination: for as long as the data is held, said several ways.
    (
        "post_termination",
        "This DPA shall remain in force until, and automatically expire upon, the deletion of all Personal "
        "Data by the Processor as described in this DPA.",
    ),
    (
        "post_termination",
        "The Vendor's obligations under this Schedule continue until all Customer Data has been returned to "
        "the Customer or securely destroyed.",
    ),
    (
        "post_termination",
        "If return or destruction is infeasible, Business Associate shall extend the protections of this BAA "
        "to such PHI for so long as Business Associate maintains such PHI.",
    ),
    (
        "post_termination",
        "Each party's confidentiality obligations shall remain in force until the Confidential Information "
        "falls into the public domain through no fault of the Recipient.",
    ),
    # post_termination: the end of employment said with a verb.
    (
        "post_termination",
        "The Employee agrees that these obligations will continue after the Employee's employment with the "
        "Company ends, regardless of the reason.",
    ),
    (
        "post_termination",
        "Employee shall, during and subsequent to the term of employment, hold all Confidential Information "
        "in confidence.",
    ),
    # post_termination: outside an NDA a business associate's duties are about the PHI it holds.
    (
        "post_termination",
        "The obligations of Business Associate under this Section shall survive the termination of this "
        "Agreement.",
    ),
]

# Look-alikes that stay low even in an NDA, where the information requirement is lifted. The
# warranty "thereafter" and the date hereof guard the cues this file widens (period_after,
# expires_period_after): they passed before and fail if those cues are widened further.
QUIET = [
    # post_termination: accrued rights and money owed are not duties that outlast the agreement.
    (
        "post_termination",
        "Termination of this Agreement shall not affect any rights, remedies, obligations or liabilities of "
        "the parties that have accrued up to the date of termination.",
    ),
    (
        "post_termination",
        "Termination will not relieve you of your obligation to pay all fees accrued before the termination "
        "date.",
    ),
    ("post_termination", "Any fees owed for the period before termination remain payable after termination."),
    # post_termination: a warranty period "thereafter" is not a confidentiality duty's.
    (
        "post_termination",
        "If the goods are repaired at the Buyer's site, the Seller's warranty shall apply to the repaired "
        "parts for two years thereafter.",
    ),
    # post_termination: the agreement's own term, counted from the date hereof.
    (
        "post_termination",
        "The Recipient's obligations under this Agreement shall terminate two years from the date hereof.",
    ),
]


@pytest.mark.parametrize(("element", "text"), FOUND)
def test_rules_recall2_spec_forms_found(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score >= COUNTS


@pytest.mark.parametrize(("element", "text"), QUIET)
def test_rules_recall2_look_alikes_stay_low_even_in_an_nda(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text, enforce_requires=False).score < COUNTS
