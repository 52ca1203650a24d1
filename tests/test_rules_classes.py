"""clauses.detect.rules: the classes of real drafting the detection issue names, in our own words.

Each case stands for a class of wording found among the study half's errors
(never one document's sentence): use limitation inside a multi-duty sentence or
a list under "shall not:", implicit scope, personnel who "agree to" keep it,
breach notice of access "not authorized", disclosure "by operation of law"; and
the look-alikes: licence restrictions, liability carve-outs, staff undertakings
"with the same level of protection", entire-agreement clauses, quality
inspections and a period counted from the agreement's own Effective Date.
Every sentence was written for this file.
"""

from __future__ import annotations

import pytest

from clauses.detect.rules import apply_rules
from clauses.elements import elements
from clauses.judge import ONLY_DEFINES

COUNTS = 0.5

FOUND = [
    (
        "definition",
        "All information that the Seller gives the Buyer about the Premises is confidential and may serve "
        "only to assess the purchase.",
    ),
    (
        "breach_notice",
        "The Contractor will at once inform the Agency by e-mail of any access to or copying of Agency "
        "records not authorized under this contract.",
    ),
    ("compelled_disclosure", "(c) information which must be disclosed by operation of law."),
    (
        "use_limitation",
        "Any test batches supplied under this letter shall only be used in the evaluation of the Compound.",
    ),
    ("use_limitation", "(c) use any of the Evaluation Material except as needed to assess the Proposal."),
    (
        "use_limitation",
        "The Adviser shall not, during the engagement or at any later time, publish, divulge or pass on to "
        "any person any of the Firm's secrets, or use them for its own advantage.",
    ),
    (
        "use_limitation",
        "The Visitor will not, during or after the visit, (a) copy any Plans nor (b) use any Plans except to "
        "prepare its bid.",
    ),
    (
        "use_limitation",
        "The Employee shall not at any time reveal to any person, or use for his or her own account, any "
        "secret of the Company.",
    ),
    (
        "third_party",
        "The Seller shall not, at any time after the Closing, print, publish or divulge to any person the "
        "Buyer's trade secrets.",
    ),
    (
        "personnel",
        "The Recipient may pass the Information to its lawyers and accountants who agree to keep it "
        "confidential.",
    ),
]

QUIET = [
    ("third_party", "You may not copy, transfer, sublicense, resell or rent the Software."),
    (
        "compelled_disclosure",
        "EXCEPT AS REQUIRED BY LAW, THE PROVIDER WILL NOT BE LIABLE FOR ANY INDIRECT OR SPECIAL DAMAGES.",
    ),
    (
        "safeguards",
        "Each party will ensure that its advisers who see the Information are bound by written duties which "
        "provide at least the same level of protection as this letter.",
    ),
    (
        "personnel",
        "This Agreement supersedes every earlier proposal and understanding on its subject matter, "
        "including any confidentiality or non-disclosure agreements.",
    ),
    (
        "audit",
        "The Licensor may inspect the Licensee's facilities at any time to verify compliance with the "
        "quality standards for the licensed trade marks.",
    ),
    (
        "post_termination",
        "The Receiving Party's duties regarding Confidential Information will continue for three years "
        "from the Effective Date.",
    ),
]


@pytest.mark.parametrize(("element", "text"), FOUND)
def test_rules_classes_found(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score >= COUNTS


@pytest.mark.parametrize(("element", "text"), QUIET)
def test_rules_classes_look_alikes_stay_low(element: str, text: str) -> None:
    assert apply_rules(elements()[element], text).score < COUNTS


def test_rules_classes_description_without_defined_term_is_weak() -> None:
    described = apply_rules(elements()["definition"], FOUND[0][1])
    assert "no defined term: the information is only described" in described.weak_reasons
    defined = apply_rules(
        elements()["definition"],
        '"Confidential Information" means all data the Seller gives, and all such data is confidential.',
    )
    assert "no defined term: the information is only described" not in defined.weak_reasons


def test_rules_classes_period_after_termination_still_counts() -> None:
    text = (
        "The Receiving Party's duties regarding Confidential Information will continue for three years "
        "after the termination of this letter."
    )
    assert apply_rules(elements()["post_termination"], text).score >= COUNTS


def test_rules_classes_disclosure_by_operation_of_law_without_notice_is_weak() -> None:
    result = apply_rules(elements()["compelled_disclosure"], FOUND[2][1])
    assert result.weak_reasons == ("disclosure required by law is allowed with no notice duty",)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            '"Confidential Information" means information disclosed in writing and marked with a suitable '
            'stamp or legend designating it as "Confidential".',
            "covers only information marked confidential in writing",
        ),
        (
            '"Proprietary Information" means information marked as proprietary, and information disclosed '
            "orally that is identified as proprietary when disclosed.",
            "covers only information marked confidential in writing",
        ),
        (
            '"Confidential Information" has the meaning given to it in the Share Purchase Agreement.',
            "the term is defined in another document",
        ),
    ],
)
def test_rules_classes_definition_weak_wording(text: str, reason: str) -> None:
    assert reason in apply_rules(elements()["definition"], text).weak_reasons


def test_rules_classes_definition_by_reference_within_this_agreement_is_not_weak() -> None:
    text = '"Confidential Information" has the meaning given in Section 1 of this Agreement.'
    assert apply_rules(elements()["definition"], text).weak_reasons == ()


@pytest.mark.parametrize(
    "text",
    [
        "Nothing in this clause reduces or limits the Supplier's obligations concerning personal data held "
        "in its backups under applicable data protection laws.",
        "Nothing contained herein shall be construed to diminish or otherwise limit any obligation of Vendor "
        "with respect to Personal Information processed hereunder pursuant to Applicable Privacy Laws.",
        "Nothing in this Schedule shall relieve the Contractor of any of its obligations in respect of "
        "personal data which it processes on behalf of the Authority under the Data Protection Legislation.",
    ],
)
def test_rules_classes_data_protection_saved_in_passing_is_weak(text: str) -> None:
    """A clause that only preserves obligations under data protection law imposes none of its own."""
    result = apply_rules(elements()["data_protection"], text)
    assert "data protection is referred to only in passing" in result.weak_reasons


def test_rules_classes_data_protection_own_duty_is_not_in_passing() -> None:
    text = (
        "The Processor shall comply with the Data Protection Legislation and shall process Personal Data "
        "only on the documented instructions of the Controller."
    )
    assert apply_rules(elements()["data_protection"], text).weak_reasons == ()


@pytest.mark.parametrize(
    "text",
    [
        "The recipient will use reasonable and diligent efforts to safeguard the information from loss.",
        "Recipient shall exert its best and most diligent efforts to safeguard all Proprietary Information "
        "against disclosure.",
        "The Receiving Party shall use all reasonable endeavours to safeguard the Confidential Information "
        "against unauthorised disclosure.",
    ],
)
def test_rules_classes_safeguards_efforts_to_safeguard_is_weak(text: str) -> None:
    """Efforts, however many adjectives, are no standard of care (the spec's weak test)."""
    result = apply_rules(elements()["safeguards"], text)
    assert "only 'reasonable efforts' with no standard of care" in result.weak_reasons


@pytest.mark.parametrize(
    "text",
    [
        "The Receiving Party shall use reasonable endeavours, and in any event no less than reasonable care, "
        "to protect the Information.",
        "Each party will protect the other's information with appropriate technical and organisational "
        "safeguards and will use its best efforts to prevent loss.",
    ],
)
def test_rules_classes_safeguards_efforts_with_a_standard_is_not_weak(text: str) -> None:
    assert apply_rules(elements()["safeguards"], text).weak_reasons == ()


@pytest.mark.parametrize(
    "text",
    [
        '7. "Personal Data" has the meaning given to it in the Data Protection Laws.',
        '(b) "Applicable Privacy Laws" shall mean all statutes and regulations of any jurisdiction governing '
        "the privacy of individuals, including the CCPA.",
        '"Data Protection Legislation" means the UK GDPR and the Data Protection Act 2018.',
    ],
)
def test_rules_classes_data_protection_definition_alone_is_in_passing(text: str) -> None:
    """A clause that only defines the data or the law imposes no duty to comply with it."""
    result = apply_rules(elements()["data_protection"], text)
    assert result.weak_reasons == (ONLY_DEFINES,)


def test_rules_classes_data_protection_defined_with_a_duty_is_not_in_passing() -> None:
    text = (
        '"Data Protection Laws" means the GDPR, and the Supplier shall comply with the Data Protection Laws '
        "when it processes Customer Personal Data."
    )
    assert apply_rules(elements()["data_protection"], text).weak_reasons == ()


@pytest.mark.parametrize(
    "text",
    [
        "The Recipient may disclose the Information to its advisers and consultants, and as required by law.",
        "Nothing herein shall prevent Recipient from disclosing Proprietary Information to its legal "
        "advisors or accountants or as may be required by applicable law or regulation.",
        "The Consultant may disclose Confidential Information to its consultants where compelled by law.",
    ],
)
def test_rules_classes_compelled_disclosure_to_advisers_without_notice_is_weak(text: str) -> None:
    """The receiver's own "advisers" and "consultants" are no notice to the discloser."""
    result = apply_rules(elements()["compelled_disclosure"], text)
    assert result.weak_reasons == ("disclosure required by law is allowed with no notice duty",)


def test_rules_classes_compelled_disclosure_after_advising_the_discloser_is_not_weak() -> None:
    text = (
        "If compelled by law to disclose any Information, the Recipient shall first advise the Discloser and "
        "consult with it on the steps to take."
    )
    assert apply_rules(elements()["compelled_disclosure"], text).weak_reasons == ()


@pytest.mark.parametrize(
    "text",
    [
        "Each party shall maintain strict confidentiality regarding the other party's business, customers "
        "and know-how learned during the talks.",
        "The Consultant shall observe absolute secrecy as to the affairs and dealings of the Company.",
        "The Licensee shall keep confidentiality in respect of the Licensor's operations and customers.",
    ],
)
def test_rules_classes_description_inside_the_duty_is_weak(text: str) -> None:
    described = apply_rules(elements()["definition"], text)
    assert described.score >= COUNTS
    assert "no defined term: the information is only described" in described.weak_reasons


def test_rules_classes_duty_over_a_defined_term_is_not_a_description() -> None:
    text = "The Recipient shall maintain the confidentiality of all Confidential Information of the Company."
    assert "no defined term: the information is only described" not in apply_rules(
        elements()["definition"], text
    ).weak_reasons
