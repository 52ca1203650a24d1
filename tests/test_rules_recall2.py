"""clauses.detect.rules: the spec's named forms of survival, remedies and return, in many drafting styles.

Written from ../shared/spec/elements.md, not from any contract: for post_termination,
remedies and return_destruction, each form the spec names as drafters phrase it
(US deal NDAs, UK letters, SEC-exhibit legalese, government forms, research
agreements, plain-English SaaS terms, GDPR processor terms, HIPAA business
associate terms, employment and licence agreements), which no cue read before:

- survival: a period counted from the last disclosure or from the date on which
  the information was received, "for N years thereafter" after a duty, a duty
  that "does not end when the contract is completed", terms in force until the
  data is deleted, "for so long as it maintains" the data, "until it falls into
  the public domain", "continue in full force thereafter", the end of employment
  or of the agreement said with a verb ("after my employment ends"), and a
  business associate's or processor's duties outside an NDA;
- remedies: a restraining order or a court order restraining or stopping the
  breach, "enjoin", "interdict"; the liability cap lifted for a breach of
  confidentiality; an indemnity whose breach comes last in a long list; damages
  for "any loss or damage" caused by a breach, or a breach that "shall entitle"
  the discloser to damages;
- return: "redeliver", "hand back", "give back", "turn over", "expunge",
  "eliminate", "sanitize", "permanently remove", "purged from its computer systems".

Some forms the classifier finds in a sentence of their own but not once the sentence
sits inside a long clause of other terms, where only a cue carries them: "the
Confidentiality Period shall be five years from each disclosure", duties that
"shall not expire", "until the fifth anniversary of the termination", "until five
years have elapsed", a template's "[five (5)] years", "for a two-year period
following termination", "for 24 months post-termination", "during my employment and
after it ends", "after the Project has been abandoned"; damage that "cannot be fully
compensated by money", "no adequate remedy at law", asking a court for an order,
recovering the profits of a breach, relief "without having to post a bond or prove
actual damages", a data subject "entitled to receive
compensation", "after my affiliation with the University ends", "even after I leave",
"after I am no longer employed",
a contractual penalty for each breach, "any party in breach shall indemnify", "may
claim damages", "make good any loss", "all remedies available under applicable law
in respect of any breach"; and a return in the passive ("shall be shredded in
accordance with the Retention Schedule") or as a noun ("ensure the erasure of all
Personal Data").

And the look-alikes the spec excludes: the boilerplate that keeps accrued rights or
fees owed after termination, a warranty "for two years thereafter", the agreement's
own term ("shall not expire until the Closing Date"), interim relief saved in a disputes
clause, and outside an NDA a return of leased equipment, of defective products or to
work. Every sentence was written for this file.
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import apply_rules
from clauses.elements import elements

COUNTS = 0.5

FOUND = [
    # post_termination: a period counted from the last disclosure or from receipt.
    (
        "post_termination",
        "The obligations of the Recipient hereunder shall expire three years from the date of the last "
        "disclosure of Evaluation Material.",
    ),
    (
        "post_termination",
        "The duty of nondisclosure hereinafter set forth shall endure for a term of five (5) years following "
        "the date upon which such Proprietary Information was first received by the Recipient.",
    ),
    (
        "post_termination",
        "Each party's obligations with respect to Confidential Information shall last for five years from "
        "the date on which such information is disclosed.",
    ),
    (
        "post_termination",
        "The Recipient's obligations shall continue for a period of 5 years from the date on which the "
        "Discussions end, whether or not a contract is concluded.",
    ),
    (
        "post_termination",
        "Any information disclosed during the term of this Agreement shall be held in confidence for a "
        "period of five years thereafter.",
    ),
    # post_termination: the duty does not end with the contract.
    (
        "post_termination",
        "The Contractor's duty to protect Government information under this clause does not end when the "
        "contract is completed or terminated.",
    ),
    (
        "post_termination",
        "The obligations of confidentiality and non-use hereunder shall continue in full force thereafter.",
    ),
    (
        "post_termination",
        "Notwithstanding the termination of this Agreement, the Receiving Party shall continue to hold the "
        "Confidential Information in confidence.",
    ),
    (
        "post_termination",
        "Upon expiration or termination of this Agreement, Sections 7 (Confidentiality), 10 and 12 shall "
        "remain in effect.",
    ),
    (
        "post_termination",
        "Our duty to keep your information confidential continues even after this agreement ends.",
    ),
    # post_termination: for as long as the data is held, said several ways.
    (
        "post_termination",
        "This DPA shall remain in force until, and automatically expire upon, the deletion of all Personal "
        "Data by the Processor as described in this DPA.",
    ),
    (
        "post_termination",
        "The Vendor's obligations under this Schedule continue until all Customer Data has been returned to "
        "the Customer or securely destroyed.",
    ),
    (
        "post_termination",
        "If return or destruction is infeasible, Business Associate shall extend the protections of this BAA "
        "to such PHI for so long as Business Associate maintains such PHI.",
    ),
    (
        "post_termination",
        "Each party's confidentiality obligations shall remain in force until the Confidential Information "
        "falls into the public domain through no fault of the Recipient.",
    ),
    # post_termination: the end of employment said with a verb.
    (
        "post_termination",
        "The Employee agrees that these obligations will continue after the Employee's employment with the "
        "Company ends, regardless of the reason.",
    ),
    (
        "post_termination",
        "Employee shall, during and subsequent to the term of employment, hold all Confidential Information "
        "in confidence.",
    ),
    # post_termination: outside an NDA a business associate's duties are about the PHI it holds.
    (
        "post_termination",
        "The obligations of Business Associate under this Section shall survive the termination of this "
        "Agreement.",
    ),
    # remedies: an injunction by other names.
    (
        "remedies",
        "Each party agrees that the other party shall have the right to obtain an order of a court of "
        "competent jurisdiction restraining any breach of the provisions hereof.",
    ),
    (
        "remedies",
        "The Discloser shall be entitled to obtain a restraining order against any unauthorized use or "
        "disclosure of its Confidential Information.",
    ),
    (
        "remedies",
        "If you break these confidentiality terms, we can go to court to stop you, and we can claim our "
        "losses from you.",
    ),
    (
        "remedies",
        "The Company may enjoin the Consultant from any further use of the Company's trade secrets.",
    ),
    (
        "remedies",
        "Each party may seek a court order to stop a breach of this section without having to show actual "
        "harm or post a bond.",
    ),
    # remedies: the liability cap lifted for a breach of confidentiality.
    (
        "remedies",
        "The exclusions and limitations in this Section 10 do not apply to a party's breach of Section 6 "
        "(Confidentiality).",
    ),
    # remedies: an indemnity whose breach comes last in a long list.
    (
        "remedies",
        "Each party shall defend, indemnify and hold harmless the other party and its officers, directors "
        "and employees from and against any and all claims, demands, suits, losses, liabilities, costs and "
        "expenses, including reasonable attorneys' fees, brought by a third party to the extent arising out "
        "of (a) such party's gross negligence or wilful misconduct, or (b) such party's breach of Section 8.",
    ),
    # return_destruction: other verbs of giving back and erasing.
    (
        "return_destruction",
        "Promptly after being so requested by the Company, you shall redeliver to the Company all Evaluation "
        "Material furnished to you.",
    ),
    (
        "return_destruction",
        "If the Discloser so requests, the Recipient shall eliminate all Confidential Information from its "
        "files and records.",
    ),
    (
        "return_destruction",
        "At the end of the contract, the Contractor shall sanitize all media that stored Agency data in "
        "accordance with NIST SP 800-88.",
    ),
    (
        "return_destruction",
        "On termination, each party shall permanently remove all of the other's Confidential Information "
        "from its systems.",
    ),
    (
        "return_destruction",
        "Upon completion of the work, the Contractor shall turn over to the Contracting Officer all "
        "Government records and shall not retain any copies.",
    ),
    # post_termination, as it reads inside a long clause with no help from the classifier: the
    # period named as such, duties that never expire, an anniversary or elapsed years, a template's
    # bracketed number, the deal abandoned.
    (
        "post_termination",
        "The Confidentiality Period shall be five (5) years from the date of each disclosure of Confidential "
        "Information.",
    ),
    (
        "post_termination",
        "The Recipient's obligations with respect to Confidential Information shall not expire.",
    ),
    (
        "post_termination",
        "The Recipient's obligations of nondisclosure shall be effective as of the date hereof and shall "
        "continue until the fifth anniversary of the termination of this Agreement.",
    ),
    (
        "post_termination",
        "The Recipient agrees that its obligations shall remain binding until five years have elapsed from "
        "the date of the final disclosure.",
    ),
    (
        "post_termination",
        "The confidentiality obligations shall continue for a period of [five (5)] years after termination "
        "of this Agreement.",
    ),
    (
        "post_termination",
        "The foregoing restrictions on disclosure shall remain in effect during my employment and after it "
        "ends.",
    ),
    (
        "post_termination",
        "The Recipient shall remain bound by this Agreement after the Project has been abandoned or "
        "completed.",
    ),
    (
        "post_termination",
        "The Recipient shall keep the Confidential Information secret for a two-year period following the "
        "termination of this Agreement.",
    ),
    (
        "post_termination",
        "These confidentiality obligations apply during the Term and for 24 months post-termination.",
    ),
    # remedies: the irreparable harm acknowledged in other words, a court asked for an order,
    # profits given up.
    (
        "remedies",
        "The Recipient acknowledges that a breach would cause harm that cannot be fully compensated by "
        "money.",
    ),
    (
        "remedies",
        "Licensee agrees that Licensor would have no adequate remedy at law for a breach of this Section.",
    ),
    (
        "remedies",
        "If either of us breaches this section, the other may ask a court for an order stopping the breach.",
    ),
    (
        "remedies",
        "In addition to any other remedy, the Company may recover from the Consultant any profits the "
        "Consultant earned from a breach of this Clause.",
    ),
    (
        "remedies",
        "The Company may obtain such relief against the Employee without having to post a bond or prove "
        "actual damages.",
    ),
    # return_destruction: the place the information is erased from.
    (
        "return_destruction",
        "Upon request, the Recipient shall cause all Confidential Information in electronic form to be "
        "purged from its computer systems.",
    ),
    (
        "return_destruction",
        "After termination you can export your data for 30 days; after that we permanently delete it from "
        "our systems.",
    ),
    # A sentence inside a long clause counts on the classifier's word only when a cue of its own
    # reaches the sentence floor (detect.SENTENCE_RULE_FLOOR): these are such sentences.
    (
        "post_termination",
        "I understand that these confidentiality obligations continue after my affiliation with the "
        "University ends.",
    ),
    ("post_termination", "This obligation of secrecy continues even after I leave the University."),
    (
        "post_termination",
        "I understand that my confidentiality obligations continue after I am no longer employed by the "
        "Contractor.",
    ),
    (
        "post_termination",
        "The User's duty to protect the data remains in effect after the User's access is terminated.",
    ),
    (
        "remedies",
        "Should the Recipient breach this Agreement, it shall pay the Discloser a contractual penalty of "
        "EUR 50,000 for each breach.",
    ),
    (
        "remedies",
        "Any party in breach of this Agreement shall indemnify the other party for all damages so caused.",
    ),
    (
        "remedies",
        "The Disclosing Party reserves all rights and remedies available to it under applicable law in "
        "respect of any breach of this Agreement.",
    ),
    # return_destruction: the passive with "in accordance with", and the duty as a noun.
    (
        "return_destruction",
        "All paper Customer Records shall be shredded in accordance with the Retention Schedule.",
    ),
    (
        "return_destruction",
        "Upon termination, the Processor shall ensure the erasure of all Personal Data processed on behalf "
        "of the Controller.",
    ),
    (
        "return_destruction",
        "The Contractor shall arrange for the secure destruction of all records containing Agency "
        "information.",
    ),
]

# The damages cue (0.5) is support the classifier confirms, not enough alone to make a clause
# count, so these sentences are tested for the cue firing, not for the score.
FIRES = [
    (
        "remedies",
        "damages_breach",
        "The Recipient shall be liable to the Discloser for any loss or damage suffered as a result of a "
        "breach of this Deed.",
    ),
    (
        "remedies",
        "damages_breach",
        "Any violation of this Agreement by the Recipient shall entitle the Discloser to damages and to "
        "the immediate return of all Confidential Information.",
    ),
    (
        "remedies",
        "damages_breach",
        "Nothing in this Agreement shall limit the Discloser's right to seek damages or other relief for "
        "any breach of this Agreement.",
    ),
    (
        "remedies",
        "damages_breach",
        "Any data subject who has suffered damage as a result of a breach of this Clause by either party is "
        "entitled to receive compensation from the exporter.",
    ),
    (
        "remedies",
        "damages_breach",
        "In case of any breach of this Agreement, the Disclosing Party may claim damages from the Receiving "
        "Party.",
    ),
    (
        "remedies",
        "damages_breach",
        "The Recipient shall make good any loss suffered by the Discloser as a result of a breach of these "
        "undertakings.",
    ),
]

# Look-alikes that stay low even in an NDA, where the information requirement is lifted. The
# warranty "thereafter", the date hereof, the indemnity without a breach, the cost recovery,
# interim relief, "shall not expire until", cumulative remedies and a participant's later
# freedom guard the cues this file widens or adds (period_after, expires_period_after,
# indemnify_breach, restrain_order, never_expire, law_or_equity, after_agreement_ends): they
# pass without those cues and fail if the cues are widened further.
QUIET = [
    # post_termination: accrued rights and money owed are not duties that outlast the agreement.
    (
        "post_termination",
        "Termination of this Agreement shall not affect any rights, remedies, obligations or liabilities of "
        "the parties that have accrued up to the date of termination.",
    ),
    (
        "post_termination",
        "Termination will not relieve you of your obligation to pay all fees accrued before the termination "
        "date.",
    ),
    ("post_termination", "Any fees owed for the period before termination remain payable after termination."),
    # post_termination: a warranty period "thereafter" is not a confidentiality duty's.
    (
        "post_termination",
        "If the goods are repaired at the Buyer's site, the Seller's warranty shall apply to the repaired "
        "parts for two years thereafter.",
    ),
    # post_termination: the agreement's own term, counted from the date hereof.
    (
        "post_termination",
        "The Recipient's obligations under this Agreement shall terminate two years from the date hereof.",
    ),
    # remedies: a general indemnity not tied to any breach, and cost recovery alone.
    (
        "remedies",
        "Licensor shall defend and indemnify Licensee against any third-party claim that the Software "
        "infringes a patent, copyright or trademark.",
    ),
    (
        "remedies",
        "In any action to enforce this Agreement, the prevailing party shall be entitled to recover its "
        "reasonable attorneys' fees and costs.",
    ),
    # remedies: a disputes clause saving a court's interim powers gives no remedy for the breach.
    (
        "remedies",
        "This clause shall not prevent either party from seeking interim relief in any court of competent "
        "jurisdiction.",
    ),
    # post_termination: an agreement that "shall not expire until" a date lasts for its own term.
    (
        "post_termination",
        "The obligations of the parties shall not expire until the Closing Date, when this Agreement ends.",
    ),
    # remedies: the boilerplate that remedies are cumulative names no breach.
    (
        "remedies",
        "The rights and remedies under this Agreement are cumulative and do not exclude any rights or "
        "remedies provided by law.",
    ),
    # post_termination: what a participant may do after the project is no duty that lasts.
    (
        "post_termination",
        "After the end of his participation in the Project, the Participant may publish the results.",
    ),
    # return_destruction: a host removing content that breaks its terms is moderation, not a duty
    # to erase the other's information.
    ("return_destruction", "We may remove any content from our systems that violates these Terms."),
]

# Outside an NDA a return or destruction counts only when it is about information.
QUIET_OUTSIDE_NDA = [
    (
        "return_destruction",
        "Upon termination, Customer shall return all leased Equipment to Supplier at Customer's expense.",
    ),
    (
        "return_destruction",
        "The Employee shall return to work on the first business day after the end of the leave period.",
    ),
    (
        "return_destruction",
        "Licensee shall destroy any Products that fail to meet the quality standards and shall not sell "
        "them.",
    ),
]


@pytest.mark.parametrize(("element", "text"), FOUND)
def test_rules_recall2_spec_forms_found(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score >= COUNTS


@pytest.mark.parametrize(("element", "cue", "text"), FIRES)
def test_rules_recall2_supporting_cue_fires(element: str, cue: str, text: str) -> None:
    assert cue in {fired.name for fired in apply_rules(elements()[element], text).cues}


@pytest.mark.parametrize(("element", "text"), QUIET)
def test_rules_recall2_look_alikes_stay_low_even_in_an_nda(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text, enforce_requires=False).score < COUNTS


@pytest.mark.parametrize(("element", "text"), QUIET_OUTSIDE_NDA)
def test_rules_recall2_return_of_no_information_stays_low_outside_an_nda(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score < COUNTS


def test_rules_recall2_return_of_information_still_counts_outside_an_nda() -> None:
    # The information requirement that keeps leased equipment out lets "Customer Content" in.
    text = "Upon the Customer's request, the Provider will delete all Customer Content within 60 days."
    assert apply_rules(elements()["return_destruction"], text).score >= COUNTS


def test_rules_recall2_employees_company_property_counts_outside_an_nda() -> None:
    # An employee's "Company Property" holds the employer's documents: it is not leased equipment.
    text = "Upon termination of employment, the Employee shall promptly return all Company Property in the "
    text += "Employee's possession."
    assert apply_rules(elements()["return_destruction"], text).score >= COUNTS


def test_rules_recall2_requirement_is_lifted_in_an_nda() -> None:
    # In an NDA every duty is about the information, so "return" alone is not scaled down.
    text = "The Recipient shall forthwith return the same to the Discloser on demand."
    element = elements()["return_destruction"]
    assert apply_rules(element, text).score < apply_rules(element, text, enforce_requires=False).score
