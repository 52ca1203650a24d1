"""Weak wording and whole documents from our own NDAs (tests/fixtures/own_ndas, issue 11).

The twelve agreements there were written and labelled by the spec before the
detector ran on them; the detector's real errors fell into classes of wording,
and each class is tested here in several drafting styles of our own, beyond the
fixture documents:

- scope with no defined term in plain words ("keep secret anything the other
  shares"): the spec's weak definition;
- a main channel that may receive the information with no duty flowing down
  when the permission reads "share ... with its affiliates", and such a
  permission makes the element weak wherever it sits (decisive);
- a breach stated as unauthorized disclosure, a violation or a failure to
  comply that only "may" lead to action.

Every sentence was written for this file. The last test evaluates the whole
fixture set against floors set below what was measured.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from detect_fixtures import out_of_bounds, own_set_figures, weak_reasons

from clauses.datamodel import WEAK, Cue, Detection, Evidence
from clauses.detect.rules import apply_rules
from clauses.elements import elements
from clauses.judge import judge_element
from clauses.pipeline import analyze_document, load_shipped_model
from clauses.profiles import load_profile
from clauses.segment import plain_document

FIXTURES = Path(__file__).parent / "fixtures" / "own_ndas"


DESCRIPTION_ONLY = [
    "Each of us will keep secret anything the other shares with us about its business.",
    "The Consultant shall keep confidential everything the Client tells it about its customers and prices.",
    "You agree to hold in confidence whatever we disclose to you about the Project, however it is disclosed.",
    "We will treat as confidential anything you show us during the site visit.",
]


@pytest.mark.parametrize("text", DESCRIPTION_ONLY)
def test_own_nda_scope_described_in_plain_words_is_weak(text: str) -> None:
    assert "no defined term: the information is only described" in weak_reasons("definition", text)


@pytest.mark.parametrize(
    "text",
    [
        "The Recipient shall keep confidential anything that falls within the Confidential Information.",
        "Each party shall keep secret everything that forms part of the Evaluation Material.",
    ],
)
def test_own_nda_anything_within_a_defined_term_is_not_description_only(text: str) -> None:
    assert "no defined term: the information is only described" not in weak_reasons("definition", text)


AFFILIATES_NO_DUTY = "affiliates, advisers or other third parties may receive it with no duty flowing down"


@pytest.mark.parametrize(
    "text",
    [
        "The Investor may freely share Confidential Information with its Affiliates and limited partners.",
        "Buyer may share the Evaluation Material with its affiliates, co-investors and lenders at any time.",
        "Each party may also share the other's information with any of its group companies and advisers.",
    ],
)
def test_own_nda_sharing_with_affiliates_with_no_duty_is_weak(text: str) -> None:
    assert AFFILIATES_NO_DUTY in weak_reasons("third_party", text)


@pytest.mark.parametrize(
    "text",
    [
        "The Investor may share Confidential Information with its Affiliates, provided that each is bound by "
        "confidentiality obligations no less protective than these.",
        "Buyer may share the Evaluation Material with its advisers, and shall be responsible for any breach "
        "by them.",
    ],
)
def test_own_nda_sharing_with_a_duty_flowing_down_is_not_weak(text: str) -> None:
    assert AFFILIATES_NO_DUTY not in weak_reasons("third_party", text)


@pytest.mark.parametrize(
    "text",
    [
        "The Bidder shall see that circulation of the information in the Memorandum is confined to its "
        "lenders and bankers.",
        "Sharing of the Seller's financial data must be restricted to the Purchaser's affiliates.",
    ],
)
def test_own_nda_disclosure_limited_to_advisers_is_a_limit_with_no_duty_flowing_down(text: str) -> None:
    result = apply_rules(elements()["third_party"], text)
    assert result.score >= 0.5
    assert AFFILIATES_NO_DUTY in result.weak_reasons


def test_own_nda_disclosure_limited_to_bound_staff_is_a_plain_limit() -> None:
    text = (
        "Disclosure of Confidential Information shall be restricted to employees who need to know it and "
        "who are bound by written confidentiality obligations."
    )
    result = apply_rules(elements()["third_party"], text)
    assert result.score >= 0.5
    assert AFFILIATES_NO_DUTY not in result.weak_reasons


MAY_LEAD = "the clause only says breach may lead to action"


@pytest.mark.parametrize(
    "text",
    [
        "Unauthorized disclosure of Confidential Information may result in termination of the contract and "
        "in civil and criminal penalties.",
        "Any violation of this undertaking may lead to disciplinary action.",
        "Breaches of these rules by a user may result in the suspension of the user's account.",
        "Failure to comply with these obligations may expose the Contractor to liability under state law.",
        "Non-compliance with this Agreement by the Recipient's staff may give rise to a claim for damages.",
    ],
)
def test_own_nda_violation_that_only_may_lead_to_action_is_weak(text: str) -> None:
    assert MAY_LEAD in weak_reasons("remedies", text)


@pytest.mark.parametrize(
    "text",
    [
        "Unauthorized disclosure of Confidential Information may subject the Contractor to civil and "
        "criminal penalties.",
        "Any violation of this undertaking may lead to disciplinary action against the Employee.",
        "Breach of this Agreement may result in legal action against the Recipient.",
    ],
)
def test_own_nda_a_breach_that_may_lead_to_action_is_a_weak_remedy(text: str) -> None:
    result = apply_rules(elements()["remedies"], text)
    assert result.score >= 0.5
    assert MAY_LEAD in result.weak_reasons


@pytest.mark.parametrize(
    "text",
    [
        "Failure to pay the fees may result in suspension of the Services.",
        "Failure to comply with this Agreement may result in its termination by the Discloser.",
    ],
)
def test_own_nda_termination_or_suspension_that_may_follow_is_no_remedy(text: str) -> None:
    assert apply_rules(elements()["remedies"], text).score < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "I understand that any violation of this agreement may lead to the loss of my access, and that the "
        "University may pursue civil or equitable remedies against me.",
        "Misuse of the records may result in dismissal; the Hospital may also seek damages or equitable "
        "relief.",
    ],
)
def test_own_nda_equitable_relief_the_discloser_may_seek_is_still_only_may(text: str) -> None:
    assert MAY_LEAD in weak_reasons("remedies", text)


@pytest.mark.parametrize(
    "text",
    [
        "A breach of this Agreement may result in harm to the Company, which shall have equitable relief "
        "in addition to damages.",
        "Any violation may lead to proceedings; equitable relief shall be available to the Discloser.",
    ],
)
def test_own_nda_equitable_relief_granted_is_not_only_may(text: str) -> None:
    assert MAY_LEAD not in weak_reasons("remedies", text)


def test_own_nda_violation_with_an_entitlement_to_injunction_is_not_weak() -> None:
    text = (
        "Any unauthorized disclosure may result in irreparable harm, and the Company shall be entitled to "
        "injunctive relief."
    )
    assert MAY_LEAD not in weak_reasons("remedies", text)


def _clause(weak: tuple[str, ...], number: str, cued: bool = True) -> Evidence:
    return Evidence(
        clause_id=f"c{number}",
        number=number,
        heading="",
        page=None,
        start=100,
        end=200,
        score=0.9,
        rule_score=0.9,
        model_score=0.9,
        cues=(Cue("x", "some_cue", 0.8, 110, 120),) if cued else (),
        weak_signals=weak,
    )


def test_own_nda_affiliates_free_to_receive_make_third_party_weak_beside_a_plain_limit() -> None:
    """A plain "shall not disclose" in one clause does not cure a permission, in another, for
    affiliates to receive the information with no duty: the spec's weak test is about a
    channel the contract opens, wherever it opens it."""
    detection = Detection("third_party", 0.9, (_clause((), "4"), _clause((AFFILIATES_NO_DUTY,), "5")))
    result = judge_element(detection, load_profile("nda"))
    assert result.status == WEAK
    assert AFFILIATES_NO_DUTY in result.reason


def test_own_nda_a_remedy_only_the_classifier_reads_does_not_clear_may_lead() -> None:
    """A statutory-penalty notice the classifier alone scores as a remedy gives the discloser
    nothing: the clause that says a breach only "may" lead to action still decides."""
    detection = Detection("remedies", 0.9, (_clause((MAY_LEAD,), "10.1"), _clause((), "10.2", cued=False)))
    assert judge_element(detection, load_profile("nda")).status == WEAK


def test_own_nda_other_weak_signals_still_need_every_clause() -> None:
    """A capped-damages clause beside an injunction clause is not the only remedy: not weak."""
    detection = Detection(
        "remedies", 0.9, (_clause((), "9"), _clause(("the only remedy is capped damages",), "10"))
    )
    assert judge_element(detection, load_profile("nda")).status != WEAK


CROSS_REFERENCE = """CLEAN TEAM LETTER

1. Definitions.

(a) "Sensitive Data" means any pricing, cost, capacity or customer information of a party, in any \
form, whether or not designated.

(b) "Clean Team" means the outside counsel and economists listed in Schedule 1.

(c) {}

2. Access. Sensitive Data shall be made available only to the Clean Team, and no party shall \
disclose it to any other person.

3. Use. The Clean Team shall use Sensitive Data solely for the antitrust review of the merger.
"""


@pytest.mark.parametrize(
    "reference",
    [
        "Capitalized terms used but not defined in this Agreement have the meanings given in the "
        "Confidentiality Agreement.",
        "Any capitalized term not defined herein shall have the meaning ascribed to it in the "
        "Confidentiality Agreement.",
    ],
)
def test_own_nda_a_cross_reference_to_the_confidentiality_agreement_is_not_the_scope_quoted(
    reference: str,
) -> None:
    """The scope quoted is the clause that defines the term, not boilerplate that sends undefined
    terms to "the Confidentiality Agreement" (it names confidentiality and defines nothing)."""
    document = plain_document(CROSS_REFERENCE.format(reference), path="c.txt", fmt="text", sha256="")
    model = load_shipped_model(None)
    analysis = analyze_document(document, load_profile("nda"), model=model, suggestions=False)
    result = next(r for r in analysis.elements if r.element == "definition")
    top = result.evidence[0]
    assert '"Sensitive Data" means' in analysis.document.text[top.start : top.end]


@pytest.mark.parametrize(
    "text",
    [
        "Even after the Recipient ceases to be engaged by the Company, it shall keep the Confidential "
        "Information secret.",
        "After the Employee leaves the employ of the Company, he shall not disclose any trade secret of the "
        "Company.",
        "Once the Consultant is no longer retained by the Client, the Consultant will continue to hold all "
        "Client information in confidence.",
        "The Contractor shall not, after it has ceased to be engaged on the Project, use or disclose any "
        "Project Information.",
    ],
)
def test_own_nda_duties_after_the_person_stops_working_for_the_discloser(text: str) -> None:
    """The end of employment or engagement told as what the person does ("ceases to be engaged",
    "leaves the employ", "is no longer retained"), not as the employment ending."""
    assert apply_rules(elements()["post_termination"], text).score >= 0.5


def test_own_nda_a_payment_after_employment_ends_is_not_survival() -> None:
    text = "After the Employee ceases to be employed, the Company shall pay any accrued holiday pay."
    assert apply_rules(elements()["post_termination"], text).score < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Recipient's compliance with this Agreement may be audited by Discloser or its designee.",
        "The Contractor's adherence to these security terms shall be subject to verification and may be "
        "inspected by the Agency at any time.",
        "The Recipient agrees that its compliance with Section 4 may be reviewed by the Owner once a year.",
        "Compliance by the Receiving Party with its obligations hereunder can be checked by the Disclosing "
        "Party on reasonable notice.",
    ],
)
def test_own_nda_compliance_that_may_be_audited_by_the_discloser(text: str) -> None:
    """The audit right in the passive voice: the receiver's compliance "may be audited by" the
    discloser."""
    assert apply_rules(elements()["audit"], text).score >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Upon request, the Recipient shall give the Discloser access to the places where the Confidential "
        "Information is kept.",
        "The Recipient shall permit representatives of the Owner to enter the premises at which the Drawings "
        "are stored.",
        "The Supplier will allow the Bank to visit any site in which Bank Data is processed.",
        "The Recipient shall permit the Discloser's officers to visit its offices during business hours to "
        "see how the Confidential Information is stored.",
    ],
)
def test_own_nda_access_to_where_the_information_is_kept(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "The Recipient shall cooperate with any review by the Discloser of the Recipient's handling of "
        "Confidential Information.",
        "The Consultant will assist in an inspection carried out by the Client of its storage of Client "
        "data.",
        "On request, the Recipient shall tell the Discloser which of its employees have seen the "
        "Confidential Information.",
        "Each party shall, if asked, identify to the other who has had access to the shared data.",
    ],
)
def test_own_nda_reviews_by_the_discloser_and_who_has_seen_it(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "The Customer shall give the Supplier access to its premises to install the Equipment.",
        "The Landlord may enter the premises at which the goods are stored to carry out repairs.",
        "The Buyer may visit the plant to see how the goods are packed.",
        "Each party shall tell the other which of its employees have been appointed as contacts.",
    ],
)
def test_own_nda_access_for_another_purpose_is_not_audit(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Recipient shall take appropriate action, by instruction, agreement or otherwise, with its employees "
        "to satisfy its obligations under this Agreement.",
        "Each party will take reasonable steps by instruction or agreement with its personnel to ensure that "
        "they keep the other's information confidential.",
        "The Receiving Party shall enforce the confidentiality agreements with its employees for the benefit "
        "of the Disclosing Party.",
        "The Consultant shall enforce, at its own cost, the non-disclosure undertakings signed by its "
        "contractors.",
    ],
)
def test_own_nda_staff_bound_by_instruction_or_agreement_or_their_agreements_enforced(text: str) -> None:
    assert apply_rules(elements()["personnel"], text).score >= 0.5


# Measured on the twelve fixture agreements at the end of this round (shipped model):
# macro-F1 0.997, weak-flag accuracy 0.976, evidence hit 0.976, all 13 verdicts right 9 of 12,
# false 'missing' 0.00 per contract, right among unflagged 98.5%, flagged 14.1%. Each floor sits a
# stated tolerance below (or each ceiling above) the measure, never at it: 0.03 for the rates
# over 156 verdicts, one contract for the per-contract figures, 0.02 and 5 points for review.
FIXTURE_FLOORS = {
    "macro_f1": 0.997 - 0.03,
    "weak_accuracy": 0.976 - 0.03,
    "evidence_hit_rate": 0.976 - 0.03,
    "all_right": (9 - 1) / 12 - 0.001,
    "unflagged_right": 0.985 - 0.02,
}
FIXTURE_CEILINGS = {"false_missing_per_contract": 0.0 + 1 / 12 + 0.001, "flagged_share": 0.141 + 0.05}


def test_own_nda_fixture_set_stays_above_its_floors() -> None:
    """The whole labelled set of our own NDAs (labels written by the spec before the detector ran):
    a later change that breaks these documents shows here."""
    measured = own_set_figures(FIXTURES, 12)
    outside = out_of_bounds(measured, FIXTURE_FLOORS, FIXTURE_CEILINGS)
    assert not outside, f"below a floor or above a ceiling: {outside}"
