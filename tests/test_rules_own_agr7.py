"""Classes of wording and structure that the seventh set of our own agreements
(tests/fixtures/own_agreements7, issue 11) showed the detector getting wrong: corporate, finance
and standard-form agreements that carry confidentiality in one section of a long document, with
look-alikes elsewhere.

The ten documents were labelled by the spec before the detector ever ran on them. Every sentence
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
    rules_of,
)

from clauses.datamodel import MISSING

OWN = Path(__file__).parent / "fixtures" / "own_agreements7"


# ---- Audit: an owner's or funder's information and inspection rights ----
# A member, partner, investor or lender looking at the company's books, records and properties
# (it is the one that receives the information: no check on the receiver), in any word order: the
# role with its agents, the right after a long qualifier, the company permitting it; and a buyer's
# access to the target before the deal closes.


def test_owner_or_funder_inspecting_the_company_is_no_audit() -> None:
    for sentence in (
        "Each member may inspect and copy the company's books and records at its own expense "
        "during normal business hours.",
        "The Investor and its nominated advisers shall be entitled, on reasonable notice, to inspect "
        "the statutory registers and minute books of each Group Company and to take copies.",
        "The Borrower shall, and shall cause each of its Subsidiaries to, permit the Administrative "
        "Agent and each Lender, at such reasonable times as may be requested, to visit and inspect "
        "its properties and to examine its corporate and operating records.",
        "Partners shall have the right, upon written request made for a proper purpose, to examine "
        "the minutes and operating records of the Partnership.",
        "Pending Completion, the Seller shall procure that the Buyer and its advisers are given "
        "access to the premises, records and senior staff of the Target so as to verify the "
        "information in the Disclosure Letter.",
    ):
        assert negated("audit", sentence), sentence
        assert rule_score("audit", sentence) < COUNTS, sentence


def test_the_disclosers_audit_of_the_receiver_stays() -> None:
    for sentence in (
        "Members of the Customer's security team may inspect the Contractor's premises to verify "
        "compliance with clause 9.",
        "The Partner shall permit the Company to audit its compliance with Section 7 on ten days' notice.",
        "The Disclosing Party may audit the Receiving Party's compliance with this Agreement once "
        "in each calendar year.",
    ):
        assert not negated("audit", sentence), sentence
        assert rule_score("audit", sentence) >= COUNTS, sentence


# ---- Audit: a check that the receiver is following the duties ----
# "to check that you are following", "to establish whether the Contractor is following": the
# spec's monitoring of compliance, with "follow" beside "comply", "observe" and "adhere"; and the
# receiver's records of access as what is checked.


def test_check_that_the_receiver_is_following_the_duties_is_audit() -> None:
    for sentence in (
        "Your supervisor may look at the records of your access to the member database to check "
        "that you are following this policy.",
        "The Authority may examine the Contractor's access logs to establish whether the Contractor "
        "is following the Security Plan.",
        "The Company may at any time review the Consultant's records of access to the Data Room to "
        "ascertain whether the Consultant follows Section 6 hereof.",
        "The University may inspect the Sponsor's handling of the Study Data to verify that the "
        "Sponsor is observing the Data Use Terms.",
    ):
        assert rule_score("audit", sentence) >= COUNTS, sentence


def test_monitoring_use_of_a_service_or_goods_stays_out() -> None:
    for sentence in (
        "The Company may monitor your use of the Services to check that you follow the acceptable "
        "use policy.",
        "The Buyer may inspect the goods on delivery to check that they follow the Specification.",
    ):
        assert rule_score("audit", sentence) < COUNTS, sentence


# ---- Any element: a model form's drafting note is no provision ----
# "[Drafting note: ...]", "Note to draft:", "[NTD: ...]", "Guidance note:": advice to the one who
# fills in the form; it names the exclusions or the disclosure required by law it leaves out.
_FORM = (
    "CONSULTING AGREEMENT\n\n1. Services\n\nThe Consultant shall provide the services in Schedule 1.\n\n"
    "2. Confidentiality\n\n2.1 The Consultant shall keep all Confidential Information of the Client "
    "secret, shall not disclose it to any third party and shall use it only to provide the services."
    "\n\n{note}\n\n3. Fees\n\nThe Client shall pay the fees in Schedule 2 within 30 days of invoice.\n"
)
_NOTES = {
    "exclusions": (
        "[Drafting note: This form leaves out the usual carve-outs for information that is public or "
        "that the Consultant develops independently; add them if the Consultant asks.]",
        "Note to draft: the Supplier may ask for the standard exceptions for information already in "
        "the public domain or received from a third party; the Authority's policy is to resist them.",
    ),
    "compelled_disclosure": (
        "[NTD: Seller to confirm whether disclosures required by law, subpoena or court order should "
        "be permitted upon prior written notice to Buyer.]",
        "Guidance note: Departments should insert a clause permitting disclosure required by law, "
        "subject to prior notice to the Department, where the contract involves regulated data.",
    ),
}


def test_a_drafting_note_is_no_provision() -> None:
    for element, notes in _NOTES.items():
        for note in notes:
            assert analysed(_FORM.format(note=note))[element].status == MISSING, note


def test_the_same_words_as_a_provision_stay() -> None:
    for element, provision in (
        (
            "exclusions",
            "2.2 Note: clause 2.1 does not apply to information that is in the public domain or that "
            "the Consultant develops independently.",
        ),
        (
            "compelled_disclosure",
            "2.2 The Consultant may make a disclosure required by law or court order, provided that it "
            "first gives the Client prior written notice of the requirement.",
        ),
    ):
        assert analysed(_FORM.format(note=provision))[element].status != MISSING, provision


# ---- Structure: a corporate or finance agreement, or one of no type, is not read as an NDA ----
# The NDA profile is only the strictest default for judging; read as an NDA, every survival clause
# and every clause without the element's subject counts. A title naming a share purchase, a
# credit facility, an LLC's or shareholders' agreement or an escrow (even one that mentions an
# earlier confidentiality agreement or that no signal types) is read as of no type. A deed of
# confidentiality that no signal types stays an NDA.


def _document(text: str):
    from clauses.segment import plain_document

    return plain_document(text, path="t.txt", fmt="text", sha256="")


def test_corporate_and_finance_agreements_are_not_read_as_ndas() -> None:
    from clauses.detect.doctype import detection_type, infer_profile

    for text in (
        'STOCK PURCHASE AGREEMENT\n\n"Confidentiality Agreement" means the letter agreement dated '
        "March 1 between Buyer and the Company.\n\n1. Purchase and sale of the Shares.",
        "SHAREHOLDERS' AGREEMENT\n\nrelating to Tern Robotics Limited\n\n1. The Board shall meet monthly.",
        "AGREEMENT AND PLAN OF MERGER\n\nThe Constituent Corporations shall merge on the terms hereof.",
        "MEMBERSHIP INTEREST PURCHASE AGREEMENT\n\nThe Seller shall sell the Interests to the "
        "Purchaser at the Closing.",
        "LOAN AGREEMENT\n\nThe Lender shall advance the Loan to the Borrower on the Drawdown Date.",
    ):
        document = _document(text)
        assert detection_type(document, infer_profile(document)) == "", text[:40]


def test_ndas_and_typed_agreements_keep_their_type() -> None:
    from clauses.detect.doctype import detection_type, infer_profile

    for text, expected in (
        ("MUTUAL NON-DISCLOSURE AGREEMENT\n\nEach party shall keep the other's information secret.", "nda"),
        (
            "CONFIDENTIALITY AGREEMENT\n\nIn connection with a possible merger with the Company, you "
            "shall keep the Evaluation Material confidential.",
            "nda",
        ),
        ("CONFIDENTIALITY AGREEMENT - PROPOSED MERGER\n\nYou shall keep the Material secret.", "nda"),
        ("DEED OF CONFIDENTIALITY\n\nThe Covenantor shall keep the Information secret.", "nda"),
        ("SAAS SUBSCRIPTION AGREEMENT\n\nThe Provider shall make the Service available.", "vendor"),
    ):
        document = _document(text)
        assert detection_type(document, infer_profile(document)) == expected, text[:40]


def test_survival_of_another_section_in_a_corporate_agreement_is_no_post_termination() -> None:
    for title, survival in (
        ("INVESTORS' RIGHTS AGREEMENT", "6. Survival\n\nSection 4 shall survive the termination hereof."),
        ("ESCROW AGREEMENT", "6. Survival\n\nClause 4 survives the resignation of the Escrow Agent."),
        (
            "LIMITED LIABILITY COMPANY AGREEMENT",
            "6. Survival\n\nArticle 4 shall survive any dissolution of the Company and termination hereof.",
        ),
        ("CREDIT AGREEMENT", "6. Survival\n\nSection 4 survives repayment of the Loans and termination."),
    ):
        text = (
            f"{title}\n\n1. Confidentiality\n\nEach party shall keep the other's Confidential Information "
            "secret and shall not disclose it to any third party.\n\n4. Indemnification\n\nThe Company "
            "shall indemnify each Holder against losses arising from any registration statement."
            f"\n\n{survival}\n"
        )
        assert analysed(text)["post_termination"].status == MISSING, title


# ---- Remedies: legal action the discloser "may" take against the breach itself ----
# The spec's weak remedy ("the clause only says breach may lead to action") with the action aimed
# at the breach or the disclosure, not after a condition: "we may take legal action to stop a
# disclosure", "may bring proceedings to prevent the Contractor from disclosing".


def test_action_the_discloser_may_take_against_the_breach_is_a_weak_remedy() -> None:
    for sentence in (
        "We may also go further and take legal action to stop any disclosure of member records "
        "that you threaten to make.",
        "The Council may bring court proceedings to prevent the Contractor from disclosing "
        "Confidential Information in breach of clause 9.",
        "The Disclosing Party may institute such legal action against the Receiving Party as it "
        "deems appropriate for any unauthorized disclosure hereunder.",
        "The University may commence proceedings in respect of any misuse of the Study Data by the "
        "Sponsor or its personnel.",
    ):
        result = rules_of("remedies", sentence)
        assert result.score >= COUNTS, sentence
        assert "the clause only says breach may lead to action" in result.weak_reasons, sentence


def test_action_for_fees_or_against_a_compelled_disclosure_stays_out() -> None:
    for sentence in (
        "We may take legal action to recover any unpaid fees and the costs of collection.",
        "The Disclosing Party may bring proceedings to prevent any disclosure required by a subpoena.",
    ):
        assert rule_score("remedies", sentence) < COUNTS, sentence


# ---- Data protection: a representation of compliance, or no personal data at all ----
# A seller's or licensor's warranty that it "has complied" or "is in compliance" with privacy law
# (no duty from now on), and a promise that no personal data will pass: data protection's own words,
# so the classifier alone is cancelled where these sentences read it.


def test_represented_compliance_or_no_personal_data_is_no_data_protection_duty() -> None:
    for sentence in (
        "Since January 1, 2020 the Company has at all times complied in all material respects with "
        "all applicable laws relating to the privacy of personal information.",
        "The Seller is, and for the past three years has been, in compliance with the UK GDPR and the "
        "Data Protection Act 2018 in its processing of customer personal data.",
        "The Sponsor shall not provide the Institution with any protected health information or other "
        "personally identifiable information of study subjects.",
        "No personal data shall be processed by the Contractor under this Contract; the Authority "
        "will supply anonymised records only.",
    ):
        assert negated("data_protection", sentence), sentence
        assert rule_score("data_protection", sentence) < COUNTS, sentence


def test_a_duty_to_comply_from_now_on_stays() -> None:
    for sentence in (
        "Each Party has complied and shall continue to comply with the GDPR in processing Personal Data.",
        "The Processor shall process Personal Data only on the Controller's documented instructions "
        "and in compliance with the Data Protection Legislation.",
    ):
        assert not negated("data_protection", sentence), sentence
        assert rule_score("data_protection", sentence) >= COUNTS, sentence


def test_the_classifier_alone_is_cancelled_where_these_look_alikes_are_read() -> None:
    # Only these two: the discloser's own compliance ("in its use of the Services") still cancels
    # cues alone, so a side review keeps the clause that binds the customer (tests/test_judge_side.py).
    for text, cancelled in (
        (
            "NOTICE\n\n3. Warranties\n\n3.4 The Seller has complied in all material respects with all "
            "applicable laws relating to the privacy of personal information of its customers.\n",
            True,
        ),
        (
            "NOTICE\n\n3. Data\n\n3.4 The Sponsor shall not provide the Institution with any protected "
            "health information or other personal data of study subjects.\n",
            True,
        ),
    ):
        from clauses.datamodel import MISSING as missing

        assert (analysed(text)["data_protection"].status == missing) == cancelled, text
    from clauses.elements import elements

    definition = elements()["data_protection"]
    assert not definition.negations_cancel_model
    assert {n.name for n in definition.negations if n.cancels_model} == {
        "compliance_represented",
        "no_personal_data_shared",
    }


def test_a_hard_wrapped_sentence_that_names_the_law_keeps_its_duty() -> None:
    # Cancelling the classifier made the own-policy look-alike read a line of hard-wrapped text
    # as a sentence of its own; the law named on the line before keeps the duty.
    for sentence in (
        "In handling any Personal Information, the Consultant shall comply with PIPEDA, with the\n"
        "provincial privacy statute and with the Corporation's privacy policy.",
        "The Processor shall process Client Personal Data in accordance with the UK GDPR and\n"
        "with the Client's data protection policy as notified to it from time to time.",
    ):
        assert not negated("data_protection", sentence), sentence
    assert negated(
        "data_protection",
        "We process the personal information you give us in line with\nour Privacy Notice.",
    )


# ---- Personnel: recipients described as bound by their profession or by law ----
# "its professional advisers, who are bound by professional duties of confidence", "auditors ...
# subject to statutory obligations of secrecy": who may receive, not the receiver binding its people
# by written obligations, informing them or answering for them (the spec).


def test_recipients_bound_by_profession_or_law_are_no_personnel_duty() -> None:
    for sentence in (
        "Either of us may share it with our lawyers and accountants, who are bound by professional "
        "duties of confidence anyway.",
        "(b) to its professional advisers, each of whom is subject to a professional duty of "
        "confidentiality;",
        "Each Lender may disclose Information to its auditors and to bank examiners, who are bound by "
        "statutory or professional obligations of secrecy, and to any rating agency.",
        "The University may release the records to the State Auditor, who is subject to statutory "
        "duties of confidentiality, and to its legal counsel.",
    ):
        assert negated("personnel", sentence), sentence
        assert rule_score("personnel", sentence) < COUNTS, sentence


def test_recipients_the_receiver_binds_in_writing_stay() -> None:
    for sentence in (
        "The Recipient may disclose to its Representatives who are bound by written confidentiality "
        "agreements or by professional duties of confidentiality.",
        "The Recipient shall be responsible for any breach of this Agreement by its advisers, whether "
        "or not they are bound by professional duties of confidence.",
    ):
        assert not negated("personnel", sentence), sentence
        assert rule_score("personnel", sentence) >= COUNTS, sentence


# ---- Scope: the information described inside the duty, by its source or subject ----
# No defined term: "shall treat as confidential all information it receives from either Party",
# "hold in confidence any and all information ... concerning the Company". The spec counts it, weak
# (description_only); not the defined term itself, nor information named by another act.

_DESCRIBED = "no defined term: the information is only described"


def test_duty_first_description_of_the_information_is_a_weak_scope() -> None:
    for sentence in (
        "We will keep confidential all information we receive from you about your customers and pricing.",
        "The Agent shall hold in confidence all information, whether oral or written, relating to the "
        "Principal's business and clients.",
        "From and after the Closing, each Seller shall hold in confidence any and all information "
        "furnished to it by the Purchaser or concerning the Business.",
        "The Contractor shall treat as strictly confidential all data obtained from the Department in "
        "the course of the Services.",
    ):
        result = rules_of("definition", sentence)
        assert result.score >= COUNTS, sentence
        assert _DESCRIBED in result.weak_reasons, sentence


def test_the_defined_term_or_information_named_by_another_act_stays_out() -> None:
    for sentence in (
        "The Recipient shall keep confidential all Confidential Information and all Evaluation Material.",
        "The Customer must keep confidential any information gathered through an audit of the "
        "Processor's premises.",
    ):
        assert "confidential_all_information" not in {c.name for c in rules_of("definition", sentence).cues}


# ---- Remedies: the indemnity's procedure is not the remedy quoted ----
# Who conducts the defence, settles the claim, gives notice of it or picks counsel: "indemnifying"
# and "indemnified" only name the roles. The grant ("shall indemnify ... for any breach") is the quote.


def test_indemnity_procedure_is_no_remedy() -> None:
    for sentence in (
        "If the indemnifying Party assumes the defense of a Claim, no compromise or settlement of such "
        "claims may be effected without the indemnified Party's consent unless there is no finding of "
        "any violation of law by the indemnified Party.",
        "The Indemnified Party shall give the Indemnifying Party prompt written notice of any claim for "
        "which indemnification is sought and may participate in the defence with counsel of its own "
        "choice, at its own cost, where a breach of this Agreement is alleged.",
        "The Indemnitee shall permit the Indemnitor to assume control of the defense of any such action "
        "arising from an alleged breach hereof.",
        "The Authority shall not agree any settlement of a claim for which the Contractor is to "
        "indemnify it without the Contractor's consent, including a claim for breach of clause 9.",
    ):
        assert negated("remedies", sentence), sentence
        assert rule_score("remedies", sentence) < COUNTS, sentence


def test_the_indemnity_grant_stays() -> None:
    for sentence in (
        "Supplier shall indemnify and hold harmless Customer against all losses arising from any breach "
        "of Section 9, and shall assume the defense of any such claim.",
        "The Licensee hereby agrees to indemnify the Licensor against any loss arising from its breach of "
        "the confidentiality obligations.",
    ):
        assert not negated("remedies", sentence), sentence
        assert rule_score("remedies", sentence) >= COUNTS, sentence


# ---- Scope: whose information it is, between the quoted term and "means" ----
# '"Confidential Information" of a party shall mean ...': a definition, as '"CI" means' is; the
# definition far from its use is then quoted before another term's.


def test_quoted_term_of_a_party_means_is_a_definition() -> None:
    for sentence in (
        '"Confidential Information" of a party means any non-public information that party shares '
        "with the other, in any form.",
        "“Proprietary Information” of the Disclosing Party shall mean all technical and business "
        "information disclosed hereunder, whether oral, written or electronic.",
        '"Confidential Information" of either Party includes all information concerning its '
        "business, customers and employees, however recorded.",
        '"Confidential Information" of any party comprises all information of a confidential nature '
        "supplied by that party to the Contractor under this Contract.",
    ):
        assert "means_clause" in {c.name for c in rules_of("definition", sentence).cues}, sentence


def test_the_term_of_a_party_in_an_exception_or_ownership_stays_out() -> None:
    for sentence in (
        '"Confidential Information" of a party does not include information that is publicly available.',
        'The "Confidential Information" of each party remains that party\'s property.',
    ):
        assert "means_clause" not in {c.name for c in rules_of("definition", sentence).cues}, sentence


# ---- The whole fixture set ----
# Measured at the end of this round (main's detector before it, labels written blind: macro-F1
# 0.873, weak-flag accuracy 0.975, evidence hit 0.937, all 13 right 10%, right among unflagged
# 0.925, false missing 0.40 per contract, flagged 28.5%). Each floor is a stated tolerance below
# the end figure, each ceiling above it; a later change that breaks these documents crosses them.
FLOORS = floors_below(
    {
        "macro_f1": 0.973,
        "weak_accuracy": 1.0,
        "evidence_hit_rate": 0.963,
        "all_right": 0.8,
        "unflagged_right": 0.979,
    }
)
CEILINGS = {
    "false_missing_per_contract": 0.2 + 0.2,  # two more false "missing" verdicts in ten contracts
    "flagged_share": 0.262 + 0.05,
}


def test_own_agreements7_stay_above_their_floors() -> None:
    measured = own_set_figures(OWN, 10)
    outside = out_of_bounds(measured, FLOORS, CEILINGS)
    assert not outside, f"below a floor or above the ceiling: {outside}"


# ---- Data protection: a permission to keep data the law requires is not the duty quoted ----


def test_retention_the_law_requires_is_no_data_protection_duty() -> None:
    for sentence in (
        "We may keep your account data after you close it, but only to the extent required by "
        "applicable privacy law.",
        "The Processor may retain Client Personal Data insofar as required by UK law, and shall then "
        "keep it confidential.",
        "Notwithstanding the foregoing, Service Provider shall be entitled to retain Personal Data to "
        "the extent permitted by the GDPR for its legal archive.",
        "The Contractor may continue to hold records containing personal information where required "
        "by the State Records Act.",
    ):
        assert negated("data_protection", sentence), sentence
        assert rule_score("data_protection", sentence) < COUNTS, sentence


def test_the_duty_to_comply_beside_it_stays() -> None:
    for sentence in (
        "The Processor shall comply with the UK GDPR in processing Client Personal Data.",
        "Service Provider shall process Personal Data only as required by the GDPR and the "
        "Controller's instructions.",
    ):
        assert not negated("data_protection", sentence), sentence
        assert rule_score("data_protection", sentence) >= COUNTS, sentence


def test_the_receivers_bar_on_passing_personal_data_on_stays_a_duty() -> None:
    for sentence in (
        "The Processor shall not transfer any Personal Data outside the EEA without the Controller's "
        "prior written consent.",
        "The Supplier shall not provide any Personal Data to any third party, and shall comply with the "
        "Data Protection Legislation.",
    ):
        assert not negated("data_protection", sentence), sentence


def test_an_audit_before_completion_of_the_services_stays() -> None:
    sentence = (
        "Prior to completion of the Services, the Customer may audit the Supplier's compliance with "
        "clause 12 (Confidentiality)."
    )
    assert not negated("audit", sentence)
    assert rule_score("audit", sentence) >= COUNTS
