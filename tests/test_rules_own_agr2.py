"""Classes of wording that the second round of our own service and commercial agreements
(tests/fixtures/own_agreements2, issue 11) showed the detector getting wrong.

The ten agreements were labelled by the spec before the detector ever ran on them, so the
first figures measured how the first round's fixes carry to documents nobody tuned for.
Every sentence below was written for these tests, in several drafting styles beyond the
fixture documents. Each test of a class failed on the detector before its fix; the tests
named "stays" guard the other side of the same line. The last test holds the whole fixture
set above floors.
"""

from __future__ import annotations

from pathlib import Path

from detect_fixtures import COUNTS, analysed, floors_below, negated, out_of_bounds, own_set_figures, rules_of

from clauses.datamodel import MISSING, WEAK
from clauses.detect.rules import apply_rules
from clauses.elements import elements

# ---- Third-party limits: a permission to pass it to affiliates or advisers, said without "may" ----
# "nothing herein shall prevent X from furnishing it to its Affiliates", "is permitted to share it
# with its lenders": the spec's weak channel, however the permission is phrased.


def test_permission_to_furnish_to_a_main_channel_without_a_duty_is_weak() -> None:
    third = elements()["third_party"]
    for clause in (
        "The Recipient shall not disclose the Information to any third party; provided that nothing "
        "in this Agreement shall prevent the Recipient from furnishing it to its Affiliates and "
        "financial advisors.",
        "Buyer will keep the Evaluation Material secret, except that Buyer is permitted to share it "
        "with its lenders and co-investors.",
        "Licensee shall hold the Know-How in confidence. Nothing herein restricts Licensee from "
        "providing the Know-How to its group companies.",
    ):
        assert rules_of("third_party", clause).weak_reasons, clause
        assert apply_rules(third, clause, enforce_requires=False).score >= COUNTS, clause


def test_permission_with_a_duty_flowing_down_stays_not_weak() -> None:
    for clause in (
        "The Recipient shall not disclose the Information to any third party; provided that nothing "
        "herein shall prevent the Recipient from furnishing it to its Affiliates who are bound by "
        "confidentiality obligations at least as protective as these.",
        "Buyer will keep the Evaluation Material secret, except that Buyer is permitted to share it "
        "with its lenders, each of whom shall be subject to a written duty of confidence.",
    ):
        assert not rules_of("third_party", clause).weak_reasons, clause


# ---- Breach notice: a product-quality notice (adulterated lot, recall, nonconforming goods) ----


def test_product_quality_notice_is_no_breach_notice() -> None:
    for clause in (
        "Each Party shall notify the other within twenty-four hours after learning of any "
        "information indicating that a lot may be adulterated or may need to be recalled.",
        "Seller shall promptly inform Purchaser upon discovery of any nonconforming or defective "
        "Goods, and of any loss of product integrity in transit.",
        "The Supplier shall advise the Company immediately on becoming aware of an out-of-"
        "specification result or a product complaint affecting a delivered batch.",
    ):
        assert negated("breach_notice", clause), clause


def test_notice_of_a_data_incident_stays_breach_notice_beside_a_recall_clause() -> None:
    for clause in (
        "The Supplier shall notify the Company within 24 hours upon becoming aware of any "
        "unauthorised access to the Company's formulation data.",
        "Manufacturer will report any loss or unauthorized disclosure of Buyer Know-How to Buyer "
        "within two days.",
    ):
        assert not negated("breach_notice", clause), clause
        assert rules_of("breach_notice", clause).score >= COUNTS, clause


# ---- Remedies: a liability cap that is lifted for a breach is not "only capped damages" ----


def test_cap_lifted_for_a_breach_is_not_the_weak_capped_remedy() -> None:
    for clause in (
        "The Contractor's liability shall not exceed two times the contract value, except that this "
        "limitation does not apply to the Contractor's breach of Section 7, for which the "
        "Contractor shall be liable for all resulting damages.",
        "Supplier's aggregate liability is limited to the fees paid in the prior twelve months; the "
        "foregoing cap shall not apply to damages arising from Supplier's breach of Clause 12.",
        "The Supplier's total liability shall not exceed one million pounds, save that this limit "
        "shall not apply to losses arising from a breach of clause 14.",
    ):
        assert not rules_of("remedies", clause).weak_reasons, clause


def test_plain_cap_on_damages_for_a_breach_stays_weak() -> None:
    clause = (
        "Each party's liability for damages for breach of this Agreement shall be limited to the "
        "fees paid in the twelve months before the claim."
    )
    assert rules_of("remedies", clause).weak_reasons


# ---- Personnel: a combined "confidentiality and invention assignment agreement" signed ----


def test_signing_a_combined_confidentiality_agreement_is_personnel() -> None:
    for clause in (
        "Before an assignment starts, Provider will require the Assigned Worker to sign Client's "
        "standard confidentiality and invention assignment agreement.",
        "Each temporary worker shall have executed a non-disclosure and non-solicitation "
        "agreement in the form of Exhibit D before reporting to the site.",
        "The Agency shall have every locum it places sign a confidentiality & intellectual "
        "property agreement with the Trust.",
    ):
        assert rules_of("personnel", clause).score >= COUNTS, clause


# ---- Audit: a shareholder's inspection of a joint company's books of account ----


def test_inspection_of_books_of_account_is_no_audit() -> None:
    for clause in (
        "Each Party and its authorized representatives shall have the right, upon reasonable "
        "notice, to inspect the books of account and financial records of the Company.",
        "Any Member may examine the partnership's books of account at the principal office during "
        "business hours.",
    ):
        assert negated("audit", clause), clause


def test_audit_of_confidentiality_compliance_stays_audit() -> None:
    clause = (
        "The Discloser may, on reasonable notice, inspect the Recipient's premises and records to "
        "verify compliance with Article 5."
    )
    assert not negated("audit", clause)
    assert rules_of("audit", clause).score >= COUNTS


# ---- The whole fixture set: floors a stated tolerance below what was measured ----

OWN = Path(__file__).parent / "fixtures" / "own_agreements2"


def _joint_venture(*clauses: str) -> str:
    """A short SEC-exhibit-style agreement: a title, a marked-only definition, and ``clauses``."""
    body = "\n\n".join(f"Section 5.0{n}. {clause}" for n, clause in enumerate(clauses, start=1))
    return (
        'JOINT DEVELOPMENT AGREEMENT\n\nARTICLE I\nDEFINITIONS\n\nSection 1.01. "Confidential '
        'Information" shall mean all information disclosed hereunder which is marked as '
        "confidential.\n\nARTICLE V\nCONFIDENTIALITY\n\n"
        f"{body}\n"
    )


def test_proviso_letting_affiliates_have_it_makes_the_whole_document_weak() -> None:
    text = _joint_venture(
        "Non-Disclosure. The Receiving Party shall hold the Confidential Information in confidence "
        "and shall not disclose it to any third party without prior written consent; provided, "
        "however, that nothing herein shall prevent the Receiving Party from furnishing it to its "
        "Affiliates and legal advisors.",
    )
    assert analysed(text)["third_party"].status == WEAK


def test_recall_notice_in_a_supply_agreement_is_no_breach_notice() -> None:
    text = _joint_venture(
        "Non-Disclosure. The Receiving Party shall hold the Confidential Information in strict confidence.",
        "Recalls. Each Party shall notify the other within forty-eight hours after learning of any "
        "information indicating that a batch may be adulterated or may need to be recalled.",
    )
    assert analysed(text)["breach_notice"].status == MISSING


# Measured at the end of this pass on these ten agreements (shipped model, this detector):
# macro-F1 0.987, weak-flag accuracy 1.000, evidence hit 0.960, all 13 verdicts right in 8 of 10
# contracts, false 'missing' 0.10 per contract, right among unflagged verdicts 1.000. The three
# errors left (a JV's dissolution hand-over read as return, "advised by counsel" read as staff
# advised, a service provider's written contract not read as personnel) are reported, not fixed.
# Floors: the figures this set measured, less the tolerances of tests/detect_fixtures.py.
FLOORS = floors_below(
    {
        "macro_f1": 0.987,
        "weak_accuracy": 1.0,
        "evidence_hit_rate": 0.960,
        "all_right": 0.8,
        "unflagged_right": 1.0,
    }
)
FALSE_MISSING_CEILING = 0.1 + 0.2  # per contract: two more false "missing" verdicts in ten contracts


def test_own_agreements2_stay_above_their_floors() -> None:
    measured = own_set_figures(OWN, 10)
    outside = out_of_bounds(measured, FLOORS, {"false_missing_per_contract": FALSE_MISSING_CEILING})
    assert not outside, f"below a floor or above the ceiling: {outside}"
