"""Classes of wording that the third round of our own licence, employment and other commercial
agreements (tests/fixtures/own_agreements4, issue 11) showed the detector getting wrong.

The ten agreements were labelled by the spec before the detector ever ran on them, so the
first figures measured how the earlier rounds' fixes carry to documents nobody tuned for.
Every sentence below was written for these tests, in several drafting styles (US plain,
UK/Commonwealth, SEC-exhibit legalese, government and university forms) beyond the fixture
documents. Each test of a class failed on the detector before its fix; the tests named
"stays" or "look-alike" guard the other side of the same line. The last test holds the whole
fixture set above floors.
"""

from __future__ import annotations

from pathlib import Path

from detect_fixtures import COUNTS, analysed, floors_below, negated, out_of_bounds, own_set_figures, rules_of

from clauses.datamodel import WEAK
from clauses.detect.quantities import notice_windows


def _cue_names(element_id: str, text: str) -> set[str]:
    return {cue.name for cue in rules_of(element_id, text).cues}


# ---- Audit: a duty to act "in compliance with" a law is no right to verify compliance ----
# "after review by the Institutional Review Board and in compliance with HIPAA": the word "review"
# (a board's name, an approval) four words before "in compliance with" read as a review for
# compliance. Acting in compliance is the receiver's conduct; the spec's audit is the discloser's
# check of it.


def test_acting_in_compliance_with_a_law_is_no_compliance_review() -> None:
    for clause in (
        "Investigators shall begin the study only after Institutional Review Board approval and in "
        "compliance with 45 C.F.R. Part 46.",
        "The Contractor shall perform all testing after review by the Safety Committee and in "
        "compliance with OSHA regulations.",
        "The Supplier shall carry out the works following review by the Client's engineer and in "
        "compliance with the Building Regulations 2010.",
        "Licensee shall manufacture the Licensed Products only upon review of the specifications and "
        "in compliance with all applicable FDA requirements.",
    ):
        assert "ascertain_compliance" not in _cue_names("audit", clause), clause
        assert rules_of("audit", clause).score < COUNTS, clause


def test_a_review_for_compliance_stays_audit() -> None:
    for clause in (
        "The Discloser may review the Recipient's records for compliance with this Agreement.",
        "The Company shall be entitled to monitor the Contractor's compliance with Clause 9.",
        "The State may check for compliance with the data security requirements at any time.",
    ):
        assert "ascertain_compliance" in _cue_names("audit", clause), clause


# ---- Remedies: an indemnity against claims from exploiting products or results ----
# "indemnify University from claims arising out of Sponsor's use, commercialization or
# distribution of Research Results": an indemnity against outside claims (as for injury or
# infringement already), not a remedy for breach of confidentiality or of the agreement.


def test_indemnity_against_claims_from_commercialisation_is_no_remedy() -> None:
    for clause in (
        "Sponsor shall indemnify and hold harmless University from any liability arising out of "
        "Sponsor's use, commercialization or distribution of Research Results.",
        "Licensee will indemnify Licensor against all claims arising from the manufacture, "
        "marketing or sale of Licensed Products.",
        "The Distributor shall indemnify the Supplier against all losses arising from the "
        "Distributor's resale of the Goods in the Territory.",
        "Licensee shall indemnify, defend and hold harmless Licensor and its Affiliates from and "
        "against any and all claims, losses and expenses arising out of the exploitation by "
        "Licensee or its sublicensees of the Licensed Technology.",
    ):
        assert negated("remedies", clause), clause


def test_indemnity_for_a_breach_stays_a_remedy() -> None:
    for clause in (
        "Recipient shall indemnify the Discloser against all losses arising from any breach of this "
        "Agreement in the marketing of the Products.",
        "Licensee shall indemnify Licensor for all losses arising from Licensee's commercial use of "
        "the Confidential Information other than as permitted.",
    ):
        assert not negated("remedies", clause), clause


# ---- Disclosure required by law: an employer's own acts done "as required by law" ----
# Training, withholding, deductions and benefits done "as required by law" disclose nothing: the
# spec's element is disclosure required by law (like records kept as required, already).


def test_employment_acts_done_as_required_by_law_are_no_compelled_disclosure() -> None:
    for clause in (
        "You will also be asked to complete harassment prevention training within thirty days, as "
        "required by California law.",
        "All amounts payable hereunder are subject to tax withholdings and deductions as required by "
        "applicable law.",
        "The Company shall make such deductions from the Executive's salary as are required by law.",
        "The Company shall withhold from any payments hereunder all federal, state and local taxes "
        "as shall be required pursuant to any law or governmental regulation.",
        "Each contractor employee shall attend annual ethics training where required by federal regulations.",
    ):
        assert negated("compelled_disclosure", clause), clause


def test_disclosure_as_required_by_law_stays_compelled_disclosure() -> None:
    for clause in (
        "The Employee shall not disclose Confidential Information, except as required by law.",
        "Recipient may disclose Confidential Information to the extent required by law, provided "
        "that it gives the Discloser prior written notice.",
        "The Company shall withhold nothing, but may furnish the records to the agency as required by law.",
    ):
        assert not negated("compelled_disclosure", clause), clause
        assert rules_of("compelled_disclosure", clause).score >= COUNTS, clause


# ---- Post-termination: a non-compete's period is not the confidentiality's survival ----
# "for twelve months after it ends, the Executive shall not own, manage, operate or provide
# services to any business in competition with the Company": a restraint after the end that is
# not confidentiality (restraint_period read only solicit, hire, compete).


def test_non_compete_after_the_end_is_no_survival() -> None:
    for clause in (
        "For twelve months after employment ends, the Executive shall not own, manage, operate or "
        "provide services to any business in competition with the Company.",
        "The Executive shall not, for six months after the Termination Date, be engaged or concerned "
        "in any business which is in competition with the Company's Group.",
        "For a period of five (5) years following the Closing Date, Seller shall not, directly or "
        "indirectly, engage in any business competitive with the Business.",
        "For one year after leaving the University, the researcher shall not accept employment with "
        "a competitor of the Sponsor in the field of the Project.",
    ):
        assert negated("post_termination", clause), clause


def test_no_disclosure_to_a_competitor_after_the_end_stays_survival() -> None:
    for clause in (
        "The Executive shall not, at any time after the termination of employment, disclose any "
        "Confidential Information to a competitor of the Company.",
        "For five years after termination, the Recipient shall not reveal the trade secrets to any "
        "business in competition with the Discloser.",
    ):
        assert not negated("post_termination", clause), clause
        assert rules_of("post_termination", clause).score >= COUNTS, clause


# ---- One duty sentence, its verbs deferred behind a parenthetical exception ----
# "shall not (except in the proper course of his duties ...), either during the Appointment or
# at any time after its termination, use or communicate to any person ... any Confidential
# Information": no disclosure, use only for the duties, and after the end, all in one sentence
# whose "not" is far from its verbs. The cues read "not" right before the time phrase or verb.

DEFERRED = (
    "The Employee shall not (save in the proper performance of his duties or with the consent of "
    "the Board), whether during the Employment or at any time after its termination, use or "
    "disclose to any person any Confidential Information.",
    "The Consultant shall not (except as required in the course of the Services), either during "
    "the term hereof or at any time thereafter, use, publish or divulge any Proprietary Information.",
    "You must not (other than to do your job for us) at any time after your employment ends use or "
    "share our confidential information.",
    "The Researcher shall not (except for the purposes of the Project or as authorised by the "
    "Sponsor) during the Project or at any time after its completion use or communicate any Sponsor "
    "Information.",
    "The Officer shall not, except in the proper course of the Officer's duties, at any time after "
    "ceasing to hold office use or disclose any confidential information of the Department.",
)


def test_duties_deferred_behind_a_parenthetical_exception_are_read() -> None:
    for clause in DEFERRED:
        for element in ("third_party", "post_termination", "use_limitation"):
            assert rules_of(element, clause).score >= COUNTS, (element, clause)


def test_deferred_use_of_other_things_stays_no_use_limitation() -> None:
    for clause in (
        "The Licensee shall not (except with the Licensor's written consent) use the Marks on any "
        "other goods.",
        "The Tenant shall not (except as permitted by clause 5) use or occupy the Premises other than "
        "as offices.",
    ):
        assert rules_of("use_limitation", clause).score < COUNTS, clause


def test_deferred_restraint_of_trade_stays_no_survival() -> None:
    clause = (
        "The Distributor shall not (save as permitted by clause 3), during the Term or at any time "
        "after its termination, sell or supply any products in competition with the Products."
    )
    assert negated("post_termination", clause)


# ---- Breach notice: the notice's channel between the verb and the event ----
# "notify us by email to security@example.com within forty-eight (48) hours after ... any
# unauthorized access": an e-mail address, a telephone number or a numeral in brackets broke the
# span of words the cue allows between the verb and the event.


def test_notice_with_its_channel_between_verb_and_event_is_breach_notice() -> None:
    for clause in (
        "You will notify us by email to security@example.com within forty-eight (48) hours after you "
        "become aware of any unauthorized access to Customer Data.",
        "The Processor shall notify the Controller by telephone and e-mail (privacy@controller.example) "
        "within 24 hours of becoming aware of any Personal Data Breach.",
        "Licensee shall notify Licensor, at its address in Section 12.2, within five (5) days of any "
        "loss or unauthorized disclosure of the Licensed Know-How.",
        "Contractor shall report to the State Security Officer at (555) 010-0199 within one (1) hour of "
        "discovering any suspected loss of State Data.",
    ):
        assert "notify_unauthorized" in _cue_names("breach_notice", clause), clause
        assert rules_of("breach_notice", clause).score >= COUNTS, clause


def test_deadline_after_an_email_address_stays_with_its_notice() -> None:
    # The full stop inside the address ended the sentence, and the deadline was read as the
    # following "cooperate" duty's: "no outer time limit".
    clause = (
        "You will notify us by email to security@example.com within forty-eight (48) hours after you "
        "become aware of any unauthorized access to Customer Data, and you will cooperate with our "
        "investigation."
    )
    assert [q.value for q in notice_windows(clause)] == [48.0]


def test_notice_with_a_channel_of_other_events_stays_no_breach_notice() -> None:
    for clause in (
        "You will notify us by email to billing@example.com within ten (10) days of any change to "
        "your billing address.",
        "Licensee shall notify Licensor in writing (at legal@licensor.example) within thirty (30) days "
        "of any infringement of the Licensed Patents by a third party.",
    ):
        assert rules_of("breach_notice", clause).score < COUNTS, clause


# ---- Definition: other terms' definitions do not clear the confidential information's ----
# An agreement defines many terms ("Research Results means", "Net Sales means"), each read as a
# scope definition, and the scope was weak only when every defining clause was: a marked-only
# "Confidential Information" lost its weak flag beside any other definition. Where a clause
# defines the confidential information, the other terms' definitions are not its scope.


def _defined(definitions: str, duty: str) -> str:
    return f"AGREEMENT\n\n1. DEFINITIONS\n\n{definitions}\n\n2. CONFIDENTIALITY\n\n{duty}\n"


MARKED_ONLY_BESIDE_OTHER_TERMS = (
    # university form
    '1.1 "Research Results" means all data and materials generated in the Research Program.\n\n'
    '1.2 "Sponsor Confidential Information" means information of Sponsor disclosed in written or '
    'other tangible form and marked "Confidential" at the time of disclosure.\n\n'
    '1.3 "Study Data" means the health information of research subjects obtained for the Research '
    "Program.",
    # US plain licence
    '1.1 "Net Sales" means the gross amounts invoiced for Licensed Products, less returns.\n\n'
    '1.2 "Confidential Information" means information that a party marks as confidential when it '
    "discloses it in writing.\n\n"
    '1.3 "Territory" means the United States and Canada.',
    # UK
    '1.1 "Business Day" means a day other than a Saturday, Sunday or public holiday in England.\n\n'
    '1.2 "Confidential Information" means information which the Disclosing Party designates as '
    "confidential in writing.\n\n"
    '1.3 "Group Company" means the Company and any subsidiary or holding company of it.',
    # SEC exhibit
    '1.1 "Affiliate" shall mean any Person controlling, controlled by or under common control with '
    "such Person.\n\n"
    '1.2 "Proprietary Information" shall mean all information which is labeled "Proprietary" by '
    "the Disclosing Party at the time of disclosure.\n\n"
    '1.3 "Closing Date" shall mean the date on which the Closing occurs.',
)


def test_marked_only_scope_stays_weak_beside_other_terms_definitions() -> None:
    duty = "2.1 Each party shall hold the other's Confidential Information in confidence."
    for definitions in MARKED_ONLY_BESIDE_OTHER_TERMS:
        assert analysed(_defined(definitions, duty))["definition"].status == WEAK, definitions


def test_broad_scope_beside_a_marked_other_term_stays_not_weak() -> None:
    duty = "2.1 Each party shall hold the other's Confidential Information in confidence."
    for definitions in (
        '1.1 "Confidential Information" means all information disclosed by a party, in any form, '
        "whether or not marked.\n\n"
        '1.2 "Licensed Materials" means the documents that Licensor marks as proprietary.',
        '1.1 "Customer Data" means all data that Customer uploads to the Service.\n\n'
        '1.2 "Deliverables" means the reports marked as final that Supplier delivers.',
    ):
        assert analysed(_defined(definitions, duty))["definition"].status != WEAK, definitions


# ---- The whole fixture set: floors a stated tolerance below what was measured ----

OWN = Path(__file__).parent / "fixtures" / "own_agreements4"

# Measured on these ten agreements before this pass (main's detector at ed72cf2, labels written
# blind): macro-F1 0.935, weak-flag accuracy 0.963, evidence hit 0.963, all 13 verdicts right in
# 4 of 10 contracts, false 'missing' 0.40 per contract, right among unflagged 0.981, flagged 0.200.
# Measured at the end of this pass (shipped model, this detector): macro-F1 0.984, weak-flag
# accuracy 1.000, evidence hit 0.965, all 13 right in 8 of 10, false 'missing' 0.10 per contract,
# right among unflagged 0.991, flagged 0.162. The two errors left (staff named only as need-to-know
# recipients read as personnel by the classifier; "best endeavours to prevent disclosure" not read
# as weak safeguards) are reported, not fixed: the fixes tried moved the real halves' evidence
# and flags. Tolerances: one element's F1 lost on one document moves macro-F1 by about 0.01,
# so a macro floor 0.03 below; a share of ten contracts moves by 0.1, so all-right two contracts
# below; flagged may rise by one verdict in twenty (130 verdicts: about six).
FLOORS = floors_below(
    {
        "macro_f1": 0.984,
        "weak_accuracy": 1.0,
        "evidence_hit_rate": 0.965,
        "all_right": 0.8,
        "unflagged_right": 0.991,
    }
)
CEILINGS = {
    "false_missing_per_contract": 0.1 + 0.2,  # two more false "missing" verdicts in ten contracts
    "flagged_share": 0.162 + 0.05,
}


def test_own_agreements4_stay_above_their_floors() -> None:
    measured = own_set_figures(OWN, 10)
    outside = out_of_bounds(measured, FLOORS, CEILINGS)
    assert not outside, f"below a floor or above the ceiling: {outside}"
