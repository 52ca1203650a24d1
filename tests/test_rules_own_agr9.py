"""Classes of wording and structure that the ninth set of our own agreements
(tests/fixtures/own_agreements9, issue 11) showed the detector getting wrong: service, supply,
property, data-use and finance agreements that carry confidentiality in one section of a long
document, with look-alikes elsewhere.

The eight documents were labelled by the spec before the detector ever ran on them. Every sentence
below was written for these tests, in several drafting styles beyond the fixture documents (US
plain English, UK/Commonwealth, SEC-exhibit legalese, government or university forms). Each test
of a class failed on the detector before its fix; the tests named "stays" guard the other side of
the same line. The last test holds the whole fixture set above floors.
"""

from __future__ import annotations

from pathlib import Path

from detect_fixtures import (
    COUNTS,
    analysed,
    floors_below,
    negated,
    out_of_bounds,
    own_set_figures,
    rule_score,
)

from clauses.datamodel import MISSING

OWN = Path(__file__).parent / "fixtures" / "own_agreements9"


# ---- Compelled disclosure: records kept as the law requires, said in the passive ----
# Keeping is not disclosing, whichever voice says it.


def test_records_retained_as_law_requires_in_the_passive_are_no_compelled_disclosure() -> None:
    for sentence in (
        "Patient charts shall be retained by the practice as required by state law.",
        "All accounting records are to be kept by the Contractor for such period as may be required "
        "by the Public Records Act.",
        "Batch records shall be maintained at the Facility for as long as required by Applicable Law.",
        "Copies of each consumer report are stored by the Client only where required by law.",
    ):
        assert negated("compelled_disclosure", sentence), sentence


def test_disclosure_as_the_law_requires_stays() -> None:
    for sentence in (
        "The Recipient is permitted to reveal Confidential Information where the law requires it, provided "
        "it gives the Discloser prompt notice.",
        "Information shall be kept in confidence save where its disclosure is required by an order of "
        "a court of competent jurisdiction.",
        "Where the Authority is required by law to release any information, it shall consult the "
        "Contractor beforehand.",
    ):
        assert not negated("compelled_disclosure", sentence), sentence


# ---- Use limitation: premises, property, equipment or money used only for a purpose ----
# A lease's permitted use, a loan's purpose or equipment's use limit what is used, not the other
# party's information.


def test_premises_property_or_money_used_for_a_purpose_is_no_use_limitation() -> None:
    for sentence in (
        "Tenant shall use the Premises only for general office purposes and for no other purpose.",
        "The Lessee shall not use the demised premises otherwise than as offices within Class E.",
        "The Grantee may use the grant funds solely for the Project described in Schedule A.",
        "The Borrower shall use the proceeds of the Loan solely to purchase the Equipment.",
        "Licensee shall use the Equipment only at the Site and only for the Permitted Purpose.",
    ):
        assert negated("use_limitation", sentence), sentence


def test_use_of_information_only_for_a_purpose_stays() -> None:
    for sentence in (
        "Tenant shall use the Landlord's financial information only to evaluate the Premises.",
        "The Recipient is to use Confidential Information solely for the Purpose and no other end.",
        "The Bank may use information supplied under clause 8 only for the purposes of the Facility.",
    ):
        assert not negated("use_limitation", sentence), sentence
        assert rule_score("use_limitation", sentence) >= COUNTS, sentence


# ---- Post-termination: something other than confidentiality survives ----
# An indemnity, warranties, a guarantee or insurance outliving the agreement are the spec's
# look-alike "survival of representations, indemnities".


def test_an_indemnity_or_warranty_surviving_is_no_post_termination_duty() -> None:
    for sentence in (
        "This indemnity survives the expiration or termination of this Lease.",
        "The Seller's warranties shall survive Completion for a period of eighteen months.",
        "The representations and warranties of the Company contained herein shall survive the "
        "Closing and the consummation of the transactions contemplated hereby.",
        "The Contractor's insurance cover shall continue in force for six years after the end of "
        "the Contract Period.",
    ):
        assert negated("post_termination", sentence), sentence


def test_confidentiality_surviving_stays() -> None:
    for sentence in (
        "Clauses 8, 12 and 16 survive termination or expiry of this Agreement.",
        "The indemnity in Section 9 and the confidentiality obligations in Section 7 shall survive "
        "any termination of this Agreement.",
        "The Recipient's duties of confidence survive the expiry of this Agreement for five years.",
        "Articles VI and VIII shall survive the termination hereof.",
    ):
        assert not negated("post_termination", sentence), sentence
        assert rule_score("post_termination", sentence) >= COUNTS, sentence


# ---- Return or destruction: disposal, and a tenant's surrender of the premises ----
# "Dispose of ... by shredding" is destruction in records language; surrendering the premises at
# the end of a lease is handing back land, not information.


def test_disposal_of_records_is_destruction() -> None:
    for sentence in (
        "On termination the Client will dispose of all consumer reports by shredding or securely "
        "erasing them.",
        "All Personal Information held by the Contractor shall be securely disposed of within thirty "
        "days after the end of the Contract.",
        "Upon request, the Receiving Party shall securely dispose of the Confidential Information and "
        "certify the same in writing.",
        "The Licensee must dispose of every copy of the Dataset when the Project ends.",
    ):
        assert rule_score("return_destruction", sentence) >= COUNTS, sentence


def test_surrender_of_the_premises_is_no_return() -> None:
    for sentence in (
        "At the end of the Term Tenant shall surrender the Premises broom clean and in good condition.",
        "On the expiry of the Lease the Tenant shall yield up the Property in good and substantial repair.",
        "The Licensee shall vacate the Unit and deliver the keys to the Licensor on termination.",
        "Upon the expiration of the term hereof, Lessee shall quit and surrender the Leased "
        "Property to Lessor in as good condition as received.",
    ):
        assert negated("return_destruction", sentence), sentence


def test_return_of_documents_stays() -> None:
    for sentence in (
        "The Receiving Party shall surrender all documents containing Confidential Information upon "
        "the Disclosing Party's request.",
        "Upon termination, each party shall return or destroy the other's Confidential Information.",
    ):
        assert not negated("return_destruction", sentence), sentence
        assert rule_score("return_destruction", sentence) >= COUNTS, sentence


# ---- Audit: a landlord's right of entry to the premises ----


def test_landlord_entry_to_the_premises_is_no_audit() -> None:
    for sentence in (
        "Landlord and its agents may enter the Premises at reasonable times to inspect them, to make "
        "repairs and to show them to prospective purchasers or lenders.",
        "The Tenant shall permit the Landlord on reasonable notice to enter the Property to view the "
        "state of repair and condition of it.",
        "The Lessor, its employees and contractors shall have a right of entry upon the leased "
        "premises for the purpose of carrying out maintenance.",
        "Lessor and its designees shall have the right to enter upon the Demised Premises at all "
        "reasonable hours for the purpose of exhibiting the same to prospective tenants.",
    ):
        assert negated("audit", sentence), sentence


def test_the_disclosers_inspection_of_information_handling_stays() -> None:
    for sentence in (
        "The Client may enter the Supplier's premises on reasonable notice to audit its compliance "
        "with clause 12 (Confidentiality).",
        "VeriPath or its designee may conduct an on-site inspection of Client's procedures for "
        "handling Consumer Reports.",
    ):
        assert not negated("audit", sentence), sentence


def test_reports_are_information_a_duty_to_dispose_of_can_govern() -> None:
    # Outside an NDA a return duty counts only when it is about information (the element's
    # "requires"): consumer reports, screening reports and audit reports are documents.
    from clauses.elements import elements

    requires = elements()["return_destruction"].requires
    assert requires is not None
    for sentence in (
        "On termination Client will dispose of all background reports by shredding them.",
        "When the Client no longer needs a consumer report, it will shred it.",
        "The Agency shall return the investigation reports to the Department when the case closes.",
    ):
        assert requires.search(sentence), sentence


# ---- Remedies: injunctive relief inside a restrictive covenant's or IP's own section ----
# Structural: the section heading says whose remedy it is. Relief "to enforce Section 7.1" under
# "Non-Solicitation" is the covenant's, the spec's look-alike, unless the clause names the
# confidentiality duties or information.

_CONTRACT = """SERVICES AGREEMENT

1. Confidentiality
1.1 The Contractor shall keep the Client's Confidential Information secret and shall not disclose it
to any third party without the Client's prior written consent.

2. {heading}
2.1 {covenant}
2.2 {relief}

3. Governing Law
3.1 This Agreement is governed by the laws of the State of New York.
"""


def test_injunctive_relief_for_a_covenant_or_ip_only_is_no_remedy() -> None:

    for heading, covenant, relief in (
        (
            "Non-Solicitation",
            "For twelve months after this Agreement ends the Contractor shall not solicit any client "
            "of the Client.",
            "The Contractor agrees that the Client may obtain injunctive relief to enforce Section 2.1 "
            "without posting a bond.",
        ),
        (
            "Restrictive Covenants",
            "The Consultant shall not, for six months after the Termination Date, be engaged in any "
            "business competing with the Company within the Territory.",
            "The Consultant acknowledges that damages would not be an adequate remedy for a breach of "
            "clause 2.1 and that the Company shall be entitled to an injunction.",
        ),
        (
            "Non-Competition",
            "During the Term hereof, Contractor shall not engage in any competing business.",
            "In the event of any breach of this Article 2, the Company shall be entitled to specific "
            "performance and injunctive relief in addition to all other remedies at law or in equity.",
        ),
        (
            "Intellectual Property",
            "The Licensee shall not copy, modify or reverse engineer the Software.",
            "Any breach of this clause 2 entitles the Licensor to seek an interim injunction restraining "
            "the infringement.",
        ),
    ):
        text = _CONTRACT.format(heading=heading, covenant=covenant, relief=relief)
        assert analysed(text, "vendor")["remedies"].status == MISSING, heading


def test_relief_naming_the_confidentiality_duties_stays() -> None:

    for heading, relief in (
        (
            "Non-Solicitation",
            "The Client may obtain injunctive relief to enforce Section 2.1 or to restrain any "
            "disclosure of its Confidential Information.",
        ),
        (
            "Equitable Relief",
            "The Contractor agrees that the Client may obtain injunctive relief to enforce this "
            "Agreement without posting a bond.",
        ),
    ):
        text = _CONTRACT.format(
            heading=heading,
            covenant="The Contractor shall not solicit any employee of the Client.",
            relief=relief,
        )
        assert analysed(text, "vendor")["remedies"].status != MISSING, relief


# ---- Personnel: the other side of a transfer bound by an undertaking ----
# A lender's proposed assignee or sub-participant, or a prospective purchaser, signing a
# confidentiality undertaking is a third party let in on terms, not the receiver's staff.


def test_transferee_or_buyer_bound_is_no_personnel_duty() -> None:
    for sentence in (
        "(b) to any person to whom the Bank proposes to assign or transfer any of its rights under "
        "this Facility Letter, provided that person has first entered into a confidentiality "
        "undertaking.",
        "The Lender may disclose such information to a proposed sub-participant which has signed a "
        "confidentiality agreement in the form recommended by the LMA.",
        "The Company may furnish the Evaluation Material to a bona fide prospective purchaser of its "
        "shares that has executed a non-disclosure agreement with the Company.",
        "Each Holder may disclose the Information to any potential investor in the Holder, if such "
        "investor has agreed in writing to be bound by confidentiality obligations.",
    ):
        assert negated("personnel", sentence), sentence


def test_staff_bound_in_writing_stays() -> None:
    for sentence in (
        "The Bank shall ensure that each of its employees with access to the information has signed "
        "a confidentiality undertaking.",
        "Before any assignment takes effect, the Supplier shall ensure that all staff who will "
        "access Customer Data have executed written confidentiality agreements.",
    ):
        assert not negated("personnel", sentence), sentence
        assert rule_score("personnel", sentence) >= COUNTS, sentence


# ---- Data protection: a party's own privacy notice, named by its audience or medium ----


def test_own_privacy_notice_with_a_qualifier_is_no_data_protection_duty() -> None:
    for sentence in (
        "Landlord processes the names and entry times of card holders in accordance with its "
        "building privacy notice.",
        "VeriPath's own online privacy policy describes how it handles the personal information of "
        "visitors to its website.",
        "The Agency handles candidates' details in accordance with its candidate privacy notice, "
        "published on its website.",
        "Personal information of directors is processed in accordance with the Bank's privacy notice.",
    ):
        assert negated("data_protection", sentence), sentence


def test_a_duty_to_comply_with_privacy_law_stays() -> None:
    for sentence in (
        "The Landlord shall process card holders' personal data in accordance with the UK GDPR and "
        "its building privacy notice.",
        "Each party will comply with the Gramm-Leach-Bliley Act and state privacy laws.",
    ):
        assert not negated("data_protection", sentence), sentence
        assert rule_score("data_protection", sentence) >= COUNTS, sentence


# ---- Safeguards: a visitor following its host's site rules on the host's premises ----


def test_visitor_following_site_security_rules_is_no_safeguard() -> None:
    for sentence in (
        "Landlord shall observe Tenant's reasonable security procedures while in the Premises.",
        "The Supplier's personnel shall comply with the Authority's site security requirements when "
        "attending the Authority's premises.",
        "Contractor shall cause its employees to abide by the University's reasonable safety and "
        "security regulations while on the University's property.",
        "Whilst attending the Buyer's Site, the Seller's Personnel shall follow the Buyer's site rules "
        "and security instructions.",
    ):
        assert negated("safeguards", sentence), sentence


def test_security_procedures_for_information_stay() -> None:
    for sentence in (
        "The Supplier shall comply with the Customer's information security procedures when "
        "handling Customer Data at any site.",
        "While on the Client's premises, Contractor shall observe reasonable security procedures "
        "to protect Confidential Information.",
    ):
        assert not negated("safeguards", sentence), sentence


# ---- Post-termination: duties running to an anniversary of repayment or cancellation ----
# A lender's confidentiality that lasts until an anniversary of the day the loan is paid off
# outlasts the facility (here one year: weak under the 2-year minimum, but present).


def test_duty_until_an_anniversary_of_repayment_survives() -> None:
    for sentence in (
        "The Bank's obligations in this clause 12 continue until the first anniversary of the date "
        "on which all amounts outstanding under this Facility Letter have been paid in full.",
        "The Lender shall keep the Information confidential until the second anniversary of the day "
        "on which the Loans are repaid and the Commitments cancelled.",
        "Each Finance Party's duties under this Clause 40 shall apply until the third anniversary of "
        "the Final Repayment.",
        "The Agent's obligation of confidence continues through the second anniversary of the date on "
        "which the Facility is cancelled.",
    ):
        assert rule_score("post_termination", sentence) >= COUNTS, sentence


def test_an_anniversary_that_is_not_an_end_stays_out() -> None:
    for sentence in (
        "Interest shall be reviewed on each anniversary of the date on which the Loan is drawn.",
        "The Borrower shall deliver a compliance certificate until the first anniversary of the "
        "Effective Date.",
    ):
        assert rule_score("post_termination", sentence) < COUNTS, sentence


# ---- Structure: a clause under a confidentiality heading is about the information ----
# "12. Confidentiality ... 12.2 The Bank's obligations in this clause 12 continue until ..." names
# the duties only by the section it sits in; outside an NDA the element's "requires" (information,
# confidentiality) is met by that heading, not only by the clause's own words.

_SECTIONED = """{title}

1. Fees
1.1 The Customer shall pay the fees within thirty days of invoice.

12. {heading}
12.1 The {party} shall keep all information received from the other party confidential.
12.2 {clause}

13. Governing Law
13.1 This agreement is governed by the law of England.
"""


def test_duties_named_by_their_section_under_a_confidentiality_heading_survive() -> None:

    for title, heading, party, clause in (
        (
            "FACILITY LETTER",
            "Confidentiality",
            "Bank",
            "The Bank's obligations in this clause 12 continue until the second anniversary of the "
            "date on which all amounts outstanding have been paid in full.",
        ),
        (
            "SERVICES AGREEMENT",
            "Confidentiality and Non-Disclosure",
            "Supplier",
            "The obligations under this clause 12 shall continue for five years after the "
            "termination of this agreement.",
        ),
        (
            "MASTER SUPPLY AGREEMENT",
            "Confidential Information",
            "Supplier",
            "This Section 12 shall survive the expiration or termination of this Agreement for a "
            "period of three (3) years.",
        ),
        (
            "GRANT AGREEMENT",
            "Confidentiality",
            "Grantee",
            "These undertakings remain binding after the end of the Grant Period for four years.",
        ),
    ):
        text = _SECTIONED.format(title=title, heading=heading, party=party, clause=clause)
        assert analysed(text)["post_termination"].status != MISSING, clause


def test_the_same_clause_under_another_heading_stays_missing() -> None:

    for heading, clause in (
        (
            "Guarantee",
            "The Guarantor's obligations in this clause 12 continue until the second anniversary of "
            "the date on which all amounts outstanding have been paid in full.",
        ),
        (
            "Insurance",
            "The obligations under this clause 12 shall continue for five years after the "
            "termination of this agreement.",
        ),
    ):
        text = _SECTIONED.format(
            title="SERVICES AGREEMENT", heading=heading, party="Supplier", clause=clause
        ).replace(
            "12.1 The Supplier shall keep all information received from the other party confidential.\n",
            "12.1 The Supplier shall maintain the cover described below.\n",
        )
        assert analysed(text)["post_termination"].status == MISSING, clause


def test_consumer_reports_are_information_an_audit_can_verify() -> None:
    # Outside an NDA an audit counts when it verifies the handling of information (audit's
    # "requires"): an end user's handling of consumer or background reports is that.
    from clauses.elements import elements

    requires = elements()["audit"].requires
    assert requires is not None
    for sentence in (
        "The Bureau may conduct an on-site inspection of the Subscriber's procedures for handling "
        "consumer reports.",
        "Client shall permit the Agency to audit its storage of background reports once a year.",
        "The CRA may examine the User's files to verify the permissible purpose of each credit report.",
    ):
        assert requires.search(sentence), sentence


def test_property_use_cancels_the_classifier_too() -> None:
    # A lease summary's permitted use reads like a use limit to the classifier: the negation names
    # the whole look-alike, so it cancels the classifier's reading (cancels_model).
    from clauses.elements import elements

    negation = next(n for n in elements()["use_limitation"].negations if n.name == "property_or_money_use")
    assert negation.cancels_model
    for row in (
        "Permitted Use | General office use and related lawful uses",
        "Permitted Use: light industrial and warehouse purposes",
    ):
        assert negated("use_limitation", row), row
    assert not negated("use_limitation", "Permitted Use | Evaluating the Transaction")


def test_property_information_and_a_purchaser_party_stay() -> None:
    # Information named after the property ("Property Information") is information; "the
    # Prospective Purchaser" as the receiving party making itself answer for its people is personnel;
    # both across wrapped lines.
    assert not negated(
        "use_limitation",
        "Prospective Purchaser shall use the Property Information only to evaluate,\nnegotiate and "
        "complete the Potential Purchase.",
    )
    assert not negated(
        "personnel",
        "Prospective Purchaser shall be responsible for any disclosure or use of Property Information "
        "by any\nof its partners, officers, employees or consultants.",
    )
    assert not negated(
        "personnel",
        "The Prospective Purchaser shall ensure that its lenders have signed a confidentiality undertaking.",
    )


# ---- The whole fixture set ----
# Measured at the end of this round (main's detector before it, labels written blind: macro-F1
# 0.891, weak-flag accuracy 0.957, evidence hit 0.928, all 13 right 37.5%, right among unflagged
# 0.908, false missing 0.50 per contract, flagged 26.9%). Each floor is a stated tolerance
# (AGREEMENT_SET_TOLERANCES) below the end figure, each ceiling above it; a later change that
# breaks these documents crosses them.
FLOORS = floors_below(
    {
        "macro_f1": 0.994,
        "weak_accuracy": 0.958,
        "evidence_hit_rate": 0.930,
        "all_right": 0.625,
        "unflagged_right": 0.974,
    }
)
CEILINGS = {
    "false_missing_per_contract": 0.125 + 0.25,  # two more false "missing" verdicts in eight contracts
    "flagged_share": 0.260 + 0.05,
}


def test_own_agreements9_stay_above_their_floors() -> None:
    measured = own_set_figures(OWN, 8)
    outside = out_of_bounds(measured, FLOORS, CEILINGS)
    assert not outside, f"below a floor or above the ceiling: {outside}"


# ---- Structure: a remedies clause with its own heading after a covenants section ----
# "7. Remedies" right after "6. Restrictive Covenants (a) Non-Competition (b) Non-Solicitation"
# may be read as sitting under the covenants; its own heading says it is the contract's remedies
# clause, so the covenant section's "other provision" reading does not scale it down.

_AFTER_COVENANTS = """EMPLOYMENT AGREEMENT

4. CONFIDENTIAL INFORMATION.

(a) The Employee shall not disclose the Company's confidential information to any third party.

6. RESTRICTIVE COVENANTS.

(a) Non-Competition. For twelve months after employment ends the Employee shall not compete with
the Company.

(b) Non-Solicitation. For twelve months after employment ends the Employee shall not solicit the
Company's customers.

7. {heading}. {relief}

8. MISCELLANEOUS.

(a) This Agreement is governed by Massachusetts law.
"""


def test_a_remedies_clause_with_its_own_heading_after_covenants_stays() -> None:
    for heading, relief in (
        (
            "REMEDIES",
            "The Employee acknowledges that any breach of Sections 4 and 6 would cause the Company "
            "irreparable harm, and the Company shall be entitled to injunctive relief without posting "
            "a bond.",
        ),
        (
            "EQUITABLE RELIEF",
            "Any breach of Sections 4 or 6 entitles the Company to an injunction in addition to its "
            "other remedies at law or in equity.",
        ),
        (
            "Enforcement",
            "The Company may enforce Sections 4 and 6 by specific performance and shall also be "
            "entitled to recover its damages.",
        ),
    ):
        text = _AFTER_COVENANTS.format(heading=heading, relief=relief)
        assert analysed(text, "employment")["remedies"].status != MISSING, heading


# ---- Use limitation: a licence to use a service said in the passive ----
# licence_to_use_service read "use the Software only for ..."; the same limit on what the customer
# buys said in the passive limits no information either.


def test_a_service_used_only_for_a_purpose_in_the_passive_is_no_use_limitation() -> None:
    for sentence in (
        "You agree that the app will be used solely for your personal, non-commercial purposes.",
        "The Software shall only be used by Licensee's authorised users within the Territory.",
        "The Licensed Materials may be used only for teaching and research by Authorised Users.",
        "Such Services are to be used exclusively for the internal business operations of Customer.",
    ):
        assert negated("use_limitation", sentence), sentence


def test_information_used_only_for_a_purpose_in_the_passive_stays() -> None:
    for sentence in (
        "The Confidential Information shall be used solely for the Purpose.",
        "Any data obtained through the Service will be used only for performing this Agreement.",
    ):
        assert not negated("use_limitation", sentence), sentence
