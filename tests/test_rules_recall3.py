"""clauses.detect.rules: a third challenge set, written from ../shared/spec/elements.md alone.

Short clauses in drafting styles the earlier sets did not use (a clean-team letter, a
1990s exhibit's "party of the first part", a state contract, a research sponsor's
visit, a BAA's books and records, a security questionnaire, a plain-English NDA),
each stating an element in a form the spec names:

- audit: a right to audit, inspect or monitor, or evidence of compliance (records of
  who had access, an account of the copies, a report on how the information was kept);
- survival: a period counted from an end said with a verb ("from the date the parties
  cease discussions", "since the discussions ended"), the end said first and the duty
  after it, duties "unaffected by" or extending "beyond" the end, kept for what was
  disclosed before it;
- personnel: staff "informed of its confidential nature", notified "of the restrictions set
  out herein", the terms brought "to the attention of" each employee; the receiver "sees
  that" or instructs "all persons" to keep the duties, obtains an undertaking from each
  employee, trains staff ("data protection training", "on the requirements of this BAA"),
  disciplines those who breach, "answers for" their conduct;
- return, remedies, data protection: a passive return with a phrase between ("shall, upon
  request, be forthwith handed over"), "cause ... to be destroyed", "dispose of" the data;
  interim relief "to prevent any threatened or actual breach", "claim compensation for the
  damage", liability for a confidentiality breach "unlimited", an indemnity for a "failure
  to comply", a court order "to enforce the terms"; processing "otherwise than on"
  instructions, safeguards for "electronic PHI", a DPA that "applies and forms part of"
  the agreement, more privacy statutes by name.

And the look-alikes the spec excludes, in the same styles: the receiver's own or
internal audit, attestation or penetration test that hands nothing over, a service's use
monitored, an inspection made to weigh a deal or the receiver let in to inspect, a quality
inspection of a warehouse; a period counted from a
noun (the return of goods), the agreement's own term, a non-solicitation or hiring
restraint that runs after it; a court's interim powers saved in a disputes clause, a
protective order against a compelled disclosure; staff made to follow site rules. Every
sentence was written for this file.
"""

from __future__ import annotations

import pytest

from clauses.detect import PRESENT_THRESHOLD, SINGLE_SOURCE_MARGIN
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
        "personnel and systems so as to verify that the Supplier is meeting its obligations under clause "
        "14 (Confidentiality).",
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
        "The Vendor shall complete, on request, the Client's information security questionnaire and "
        "provide supporting documentation.",
    ),
    (
        "audit",
        "Supplier will cooperate with any assessment by Customer of Supplier's information security "
        "program, including by responding to reasonable requests for documentation.",
    ),
    (
        "audit",
        "The Contractor shall cooperate with any security review conducted by the Agency, including "
        "on-site inspections.",
    ),
    # audit: records of the information's use, disclosure or copies handed over on request.
    (
        "audit",
        "Business Associate shall make its internal practices, books, and records relating to the use and "
        "disclosure of PHI available to Covered Entity upon request.",
    ),
    (
        "audit",
        "Licensee shall maintain records of each copy of the Confidential Information made and shall "
        "produce such records to Licensor upon request.",
    ),
    (
        "audit",
        "Within thirty days of a written request, the Recipient shall deliver to the Company a list of "
        "every person who has been given access to the Evaluation Material.",
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
        "The Recipient shall supply such information as the Discloser may reasonably request concerning "
        "the Recipient's compliance with this Agreement.",
    ),
    (
        "audit",
        "Upon request of the Disclosing Party, the Recipient shall account for all copies of the "
        "Confidential Information in its possession.",
    ),
    (
        "audit",
        "The Receiving Party shall, whenever requested, disclose to the Disclosing Party the whereabouts "
        "of all Confidential Information and the identity of every person holding it.",
    ),
    (
        "audit",
        "The Recipient will, at the Discloser's request, give the Discloser a report describing how the "
        "Confidential Information has been stored, used and protected.",
    ),
    # post_termination: the end said with a verb, the duty said after it.
    (
        "post_termination",
        "Recipient's obligations of non-disclosure shall remain effective for three (3) years from the "
        "date the parties cease discussions.",
    ),
    (
        "post_termination",
        "The undertakings herein shall continue in force for a period of two years commencing on the date "
        "on which the Recipient returns the Evaluation Material.",
    ),
    (
        "post_termination",
        "The Recipient shall be bound by the obligations herein until five (5) years have passed since the "
        "parties' discussions ended.",
    ),
    (
        "post_termination",
        "Even after this Agreement expires or is terminated, you must keep our Confidential Information "
        "confidential for three years.",
    ),
    (
        "post_termination",
        "The Receiving Party shall remain bound by its undertakings in respect of Confidential Information "
        "after the Agreement has come to an end.",
    ),
    # post_termination: the duties outlast, extend beyond or are unaffected by the end.
    (
        "post_termination",
        "The obligations of the Receiving Party under this Agreement shall be unaffected by the "
        "termination of discussions between the parties.",
    ),
    (
        "post_termination",
        "All obligations respecting Confidential Information disclosed during the term hereof shall extend "
        "beyond its expiration for an additional period of three years.",
    ),
    (
        "post_termination",
        "Clauses 8 (Confidentiality) and 9 (Data Protection) shall outlive the termination of this "
        "Agreement.",
    ),
    (
        "post_termination",
        "Upon the termination hereof, the Recipient shall nevertheless continue to treat as confidential "
        "all Proprietary Information previously received.",
    ),
    (
        "post_termination",
        "Notwithstanding the completion of the Project, the Investigator shall continue to keep the "
        "Sponsor's Confidential Information secret for five years.",
    ),
    (
        "post_termination",
        "This Agreement may be terminated by either party on thirty days' notice, but the obligations in "
        "Sections 2 through 5 shall continue to apply to Confidential Information disclosed before such "
        "termination.",
    ),
    (
        "post_termination",
        "The parties' obligations under this NDA bind them during its term and for two years after its "
        "expiry.",
    ),
    # personnel: the receiver sees that its staff keep the duties, trains, binds or disciplines them.
    (
        "personnel",
        "Recipient shall instruct all persons to whom Evaluation Material is made available to treat it in "
        "accordance with this letter.",
    ),
    (
        "personnel",
        "It shall be the duty of the Contractor to see that every employee engaged on the work keeps "
        "secret all information coming to his knowledge.",
    ),
    (
        "personnel",
        "The Receiving Party will obtain from each employee, before disclosure, a written undertaking to "
        "keep the Confidential Information confidential.",
    ),
    (
        "personnel",
        "The Supplier shall ensure that all Supplier Personnel engaged in the performance of the Services "
        "have undergone appropriate data protection training.",
    ),
    (
        "personnel",
        "Business Associate shall train its workforce members on the requirements of this BAA and HIPAA "
        "and shall apply appropriate sanctions against any workforce member who fails to comply.",
    ),
    (
        "personnel",
        "The Vendor shall take appropriate disciplinary action against any of its employees who breach the "
        "confidentiality provisions of this Agreement.",
    ),
    (
        "personnel",
        "Each party answers for the conduct of its staff and subcontractors in relation to the other "
        "party's Confidential Information.",
    ),
    (
        "personnel",
        "All personnel of the Clean Team shall, prior to receiving any Clean Team Information, sign an "
        "acknowledgment in the form of Exhibit A agreeing to be bound by this Agreement.",
    ),
    # return_destruction: in the passive with a phrase between, caused, "dispose of".
    (
        "return_destruction",
        "All tangible embodiments of the Confidential Information shall, upon the Discloser's request, be "
        "forthwith handed over to the Discloser.",
    ),
    (
        "return_destruction",
        "Upon demand, the Employee shall restore to the Company all documents and other property belonging "
        "to the Company.",
    ),
    (
        "return_destruction",
        "The Recipient shall, when so requested, cause all Confidential Information in its possession to "
        "be destroyed and shall confirm such destruction in writing.",
    ),
    (
        "return_destruction",
        "Within thirty (30) days after the end of the Term, the Contractor shall dispose of all State data "
        "in accordance with NIST SP 800-88.",
    ),
    # remedies: interim relief aimed at the breach; compensation claimed for the damage.
    (
        "remedies",
        "The Discloser shall be entitled to seek urgent interlocutory relief to prevent any threatened or "
        "actual breach of this Deed.",
    ),
    (
        "remedies",
        "Any breach of the confidentiality obligations shall entitle the aggrieved party to claim "
        "compensation for the damage suffered.",
    ),
    # data_protection: processing "otherwise than on" instructions; a BAA's safeguards for electronic PHI.
    (
        "data_protection",
        "The Service Provider shall not process Customer Personal Data otherwise than on the Customer's "
        "written instructions.",
    ),
    (
        "data_protection",
        "Business Associate shall implement administrative, physical, and technical safeguards that "
        "reasonably and appropriately protect the confidentiality, integrity, and availability of "
        "electronic PHI.",
    ),
    # personnel: staff told what the information is or what the duties are, in several ways.
    (
        "personnel",
        "The Receiving Party shall ensure that its employees who receive the Confidential Information have "
        "been informed of its confidential nature.",
    ),
    (
        "personnel",
        "Each Representative shall be advised of the confidentiality of the Evaluation Material before "
        "receiving it.",
    ),
    (
        "personnel",
        "Recipient shall notify each person to whom it discloses Confidential Information of the "
        "restrictions set out herein.",
    ),
    (
        "personnel",
        "The Company shall bring the terms of this Agreement to the attention of each employee who has "
        "access to the Proprietary Information.",
    ),
    (
        "personnel",
        "Before disclosure, the Recipient shall tell each adviser that the information is confidential and "
        "must be kept secret.",
    ),
    # remedies: liability for a confidentiality breach left unlimited, said several ways.
    (
        "remedies",
        "Nothing in this Agreement shall limit or exclude either party's liability for a breach of Clause "
        "10 (Confidentiality).",
    ),
    (
        "remedies",
        "Each party's liability for breach of its obligations under Section 5 (Confidentiality) shall be "
        "unlimited.",
    ),
    (
        "remedies",
        '"Excluded Claims" means claims arising from a party\'s breach of its obligations under Section 6 '
        "(Confidentiality).",
    ),
    # remedies: an indemnity for a failure to comply; a court order to enforce the terms.
    (
        "remedies",
        "Supplier shall indemnify Customer against all losses, fines and penalties arising from Supplier's "
        "failure to comply with its data protection obligations.",
    ),
    (
        "remedies",
        "The Receiving Party agrees that the Disclosing Party shall have the right to obtain an immediate "
        "court order to enforce the terms of this Agreement.",
    ),
    # data_protection: processing terms made part of the agreement; Art. 32 measures; statutes by name.
    (
        "data_protection",
        "To the extent Provider processes Customer Personal Data, the parties' Data Processing Addendum at "
        "Exhibit C applies and forms part of this Agreement.",
    ),
    (
        "data_protection",
        "Provider will implement appropriate technical and organisational measures to protect Customer "
        "Personal Data against unauthorised or unlawful processing and accidental loss.",
    ),
    (
        "data_protection",
        "Consultant agrees to handle any personal health information in accordance with the Personal "
        "Health Information Protection Act, 2004 (Ontario).",
    ),
    # return_destruction: purged "in a manner that renders it unrecoverable".
    (
        "return_destruction",
        "Upon completion of the Services, all Customer Data stored by the Contractor shall be purged in a "
        "manner that renders it unrecoverable.",
    ),
    # return_destruction: "sanitized" in the passive.
    (
        "return_destruction",
        "All State data shall be sanitized from Contractor systems in accordance with NIST 800-88 at "
        "contract close-out.",
    ),
    # post_termination: a survival that names a restraint, and a duty not to disclose after employment.
    (
        "post_termination",
        "The non-solicitation and confidentiality obligations in Sections 6 and 7 shall survive for two "
        "years after termination.",
    ),
    (
        "post_termination",
        "The Employee shall not, at any time after the termination of employment, disclose any "
        "Confidential Information to any person.",
    ),
    # audit: a DPA is about personal data, so an audit of compliance with it meets the information test.
    ("audit", "Customer may audit Provider's compliance with this DPA once per year on 30 days' notice."),
    # personnel: liable for what anyone it passed the information to discloses.
    (
        "personnel",
        "The Recipient shall remain liable for any disclosure of the Confidential Information by any "
        "person to whom it has disclosed it.",
    ),
    # audit: those who received it identified to the discloser.
    (
        "audit",
        "Upon the Company's request, the Recipient shall identify in writing every Representative who has "
        "received Evaluation Material.",
    ),
    (
        "audit",
        "The Recipient shall identify to the Discloser all persons to whom it has disclosed Confidential "
        "Information.",
    ),
]

# Forms a rule alone should carry: a rule score of PRESENT_THRESHOLD + SINGLE_SOURCE_MARGIN
# makes a clause count with no help from the classifier (detect.blend), as these plain forms
# should: the legal "at liberty to" audit, a duty that does "not lapse upon the cessation" of
# the engagement.
STRONG = [
    (
        "audit",
        "WITHOUT LIMITING THE FOREGOING, THE COMPANY SHALL BE AT LIBERTY TO AUDIT SAID RECIPIENT'S "
        "SAFEGUARDING OF THE PROPRIETARY INFORMATION HEREINBEFORE DESCRIBED.",
    ),
    (
        "post_termination",
        "The obligation of secrecy shall not lapse upon the cessation of the Consultant's engagement with "
        "the Company.",
    ),
]

# Look-alikes, scored as in an NDA (the ``requires`` condition lifted), so only the wording decides.
QUIET = [
    # audit: the receiver audits itself and hands nothing to the discloser.
    (
        "audit",
        "The Provider engages an independent firm annually to audit its own security controls; the "
        "Provider is not obliged to share the results with the Customer.",
    ),
    (
        "audit",
        "The Company's internal audit function reviews its information security program on a regular basis.",
    ),
    # audit: the receiver inspects the other's business to weigh a deal.
    (
        "audit",
        "The Recipient may conduct such investigation and inspection of the Company's properties as it "
        "deems appropriate in connection with the Proposed Transaction.",
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
        "The Purchaser shall be given reasonable access to the premises and records of the Company to "
        "review the operations of the Business.",
    ),
    # audit: the receiver is the one let in to inspect (a deal NDA): no check on the receiver.
    (
        "audit",
        "The Company may at its option permit the Recipient to inspect the Company's plants, properties "
        "and books in connection with its review of the business.",
    ),
    (
        "audit",
        "Recipient shall be entitled to examine the Confidential Information only at the Discloser's "
        "offices.",
    ),
    # audit: a quality inspection, not of confidentiality.
    (
        "audit",
        "Distributor shall allow Manufacturer's quality personnel to inspect its warehouses to ensure that "
        "storage conditions meet the product handling requirements.",
    ),
    # post_termination: a period from a noun ("the furnishing or return" of goods, "receipt of complete
    # information") is no end of the agreement; nor is an agreement's own term.
    (
        "post_termination",
        "If supplies are replaced, the period for notice of a breach of the warranty shall be two years "
        "from the furnishing or return by the Contractor of the replaced supplies.",
    ),
    (
        "post_termination",
        "It may take up to 2 months starting from receipt by us of complete information for your request "
        "to be handled.",
    ),
    (
        "post_termination",
        "The Recipient's obligations under this letter shall terminate on the date falling eighteen months "
        "after the date of this letter.",
    ),
    (
        "post_termination",
        "The term of this Agreement shall be three years commencing from the Effective Date, after which "
        "it shall lapse.",
    ),
    # remedies: a disputes clause that saves a court's interim powers names no breach.
    (
        "remedies",
        "Nothing in this clause prevents a party from applying to a court for urgent interim relief "
        "pending the outcome of the arbitration.",
    ),
    # personnel: staff made to follow site rules, not duties over information.
    (
        "personnel",
        "The Contractor shall see that its employees wear the protective equipment required on the "
        "Customer's premises.",
    ),
    # remedies: a protective order against a compelled disclosure is no remedy for a breach.
    (
        "remedies",
        "Before complying with the subpoena, the Recipient shall give the Discloser notice so that it may "
        "seek a protective order or other court order preventing the disclosure.",
    ),
    (
        "remedies",
        "Each party shall remain liable for its own costs in connection with the negotiation of this "
        "Agreement.",
    ),
    # post_termination: a restraint that runs after the end is no survival of confidentiality.
    (
        "post_termination",
        "The Employee shall not, for a period of twelve months after the termination of employment, "
        "solicit any customer of the Company.",
    ),
    (
        "post_termination",
        "For two years following the termination of this Agreement, neither party shall directly or "
        "indirectly hire any employee of the other.",
    ),
    # audit: the receiver's own attestations and tests, handing nothing over.
    (
        "audit",
        "Provider maintains ISO 27001 certification and undergoes an annual SOC 2 Type II audit by an "
        "independent auditor.",
    ),
    (
        "audit",
        "Provider's information security program is audited annually by a third-party auditor against the "
        "SOC 2 Trust Services Criteria.",
    ),
    (
        "audit",
        "Vendor will conduct regular vulnerability scans and penetration tests of its systems and "
        "remediate critical findings.",
    ),
    # audit: a provider watching the use of its service, a customer watching its own users.
    (
        "audit",
        "We may monitor and review your use of the Services to ensure compliance with the Acceptable Use "
        "Policy.",
    ),
    ("audit", "Customer is responsible for monitoring its users' compliance with these Terms."),
]


@pytest.mark.parametrize(("element", "text"), FOUND)
def test_rules_recall3_spec_forms_found(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score >= COUNTS


@pytest.mark.parametrize(("element", "text"), STRONG)
def test_rules_recall3_plain_forms_count_on_the_rule_alone(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score >= PRESENT_THRESHOLD + SINGLE_SOURCE_MARGIN


@pytest.mark.parametrize(("element", "text"), QUIET)
def test_rules_recall3_look_alikes_stay_low_even_in_an_nda(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text, enforce_requires=False).score < COUNTS


def test_rules_recall3_discloser_let_in_still_counts() -> None:
    # The receiver-inspects negation reads roles: the receiver letting the discloser in is an audit.
    text = "The Recipient shall permit the Company to inspect the Recipient's records relating to its use of "
    text += "the Evaluation Material."
    assert apply_rules(elements()["audit"], text).score >= COUNTS


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


def test_rules_recall3_dpa_in_passing_stays_weak() -> None:
    # A DPA made part of the agreement counts; one that applies only "if any" is still weak.
    result = apply_rules(
        elements()["data_protection"], "The DPA, if any, shall apply to the processing of Personal Data."
    )
    assert result.score >= COUNTS and result.weak_reasons


def test_rules_recall3_attestation_handed_over_still_counts() -> None:
    # The own-attestation negation reads the whole sentence: a report handed over keeps its cues.
    text = "Provider undergoes an annual SOC 2 Type II audit and will provide Customer with a copy of the "
    text += "report on request."
    assert apply_rules(elements()["audit"], text).score >= COUNTS
