"""Classes of wording that the fifth set of our own agreements (tests/fixtures/own_agreements5,
issue 11) showed the detector getting wrong: consumer and click-through terms, purchase order
terms and other documents with little confidentiality and many look-alikes.

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
from clauses.detect.rules import negated_at
from clauses.elements import elements
from clauses.elements.gate import gate_text

OWN = Path(__file__).parent / "fixtures" / "own_agreements5"


# ---- Third-party limits: information declared NOT confidential (feedback, submissions) ----
# "we are not required to treat them as confidential", "shall not be deemed confidential",
# "under no obligation to keep ... in confidence": a keep-confidential verb that says the opposite.


def test_information_declared_not_confidential_is_no_third_party_limit() -> None:
    for sentence in (
        "If you send us suggestions, we are not required to treat them as confidential.",
        "Any comments the Licensee offers on the Software shall not be deemed confidential and "
        "may be used by the Company without restriction.",
        "The Contractor shall be under no obligation to keep in confidence any idea submitted to it "
        "by the Authority's staff through the suggestion scheme.",
        "Proposals submitted to the University in response to this call are non-confidential, and "
        "the University need not hold them in confidence.",
    ):
        assert rule_score("third_party", sentence) < COUNTS, sentence


def test_a_real_duty_to_keep_it_confidential_stays() -> None:
    for sentence in (
        "The Recipient shall treat all Confidential Information as confidential and shall not "
        "disclose it to any third party.",
        "The Supplier shall keep the Authority's data in strict confidence and shall not release it "
        "without the Authority's prior written consent.",
    ):
        assert rule_score("third_party", sentence) >= COUNTS, sentence


# ---- Third-party limits: the user's own log-in credentials kept secret ----
# "keep your password confidential", "must not disclose your PIN to anyone": a security duty over
# the user's own credentials, not a limit on disclosing the other's information.


def test_keeping_ones_own_credentials_secret_is_no_third_party_limit() -> None:
    for sentence in (
        "You must keep your password confidential and must not disclose it to anyone.",
        "The Registered User shall treat its user identification code and any other piece of "
        "information forming part of the security procedures as confidential, and shall not "
        "disclose it to any third party.",
        "The Cardholder shall not at any time disclose the Card's PIN or passcode to any other "
        "person, including any person purporting to act for the Bank.",
        "Each authorised officer shall keep his or her log-in details for the grants portal secret "
        "and shall not share them with any other person.",
    ):
        assert rule_score("third_party", sentence) < COUNTS, sentence


def test_a_duty_over_the_others_information_beside_a_password_stays() -> None:
    for sentence in (
        "The Licensee shall not disclose the Licensed Data to any third party without the "
        "Licensor's prior written consent.",
        "The Contractor shall keep confidential all information to which it has access through the "
        "Department's systems and shall not disclose it to any other person.",
    ):
        assert rule_score("third_party", sentence) >= COUNTS, sentence


# ---- Third-party limits: "not sell, rent or disclose" the other's information ----
# The licence-restriction verbs (rent, lease, resell) beside a bar on disclosing information or
# data are a disclosure limit, not a licence restriction on a product.


def test_not_sell_rent_or_disclose_information_is_a_third_party_limit() -> None:
    for sentence in (
        "Seller shall not sell, rent or disclose Buyer Information to any third party.",
        "The Sponsor shall not rent, lease or otherwise disclose the Attendee Data to any other person.",
        "The Licensee shall not resell, sublicense or disclose any of the Licensor's technical "
        "information to any third party without the Licensor's prior written consent.",
        "The Contractor shall not lease, sell or reveal any data supplied by the Department to any "
        "person outside the Contractor.",
    ):
        assert rule_score("third_party", sentence) >= COUNTS, sentence


def test_licence_restriction_on_a_product_stays_out() -> None:
    for sentence in (
        "You may not sublicense, rent or lease the Software to any third party.",
        "The Customer shall not resell the Service or make it available to any third party.",
    ):
        assert rule_score("third_party", sentence) < COUNTS, sentence


# ---- Breach notice: the customer reporting its own lost card, passcode or device ----
# The look-alike (a customer reporting its own password compromise), in payment terms.


def test_reporting_ones_own_lost_card_or_device_is_no_breach_notice() -> None:
    for sentence in (
        "If you tell us within two business days after you learn of the loss or theft of your Card "
        "or passcode, you can lose no more than $50.",
        "The Cardholder must notify the Bank without delay on becoming aware of the loss, theft or "
        "unauthorised use of the Card.",
        "Customer shall promptly notify Bank in writing of any lost or stolen device on which the "
        "Mobile Banking Service is installed.",
        "Members must report a lost or stolen PIN to the Credit Union immediately.",
    ):
        assert negated("breach_notice", sentence), sentence


def test_notice_of_a_breach_of_the_customers_data_stays() -> None:
    for sentence in (
        "The Bank shall notify the Customer within 72 hours of any unauthorised access to the "
        "Customer's personal information.",
        "The Processor shall report any personal data breach to the Controller without undue delay.",
    ):
        assert not negated("breach_notice", sentence), sentence
        assert rule_score("breach_notice", sentence) >= COUNTS, sentence


# ---- Breach notice: the event as an unauthorised person who acquired the information ----


def test_unauthorised_person_acquiring_the_data_then_notice_is_breach_notice() -> None:
    for sentence in (
        "If we discover that an unauthorized person has acquired your Personal Information, we will "
        "notify you within a reasonable time.",
        "Where any unauthorised third party gains access to the Client's data, the Supplier shall "
        "inform the Client within 48 hours.",
        "In the event that an unauthorized individual has obtained any Confidential Information, "
        "the Receiving Party shall immediately notify the Disclosing Party.",
        "Should an unauthorised party access student records held by the Contractor, the "
        "Contractor shall report it to the Department within 24 hours.",
    ):
        assert rule_score("breach_notice", sentence) >= COUNTS, sentence


def test_unauthorised_persons_without_a_notice_stay_out() -> None:
    for sentence in (
        "Unauthorized persons may not enter the data centre.",
        "No unauthorised third party shall be given access to the Premises.",
    ):
        assert rule_score("breach_notice", sentence) < COUNTS, sentence


# ---- Compelled disclosure: "as required by law" said of insurance or record retention ----
# kept_as_required read "retain ... as required"; the same reading for an insurance cover and a
# retention period that the law requires: nothing is disclosed.


def test_insurance_or_retention_required_by_law_is_no_compelled_disclosure() -> None:
    compelled = elements()["compelled_disclosure"]
    for sentence in (
        "Seller shall carry workers' compensation insurance as required by law.",
        "The Contractor shall maintain employer's liability insurance as required by statute.",
        "The Processor shall delete the data within ninety days, unless a longer retention period "
        "is required by tax or consumer law.",
        "Records shall be destroyed at the end of the retention period required by the State "
        "Records Act, unless a longer retention is required by court order.",
    ):
        assert negated_at(compelled, sentence, gate_text(sentence), None), sentence


def test_disclosure_required_by_law_beside_retention_stays() -> None:
    compelled = elements()["compelled_disclosure"]
    for sentence in (
        "Where required by law, the Recipient may disclose the Confidential Information, "
        "provided that it gives the Discloser prompt notice.",
        "Where disclosure of records is required by a court order, the Agency shall notify the "
        "Contractor before releasing them.",
    ):
        assert not negated_at(compelled, sentence, gate_text(sentence), None), sentence
        assert rule_score("compelled_disclosure", sentence) >= COUNTS, sentence


# ---- Data protection: processing "in accordance with our Privacy Policy" ----
# A privacy policy or notice of the provider's own, with no law named, is not a duty to comply
# with data protection law.


def test_processing_under_ones_own_privacy_policy_is_no_data_protection_duty() -> None:
    for sentence in (
        "We process information about you in accordance with our Privacy Policy.",
        "The Company shall handle Participants' personal information in accordance with its Privacy "
        "Notice, as amended from time to time.",
        "Personal details supplied with an application will be used in accordance with the "
        "University's Privacy Statement.",
        "Subscriber information is processed in conformity with the Provider's privacy policy "
        "published on its website.",
    ):
        assert rule_score("data_protection", sentence) < COUNTS, sentence


def test_compliance_with_privacy_law_beside_a_policy_stays() -> None:
    for sentence in (
        "The Vendor shall process Personal Data in accordance with applicable data protection laws "
        "and its Privacy Policy.",
        "The Contractor shall comply with the Privacy Act 1988 in handling any personal information "
        "it receives, as described in its privacy policy.",
    ):
        assert rule_score("data_protection", sentence) >= COUNTS, sentence


# ---- Data protection: the discloser's own compliance (customer or user) ----
# "you are entitled under the UK GDPR to share it with us", "Customer is responsible for the
# notices and consents", "comply with privacy laws in your use of the Service": they bind the party
# that hands the data over, not the receiver (the spec).


def test_the_disclosers_own_privacy_compliance_is_no_data_protection_duty() -> None:
    for sentence in (
        "If you send us personal data of your colleagues, you confirm that you are entitled under "
        "the UK GDPR to share it with us.",
        "The Customer shall be solely responsible for providing all notices and obtaining all "
        "consents that the GDPR requires for the Personal Data it uploads.",
        "You will comply with the privacy laws that apply to you, including PIPEDA, in your use of "
        "the Service.",
        "The Licensee warrants that it is authorised under the Privacy Act 1988 to disclose the "
        "participant records to the Provider.",
    ):
        assert rule_score("data_protection", sentence) < COUNTS, sentence


def test_the_receivers_privacy_compliance_stays() -> None:
    for sentence in (
        "Each party shall comply with the GDPR in its processing of the Personal Data.",
        "The Provider shall comply with all applicable data protection laws when processing "
        "Customer Personal Data on the Customer's behalf.",
    ):
        assert rule_score("data_protection", sentence) >= COUNTS, sentence


# ---- Data protection: a DPA that applies only if one is signed apart ----
# The spec's "comply with the DPA, if any", in other words: weak.


def test_dpa_only_if_signed_apart_is_weak() -> None:
    for sentence in (
        "Our Data Processing Addendum, if you have signed one through the Settings page, also "
        "applies to personal data in Customer Data.",
        "The Supplier shall process Personal Data in accordance with the data processing agreement, "
        "where the parties have entered into one.",
        "Any personal data shall be handled under the DPA, if one has been executed by the Customer.",
        "The Contractor shall comply with the Data Processing Addendum, where the Agency has signed one.",
    ):
        assert rules_of("data_protection", sentence).weak_reasons, sentence


def test_dpa_made_part_of_the_agreement_stays_not_weak() -> None:
    for sentence in (
        "The Data Processing Addendum at Exhibit C applies and forms part of this Agreement.",
        "The Supplier shall comply with the DPA signed by the parties on the Effective Date.",
    ):
        assert not rules_of("data_protection", sentence).weak_reasons, sentence


# ---- Data protection: "complete ... privacy training", "a privacy complaint" are not "comply" ----


def test_complete_or_complaint_is_not_comply_with_privacy_law() -> None:
    for sentence in (
        "All of our staff complete security and privacy training every year.",
        "The Supplier shall complete the privacy impact questionnaire within ten days.",
        "Any complaint about privacy shall be referred to the Data Protection Officer.",
        "The Contractor shall, on completion of the Works, hand over the privacy screens.",
    ):
        assert "comply_dp" not in {cue.name for cue in rules_of("data_protection", sentence).cues}, sentence


def test_comply_and_compliance_with_privacy_law_stay() -> None:
    for sentence in (
        "The Processor shall comply with applicable data protection laws.",
        "The Vendor shall ensure compliance with the Privacy Act in handling personal information.",
    ):
        assert "comply_dp" in {cue.name for cue in rules_of("data_protection", sentence).cues}, sentence


# ---- Return or destruction: the user deleting copies of what it downloaded from a site or app ----
# The brief's look-alike: "if you copied downloaded files outside the app, delete them", "return or
# destroy any copies of the Materials you downloaded from the Website". Not the receiver's duty to
# return or destroy the other's information.


def test_user_deleting_downloaded_site_content_is_no_return_or_destruction() -> None:
    for sentence in (
        "If you have copied any downloaded files outside the app, you must delete them.",
        "If you print off, copy or download any part of the Website in breach of these Terms, you "
        "must return or destroy any copies of the Materials you have made.",
        "On termination of the Licence, the Subscriber shall destroy all articles downloaded from "
        "the Publisher's website.",
        "Users who leave the Council's employment must delete any forms downloaded from the portal "
        "to their own devices.",
        "This licence ends when you delete Your Content, except for copies kept in backups.",
    ):
        assert rule_score("return_destruction", sentence) < COUNTS, sentence


def test_return_of_downloaded_confidential_data_stays() -> None:
    for sentence in (
        "Upon termination, the Licensee shall delete all Licensed Data downloaded from the portal "
        "and certify the deletion in writing.",
        "The Recipient shall return or destroy all Confidential Information it downloaded from the "
        "data room.",
    ):
        assert rule_score("return_destruction", sentence) >= COUNTS, sentence


# ---- Return or destruction: log-in credentials handed back or deleted ----


def test_handing_back_or_deleting_credentials_is_no_return_of_information() -> None:
    for sentence in (
        "A maintainer who leaves must hand over the administrative credentials to the "
        "infrastructure team and delete any personal copies of those credentials.",
        "On leaving the Company's service the Director shall return his access cards and "
        "security tokens and shall delete all saved passwords.",
        "Upon expiry, the Licensee shall destroy the API keys issued to it.",
        "At the end of the placement the student must return the building access card and "
        "erase any stored log-in details.",
    ):
        assert rule_score("return_destruction", sentence) < COUNTS, sentence


def test_credentials_beside_information_stay_return() -> None:
    for sentence in (
        "On termination the Consultant shall return all Confidential Information, together with "
        "any access cards and passwords.",
        "The Contractor shall delete all Department data and destroy the access tokens issued to it.",
    ):
        assert rule_score("return_destruction", sentence) >= COUNTS, sentence


# ---- Post-termination: a record kept indefinitely ----
# "a record of the Contribution is maintained indefinitely", "logs are retained indefinitely":
# retention of a record, not a confidentiality duty without end.


def test_record_kept_indefinitely_is_no_survival() -> None:
    for sentence in (
        "A record of each contribution, including the contributor's name, is maintained "
        "indefinitely in the project's history.",
        "Minutes of the Board are kept indefinitely at the registered office.",
        "Transaction logs shall be retained indefinitely by the Service Provider for audit trail purposes.",
        "The applicant's file will be archived indefinitely by the Registrar.",
    ):
        assert rule_score("post_termination", sentence) < COUNTS, sentence


def test_duty_lasting_indefinitely_stays() -> None:
    for sentence in (
        "The obligations of confidentiality in this Agreement shall continue indefinitely after "
        "its termination.",
        "The Employee's duty not to disclose trade secrets shall survive indefinitely following "
        "the end of employment.",
    ):
        assert rule_score("post_termination", sentence) >= COUNTS, sentence


# ---- Post-termination: a survival list naming the data section, or with a qualified number ----
# "Clauses 4.3 (as to amounts owed), 5, 8 and 12 survive termination", where clause 5 is "Buyer
# Information": the survival clause keeps the data duties after termination (the spec). The
# number list read past a qualifier in brackets, and a data section known by its heading.


def _survival_document(heading: str, listing: str) -> str:
    return (
        "1. FEES\n\n1.1 The Customer shall pay the fees within thirty days of invoice.\n\n"
        f"5. {heading}\n\n5.1 The Supplier shall use the records only to perform the services and "
        "shall delete them when the services end.\n\n"
        "9. TERMINATION\n\n9.1 Either party may terminate this Agreement on ninety days' notice.\n\n"
        f"9.2 {listing}\n\n12. GENERAL\n\n12.1 This Agreement is governed by the laws of Ohio.\n"
    )


def test_survival_naming_the_data_section_is_post_termination() -> None:
    for heading, listing in (
        (
            "BUYER INFORMATION",
            "Clauses 1.1 (as to amounts owed), 5 and 12 survive termination of this Agreement.",
        ),
        ("Customer Data", "Sections 5 and 12 shall survive any termination or expiry of this Agreement."),
        (
            "PERSONAL DATA",
            "The provisions of Articles 1.1 (Fees), 5 and 12 hereof shall survive the termination hereof.",
        ),
        (
            "PRIVACY",
            "Clauses 1.1 (Fees), 5 (Privacy) and 12 (General) shall survive expiry of this Contract.",
        ),
    ):
        result = analysed(_survival_document(heading, listing))["post_termination"]
        assert result.status != MISSING, (heading, listing)


def test_survival_naming_other_sections_stays_missing() -> None:
    for heading, listing in (
        (
            "SERVICE LEVELS",
            "Clauses 1.1 (as to amounts owed), 5 and 12 survive termination of this Agreement.",
        ),
        ("Fees", "Sections 1 and 12 shall survive any termination or expiry of this Agreement."),
    ):
        result = analysed(_survival_document(heading, listing))["post_termination"]
        assert result.status == MISSING, (heading, listing)


# ---- Personnel: "each of whom it will inform of these obligations" ----
# The staff named before the verb (a relative clause), and informed "of these obligations".


def test_staff_named_before_being_informed_of_the_obligations_is_personnel() -> None:
    for sentence in (
        "The Photographer may disclose it to its assistant and retoucher, each of whom the "
        "Photographer will inform of these obligations and require to comply with them.",
        "The Consultant may share the Information with its sub-consultants, all of whom it shall "
        "advise of the confidential nature of the Information.",
        "The Recipient may disclose Evaluation Material to its Representatives, each of whom shall "
        "be informed by the Recipient of the obligations hereunder.",
        "Research staff to whom the Sponsor's information is disclosed, each of whom the "
        "University shall make aware of these terms, shall keep it confidential.",
    ):
        assert rule_score("personnel", sentence) >= COUNTS, sentence


def test_informing_others_of_something_else_stays_out() -> None:
    for sentence in (
        "The Seller shall inform the Buyer of any delay, each of which shall be recorded.",
        "Visitors, each of whom must sign in at reception, will be informed of the fire exits.",
    ):
        assert rule_score("personnel", sentence) < COUNTS, sentence


# ---- Personnel: staff on site following safety or conduct rules ----


def test_staff_following_site_rules_is_no_personnel_duty() -> None:
    for sentence in (
        "Buyer may require Seller to remove from its premises any person who fails to comply with "
        "the site safety rules.",
        "The Supplier shall ensure that its staff comply with the Customer's health and safety "
        "policies while on site.",
        "The Contractor shall procure that its employees observe the Department's drug-free "
        "workplace rules and wear identification badges at all times.",
        "The Sponsor shall ensure that its staff, contractors and speakers at the Event comply with "
        "the Organiser's Code of Conduct.",
    ):
        assert rule_score("personnel", sentence) < COUNTS, sentence


def test_staff_made_to_comply_with_confidentiality_stays() -> None:
    for sentence in (
        "The Supplier shall ensure that its staff comply with the confidentiality obligations in "
        "this clause while on site.",
        "The Contractor shall procure that its employees observe the restrictions on disclosure of "
        "the Department's information.",
    ):
        assert rule_score("personnel", sentence) >= COUNTS, sentence


# ---- Definition: the UK precedent style, a term and a colon ----
# '"Attendee Data": the names, job titles ...' defines as "means" does.


def test_term_defined_with_a_colon_is_a_definition() -> None:
    for sentence in (
        '"Attendee Data": the names, job titles, employers and business email addresses of the '
        "attendees who consent to their details being passed to the Sponsor.",
        '"Confidential Information": all information of a confidential nature relating to the '
        "business of the Disclosing Party, in whatever form.",
        "“Customer Data”: any data uploaded to the Platform by or on behalf of the Customer.",
        '"Project Information": all reports, data and results generated by the Institution in the '
        "course of the Project.",
    ):
        assert rule_score("definition", sentence) >= COUNTS, sentence


def test_colon_after_other_terms_stays_out() -> None:
    for sentence in (
        '"Event": the conference and exhibition to be held at the Venue.',
        '"Sponsorship Fee": £38,000 plus VAT.',
    ):
        assert rule_score("definition", sentence) < COUNTS, sentence


# ---- Definition: public website content, or a term left to a privacy policy ----


def test_public_content_or_a_policy_term_is_no_scope_definition() -> None:
    for sentence in (
        '"Materials" means all text, product data sheets, drawings and videos made available on the Website.',
        '"Personal information" has the meaning given in our Privacy Notice.',
        '"Published Material" shall mean all articles and data published on the Site from time to time.',
        '"Course Materials" means the lecture notes and recordings posted on the University\'s public pages.',
    ):
        assert negated("definition", sentence), sentence


def test_confidential_or_customer_scope_stays_a_definition() -> None:
    for sentence in (
        '"Confidential Information" means all non-public information made available through the '
        "data room or on the Website's password-protected areas.",
        '"Customer Data" means all data posted on the Platform by the Customer.',
    ):
        assert not negated("definition", sentence), sentence
        assert rule_score("definition", sentence) >= COUNTS, sentence


# ---- Remedies: an indemnity list whose later item names the breach ----


def test_indemnity_list_naming_the_breach_in_a_later_item_is_a_remedy() -> None:
    for sentence in (
        "Seller shall indemnify Craftlane against all claims arising out of (a) the goods Seller "
        "sells; (b) Seller's Listings; or (c) Seller's breach of Clause 5.",
        "The Licensee shall indemnify the Licensor against all losses arising from: (i) any "
        "product sold by the Licensee; (ii) any act of its agents; and (iii) any breach by the "
        "Licensee of clause 9 (Confidentiality).",
        "The Contractor shall hold the State harmless from any claim resulting from (1) its "
        "negligence; (2) its failure to pay subcontractors; or (3) its unauthorized disclosure of "
        "State data.",
        "Company shall indemnify and hold harmless Executive's former employer from: (A) claims "
        "of the Company's customers; (B) claims of its lenders; and (C) any violation of Section 6.",
    ):
        assert rule_score("remedies", sentence) >= COUNTS, sentence


def test_indemnity_list_without_a_breach_stays_out() -> None:
    for sentence in (
        "Seller shall indemnify Buyer against all claims arising out of (a) the goods; (b) any "
        "personal injury; or (c) damage to property.",
        "The Sponsor shall indemnify the Organiser against (i) claims that the Sponsor Marks "
        "infringe; and (ii) death or injury caused by its staff.",
    ):
        assert rule_score("remedies", sentence) < COUNTS, sentence


# ---- Remedies: a user's indemnity for breaching the Terms in a contract with no duty over information ----
# Consumer and website terms bind no one over the other's information: an indemnity for "your breach
# of these Terms" is not the spec's remedy there (the real labels of consumer terms say so).
# Beside a confidentiality duty the same indemnity stays a remedy.

_INDEMNITIES = (
    "You will defend and indemnify Tidewater against claims by third parties arising from your "
    "breach of these Terms, and pay the costs that result.",
    "The Licensee shall indemnify the Licensor against all losses arising out of any breach of this "
    "Licence by the Licensee.",
    "The Subscriber hereby agrees to indemnify and hold harmless the Company from and against any and "
    "all claims resulting from the Subscriber's violation of this Agreement.",
    "The User shall indemnify the Council against any loss it suffers as a result of the User's "
    "breach of these Conditions of Use.",
)


def _terms(indemnity: str, duty: str = "") -> str:
    return (
        "1. YOUR ACCOUNT\n\n1.1 You must be at least 18 to open an account and must give accurate "
        "details.\n\n2. FEES\n\n2.1 Subscriptions renew each month until you cancel them.\n\n"
        f"{duty}7. RESPONSIBILITY FOR CLAIMS\n\n7.1 {indemnity}\n\n8. GENERAL\n\n8.1 These Terms "
        "are governed by the laws of Oregon.\n"
    )


def test_indemnity_for_breach_of_terms_without_a_duty_over_information_is_no_remedy() -> None:
    for indemnity in _INDEMNITIES:
        assert analysed(_terms(indemnity))["remedies"].status == MISSING, indemnity


def test_the_same_indemnity_beside_a_confidentiality_duty_stays_a_remedy() -> None:
    duty = (
        "5. CONFIDENTIALITY\n\n5.1 Each party shall keep the other's Confidential Information "
        "confidential, shall not disclose it to any third party and shall use it only to perform "
        "this Agreement.\n\n"
    )
    for indemnity in _INDEMNITIES[1:3]:
        assert analysed(_terms(indemnity, duty))["remedies"].status != MISSING, indemnity


# ---- Use limitation: a party's right to use its own material preserved ----


def test_right_to_use_ones_own_material_is_no_use_limitation() -> None:
    for sentence in (
        "This Agreement does not change your right to use your own Contributions for any other purpose.",
        "Nothing in this Agreement limits the Licensor's right to use its own Background IP for any purpose.",
        "Each party retains the right to use its own data for purposes other than this Agreement.",
        "The University's right to use its own research results for academic purposes other than "
        "the Project is not affected.",
    ):
        assert rule_score("use_limitation", sentence) < COUNTS, sentence


def test_use_only_for_the_purpose_stays() -> None:
    for sentence in (
        "The Recipient shall not use the Confidential Information for any purpose other than the Project.",
        "You may not use the Licensed Data for any purpose other than the Permitted Use.",
    ):
        assert rule_score("use_limitation", sentence) >= COUNTS, sentence


# ---- The whole fixture set ----
# Measured at the end of this round (main's detector before it, labels written blind: macro-F1
# 0.854, weak-flag accuracy 0.912, evidence hit 0.947, all 13 right 10%, right among unflagged
# 0.876, false missing 0.40 per contract, flagged 31.5%). Each floor is a stated tolerance below
# the end figure, each ceiling above it; a later change that breaks these documents crosses them.
FLOORS = floors_below(
    {
        "macro_f1": 0.955,
        "weak_accuracy": 0.966,
        "evidence_hit_rate": 0.983,
        "all_right": 0.3,
        "unflagged_right": 0.978,
    }
)
CEILINGS = {
    "false_missing_per_contract": 0.2 + 0.2,  # two more false "missing" verdicts in ten contracts
    "flagged_share": 0.308 + 0.05,
}


def test_own_agreements5_stay_above_their_floors() -> None:
    measured = own_set_figures(OWN, 10)
    outside = out_of_bounds(measured, FLOORS, CEILINGS)
    assert not outside, f"below a floor or above the ceiling: {outside}"
