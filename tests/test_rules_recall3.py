"""clauses.detect.rules: a third challenge set, written from ../shared/spec/elements.md alone.

Short clauses in drafting styles the earlier sets did not use (a clean-team letter, a
1990s exhibit's "party of the first part", a state contract, a research sponsor's
visit, a BAA's books and records, a security questionnaire), each stating an element
in a form the spec names: a right to audit, inspect or monitor, or evidence of
compliance (records of who had access, an account of the copies, a report on how the
information was kept). And the look-alikes the spec excludes, in the same styles: the
receiver's own or internal audit that hands nothing over, an inspection made to weigh
a deal, a quality inspection of a warehouse. Every sentence was written for this file.
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import apply_rules
from clauses.elements import elements

COUNTS = 0.5

FOUND = [
    # audit: entry or access to the receiver's places and records so that the discloser can look.
    (
        "audit",
        "Upon reasonable prior notice, the Disclosing Party or its designee may enter the Recipient's "
        "premises during normal business hours to review the Recipient's handling of the Confidential "
        "Information.",
    ),
    (
        "audit",
        "The Supplier shall procure that the Customer and its auditors are given access to its sites, "
        "personnel and systems so as to verify that the Supplier is meeting its obligations under clause 14 "
        "(Confidentiality).",
    ),
    (
        "audit",
        "The Sponsor shall be entitled, upon reasonable notice, to visit the Institution to inspect the "
        "arrangements made for the safekeeping of the Sponsor's Confidential Information.",
    ),
    # audit: the receiver submits to the discloser's audit, review, questionnaire or assessment.
    (
        "audit",
        "The Recipient agrees to submit to an audit by the Discloser, or an independent third party "
        "appointed by it, of its compliance with these confidentiality undertakings.",
    ),
    (
        "audit",
        "The Vendor shall complete, on request, the Client's information security questionnaire and provide "
        "supporting documentation.",
    ),
    (
        "audit",
        "Supplier will cooperate with any assessment by Customer of Supplier's information security program, "
        "including by responding to reasonable requests for documentation.",
    ),
    (
        "audit",
        "The Contractor shall cooperate with any security review conducted by the Agency, including on-site "
        "inspections.",
    ),
    # audit: records of the information's use, disclosure or copies handed over on request.
    (
        "audit",
        "Business Associate shall make its internal practices, books, and records relating to the use and "
        "disclosure of PHI available to Covered Entity upon request.",
    ),
    (
        "audit",
        "Licensee shall maintain records of each copy of the Confidential Information made and shall produce "
        "such records to Licensor upon request.",
    ),
    (
        "audit",
        "Within thirty days of a written request, the Recipient shall deliver to the Company a list of every "
        "person who has been given access to the Evaluation Material.",
    ),
    # audit: evidence of compliance: a statement, proof that measures are in place, an account.
    (
        "audit",
        "At the Sponsor's request, the Institution shall provide a written statement signed by an officer "
        "confirming that the Confidential Information has been handled in accordance with this Agreement.",
    ),
    (
        "audit",
        "Each party shall, upon the other's reasonable request, provide written evidence that it has "
        "implemented the security measures set out in Schedule 2.",
    ),
    (
        "audit",
        "The Recipient shall supply such information as the Discloser may reasonably request concerning the "
        "Recipient's compliance with this Agreement.",
    ),
    (
        "audit",
        "Upon request of the Disclosing Party, the Recipient shall account for all copies of the "
        "Confidential Information in its possession.",
    ),
    (
        "audit",
        "The Receiving Party shall, whenever requested, disclose to the Disclosing Party the whereabouts of "
        "all Confidential Information and the identity of every person holding it.",
    ),
    (
        "audit",
        "The Recipient will, at the Discloser's request, give the Discloser a report describing how the "
        "Confidential Information has been stored, used and protected.",
    ),
]

# Look-alikes, scored as in an NDA (the ``requires`` condition lifted), so only the wording decides.
QUIET = [
    # audit: the receiver audits itself and hands nothing to the discloser.
    (
        "audit",
        "The Provider engages an independent firm annually to audit its own security controls; the Provider "
        "is not obliged to share the results with the Customer.",
    ),
    (
        "audit",
        "The Company's internal audit function reviews its information security program on a regular basis.",
    ),
    # audit: the receiver inspects the other's business to weigh a deal.
    (
        "audit",
        "The Recipient may conduct such investigation and inspection of the Company's properties as it deems "
        "appropriate in connection with the Proposed Transaction.",
    ),
    # audit: the receiver's visit to the discloser's plant or records looks at the business, not at
    # how the information is kept.
    (
        "audit",
        "The Company may arrange for the Recipient's representatives to visit its plants to inspect the "
        "equipment that forms part of the Business.",
    ),
    (
        "audit",
        "The Purchaser shall be given reasonable access to the premises and records of the Company to review "
        "the operations of the Business.",
    ),
    # audit: a quality inspection, not of confidentiality.
    (
        "audit",
        "Distributor shall allow Manufacturer's quality personnel to inspect its warehouses to ensure that "
        "storage conditions meet the product handling requirements.",
    ),
]


@pytest.mark.parametrize(("element", "text"), FOUND)
def test_rules_recall3_spec_forms_found(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score >= COUNTS


@pytest.mark.parametrize(("element", "text"), QUIET)
def test_rules_recall3_look_alikes_stay_low_even_in_an_nda(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text, enforce_requires=False).score < COUNTS


@pytest.mark.parametrize(
    "text",
    [
        "The Provider shall have an independent firm audit its own security controls each year and shall "
        "provide the Customer with a summary of the findings on request.",
        "The Supplier shall conduct an internal audit of its data handling every year and shall furnish the "
        "results to the Customer.",
    ],
)
def test_rules_recall3_own_audit_handed_over_still_counts(text: str) -> None:
    # The own-audit negation stands aside when the sentence gives the results to the discloser.
    assert apply_rules(elements()["audit"], text).score >= COUNTS
