"""clauses.detect.rules: look-alikes that outranked the real clause, and two forms no cue read (issue 11).

Written from ../shared/spec/elements.md, not from any contract, for the classes of
wording a study of which clause is quoted as evidence left open:

- use limitation is about the other party's *information*: a licence to use a
  service, software or site "solely for internal business purposes" is not it, however
  plainly it says "solely"; the receiver's promise not to use the confidential
  information, said after its exceptions ("Except as permitted, the Recipient will not
  use ...") or with "Neither party will use ...", is;
- remedies: "injunction" named in a list of legal orders ("any judgment, order,
  injunction or decree") gives no remedy, nor does a forum rule that says where a claim
  for injunctive relief may be brought; an injunction for a breach still counts;
- compelled disclosure is about *disclosure* the law requires: data kept, retained or
  stored "as required by applicable law" discloses nothing; a disclosure "pursuant to
  the order or requirement of a court, administrative agency or other governmental body"
  is the element, in whatever order the drafter puts the words, and so is an authority's
  "legally binding request for disclosure" of which a processor must tell the controller;
- audit: an attestation report (SOC 1/2, SSAE 16/18, SAS 70, ISAE 3402) handed to the
  discloser is evidence of compliance by itself, as the spec says.

Every sentence was written for this file, in several drafting styles (US deal NDAs,
SEC-exhibit legalese, plain-English SaaS terms, GDPR processor terms, UK letters).
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import apply_rules
from clauses.elements import elements

COUNTS = 0.5

FOUND = [
    # use_limitation: the promise not to use, after its exceptions or with "neither".
    (
        "use_limitation",
        "Except as expressly authorized herein or as reasonably necessary to perform its obligations, the "
        "Recipient shall not use any Confidential Information of the Discloser.",
    ),
    (
        "use_limitation",
        "Save as permitted by this Agreement, the Receiving Party will not (a) use the Disclosing Party's "
        "Confidential Information; or (b) disclose it to any person.",
    ),
    (
        "use_limitation",
        "Neither party will use the other party's Confidential Information except as permitted under this "
        "Agreement.",
    ),
    (
        "use_limitation",
        "Neither of the Parties shall make use of Proprietary Information furnished by the other for any "
        "purpose other than the Project.",
    ),
    # use_limitation: the information's use limited, even where a service is named.
    (
        "use_limitation",
        "The Provider shall use the Customer's Confidential Information solely to provide the Services.",
    ),
    (
        "use_limitation",
        "Vendor shall access and use Customer Data only for the purpose of operating the Platform for "
        "Customer.",
    ),
    # remedies: an injunction for the breach still counts beside a forum or a list of orders.
    (
        "remedies",
        "In the event of any breach of Section 7, the Disclosing Party shall be entitled to injunctive "
        "relief in any court of competent jurisdiction, without the necessity of posting a bond.",
    ),
    (
        "remedies",
        "The Company may obtain an injunction, a decree of specific performance or other equitable relief to "
        "restrain any breach of this Agreement.",
    ),
    # compelled_disclosure: an order of a court or agency, with notice.
    (
        "compelled_disclosure",
        "The foregoing shall not prohibit either Party from disclosing Confidential Information of the other "
        "Party pursuant to the order or requirement of a court, administrative agency, or other governmental "
        "body, provided that the Party required to make such a disclosure gives reasonable notice to the "
        "other Party.",
    ),
    (
        "compelled_disclosure",
        "A Party may disclose Confidential Information in response to a valid order of a court or other "
        "governmental body, provided that it first gives the other Party prompt written notice.",
    ),
    (
        "compelled_disclosure",
        "Nothing herein shall prevent the Recipient from disclosing Proprietary Information under a demand "
        "or direction of any regulatory authority, if it promptly informs the Discloser.",
    ),
    # compelled_disclosure: an authority's request for disclosure, told to the controller.
    (
        "compelled_disclosure",
        "The data importer shall promptly notify the data exporter about any legally binding request for "
        "disclosure of the personal data by a law enforcement authority.",
    ),
    (
        "compelled_disclosure",
        "Processor shall inform Controller without delay of any request for disclosure of Customer Personal "
        "Data from a government or regulatory authority, unless the law forbids it.",
    ),
    (
        "compelled_disclosure",
        "Where a public authority demands disclosure of Client Data, the Supplier shall first notify the "
        "Client and disclose only what the authority lawfully requires.",
    ),
    # audit: an attestation report handed to the discloser.
    (
        "audit",
        "Supplier shall have an independent auditor conduct an annual review of its internal controls in "
        "accordance with SSAE 18 and shall provide the Customer with a copy of its SOC 2 Type II report.",
    ),
    (
        "audit",
        "Upon Customer's written request, no more than once per year, Provider will make available to "
        "Customer its most recent SOC 1 report.",
    ),
    (
        "audit",
        "The Processor shall furnish to the Controller, on request, a copy of the audit report issued by its "
        "independent auditors under ISAE 3402.",
    ),
]

# Each look-alike scores no more than half, even in an NDA (where every duty is a
# confidentiality duty and the information requirement is lifted).
QUIET = [
    # use_limitation: a licence to use a service, software, site or product.
    (
        "use_limitation",
        "During the Subscription Term, Customer may access and use the Service solely for its internal "
        "business purposes.",
    ),
    (
        "use_limitation",
        "Licensee may use the Software only in object code form and only for the operation of its own "
        "business.",
    ),
    ("use_limitation", "You may use the Site only for lawful purposes and in accordance with these Terms."),
    (
        "use_limitation",
        "Developer agrees to use the Developer Program Marketplace solely for the purposes permitted by this "
        "Agreement.",
    ),
    (
        "use_limitation",
        "Subject to the terms hereof, Customer may (a) access and use the Cloud Service; and (b) copy and "
        "use the included Documentation only as needed to access and use the Cloud Service.",
    ),
    (
        "use_limitation",
        "Licensee shall not: (a) rent or lease the Software; (b) use the Software for any purpose other than "
        "its internal operations.",
    ),
    # remedies: injunction in a list of legal orders.
    (
        "remedies",
        "Seller is not subject to any judgment, order, injunction or decree of any court that would prevent "
        "the consummation of the transactions contemplated hereby.",
    ),
    (
        "remedies",
        "No writ, injunction, decree or ruling of any governmental authority shall be in effect that "
        "restrains the Closing.",
    ),
    (
        "remedies",
        "The Licensor shall comply with every order, injunction, judgment or decree applicable to the "
        "Licensed Property.",
    ),
    # remedies: a forum rule for claims for injunctive or equitable relief.
    (
        "remedies",
        "However, any claim for injunctive relief with respect to a violation of Section 4 may be brought in "
        "any jurisdiction.",
    ),
    (
        "remedies",
        "The courts of England shall have exclusive jurisdiction, save that any party may seek injunctive "
        "relief in the courts of any country.",
    ),
    # compelled_disclosure: a data subject's request, or a regulator's access to premises, is no
    # disclosure the law compels.
    (
        "compelled_disclosure",
        "The Processor shall assist the Controller in responding to any request for access to personal data "
        "made by a data subject.",
    ),
    (
        "compelled_disclosure",
        "The Supplier shall permit access to its premises by any regulatory authority having jurisdiction "
        "over the Customer.",
    ),
    # compelled_disclosure: data kept, retained or processed as the law requires: nothing disclosed.
    (
        "compelled_disclosure",
        "The Company may retain the Developer's registration information as required by applicable law.",
    ),
    (
        "compelled_disclosure",
        "Processor shall keep records of all processing activities for as long as required under applicable "
        "data protection laws.",
    ),
    (
        "compelled_disclosure",
        "The Bank shall preserve all transaction records for such period as may be required by the "
        "applicable banking regulations.",
    ),
    (
        "compelled_disclosure",
        "The Supplier shall store the Personal Data within the European Economic Area unless otherwise "
        "required by law.",
    ),
]

FIRES = [
    (
        "compelled_disclosure",
        "order_of_authority",
        "The Recipient may disclose Evaluation Material pursuant to the order or requirement of a court.",
    ),
    (
        "audit",
        "report_provided",
        "Provider shall deliver to Client a copy of its SSAE 16 report each year.",
    ),
]

# Disclosure required by law, said beside retention, is still the element.
STILL_FOUND = [
    (
        "compelled_disclosure",
        "To the extent required by law, the Recipient may disclose Confidential Information, provided that "
        "it first gives the Discloser prompt written notice.",
    ),
    (
        "compelled_disclosure",
        "If the Receiving Party is required by a subpoena to disclose any Confidential Information, it shall "
        "notify the Disclosing Party so that it may seek a protective order.",
    ),
]


@pytest.mark.parametrize(("element", "text"), FOUND + STILL_FOUND)
def test_rules_cues2_forms_found(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score >= COUNTS


@pytest.mark.parametrize(("element", "text"), QUIET)
def test_rules_cues2_look_alikes_stay_low_even_in_an_nda(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text, enforce_requires=False).score < COUNTS


@pytest.mark.parametrize(("element", "cue", "text"), FIRES)
def test_rules_cues2_cue_fires(element: str, cue: str, text: str) -> None:
    assert cue in {fired.name for fired in apply_rules(elements()[element], text).cues}


# The regulator-only audit, with the authorities in the plural or named after the audit.
REGULATOR_ONLY = [
    "The records maintained under this Agreement shall be available at all times for examination and audit "
    "by governmental agencies having jurisdiction over the Bank.",
    "Supervisory authorities may inspect the Processor's facilities to verify compliance with the data "
    "protection laws.",
    "The Supplier's books and systems shall be open to inspection by the regulators of the Customer.",
]


@pytest.mark.parametrize("text", REGULATOR_ONLY)
def test_rules_cues2_regulator_only_audit_is_weak(text: str) -> None:
    result = apply_rules(elements()["audit"], text)
    assert "the audit right belongs only to a regulator" in result.weak_reasons


def test_rules_cues2_customer_and_its_regulators_audit_is_not_weak() -> None:
    text = (
        "The Customer and its regulators may audit the Supplier's systems and records to verify compliance "
        "with this Agreement."
    )
    assert apply_rules(elements()["audit"], text).weak_reasons == ()
