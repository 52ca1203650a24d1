"""clauses.detect.rules: presence (present/weak against missing) by class of wording, in our own words.

The spec's "present when" tests (../shared/spec/elements.md) against what the
cues see: forms the spec names that no cue read (a duty lasting "for as long as
the data is held", an NDA that expires a period after the deal is done, disclosure
"under the order of a competent court", protected information described inside
the duty, duties over data "protected by HIPAA", staff breaches "deemed" the
receiver's, duties that "remain binding" after termination), and the look-alikes
it excludes, found among the study halves' false positives in service agreements
and terms of service: a disclosure or legal duty about no information at all, a
filed exhibit's redaction legend, "publicly known breaches", a user deleting its
own content, acceptable-use content rules, an arbitrator's powers or help in a
lawsuit against someone else, and a definition that lists audits among the kinds
of information. Each class has sentences in
several drafting styles (plain English, US legalese, UK drafting); every sentence
was written for this file.
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import apply_rules
from clauses.elements import elements

COUNTS = 0.5

FOUND = [
    # post_termination: the spec's "for as long as the data is held", in the passive.
    (
        "post_termination",
        "The Processor's duties under this clause continue for as long as the Customer Data is held by it "
        "or by any of its sub-processors.",
    ),
    (
        "post_termination",
        "The obligations of confidence herein shall subsist so long as any Confidential Information "
        "remains in the possession of the Recipient.",
    ),
    (
        "post_termination",
        "Any Confidential Information retained for legal reasons stays subject to this Deed for so long "
        "as it is stored.",
    ),
    # post_termination: the NDA ends a period after the deal, not with its own term.
    (
        "post_termination",
        "This letter and the confidentiality duties in it will expire two (2) years after the completion of "
        "the proposed acquisition.",
    ),
    (
        "post_termination",
        "THIS AGREEMENT AND THE OBLIGATIONS OF CONFIDENTIALITY HEREUNDER SHALL TERMINATE EIGHTEEN MONTHS "
        "FOLLOWING THE CONCLUSION OF THE NEGOTIATIONS BETWEEN THE PARTIES.",
    ),
    (
        "post_termination",
        "The undertakings about the Tender Information lapse __________ (if left blank, 3 years) after the "
        "end of the tender process.",
    ),
    # compelled_disclosure: "under the order of a competent court".
    (
        "compelled_disclosure",
        "Neither party shall reveal the other's know-how save under the order of a competent court or "
        "tribunal.",
    ),
    (
        "compelled_disclosure",
        "The Consultant may disclose Client documents pursuant to an order of any governmental authority, "
        "after telling the Client.",
    ),
    # definition: the protected information described inside the duty, no defined term.
    (
        "definition",
        "Both sides will maintain strict confidentiality regarding each other's pricing, customers and "
        "business plans.",
    ),
    (
        "definition",
        "The Contractor shall observe absolute secrecy as to the affairs, dealings and know-how of the "
        "Authority.",
    ),
    (
        "definition",
        "You must keep confidentiality about our suppliers, margins and trade secrets.",
    ),
    # The information requirement outside an NDA still lets real disclosure duties through.
    (
        "third_party",
        "The Supplier shall not publish or pass on any data it obtains from the Council.",
    ),
    (
        "compelled_disclosure",
        "The Bank may release customer records where required by law, after notifying the customer.",
    ),
    # personnel: informed of the duties, with a list marker between staff and duties.
    (
        "personnel",
        "Each party shall instruct its employees and subcontractors (i) of the confidentiality obligations "
        "in this Schedule and (ii) of the security rules.",
    ),
    (
        "personnel",
        "The Consultant will advise its staff (a) of the terms of this Clause 9 regarding Client "
        "Information.",
    ),
    # data_protection: duties over data a privacy statute protects.
    (
        "data_protection",
        "Should any patient records protected by HIPAA reach the Bidder, it shall hold them in confidence "
        "and hand them back.",
    ),
    (
        "data_protection",
        "THE CONSULTANT SHALL TREAT ALL STUDENT INFORMATION GOVERNED BY FERPA AS STRICTLY CONFIDENTIAL.",
    ),
    (
        "data_protection",
        "The Supplier shall keep secure any customer data covered by the UK GDPR which it receives.",
    ),
    # personnel: the receiver answers for its staff's breaches (the spec's "responsible for their
    # breaches"), said as a deeming.
    (
        "personnel",
        "Any breach of this Agreement by the Recipient's Representatives shall be deemed a breach by the "
        "Recipient.",
    ),
    (
        "personnel",
        "ACTS OR OMISSIONS OF ITS EMPLOYEES OR AGENTS IN RESPECT OF CONFIDENTIAL INFORMATION WILL BE TREATED "
        "AS ACTS OF THE COMPANY.",
    ),
    # post_termination: the duties "remain binding" after the agreement ends.
    (
        "post_termination",
        "In the event of termination of this letter, the Recipient's duties of confidence shall remain "
        "binding.",
    ),
    (
        "post_termination",
        "Should this Agreement expire or be terminated, the Contractor's obligations regarding the "
        "Council's information stay valid.",
    ),
    # personnel and audit outside an NDA, when the clause is about information.
    (
        "personnel",
        "The Vendor is responsible for any breach of this data protection schedule by its subcontractors.",
    ),
    (
        "audit",
        "The Customer may audit the Supplier's compliance with its security and confidentiality duties once "
        "a year.",
    ),
]

QUIET = [
    # third_party / compelled_disclosure outside an NDA: the duty concerns no information.
    (
        "third_party",
        "If the Bureau shall not publish the index for any month, the parties shall agree a substitute.",
    ),
    (
        "third_party",
        "The Carrier shall not release the cargo to any third party without the Shipper's written consent.",
    ),
    (
        "compelled_disclosure",
        "The Operator shall take such steps as are required by applicable law to contain any spill.",
    ),
    (
        "compelled_disclosure",
        "THE CONTRACTOR SHALL OBTAIN ALL PERMITS REQUIRED UNDER APPLICABLE LAWS FOR THE WORKS.",
    ),
    # personnel / audit outside an NDA: staff rules and inspections about no information.
    (
        "personnel",
        "The Contractor shall ensure that its employees comply with the site safety rules at all times.",
    ),
    (
        "personnel",
        "EACH PARTY SHALL BE RESPONSIBLE FOR THE ACTS AND OMISSIONS OF ITS EMPLOYEES WHILE ON THE OTHER "
        "PARTY'S PREMISES.",
    ),
    (
        "audit",
        "The Charterer's surveyors may board the vessel to inspect its logs and verify compliance with the "
        "loading plan.",
    ),
    # post_termination outside an NDA: something else "remains valid" after expiry.
    (
        "post_termination",
        "After expiry of the term, the manufacturer's warranty on the pumps remains valid for twelve months.",
    ),
    # exclusions: a filed exhibit's redaction legend.
    (
        "exclusions",
        "Portions of this exhibit marked [***] have been omitted from this exhibit because they would "
        "cause competitive harm if publicly disclosed.",
    ),
    (
        "exclusions",
        "Certain terms were redacted from the filing, being information the Company treats as private and "
        "which is not publicly available.",
    ),
    # exclusions: a service that watches "publicly known breaches".
    (
        "exclusions",
        "The alert service checks your e-mail address against publicly known data breaches.",
    ),
    (
        "exclusions",
        "We scan your devices for publicly reported vulnerabilities once a week.",
    ),
    # return_destruction: a user deleting its own content.
    (
        "return_destruction",
        "The Drive app lets you view, edit and delete your files on any device.",
    ),
    (
        "return_destruction",
        "You can end these Terms at any time by deleting your account and all of your saved notes.",
    ),
    # third_party: acceptable-use content rules.
    (
        "third_party",
        "You agree not to post, publish or transmit any defamatory, obscene or harassing material.",
    ),
    (
        "third_party",
        "The Member shall not communicate to other members any content that is abusive or otherwise "
        "objectionable.",
    ),
    # remedies: an arbitrator's powers; help in a lawsuit against someone else.
    (
        "remedies",
        "THE ARBITRATOR MAY AWARD THE SAME DAMAGES AND RELIEF AS A COURT, INCLUDING INJUNCTIVE RELIEF, ON "
        "AN INDIVIDUAL BASIS ONLY.",
    ),
    (
        "remedies",
        "The arbitral tribunal shall have the power to grant interim injunctions and specific performance.",
    ),
    (
        "remedies",
        "The Vendor will cooperate with the Trust in any litigation to obtain an injunction against any "
        "person who misused Trust records.",
    ),
    # audit: a definition that lists audits among the kinds of information.
    (
        "audit",
        '"Confidential Information" includes audit reports, inspection findings and records of compliance '
        "with safety procedures.",
    ),
    (
        "audit",
        '"Proprietary Information" shall mean all internal audits, examinations of the books and records '
        "and verification reports of the Company.",
    ),
]

STILL_COUNTS = [
    # The look-alike negations leave the real duty in the same kind of contract alone.
    (
        "return_destruction",
        "Barring a legal hold, we will delete your profile and your stored content within 90 days of "
        "cancellation.",
    ),
    (
        "remedies",
        "Notwithstanding the arbitration clause, the Discloser may seek injunctive relief in any court to "
        "stop a breach of Section 4.",
    ),
    (
        "exclusions",
        "These duties do not apply to information that is or becomes publicly available through no fault "
        "of the Recipient.",
    ),
    (
        "audit",
        '"Confidential Information" means all data of the Client. The Client may audit the Manager\'s '
        "compliance with this clause on ten days' notice.",
    ),
]


@pytest.mark.parametrize(("element", "text"), FOUND)
def test_rules_presence_spec_forms_found(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score >= COUNTS


@pytest.mark.parametrize(("element", "text"), QUIET)
def test_rules_presence_look_alikes_stay_low(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score < COUNTS


@pytest.mark.parametrize(("element", "text"), STILL_COUNTS)
def test_rules_presence_real_duty_beside_look_alike_counts(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score >= COUNTS


def test_rules_presence_information_requirement_is_lifted_in_an_nda() -> None:
    # In an NDA every duty is a confidentiality duty (detect passes enforce_requires=False).
    text = "The Recipient shall not publish the same without the Discloser's prior written consent."
    element = elements()["third_party"]
    assert apply_rules(element, text).score < apply_rules(element, text, enforce_requires=False).score
    assert apply_rules(element, text, enforce_requires=False).score >= COUNTS


def test_rules_presence_agreement_own_term_from_effective_date_still_not_survival() -> None:
    text = "This Agreement shall expire two years after the Effective Date."
    assert apply_rules(elements()["post_termination"], text).score < COUNTS
