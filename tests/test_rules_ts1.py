"""clauses.detect.rules: classes of real wording studied on ContractNLI's train-sample (issue 11).

The classes, each in several drafting styles of our own: use limitation said with "use" as a
noun ("make no commercial use", "not make use of, copy or reveal ... except") or in the passive
("shall not be copied, passed to others or used except"); survival stated after the end without "survive"
("Notwithstanding expiry ..., shall keep every Trade Secret in strict confidence", "Expiry ...
will not, however, affect the duty of secrecy", retained copies that "stay bound by" or
"continue to be governed by" the duties of confidentiality); a template's blank for the survival
period ("[__] year(s)"); disclosure "in response to judicial action"; the notice of a compelled
disclosure read across "such order" and in a lead-in's items; the agreement's own disclosure
period, a termination notice period and duties counted from the Effective Date, none of them
survival (the last cancels the classifier's word); and the personnel look-alikes: a standard of
care "at least as strict as" the receiver's own, and the parties' own promise. Every sentence was
written for this file.
"""

from __future__ import annotations

import pytest
from detect_fixtures import ConstantModel, one_clause_nda

from clauses.detect import detect
from clauses.detect.quantities import survival_periods
from clauses.detect.rules import apply_rules
from clauses.elements import elements

COUNTS = 0.5
NO_NOTICE = "disclosure required by law is allowed with no notice duty"

FOUND = [
    (
        "use_limitation",
        "The Bidder will not make use of, copy, publish or in any manner reveal the Data Room contents to "
        "any person or company, except as far as needed to prepare its bid.",
    ),
    (
        "use_limitation",
        "Neither the Consultant nor its staff shall at any time make any commercial or private use of, "
        "reproduce or communicate to others (save as the Client approves in writing) any Client Information.",
    ),
    (
        "use_limitation",
        "The Licensee will make no commercial use whatsoever of the Samples unless the Owner first agrees "
        "in writing.",
    ),
    (
        "use_limitation",
        "All Technical Data received by the Buyer shall be held in confidence and shall not be copied, "
        "passed to others or used except in preparing the Tender.",
    ),
    (
        "use_limitation",
        "The Member shall keep the Records secret and not publish or make any use of them beyond the tasks "
        "of the Working Group.",
    ),
    ("use_limitation", "The Partner shall not reproduce, publish or use the Know-How for its sole benefit."),
    (
        "post_termination",
        "Notwithstanding expiry of this Letter, the Consultant shall keep every Trade Secret it has learnt "
        "in strict confidence.",
    ),
    (
        "post_termination",
        "Despite any termination of this Letter, the Bank's Information must be held in confidence by the "
        "Adviser.",
    ),
    (
        "post_termination",
        "Expiry of this letter will not, however, affect the Adviser's duty of secrecy.",
    ),
    (
        "post_termination",
        "Each side's secrecy undertakings about the Information last for [__] year(s) following expiry of "
        "this letter.",
    ),
    (
        "post_termination",
        "The Recipient's duties of secrecy apply for 3 year(s) after expiry of this Agreement.",
    ),
    (
        "use_limitation",
        "Neither bidder may reproduce the Drawings, or use them for its sole benefit, unless the Authority "
        "agrees.",
    ),
    (
        "post_termination",
        "On request the Recipient shall return the Data, but may keep a single file copy, and that copy "
        "shall stay bound by the confidentiality terms.",
    ),
    (
        "post_termination",
        "Any notes kept by the Adviser will continue to be governed by the duties of confidentiality in "
        "clause 2.",
    ),
    (
        "compelled_disclosure",
        "(c) is produced in response to judicial action brought against the Supplier, provided the Supplier "
        "tells the Buyer first.",
    ),
    (
        "compelled_disclosure",
        "Information that is revealed in response to a governmental requirement or court proceedings is not "
        "covered, if the Recipient gives the Owner prompt notice.",
    ),
]

QUIET = [
    # Return after the end is not survival.
    (
        "post_termination",
        "Following termination of this Agreement, the Recipient shall return all Confidential Information to "
        "the Discloser.",
    ),
    # Kept samples under another contract's terms: no confidentiality duty outlasts anything.
    (
        "post_termination",
        "The Recipient may keep the Samples, which shall remain subject to the terms of the Purchase Order.",
    ),
    # Money owed, not a duty over information.
    (
        "post_termination",
        "Termination shall not, however, affect the Customer's duty to pay fees accrued before that date.",
    ),
    # A licence to make use of a product is not a limit on the use of information.
    ("use_limitation", "The Customer may make use of the Portal for its internal business operations."),
    # A standard of care measured against the receiver's own is safeguards, not staff bound.
    (
        "personnel",
        "The Adviser shall guard the Data with safeguards at least as strict as the ones it applies to its "
        "own trade secrets.",
    ),
    (
        "personnel",
        "The Bank must protect the Information using measures no less protective than those the Bank "
        "applies to its own customer records.",
    ),
    # The parties' own promise: "they" are the parties, not their staff.
    ("personnel", "Both parties acknowledge that they are bound to keep the negotiations secret."),
]


@pytest.mark.parametrize(("element", "text"), FOUND)
def test_rules_ts1_found(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score >= COUNTS


def test_rules_ts1_staff_bound_as_protectively_still_counts() -> None:
    text = (
        "The Recipient shall ensure its employees are bound by written obligations at least as protective "
        "as those in this Agreement."
    )
    assert apply_rules(elements()["personnel"], text).score >= COUNTS


@pytest.mark.parametrize(("element", "text"), QUIET)
def test_rules_ts1_look_alikes_stay_low(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score < COUNTS


@pytest.mark.parametrize(
    "text",
    [
        # The notice is in the sentence that set the provision up; the next narrows "such order".
        "Should a binding, final, judicial or administrative process oblige the Vendor to hand over Client "
        "Data, the Vendor will tell the Client straight away. The Vendor will hand over only the least part "
        "necessary to comply with such order.",
        "Where a court or regulator compels the Agent to reveal Principal Information, the Agent will tell "
        "the Principal at once. Any disclosure shall be limited to what is required by law to satisfy such "
        "demand.",
        # A lead-in whose conditions are in the items that follow it.
        "Where the Buyer is compelled under any statute or court order to reveal Evaluation Material, the "
        "Buyer shall:",
        "Should the Recipient be compelled by a subpoena to produce any Evaluation Material, it must, before "
        "doing so:",
    ],
)
def test_rules_ts1_compelled_notice_read_with_its_provision(text: str) -> None:
    result = apply_rules(elements()["compelled_disclosure"], text)
    assert result.score >= COUNTS
    assert NO_NOTICE not in result.weak_reasons


@pytest.mark.parametrize(
    "text",
    [
        # The notice in the sentence before is of a breach, not of the disclosure ("any disclosure"
        # starts a provision of its own).
        "The Recipient shall notify the Discloser of any unauthorised use. The Recipient may make any "
        "disclosure required by law.",
        "The Recipient may reveal such part of the Information as it is legally compelled to reveal.",
        # A colon that does not close the clause: the items are here and give no notice.
        "If required by law to disclose Information, the Recipient shall: (a) disclose only what is "
        "required by law; and (b) mark it confidential.",
    ],
)
def test_rules_ts1_compelled_without_notice_stays_weak(text: str) -> None:
    assert NO_NOTICE in apply_rules(elements()["compelled_disclosure"], text).weak_reasons


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # The period in which disclosures fall under the agreement is its own term, not survival.
        (
            "This Agreement governs the exchange of Information during a period of nine (9) months, and "
            "shall then end. The Recipient's duty of confidence under clause 3 shall continue for four (4) "
            "years after expiry or termination.",
            [4.0],
        ),
        (
            "This Agreement covers any disclosure of Data for a period of six (6) months and then expires. "
            "Each party's duties of secrecy survive for three (3) years after it expires.",
            [3.0],
        ),
        # A notice period to terminate, its "written" split by a PDF's line-end hyphen.
        (
            "Either side may terminate these terms on ninety (90) days writ-ten notice, but the duty of "
            "secrecy lasts while the Data stays secret.",
            [],
        ),
    ],
)
def test_rules_ts1_survival_period_not_the_agreements_own_term(text: str, years: list[float]) -> None:
    assert [q.value for q in survival_periods(text)] == years


def _survival_sections(text: str) -> list[str]:
    detections = detect(one_clause_nda(text, "Duration"), ConstantModel(0.95))
    found = next(d for d in detections if d.element == "post_termination")
    return [evidence.number for evidence in found.evidence]


@pytest.mark.parametrize(
    "text",
    [
        "The Supplier's obligations under clauses 2 and 3 shall extend for a period of four (4) years from "
        "the Effective Date of this Agreement.",
        "These duties of confidence continue for three years from the date of this Agreement.",
        "The Recipient's undertakings apply during a term of 24 months commencing on the Effective Date.",
    ],
)
def test_rules_ts1_a_term_from_signing_cancels_the_classifier_alone(text: str) -> None:
    # The agreement's own fixed term is not survival (spec): the classifier's word is scaled down.
    assert "2" not in _survival_sections(text)


@pytest.mark.parametrize(
    "text",
    [
        # Survival said with the period, and a template's choice of an open-ended duration.
        "The obligations survive termination and last for five years from the Effective Date.",
        "Each party's secrecy duties apply [in perpetuity][for [ ] years from signature of this letter].",
        # Despite an earlier end: the classifier decides.
        "Despite any earlier end of the negotiations, the Buyer's duty of secrecy runs for 2 years from "
        "signature.",
    ],
)
def test_rules_ts1_a_term_from_signing_leaves_survival_wording(text: str) -> None:
    assert "2" in _survival_sections(text)
