"""clauses.suggest.fill: a blank period or deadline gets the position's value, other blanks are left."""

from __future__ import annotations

import pytest
from report_fixtures import build_document

from clauses.suggest.edits import apply_edits
from clauses.suggest.fill import blank_edits, self_name

POSITIONS = {"min_survival_years": 2.0, "max_notice_hours": 72.0}


def _filled(text: str, element: str, positions: dict = POSITIONS) -> str:
    document = build_document([text, "This NDA is governed by English law. This NDA binds both parties."],
                              "x.txt", "text", b"x")
    clause = document.clauses[0]
    return apply_edits(clause.text, clause.start, tuple(blank_edits(clause, element, positions, document)))


@pytest.mark.parametrize(
    ("text", "element", "expected"),
    [
        ("The duties survive for ____ years after termination.", "post_termination",
         "The duties survive for two (2) years after termination."),
        ("The duties survive for ____ year after termination.", "post_termination",
         "The duties survive for two (2) years after termination."),
        ("The duties survive for [●] months after termination.", "post_termination",
         "The duties survive for twenty-four (24) months after termination."),
        ("The duties survive for the {confidentiality_period}.", "post_termination",
         "The duties survive for the two (2) years."),
        ("The duties last ____ years from [date].", "post_termination",
         "The duties last two (2) years from the expiry or termination of this NDA."),
        ("The Recipient will notify a breach within ____ hours.", "breach_notice",
         "The Recipient will notify a breach within seventy-two (72) hours."),
        ("The Recipient will notify a breach within [●] days.", "breach_notice",
         "The Recipient will notify a breach within three (3) days."),
        ("The Recipient will notify a breach within [●] business days.", "breach_notice",
         "The Recipient will notify a breach within seventy-two (72) hours."),
    ],
)
def test_suggest_fill_blank_gets_the_position(text: str, element: str, expected: str) -> None:
    assert _filled(text, element) == expected


def test_suggest_fill_leaves_facts_only_the_parties_know() -> None:
    # A date of signature, a party's name, a blank in an element with no position: not ours to fill.
    for text, element in [
        ("This NDA supplements the agreement dated {nda_date}.", "post_termination"),
        ("The Recipient is ____________ Limited.", "post_termination"),
        ("Each party's employees keep it confidential for ____ years.", "personnel"),
    ]:
        assert _filled(text, element) == text


def test_suggest_fill_names_the_agreement_as_it_names_itself() -> None:
    text = "This Letter of Intent binds. This LOI is signed. This LOI ends."
    named = build_document([text], "x", "text", b"x")
    assert self_name(named) == "this LOI"
    assert self_name(build_document(["Nothing names itself."], "x", "text", b"x")) == "this Agreement"
