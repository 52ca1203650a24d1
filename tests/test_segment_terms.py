"""clauses.segment.terms: the title read from a contract's opening lines."""

from __future__ import annotations

import pytest

from clauses.segment import plain_document

LETTERHEAD = "HARROWGATE & PELL LLP\nSolicitors\n12 Quay Street, Bristol BS1 4AB\n\n14 June 2025\n\n"


def _title(text: str) -> str:
    return plain_document(text, path="t.txt", fmt="text", sha256="").title


@pytest.mark.parametrize("label", ["Re:", "RE:", "Subject:"])
def test_terms_a_letters_subject_is_its_title_not_the_letterhead(label: str) -> None:
    text = (
        f"{LETTERHEAD}{label} Proposed acquisition of Tarn Components Limited\n\n"
        "Dear Ms Achterberg,\n\nIn consideration of our providing you with information about the "
        "company, you agree to keep it confidential.\n"
    )
    assert _title(text) == "Proposed acquisition of Tarn Components Limited"


def test_terms_a_long_subject_is_cut_at_a_word() -> None:
    subject = "Project Larkspur " + "and related refinancing of the group's facilities " * 5
    text = f"{LETTERHEAD}Re: {subject}\n\nDear Sirs,\n\nWe write about the information.\n"
    title = _title(text)
    assert title.startswith("Project Larkspur and related") and title.endswith(" ...")
    assert len(title) <= 154 and not title[:-4].endswith(" ")


def test_terms_a_re_line_without_a_salutation_is_no_subject() -> None:
    # "Re:" in a contract's recitals or a form field is not a letter's subject line.
    text = (
        "MUTUAL NON-DISCLOSURE AGREEMENT\n\nRe: the supply of valve assemblies\n\n"
        "1. Each party shall keep the other's Confidential Information confidential.\n"
    )
    assert _title(text) == "MUTUAL NON-DISCLOSURE AGREEMENT"


def test_terms_a_uk_opening_gives_its_title_not_its_dating_or_party_lines() -> None:
    text = (
        "DATED                              2026\n\n(1) HARLOW HOMES LIMITED\n(2) FERRIS ENGINEERING LLP\n\n"
        "PROFESSIONAL SERVICES APPOINTMENT\n\nTHIS APPOINTMENT is made on          2026\n\nBETWEEN:\n\n"
        "(1) HARLOW HOMES LIMITED (the Client); and\n\n(2) FERRIS ENGINEERING LLP (the Consultant).\n"
    )
    assert _title(text) == "PROFESSIONAL SERVICES APPOINTMENT"


def test_terms_a_deed_without_a_title_line_is_named_by_its_dating_line() -> None:
    text = (
        "THIS DEED is dated                        2025\n\nPARTIES\n\n"
        "(1) TARN HOLDINGS LIMITED (the Vendor)\n\n"
        "BACKGROUND\n\n(A) The Vendor owns the Company.\n\nAGREED TERMS\n\n1. INTERPRETATION\n\n"
        "1.1 In this deed the following definitions apply.\n"
    )
    assert _title(text) == "THIS DEED is dated 2025"
