"""Weak wording, look-alikes and whole documents from our second set of own NDAs (issue 11).

The twelve documents in tests/fixtures/own_ndas2 were written and labelled by the spec
before the detector ran on them (a held-out check of the first round's fixes). The
detector's real errors fell into classes of wording; each class is tested here with
sentences of our own in several drafting styles, beyond the fixture documents, and the
whole set is evaluated against floors set below what was measured.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from detect_fixtures import cue_names, out_of_bounds, own_set_figures, weak_reasons

from clauses.datamodel import WEAK
from clauses.detect.rules import apply_rules
from clauses.elements import elements
from clauses.pipeline import analyze_document, load_shipped_model
from clauses.profiles import load_profile
from clauses.segment import plain_document

FIXTURES = Path(__file__).parent / "fixtures" / "own_ndas2"


# "Permanently" that says how a copy is destroyed is not a duty without end: a process letter's
# "destroy all Process Information held by it ..., permanently delete all downloads" read as survival.
PERMANENT_DESTRUCTION = [
    "On request the Recipient shall permanently delete all Confidential Information held on its servers.",
    "Every copy kept by the Supplier must be permanently erased within thirty days after the contract ends.",
    "The Receiving Party will shred paper records it holds and permanently remove the scans from its tapes.",
    "Bidders shall destroy the materials held by their advisers and permanently wipe any downloaded files.",
]


@pytest.mark.parametrize("text", PERMANENT_DESTRUCTION)
def test_own_nda2_permanent_deletion_is_not_a_duty_without_end(text: str) -> None:
    assert not cue_names("post_termination", text) & {"perpetual", "duty_without_end"}


@pytest.mark.parametrize(
    "text",
    [
        "The Recipient shall hold the Confidential Information in confidence permanently.",
        "These undertakings are perpetual and survive the end of the engagement.",
    ],
)
def test_own_nda2_a_duty_held_permanently_still_reads_as_one(text: str) -> None:
    assert cue_names("post_termination", text) & {"perpetual", "duty_without_end"}


# The spec's audit look-alikes: a supplier's quality or ethical-sourcing evidence, and an
# investor's or lender's inspection of the company it funds (the receiver inspects the discloser).
NOT_AUDIT = [
    "The Vendor shall make available its current ISO 9001 certificate and its latest quality audit report.",
    "Supplier will share the results of any third-party social compliance audit of its factories.",
    "The Manufacturer shall allow Buyer to review its ethical trading audit reports on request.",
    "Each Major Investor shall be entitled to visit and inspect the Company's properties and books.",
    "The Lender may at any reasonable time inspect the Borrower's premises and records.",
    "Holders of Preferred Stock may examine the Corporation's books and records during business hours.",
]


@pytest.mark.parametrize("text", NOT_AUDIT)
def test_own_nda2_quality_and_investor_inspections_are_not_audit(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "The Discloser may audit the Recipient's compliance with this Agreement on reasonable notice.",
        "The Company may inspect the Consultant's systems and records to verify compliance with Section 4.",
    ],
)
def test_own_nda2_a_discloser_audit_still_reads_as_audit(text: str) -> None:
    assert apply_rules(elements()["audit"], text).score > 0.0


REGULATOR_ONLY = "the audit right belongs only to a regulator"


@pytest.mark.parametrize(
    "text",
    [
        "The Processor shall make available to the Data Protection Commission, on request, all information "
        "necessary to demonstrate compliance and shall submit to its inspections.",
        "The Contractor shall make its processing records available to the Information Commissioner for "
        "inspection and audit.",
        "Records of access shall be produced to the Privacy Commissioner, who may audit them.",
    ],
)
def test_own_nda2_records_open_only_to_a_named_data_protection_authority_are_weak_audit(text: str) -> None:
    assert REGULATOR_ONLY in weak_reasons("audit", text)


MARKED_ONLY = "covers only information marked confidential in writing"


@pytest.mark.parametrize(
    "text",
    [
        '"Confidential Information" means documents marked "Confidential" when delivered. Information '
        "disclosed orally or in any unmarked form is not Confidential Information.",
        '"Proprietary Information" means drawings that bear a proprietary legend; unmarked drawings shall '
        "not be Proprietary Information.",
        '"Confidential Information" means written material identified as confidential. Material that is not '
        "marked does not constitute Confidential Information.",
    ],
)
def test_own_nda2_unmarked_information_shut_out_leaves_a_marked_only_scope(text: str) -> None:
    assert MARKED_ONLY in weak_reasons("definition", text)


def test_own_nda2_unmarked_information_let_in_is_no_marked_only_scope() -> None:
    text = '"Confidential Information" means all information, whether marked as confidential or unmarked.'
    assert MARKED_ONLY not in weak_reasons("definition", text)


CAPPED = "the only remedy is capped damages"


@pytest.mark.parametrize(
    "text",
    [
        "The Recipient's total aggregate liability arising under or in connection with this letter, "
        "whether in "
        "contract, tort (including negligence), misrepresentation, breach of statutory duty or otherwise, "
        "shall not exceed ten thousand dollars.",
        "The Discloser's sole and exclusive remedy for any breach of this Agreement shall be recovery of its "
        "direct damages, up to the amount stated in Section 9.",
        "Licensor's only remedy for a breach of these confidentiality terms is damages.",
    ],
)
def test_own_nda2_capped_or_sole_damages_are_weak_remedies(text: str) -> None:
    assert CAPPED in weak_reasons("remedies", text)


def test_own_nda2_a_sole_remedy_of_an_injunction_is_not_capped_damages() -> None:
    text = "The Discloser's sole remedy shall be an injunction, and no damages shall be payable."
    assert CAPPED not in weak_reasons("remedies", text)


EXCLUSIONS_LIST = """MUTUAL NON-DISCLOSURE AGREEMENT

1. Definition. "Confidential Information" means all business and technical information that either
party discloses to the other, in any form, whether or not marked.

2. Duties. Each party shall hold the other's Confidential Information in confidence, shall not
disclose it to any third party, and shall use it only to evaluate the proposed collaboration.

3. Carve-outs. The duties in Section 2 do not apply to information that:
(a) is or becomes public through no fault of the receiving party;
(b) was lawfully known to the receiving party before it was disclosed;
{third}

4. Law. This Agreement is governed by the laws of the State of New York.
"""


def _exclusions_status(third: str) -> str:
    document = plain_document(EXCLUSIONS_LIST.format(third=third), path="x.txt", fmt="text", sha256="")
    model = load_shipped_model(None)
    analysis = analyze_document(document, load_profile("nda"), model=model, suggestions=False)
    return next(r for r in analysis.elements if r.element == "exclusions").status


@pytest.mark.parametrize(
    "third",
    [
        "(c) the receiving party determines in its judgement to be non-confidential.",
        "(c) the Recipient, acting reasonably, considers is not confidential.",
    ],
)
def test_own_nda2_one_unbounded_item_weakens_the_whole_list_of_exclusions(third: str) -> None:
    """The unbounded item sits beside a plain public-domain item of the same list: the spec's weak
    test reads the list, so the plain item does not clear it."""
    assert _exclusions_status(third) == WEAK


def test_own_nda2_a_list_of_bounded_exclusions_is_not_weak() -> None:
    assert _exclusions_status("(c) is developed independently, without use of the other's data.") != WEAK


DESCRIBED = "no defined term: the information is only described"


@pytest.mark.parametrize(
    "text",
    [
        "Each party shall keep confidential the existence and terms of this letter and all business, "
        "technical and financial information it receives from the other.",
        "The Investor will hold in confidence the fact of these discussions and any information about the "
        "Company's customers that it learns.",
        "Both sides shall treat as confidential the draft heads of terms and all data exchanged in due "
        "diligence.",
    ],
)
def test_own_nda2_information_described_after_the_deal_itself_is_description_only(text: str) -> None:
    assert DESCRIBED in weak_reasons("definition", text)


def test_own_nda2_the_deal_and_the_defined_term_kept_confidential_is_not_description_only() -> None:
    text = "Each party shall keep confidential the terms of this Agreement and all Confidential Information."
    assert DESCRIBED not in weak_reasons("definition", text)


@pytest.mark.parametrize(
    "text",
    [
        "Confidential Information of a party (Discloser) means all information of any kind, oral or written.",
        "Confidential Information means any information, in whatever form, that one party gives the other.",
        "Proprietary Information of the Disclosing Party includes its formulae, customer lists and prices.",
    ],
)
def test_own_nda2_an_unquoted_term_opening_its_definition_is_read_as_one(text: str) -> None:
    assert "unquoted_term_means" in cue_names("definition", text)


def test_own_nda2_a_duty_that_only_names_the_term_is_not_an_unquoted_definition() -> None:
    text = "Where the Recipient's Confidential Information includes personal data, it must obey the law."
    assert "unquoted_term_means" not in cue_names("definition", text)


# Measured on the twelve fixture documents at the end of this round (shipped model): macro-F1
# 0.985, weak-flag accuracy 0.984, evidence hit 0.894, all 13 verdicts right 7 of 12, false
# 'missing' 2 of 12 contracts (0.17), right among unflagged 97.1%, flagged 11.5%. (Before this
# round, with the labels as written blind: 0.971, 0.935, 0.886, 4 of 12, 0.17, 94.2%, 11.5%.)
# Each floor sits a stated tolerance below (each ceiling above) the measure, never at it: 0.03 for
# the rates over 156 verdicts, one contract for the per-contract figures, 0.02 and 5 points for review.
FIXTURE_FLOORS = {
    "macro_f1": 0.985 - 0.03,
    "weak_accuracy": 0.984 - 0.03,
    "evidence_hit_rate": 0.894 - 0.03,
    "all_right": (7 - 1) / 12 - 0.001,
    "unflagged_right": 0.971 - 0.02,
}
FIXTURE_CEILINGS = {"false_missing_per_contract": 2 / 12 + 1 / 12 + 0.001, "flagged_share": 0.115 + 0.05}


def test_own_nda2_fixture_set_stays_above_its_floors() -> None:
    """The whole second set of our own NDAs (labels written by the spec before the detector ran):
    a later change that breaks these documents shows here."""
    measured = own_set_figures(FIXTURES, 12)
    outside = out_of_bounds(measured, FIXTURE_FLOORS, FIXTURE_CEILINGS)
    assert not outside, f"below a floor or above a ceiling: {outside}"
