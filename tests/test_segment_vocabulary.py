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
