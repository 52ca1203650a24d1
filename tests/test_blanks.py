"""Blanks and placeholders (clauses/detect/blanks.py): each kind is listed and named in its element."""

from __future__ import annotations

import pytest

from clauses.datamodel import PRESENT, WEAK
from clauses.detect.blanks import find_blanks
from clauses.pipeline import analyze_document, load_shipped_model
from clauses.segment import plain_document

TEMPLATE = """NON-DISCLOSURE AGREEMENT

This Non-Disclosure Agreement is made between Ivybridge Tools Ltd ("Discloser") and Juniper Labs Inc.
("Recipient").

1. "Confidential Information" means all information, in any form, that Discloser discloses to Recipient,
whether written, oral or electronic, and whether or not marked as confidential.

2. Recipient shall not disclose the Confidential Information to any third party without Discloser's prior
written consent.

3. Recipient's obligations under this Agreement survive termination of this Agreement for {survival}.

4. Recipient shall notify Discloser in writing within {notice} after becoming aware of any unauthorised
disclosure of the Confidential Information.

Ivybridge Tools Ltd
By: ____________________
Name: __________________
"""

BLANKS = {
    "underscores": "________ years",
    "bullet": "[●] years",
    "insert": "[insert] years",
    "number": "[number] years",
    "template variable": "{confidentiality_period}",
    "empty brackets": "[ ] years",
}


@pytest.fixture(scope="module")
def model():
    return load_shipped_model()


def _document(survival: str, notice: str = "forty-eight (48) hours"):
    text = TEMPLATE.replace("{survival}", survival).replace("{notice}", notice)
    return plain_document(text, path="blank-nda.txt", fmt="text", sha256="")


@pytest.mark.parametrize("kind", list(BLANKS))
def test_blanks_each_kind_is_named_but_leaves_the_element_present(kind: str, model) -> None:
    # The spec's weak test for survival is a period shorter than the minimum; a blank
    # states none, so the element is present and its reason names the open term.
    analysis = analyze_document(_document(BLANKS[kind]), "nda", model=model, suggestions=False)
    survival = next(r for r in analysis.elements if r.element == "post_termination")
    assert survival.status == PRESENT
    assert '; left blank: "' in survival.reason
    assert "(section 3)" in survival.reason
    assert [(b.number, b.kind) for b in analysis.blanks] == [("3", "period")]
    lines = [w for w in analysis.warnings if w.startswith("1 blank(s) or placeholder(s) left")]
    assert len(lines) == 1 and "section 3" in lines[0]


def test_blanks_filled_in_contract_has_none(model) -> None:
    analysis = analyze_document(_document("five (5) years"), "nda", model=model, suggestions=False)
    assert analysis.blanks == ()
    assert next(r for r in analysis.elements if r.element == "post_termination").status == PRESENT


def test_blanks_deadline_left_blank_is_weak_named_and_filled(model) -> None:
    analysis = analyze_document(_document("five (5) years", notice="[insert] hours"), "nda", model=model)
    notice = next(r for r in analysis.elements if r.element == "breach_notice")
    # Weak as the spec reads it (no time limit stated), and the reason names the blank.
    assert notice.status == WEAK and notice.reason.startswith("no outer time limit")
    assert '; left blank: "' in notice.reason and "[insert] hours" in notice.reason
    assert [(b.number, b.kind) for b in analysis.blanks] == [("4", "period")]
    # The blank is filled with the position (72 hours) as an edit in place.
    assert notice.suggestion is not None and notice.suggestion.kind == "edit"
    after = notice.suggestion.after
    assert "[insert]" not in after and ("72" in after or "seventy-two" in after)


def test_blanks_present_element_without_a_blank_gets_no_suggestion(model) -> None:
    analysis = analyze_document(_document("five (5) years"), "nda", model=model)
    survival = next(r for r in analysis.elements if r.element == "post_termination")
    assert survival.status == PRESENT and survival.suggestion is None


def test_blanks_kinds_party_amount_and_date() -> None:
    text = (
        "1. This Agreement is made between [Party Name] and Acme Inc.\n\n"
        "2. Liquidated damages of $______ are payable on breach.\n\n"
        "3. The Effective Date is <insert date>.\n"
    )
    blanks = find_blanks(plain_document(text, path="x.txt", fmt="text", sha256=""))
    assert [(b.number, b.kind) for b in blanks] == [("1", "party"), ("2", "amount"), ("3", "date")]


def test_blanks_signature_lines_are_not_blanks() -> None:
    text = "1. Signed by the parties.\n\nBy: ______________\n\nName: ______________\n\n____________________\n"
    assert find_blanks(plain_document(text, path="x.txt", fmt="text", sha256="")) == ()


@pytest.mark.parametrize(
    "line",
    [
        "SIGNED for and on behalf of Alder Systems Ltd by its director: ____________________",
        "Executed as a deed by Birch Labs Inc acting by its authorised signatory: __________",
        "Witnessed by: ____________",
    ],
)
def test_blanks_execution_lines_with_any_label_are_not_blanks(line: str) -> None:
    text = f"1. The Recipient keeps it secret for five years.\n\n{line}\n"
    assert find_blanks(plain_document(text, path="x.txt", fmt="text", sha256="")) == ()


def test_blanks_a_blank_after_a_colon_in_an_operative_clause_still_counts() -> None:
    text = "1. Term: the obligations survive for ____ years after termination.\n"
    blanks = find_blanks(plain_document(text, path="x.txt", fmt="text", sha256=""))
    assert [b.kind for b in blanks] == ["period"]


def test_blanks_warning_cites_the_contracts_way_and_never_an_internal_id(model) -> None:
    sec = TEMPLATE.replace("\n3. ", "\nSection 5.01 ").format(survival="[insert] years", notice="24 hours")
    letter = TEMPLATE.replace("\n3. ", "\n").format(survival="[insert] years", notice="24 hours")
    for text, said in ((sec, 'Section 5.01: period "'), (letter, 'contract: period "')):
        document = plain_document(text, path="t.txt", fmt="text", sha256="")
        analysis = analyze_document(document, "nda", model=model, suggestions=False)
        line = next(w for w in analysis.warnings if "placeholder(s) left" in w)
        assert said in line and "section section" not in line.lower() and "clause c0" not in line, line


@pytest.mark.parametrize(
    "line",
    [
        "Signatory ______________________ Signatory ______________",
        "Member ______________________",
        "Director: ................................",
        "______________________ Managing Director",
        "Date: __________ Name: Harold K. Lindqvist",
    ],
)
def test_blanks_signature_block_lines_are_no_blanks(line: str) -> None:
    text = f"DEED OF CONFIDENTIALITY\n\nEXECUTED AS A DEED by the parties.\n\n{line}\n"
    assert find_blanks(plain_document(text, path="t.txt", fmt="text", sha256="")) == ()


@pytest.mark.parametrize(
    "line",
    [
        "The obligations survive for ______ years.",
        "Effective Date: ____________",
        "The Member shall pay $______.",
    ],
)
def test_blanks_terms_left_blank_beside_signature_words_stay(line: str) -> None:
    text = f"AGREEMENT\n\n1. {line}\n"
    assert len(find_blanks(plain_document(text, path="t.txt", fmt="text", sha256=""))) == 1
