"""clauses.detect.rules: recall of the spec's named forms of audit, personnel and data protection.

A challenge set written from ../shared/spec/elements.md alone: each element in
each form the spec names, as drafters of different traditions phrase it (US deal
NDAs, UK drafting, 1990s exhibit legalese in capitals, government and university
forms, plain-English SaaS terms, GDPR Art. 28 processor terms, HIPAA business
associate terms, licences and outsourcing), and the look-alikes the spec
excludes. Every sentence was written for this file; none comes from a contract.
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import apply_rules
from clauses.elements import elements

COUNTS = 0.5

# audit: the discloser checks, or is given evidence of, the receiver's compliance.
AUDIT_FOUND = [
    # The attestation standards and the auditors' own report.
    "Vendor shall, at least annually, obtain a SAS 70 Type II review of its data center and provide the "
    "results to Bank.",
    "Provider shall furnish Client, upon request, with a copy of the independent auditors' report on its "
    "information security controls.",
    "Supplier will make its SOC 3 report available to Customer each year.",
    # Evidence of compliance: confirmed or attested, not only "certified".
    "Upon request, the Recipient shall provide written confirmation of its compliance with this Section.",
    "Within ten (10) days of the Company's request, an officer of the Recipient shall attest in writing that "
    "the Recipient has complied with this Agreement.",
    "The Consultant shall, on request, certify to the Client that it has observed the confidentiality "
    "obligations in this Agreement.",
    "The Recipient will provide the Discloser, on request, with evidence reasonably satisfactory to the "
    "Discloser of the Recipient's compliance with this Agreement.",
    # Records held open to the discloser, in the passive.
    "Business Associate shall, upon Covered Entity's request, make its books and records relating to PHI "
    "available to Covered Entity for inspection.",
    "Contractor's records relating to the handling of Confidential Information shall be open to inspection "
    "by the State at all reasonable times.",
    "The Processor shall, at the Controller's request, submit its data processing facilities for audit.",
    # A right of entry or check whose object is compliance.
    "The COMPANY shall have the right, upon reasonable prior notice and during normal business hours, to "
    "enter upon the premises of RECIPIENT for the purpose of ascertaining RECIPIENT's compliance with the "
    "terms hereof.",
    "The Disclosing Party reserves the right to check, at any time, that the Receiving Party complies with "
    "its obligations under this Agreement.",
    "The Discloser may, with reasonable notice, visit the Recipient's offices to review the Recipient's "
    "compliance with this letter.",
    # Who received the information, told to the discloser.
    "Recipient shall, upon request, furnish the Company with a written statement of the names of all "
    "Representatives who have received Evaluation Material.",
    "At the request of the Disclosing Party, the Receiving Party shall inform it of the persons having had "
    "access to the Confidential Information.",
    # The receiver's protection described to the discloser.
    "The Recipient shall, on request, provide the Discloser with a written report on the use made of the "
    "Confidential Information.",
    "The Recipient will, at the Discloser's request, confirm the steps it has taken to protect the "
    "Information.",
    "The Supplier shall maintain ISO/IEC 27001 certification for the Services and give the Customer a copy "
    "of its certificate on request.",
    "Provider will share its annual security compliance reports with Customer on request.",
    "The Platform may review or test your App for compliance with our developer data policies.",
]

AUDIT_QUIET = [
    # A definition that lists audit material among the kinds of information.
    "Confidential Information includes audit reports, compliance records and inspection results.",
    # The receiver inspecting the target's books to evaluate a deal.
    "The Purchaser shall be entitled to inspect the books and records of the Company in the course of its "
    "due diligence.",
    "Recipient may examine the Company's books and records solely for its evaluation of the proposed "
    "acquisition.",
    # The receiver checking the accuracy of what it was given (non-reliance).
    "The Recipient may verify the accuracy of the Evaluation Material through its own investigation and "
    "examination of the Company's records.",
    # Financial and cost audits.
    "The independent auditors of the Company shall have reasonable access to the books of the Partnership "
    "for the preparation of the annual financial statements.",
    "The Contractor shall make available for audit all records of the costs incurred in performing this "
    "contract.",
]


@pytest.mark.parametrize("text", AUDIT_FOUND)
def test_recall1_audit_found(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score >= COUNTS


@pytest.mark.parametrize("text", AUDIT_QUIET)
def test_recall1_audit_look_alikes_stay_low(text: str) -> None:
    assert apply_rules(elements()["audit"], text, enforce_requires=False).score < COUNTS


# personnel: staff bound in writing, informed, made to comply, or answered for by the receiver.
PERSONNEL_FOUND = [
    # Bound by contract, however the contract is named.
    "The Recipient shall ensure that each of its Representatives to whom Confidential Information is "
    "disclosed is contractually obligated to keep it confidential.",
    "The Recipient has executed or shall execute appropriate written agreements with its employees and "
    "consultants sufficient to enable them to comply with this Agreement.",
    "Disclosure may be made only to employees having written agreements with the Recipient obligating them "
    "to keep such information confidential.",
    "The Contractor shall ensure that each of its employees who will have access to Federal Tax Information "
    "signs a confidentiality statement before access is given.",
    "The Contractor shall obtain from each of its employees engaged on the Work a signed acknowledgement of "
    "the confidentiality requirements of this Contract.",
    "Any consultants engaged by the Recipient must sign this Agreement before receiving Confidential "
    "Information.",
    "The Licensee may disclose to an employee or consultant only after that employee or consultant has "
    "entered into a written agreement in which it agrees to be bound by similar obligations of nonuse and "
    "nondisclosure.",
    "The Contractor shall require its staff who will see the Data to commit to a non-disclosure agreement "
    "that protects the Data to at least the same degree as this Contract.",
    # Under a duty of confidence (GDPR Art. 28, UK drafting), or under the same restrictions (HIPAA).
    "The Processor shall ensure that persons authorised to process the personal data have committed "
    "themselves to confidentiality or are under an appropriate statutory obligation of confidentiality.",
    "The Vendor shall ensure that its personnel who handle Client information are subject to a duty of "
    "confidence.",
    "Business Associate shall ensure that any subcontractors that receive PHI on behalf of Business "
    "Associate agree to the same restrictions and conditions that apply to Business Associate with respect "
    "to such information.",
    # The receiver makes them comply (UK "procure that"), or keep it confidential.
    "The Recipient shall procure that its employees, officers and agents comply with the provisions of this "
    "Agreement as if they were parties to it.",
    "The Receiving Party shall procure that any person to whom it discloses Confidential Information under "
    "clause 3.2 observes the restrictions in this Agreement as if a party to it.",
    "The Recipient shall be responsible for ensuring that its Representatives keep the Information "
    "confidential.",
    "The Vendor will instruct its affiliates, employees, contractors, or consultants who may see the "
    "Information to keep it confidential.",
    # Informed of the duties, or their agreement obtained.
    "The University shall advise each Investigator and student participating in the Research of the "
    "obligations of confidentiality under this Agreement.",
    "Before disclosing any Evaluation Material to a Representative, the Recipient shall tell that "
    "Representative about this letter agreement and obtain his or her agreement to comply with it.",
    "Each such Representative shall first be told by the Recipient of the confidential and non-public nature "
    "of the Evaluation Material.",
    # The receiver answers for them.
    "The Recipient shall be answerable for its employees' compliance with this Agreement.",
    "You are responsible for your employees' and contractors' compliance with these confidentiality terms.",
    "The Recipient shall be responsible for any improper use of the Confidential Information by its "
    "Representatives.",
    "The Recipient shall be liable for the failure of any Representative to comply with the terms of this "
    "Agreement.",
    "You will answer for any breach of these terms by your representatives, and you are responsible for any "
    "breach of these terms by your advisers.",
    "The Receiving Party shall be liable to the Disclosing Party in the event that any of its employees or "
    "advisors breach these obligations.",
    "Any disclosure of Secret Information by any employee or contractor of the Supplier shall be deemed a "
    "breach of this Agreement by the Supplier.",
    # Made to keep it, or bound, in the list forms of deal NDAs.
    "Buyer shall hold, and shall cause each of its Representatives to hold, all Evaluation Material of the "
    "Seller in confidence.",
    "Recipient shall ensure that all of its officers, staff and advisers who may see the Information "
    "are bound to keep it secret.",
    "Before revealing any Information, the Recipient shall notify its employees, officers, directors, "
    "advisers and/or Affiliates of the confidential nature of the disclosure.",
    # Duties imposed on or flowed down to them, staff restrained, directed, made aware.
    "The Recipient undertakes to impose the same obligations of confidence on its employees and "
    "sub-contractors.",
    "Supplier shall flow down its data security obligations to its subcontractors.",
    "At its own cost, Buyer shall use every reasonable means to restrain its Representatives from "
    "any disclosure of the Evaluation Material that this letter does not allow.",
    "Each such Representative shall be directed to treat the Evaluation Material as confidential.",
    "The Recipient shall make each of its employees aware of its obligations under this Agreement.",
]

# Guards on the new personnel cues (each read by main's cues as quiet too): the wider forms above
# must not reach these.
PERSONNEL_QUIET = [
    # A customer told to keep its own password safe has no staff duty.
    "The Customer is instructed to keep its password secure.",
    # Execution by authorized representatives, and the parties' own agreement to be bound.
    "IN WITNESS WHEREOF, the parties have caused their duly authorized representatives to execute this "
    "Agreement.",
    "In witness whereof the parties, each having had the chance to consult counsel, have had this "
    "Agreement signed by their authorized representatives.",
    "The parties agree to be bound by the terms of this Agreement.",
    # A standard of care, not a staff undertaking.
    "The Recipient shall protect the Information with at least the same degree of care as it uses for its "
    "own information.",
    # The discloser's staff are not the receiver's to answer for.
    "The Recipient shall not be responsible for any use of the Information by the Discloser's employees.",
]


@pytest.mark.parametrize("text", PERSONNEL_FOUND)
def test_recall1_personnel_found(text: str) -> None:
    assert apply_rules(elements()["personnel"], text).score >= COUNTS


@pytest.mark.parametrize("text", PERSONNEL_QUIET)
def test_recall1_personnel_look_alikes_stay_low(text: str) -> None:
    assert apply_rules(elements()["personnel"], text, enforce_requires=False).score < COUNTS


# data_protection: a duty to comply with the law, or the processing duties of a DPA or BAA.
DATA_PROTECTION_FOUND = [
    # The law named as a statute, rule or citation, with the verbs drafters use.
    "Each party undertakes to observe the provisions of the Data Protection Act 2018 and the UK GDPR.",
    "The Contractor shall treat all student education records in accordance with FERPA.",
    "The Contractor shall comply with the applicable requirements of the Security Rule.",
    "The Vendor agrees to comply with 45 C.F.R. Part 164.",
    "Each Party shall abide by all applicable laws relating to the privacy and protection of personal "
    "information.",
    "Bank's customer information shall be safeguarded by the Vendor as required by Title V of the "
    "Gramm-Leach-Bliley Act.",
    # Processing under the parties' DPA.
    "To the extent Customer Data includes Personal Data, Provider will process it in compliance with the DPA "
    "attached as Exhibit C.",
    # A business associate's duties over PHI.
    "Business Associate agrees not to use or disclose Protected Health Information other than as permitted "
    "or required by this Agreement or as Required by Law.",
    "Business Associate shall use appropriate safeguards to prevent use or disclosure of the PHI other than "
    "as provided for by this Agreement.",
    "Company acts as a business associate of Customer and shall use and disclose PHI only as this Agreement "
    "permits.",
    "I will protect and safeguard the confidentiality and security of PHI that I see in the clinic.",
    # Processor duties of GDPR Art. 28 beyond "documented instructions".
    "Where the Supplier processes Personal Data on behalf of the Customer, it shall act only on the "
    "Customer's instructions.",
    "The Licensee shall not transfer Personal Data outside the European Economic Area without the "
    "Licensor's prior written consent.",
    "The Processor shall not engage another processor without the prior specific or general written "
    "authorisation of the Controller.",
    "Customer will reasonably secure any such Personal Information it receives.",
    # A CCPA service provider's duties, and the parties' BAA or the GLBA Safeguards Rule by name.
    "Provider shall not sell or share Customer Personal Information.",
    "Vendor shall not retain, use, or disclose any personal information received from Company for any "
    "purpose other than the business purposes set out in this Agreement.",
    "Each party shall comply with the BAA attached as Exhibit D.",
    "The Servicer shall comply with the Safeguards Rule in handling customer records.",
]

# Guards on the new data protection cues (quiet under main's cues too).
DATA_PROTECTION_QUIET = [
    # Software that may process personal data imposes no duty.
    "The Software may be used to process personal data of the Licensee's customers.",
    # Not selling or sharing information that is not personal data.
    "Neither party shall share the other's pricing information with any third party.",
    # A general duty to obey the law.
    "Each party shall comply with all laws applicable to it, including export control and anti-corruption "
    "laws.",
]


@pytest.mark.parametrize("text", DATA_PROTECTION_FOUND)
def test_recall1_data_protection_found(text: str) -> None:
    assert apply_rules(elements()["data_protection"], text).score >= COUNTS


@pytest.mark.parametrize("text", DATA_PROTECTION_QUIET)
def test_recall1_data_protection_look_alikes_stay_low(text: str) -> None:
    assert apply_rules(elements()["data_protection"], text, enforce_requires=False).score < COUNTS
