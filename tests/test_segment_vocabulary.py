"""clauses.segment.vocabulary: the contract's own term for the protected information."""

from __future__ import annotations

import pytest

from clauses.segment import plain_document


def _ci(text: str) -> str:
    return plain_document(text, path="t.txt", fmt="text", sha256="").vocabulary.ci


@pytest.mark.parametrize(
    "term",
    [
        "Confidentiality Agreement",
        "Confidentiality Period",
        "Confidentiality Obligations",
        "Confidential Treatment",
    ],
)
def test_vocabulary_a_term_naming_an_agreement_or_a_time_is_not_the_information(term: str) -> None:
    # A share purchase that refers to the parties' earlier NDA: the suggested wording must not
    # speak of "the other party's Confidentiality Agreement".
    text = (
        "STOCK PURCHASE AGREEMENT\n\n"
        "Section 5.03 Access. The Buyer remains bound by the letter agreement dated 1 March "
        f'(the "{term}").\n'
    )
    assert _ci(text) == "Confidential Information"


def test_vocabulary_an_unlisted_information_term_is_still_read() -> None:
    text = (
        "AGREEMENT\n\n"
        '1. Definitions. "Confidential Business Information" means the Seller\'s price lists and plans.\n'
    )
    assert _ci(text) == "Confidential Business Information"


def _provision(text: str) -> str:
    return plain_document(text, path="t.txt", fmt="text", sha256="").vocabulary.provision


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # UK drafting cites clauses, in either case.
        ("5.1 Clause 5.2 applies. 5.3 The duties in clause 5 survive. 6.1 Subject to clause 6.2.", "Clause"),
        # A letter agreement cites its paragraphs.
        ("1. As set out in paragraph 2 and paragraphs 3 and 4, you will keep it secret.", "Paragraph"),
        ("Sections 2 and 3 apply. Section 4 survives. Clause 5 of Exhibit A and clause 6 of it.", "Section"),
        # One mention is not the contract's usual word; sub-paragraph letters are not numbers.
        ("3. The fees in paragraph 2 of Schedule 1. Sub-paragraph (a) and paragraph (b) apply.", "Section"),
        ("The parties comply with Article 28 of the GDPR and Article 32 of it.", "Section"),
        ("No cross-references at all.", "Section"),
    ],
)
def test_vocabulary_provision_is_the_word_the_contract_cites_its_clauses_with(text: str, word: str) -> None:
    assert _provision("AGREEMENT\n\n" + text + "\n") == word


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("This Appointment is made on 1 May. The Consultant shall perform this Appointment.", "Appointment"),
        ("This letter sets out our terms. You agree to the terms of this letter.", "letter"),
        ("This Deed is made by the Purchaser. The Purchaser shall comply with this Deed.", "Deed"),
        ("This Agreement binds them. Schedule 1 is part of this Agreement, as is this Deed.", "Agreement"),
        ("The parties signed. This Addendum amends the Agreement.", "Agreement"),  # once is not its name
    ],
)
def test_vocabulary_self_name_is_what_the_contract_calls_itself(text: str, name: str) -> None:
    assert plain_document(text, path="t.txt", fmt="text", sha256="").vocabulary.self_name == name
