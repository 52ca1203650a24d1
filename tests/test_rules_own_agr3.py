"""Classes of wording and structure that the third round of our own service and data-processing
agreements (tests/fixtures/own_agreements3, issue 11) showed the detector getting wrong.

The ten agreements were labelled by the spec before the detector ran on them. Each class
below is written in several drafting styles (US plain, UK/Commonwealth, SEC-exhibit legalese,
government or university forms) that are not the fixture documents' sentences, with
look-alikes that must stay out ("stays" tests). Each test of a class failed on the detector
before its fix. The last test holds the whole fixture set above floors.
"""

from __future__ import annotations

from pathlib import Path

from detect_fixtures import COUNTS, floors_below, out_of_bounds, own_set_figures, weak_reasons

from clauses.datamodel import MISSING, WEAK
from clauses.detect.rules import apply_rules
from clauses.detect.sentences import sentence_spans
from clauses.elements import elements
from clauses.evaluate.profile import evaluation_profile
from clauses.parse import parse_bytes
from clauses.pipeline import analyze_document


def _status(text: str, element: str, name: str = "t.txt", doc_type: str = "vendor") -> str:
    """The verdict on ``element`` of the contract ``text`` (a .md name is read as Markdown)."""
    document = parse_bytes(text.encode("utf-8"), name)
    analysis = analyze_document(document, evaluation_profile(doc_type), suggestions=False)
    return next(result.status for result in analysis.elements if result.element == element)


# ---- Survival: a survival clause's section list with a bracket after a number ----
# "Sections 5 (as to fees accrued), 7 and 11 survive", "Clauses 9 (Indemnities), 12
# (Confidentiality) and 22 survive": the list names the confidentiality section by number, but
# the bracket after an earlier number ended the list there.

_SURVIVAL_LISTS = (
    (
        "t.md",
        "# Services Agreement\n\n## 5. Fees\n\n5.1 Customer will pay the fees monthly.\n\n"
        "## 7. Confidentiality\n\n7.1 Vendor will not disclose Customer's Confidential Information "
        "to any third party.\n\n## 14. General\n\n14.1 Survival. Sections 5 (as to fees accrued "
        "before termination), 7, 11 and 14 survive any expiration or termination of this Agreement.\n",
    ),
    (
        "t.txt",
        "OUTSOURCING AGREEMENT\n\n9. INDEMNITIES\n\n9.1 The Supplier indemnifies the Customer "
        "against third-party claims.\n\n12. CONFIDENTIALITY\n\n12.1 The Supplier shall keep the "
        "Customer's Confidential Information secret.\n\n25. CONSEQUENCES OF TERMINATION\n\n25.1 "
        "Clauses 9 (Indemnities), 12 (Confidentiality) and 22 (Governing law) shall survive "
        "termination or expiry of this agreement.\n",
    ),
    (
        "t.txt",
        "MASTER SERVICES AGREEMENT\n\nARTICLE IV\nPAYMENT\n\nSection 4.01. Invoices. Company shall "
        "pay each invoice within thirty days.\n\nARTICLE VI\nNON-DISCLOSURE\n\nSection 6.01. "
        "Non-Disclosure. Contractor shall hold all Proprietary Information of Company in trust "
        "and confidence.\n\nARTICLE X\nMISCELLANEOUS\n\nSection 10.03. Survival. The provisions "
        "of Sections 4.01 (Invoices, to the extent of amounts then due), 6.01 and 10.03 shall "
        "survive the expiration or earlier termination hereof.\n",
    ),
    (
        "t.txt",
        "MASTER SERVICES AGREEMENT\n\nARTICLE IV\nPAYMENT\n\nSection 4.01. Invoices. Company shall "
        "pay each invoice within thirty days.\n\nARTICLE VI\nCONFIDENTIALITY\n\nSection 6.01. "
        "Contractor shall hold all Proprietary Information of Company in trust and confidence.\n\n"
        "ARTICLE X\nMISCELLANEOUS\n\nSection 10.03. Survival. The provisions of Articles IV, VI "
        "and X shall survive the expiration or earlier termination hereof.\n",
    ),
    (
        "t.txt",
        "STATE AGENCY SERVICES AGREEMENT\n\n3. Payment\n\nThe Agency shall pay the Vendor monthly "
        "for the services.\n\n8. Confidentiality of Records\n\nThe Vendor shall not release any "
        "Agency record to any other person.\n\n15. Survival\n\nParagraphs 3 (Payment) and 8 "
        "(Confidentiality of "
        "Records) survive the expiration or termination of this contract.\n",
    ),
)


def test_survival_list_with_brackets_names_the_confidentiality_section() -> None:
    for name, text in _SURVIVAL_LISTS:
        assert _status(text, "post_termination", name) != MISSING, text[:40]


def test_survival_list_without_the_confidentiality_section_stays_missing() -> None:
    for name, text in (
        (
            "t.md",
            "# Services Agreement\n\n## 5. Fees\n\n5.1 Customer will pay the fees monthly.\n\n"
            "## 7. Confidentiality\n\n7.1 Vendor will not disclose Customer's Confidential "
            "Information to any third party.\n\n## 14. General\n\n14.1 Survival. Sections 5 (as to "
            "fees accrued before termination), 11 (Limitation of Liability) and 14 survive any "
            "expiration or termination of this Agreement.\n",
        ),
        (
            "t.txt",
            "OUTSOURCING AGREEMENT\n\n9. INDEMNITIES\n\n9.1 The Supplier indemnifies the Customer "
            "against third-party claims.\n\n12. CONFIDENTIALITY\n\n12.1 The Supplier shall keep the "
            "Customer's Confidential Information secret.\n\n25. LIABILITY\n\n25.1 Clauses 9 "
            "(Indemnities), 12 (Confidentiality) and 22 (Governing law) are subject to the cap in "
            "clause 25.2.\n",
        ),
    ):
        assert _status(text, "post_termination", name) == MISSING, text[:40]


# ---- Survival: a duration clause that names its section, not the information ----
# "The obligations in this Section 6 continue ... for two (2) years after it ends", "the
# undertakings in this clause 12 continue for three years after termination": under a
# confidentiality heading (its own section's or, for "6.5 Duration" under "## 6.
# Confidentiality", its parent's) the clause is about the information.

_SECTION_DURATIONS = (
    (
        "t.md",
        "# Fulfillment Services Agreement\n\n## 2. Services\n\n2.1 Vendor will store and ship "
        "Client's goods as a service provider.\n\n## 6. Confidentiality\n\n**6.1 Non-Disclosure.** "
        "Vendor will "
        "not disclose Client's Confidential Information to third parties.\n\n**6.5 Duration.** The "
        "obligations in this Section 6 continue during the term and for four (4) years after it "
        "ends.\n",
    ),
    (
        "t.txt",
        "SERVICES AGREEMENT\n\n12. CONFIDENTIALITY\n\n12.1 The Supplier shall keep the Customer's "
        "Confidential Information secret.\n\n12.5 The undertakings in this clause 12 continue in "
        "force for five years after termination or expiry of this agreement.\n",
    ),
    (
        "t.txt",
        "SUPPLY AND SERVICES AGREEMENT\n\nARTICLE II\nSERVICES\n\nSection 2.01. Services. Seller, as "
        "supplier, shall provide the services in each statement of work.\n\nARTICLE "
        "VIII\nNON-DISCLOSURE\n\nSection 8.01. Covenant. Seller shall "
        "hold all Proprietary Information of Buyer in confidence.\n\nSection 8.04. Term. The "
        "covenants of this Article VIII shall remain binding for a period of five (5) years "
        "following the expiration or termination hereof.\n",
    ),
    (
        "t.txt",
        "STATE AGENCY SERVICES AGREEMENT\n\n2. Services\n\nThe Vendor shall provide the services "
        "in the statement of work.\n\n8. Confidentiality of Records\n\n8.1 The Vendor shall not "
        "release any Agency record to any other person.\n\n8.3 This paragraph 8 applies during "
        "the contract and for 3 years after the contract ends.\n",
    ),
)


def test_duration_under_a_confidentiality_heading_is_survival() -> None:
    for name, text in _SECTION_DURATIONS:
        assert _status(text, "post_termination", name) != MISSING, text[:40]


def test_duration_under_another_heading_stays_missing() -> None:
    for name, text in (
        (
            "t.md",
            "# Fulfillment Services Agreement\n\n## 2. Services\n\n2.1 Vendor will store and ship "
            "Client's goods as a service provider.\n\n## 6. Confidentiality\n\n**6.1 "
            "Non-Disclosure.** Vendor "
            "will not disclose Client's Confidential Information to third parties.\n\n## 9. "
            "Warranties\n\n**9.2 Duration.** The warranties in this Section 9 continue for two (2) "
            "years after delivery ends.\n",
        ),
        (
            "t.txt",
            "SERVICES AGREEMENT\n\n12. CONFIDENTIALITY\n\n12.1 The Supplier shall keep the "
            "Customer's Confidential Information secret.\n\n15. INSURANCE\n\n15.2 The Supplier "
            "shall keep the policies required by this clause 15 in force for six years after "
            "termination or expiry of this agreement.\n",
        ),
    ):
        assert _status(text, "post_termination", name) == MISSING, text[:40]


# ---- Breach notice: the incident named first, as a defined term, before the duty ----
# "In the event of a Security Breach, Provider shall notify Client", "Should any Data Incident
# occur, the Supplier shall, within 48 hours, give written notice": the notice verb comes after
# the incident and a comma, or is "give notice".


def _rule(element: str, text: str) -> float:
    return apply_rules(elements()[element], text).score


def test_incident_named_before_the_notice_duty_is_breach_notice() -> None:
    for clause in (
        "In the event of a Security Breach, Vendor shall notify Customer within two business days.",
        "Should any Data Incident occur, the Supplier shall, within 48 hours, give written notice "
        "to the Authority of the Customer Data affected.",
        "Section 7.04. Breaches. Upon the occurrence of a Privacy Incident, the Company shall "
        "promptly inform the Purchaser in writing.",
        "Where the Contractor becomes aware of a Cyber Security Incident, the Contractor must "
        "notify the Department's Chief Information Security Officer immediately.",
    ):
        assert _rule("breach_notice", clause) >= COUNTS, clause


def test_disclaimer_and_compelled_notice_stay_out_of_breach_notice() -> None:
    for clause in (
        "IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR LOSS OF PROFITS, LOSS OF DATA OR LOST "
        "REVENUE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH LOSSES.",
        "If the Recipient is required by law or court order to disclose any Confidential "
        "Information, it shall give the Discloser prompt notice so that it may seek a protective order.",
    ):
        assert _rule("breach_notice", clause) < COUNTS, clause


# ---- Breach notice: "notices required by law" inside a breach clause ----
# The notices a breach clause says the law requires ("help Client give any notices to affected
# individuals that are required by law") cancelled the clause as a compelled-disclosure notice.


def test_breach_clause_naming_the_notices_the_law_requires_stays_breach_notice() -> None:
    for clause in (
        "If there is a Security Breach, Provider shall notify Client as soon as reasonably "
        "practicable and shall help Client give any notices to affected individuals that are "
        "required by law.",
        "The Processor shall notify the Controller of a Personal Data Breach without undue delay "
        "and shall assist it with any notifications required by law.",
        "The Contractor must report any unauthorised access to Personal Information to the "
        "Customer immediately, and must assist the Customer to make any notification as required "
        "by law.",
        "Licensee shall report to Licensor any unauthorized disclosure of the Licensed Data within "
        "forty-eight (48) hours and shall bear the cost of any notices required by law.",
    ):
        assert _rule("breach_notice", clause) >= COUNTS, clause


# ---- Breach notice look-alikes: notices of events that are not about the information ----
# Theft of or damage to stored goods, a fire, an injury, a regulator's inspection, a party's
# debarment or insolvency: the classifier reads "shall notify ... within 24 hours if" as breach
# notice. They stay out, but a notice of lost equipment holding data stays in.


def _services(clause: str) -> str:
    return (
        "SERVICES AGREEMENT\n\n1. Services\n\n1.1 The Provider shall provide the services in the "
        "statement of work to the Customer.\n\n2. Confidentiality\n\n2.1 The Provider shall keep "
        "the Customer's Confidential Information in strict confidence and shall not disclose it "
        f"to any third party.\n\n3. Operations\n\n3.1 {clause}\n"
    )


def test_notices_of_goods_injury_inspection_or_debarment_are_no_breach_notice() -> None:
    for clause in (
        "The Provider shall notify the Customer in writing within twenty-four (24) hours after "
        "discovering any theft, fire, flood or other casualty affecting the stored goods.",
        "The Contractor shall advise the Authority within one business day of any damage to "
        "property or personal injury occurring at the Site.",
        "The Provider shall notify the Customer within forty-eight (48) hours if the U.S. Food "
        "and Drug Administration or any other regulator gives notice of an inspection of the facility.",
        "The Provider certifies that it has not been debarred, and shall notify the Customer "
        "immediately if it or any of its officers becomes debarred, suspended or excluded.",
    ):
        assert _status(_services(clause), "breach_notice") == MISSING, clause


def test_notice_of_lost_equipment_holding_data_stays_breach_notice() -> None:
    for clause in (
        "The Provider shall notify the Customer within twenty-four (24) hours of any theft or "
        "loss of a laptop or other equipment holding Customer Data.",
        "The Provider shall notify the Customer without undue delay of any unauthorised access to "
        "the Customer's records and shall let the Customer inspect the affected systems.",
    ):
        assert _status(_services(clause), "breach_notice") != MISSING, clause


def test_time_limit_with_its_figure_in_brackets_keeps_the_notice_cue() -> None:
    for clause in (
        "Vendor shall notify Customer within twenty-four (24) hours of any unauthorized access to "
        "Customer Data.",
        "The Supplier shall report within seventy-two (72) hours any Personal Data Breach.",
        "The Company shall notify the Investor within five (5) Business Days of any loss of the "
        "Evaluation Material.",
        "The Contractor shall inform the State within two (2) hours of any suspected breach of "
        "security involving State Data.",
    ):
        assert _rule("breach_notice", clause) >= COUNTS, clause


def test_abbreviation_full_stop_ends_no_sentence() -> None:
    text = (
        "The Site shall notify the Sponsor within two days if the U.S. Food and Drug Administration "
        "announces an inspection. The Sponsor may send a monitor (e.g. Dr. Rivera) to attend it. "
        "Invoices under Purchase Order No. 4471 are payable within thirty days of receipt."
    )
    starts = [text[start : start + 12] for start, _ in sentence_spans(text)]
    assert starts == ["The Site sha", "The Sponsor ", "Invoices und"]


# ---- Audit: the right held only by public auditors named by title ----
# "The Auditor-General, the Information Commissioner and their delegates may ... access the
# premises, inspect and copy": the spec's weak audit (a regulator's right, not the discloser's).

_REGULATOR_ONLY = "the audit right belongs only to a regulator"


def test_public_auditor_by_title_is_the_weak_regulator_only_audit() -> None:
    for clause in (
        "The Auditor-General, the Information Commissioner and their delegates may, at reasonable "
        "times and on reasonable notice, access the Supplier's premises and inspect and copy any "
        "records relating to this Contract.",
        "The Comptroller General of the United States, or a duly authorized representative, shall "
        "have access to and the right to examine all records of the Contractor pertaining to this "
        "Agreement.",
        "The Office of the Inspector General may audit and examine the Vendor's books, papers and "
        "records that relate to this Contract for three years after final payment.",
        "The Comptroller and Auditor General may, for the purpose of examining the economy and "
        "efficiency of the Services, inspect the Supplier's documents relating to this Contract.",
    ):
        assert _REGULATOR_ONLY in weak_reasons("audit", clause), clause


def test_discloser_beside_the_public_auditor_stays_not_weak() -> None:
    for clause in (
        "The Customer, its internal auditors and the Auditor-General may audit the Supplier's "
        "compliance with clauses 9 to 11 on reasonable notice.",
        "The Agency and the Office of the Inspector General may inspect the Vendor's security "
        "controls and records relating to Agency Data.",
    ):
        assert _REGULATOR_ONLY not in weak_reasons("audit", clause), clause


# ---- Survival in plain English: documents kept "private" ----
# "These promises about keeping our documents private continue for one year after this agreement
# ends": outside an NDA a survival cue counts when the clause is about the information, and plain
# English says "keep private" for "keep confidential".


def _plain(clause: str) -> str:
    return (
        "DESIGN SERVICES AGREEMENT\n\n1. The work\n\nYou will provide the design services in each "
        "order we send you, and we will pay your invoices within 30 days.\n\n2. Our files\n\n2.1 "
        f"You will not share our files with anyone else.\n\n2.2 {clause}\n"
    )


def test_duty_to_keep_private_that_outlasts_the_agreement_is_survival() -> None:
    for clause in (
        "These promises about keeping our files private continue for three years after this agreement ends.",
        "Your duty to keep the Client's drawings private lasts for five years after termination.",
        "The Vendor shall keep all participant records private, and this duty survives the "
        "expiration of this contract for four years.",
        "The Consultant's covenant to hold private all matters relating to the Company shall "
        "survive the termination hereof for a period of three (3) years.",
    ):
        assert _status(_plain(clause), "post_termination") != MISSING, clause


def test_private_that_is_not_about_the_information_stays_missing() -> None:
    for clause in (
        "Any private label arrangements between us continue for two years after this agreement ends.",
        "Our private parking permits for your staff remain valid for one month after termination.",
    ):
        assert _status(_plain(clause), "post_termination") == MISSING, clause


# ---- Breach notice weakness: a notice of damaged equipment does not clear a weak one ----
# A notice "as soon as practicable" of an unauthorised disclosure is weak; a 24-hour notice of
# damage to the customer's equipment or premises elsewhere is no breach notice, so it must not
# clear the weakness (an element is weak when every clause weighed for it is).


def _two_notices(weak_notice: str, other: str) -> str:
    return (
        "SERVICES AGREEMENT\n\n1. Services\n\n1.1 The Provider shall provide the services in the "
        "statement of work to the Customer.\n\n2. Confidentiality\n\n2.1 The Provider shall keep "
        "the Customer's Confidential Information in strict confidence and shall not disclose it "
        f"to any third party.\n\n2.2 {weak_notice}\n\n3. Site\n\n3.1 {other}\n"
    )


def test_weak_breach_notice_stays_weak_beside_a_notice_of_damaged_equipment() -> None:
    for weak_notice, other in (
        (
            "The Provider shall notify the Customer of any unauthorized disclosure of Confidential "
            "Information as soon as practicable.",
            "The Provider shall notify the Customer within 24 hours of any loss of or damage to the "
            "Customer's equipment.",
        ),
        (
            "The Supplier shall inform the Authority of any loss of Authority Data within a reasonable time.",
            "The Supplier shall notify the Authority within twelve hours of any damage to the "
            "Authority's premises.",
        ),
        (
            "Contractor shall advise Company of any unauthorized use of Proprietary Information "
            "within a reasonable period after discovery thereof.",
            "Contractor shall give Company notice within one day of any destruction of or damage "
            "to the Company's facilities.",
        ),
        (
            "The Vendor will tell the Agency about any misuse of Agency records in a timely manner.",
            "The Vendor must notify the Agency within four hours of any theft of State vehicles.",
        ),
    ):
        assert _status(_two_notices(weak_notice, other), "breach_notice") == WEAK, other


def test_weak_breach_notice_beside_a_timely_data_notice_is_not_weak() -> None:
    for other in (
        "The Provider shall notify the Customer within 24 hours of the theft of any laptop holding "
        "Customer Data.",
        "The Provider shall notify the Customer within 48 hours of any Security Incident.",
    ):
        weak_notice = (
            "The Provider shall notify the Customer of any unauthorized disclosure of Confidential "
            "Information as soon as practicable."
        )
        assert _status(_two_notices(weak_notice, other), "breach_notice") not in (WEAK, MISSING), other


# ---- Survival periods: each section its own, the confidentiality section cited by number ----
# "Sections 9 and 12 survive for two (2) years and Section 7 survives for five (5) years": the
# two-year period belongs to other sections; confidentiality (Section 7) survives five.


def _with_survival(number: str, heading: str, survival: str) -> str:
    return (
        "MASTER SERVICES AGREEMENT\n\n1. Services\n\n1.1 The Provider shall provide the services in "
        f"the statement of work to the Customer.\n\n{number}. {heading}\n\n{number}.1 The Provider "
        "shall keep the Customer's Confidential Information in strict confidence and shall not "
        f"disclose it to any third party.\n\n20. General\n\n20.1 {survival}\n"
    )


def test_longer_period_cited_for_the_confidentiality_section_is_not_weak() -> None:
    for number, heading, survival in (
        (
            "7",
            "Confidentiality",
            "Survival. Sections 9 and 12 survive for two (2) years and Section 7 survives for five "
            "(5) years after termination.",
        ),
        (
            "11",
            "CONFIDENTIALITY",
            "Clauses 14 and 18 shall continue for 12 months after termination and clause 11 shall "
            "survive for seven years after termination.",
        ),
        (
            "6",
            "Non-Disclosure",
            "Sections 4 and 9 shall survive for one (1) year following the expiration hereof, and "
            "Section 6 shall survive for a period of five (5) years following the expiration hereof.",
        ),
        (
            "8",
            "Confidentiality of Records",
            "Paragraphs 3 and 15 survive for ninety days and paragraph 8 survives for four years "
            "after this contract ends.",
        ),
    ):
        status = _status(_with_survival(number, heading, survival), "post_termination")
        assert status not in (WEAK, MISSING), survival


def test_short_period_cited_for_the_confidentiality_section_stays_weak() -> None:
    for survival in (
        "Section 7 shall survive for two (2) years, and Sections 9 and 12 shall survive "
        "indefinitely, after any termination of this Agreement.",
        "Sections 7, 9 and 12 shall survive for a period of two (2) years following any "
        "termination of this Agreement.",
    ):
        status = _status(_with_survival("7", "Confidentiality", survival), "post_termination")
        assert status == WEAK, survival


# ---- Safeguards look-alike: a site's security systems as the service itself ----
# A guard or facilities contract trains officers on "the access control and camera systems": the
# security of a building, not a standard of care for the other's information.


def test_site_security_systems_are_no_safeguard() -> None:
    for clause in (
        "4.5 Training. The Contractor shall train each guard on the alarm and CCTV systems before "
        "the guard's first shift.",
        "The Supplier's officers shall operate the Customer's access control system and monitor "
        "the CCTV system in accordance with the assignment instructions.",
        "Contractor shall maintain and repair the intrusion detection systems and surveillance "
        "camera systems at the Premises.",
        "The Vendor shall staff the security desk and monitor the building's access control system "
        "twenty-four hours a day.",
    ):
        assert _rule("safeguards", clause) < COUNTS, clause


def test_access_controls_protecting_the_information_stay_safeguards() -> None:
    for clause in (
        "The Supplier shall protect Customer Data with role-based access controls and encryption.",
        "Access to the records room is restricted by an access control system and CCTV, and Agency "
        "records are kept in locked cabinets.",
    ):
        assert _rule("safeguards", clause) >= COUNTS, clause


# ---- Audit look-alike: the receiver's own testing, handed to no one ----
# "(d) annual penetration testing by an independent firm" in a list of security measures is a
# safeguard; the spec's audit is the discloser's right to audit or to receive evidence.


def test_own_penetration_testing_is_no_audit() -> None:
    for clause in (
        "The Provider's security program shall include at a minimum: (a) encryption of data at "
        "rest; (b) multi-factor authentication; and (c) annual penetration testing by an "
        "independent firm.",
        "The Supplier shall carry out vulnerability scanning of its systems every week and "
        "remediate critical findings within seven days.",
        "Section 6.02. Testing. The Company shall cause its networks to undergo penetration "
        "testing at least once in each calendar year.",
        "The Contractor must conduct a vulnerability assessment of the system before it goes live "
        "and after each major change.",
    ):
        assert _status(_services(clause), "audit") == MISSING, clause


def test_test_results_given_to_the_discloser_stay_audit() -> None:
    for clause in (
        "The Provider shall provide the Customer with an executive summary of its annual "
        "penetration test upon request.",
        "The Supplier shall send the Authority a report of each penetration test within ten days "
        "of its completion.",
    ):
        assert _status(_services(clause), "audit") != MISSING, clause


# ---- The whole fixture set: floors a stated tolerance below what was measured ----

OWN = Path(__file__).parent / "fixtures" / "own_agreements3"

# Measured at the end of this pass on these ten agreements (shipped model, this detector):
# macro-F1 0.996, weak-flag accuracy 0.962, evidence hit 0.953, all 13 verdicts right in 6 of 10
# contracts, false 'missing' 0.10 per contract, right among unflagged verdicts 0.969. (Main's
# detector on the labels as first written: 0.954, 0.951, 0.922, 3 of 10, 0.50, 0.958.) The errors
# left are reported, not fixed: a plain-English description of the scope ("everything we send you
# ... must be kept private") below the presence threshold; carriers and freelance translators
# receiving with no duty flowing down not read as the weak third-party channel; a residuals clause
# in its own section not weakening the use limit; a "required by law" exception without notice
# cleared by the customer's own permission to report to Parliament.
# Floors: the figures this set measured, less the tolerances of tests/detect_fixtures.py.
FLOORS = floors_below(
    {
        "macro_f1": 0.996,
        "weak_accuracy": 0.962,
        "evidence_hit_rate": 0.953,
        "all_right": 0.6,
        "unflagged_right": 0.969,
    }
)
FALSE_MISSING_CEILING = 0.1 + 0.2  # per contract: two more false "missing" verdicts in ten contracts


def test_own_agreements3_stay_above_their_floors() -> None:
    measured = own_set_figures(OWN, 10)
    outside = out_of_bounds(measured, FLOORS, {"false_missing_per_contract": FALSE_MISSING_CEILING})
    assert not outside, f"below a floor or above the ceiling: {outside}"


# ---- Breach notice look-alike: the user's own password said to have been compromised ----
# "tell us if you think a password has been compromised so that we can reset it" is the customer
# reporting its own credentials (the look-alike), in the passive; a notice that data has
# been compromised stays a breach notice.


def test_own_password_said_to_have_been_compromised_is_no_breach_notice() -> None:
    for clause in (
        "Keep passwords secure, and tell us at once if you think a password has been compromised.",
        "Customer shall notify Provider promptly if any of its user IDs or passwords may have been "
        "disclosed.",
        "The Licensee shall inform the Licensor where it suspects that its API keys have been stolen.",
        "The Department must advise the Contractor immediately if a log-in has been compromised.",
    ):
        assert _rule("breach_notice", clause) < COUNTS, clause


def test_data_said_to_have_been_compromised_stays_breach_notice() -> None:
    for clause in (
        "The Supplier shall notify the Customer within 24 hours if any Customer Data has been "
        "compromised or accessed without authorisation.",
        "Vendor will tell the Agency about any misuse of Agency records within two days.",
    ):
        assert _rule("breach_notice", clause) >= COUNTS, clause
