"""Suggested wording fits the contract: spelling, quotes, governing law, parties, statutory terms."""

from __future__ import annotations

from dataclasses import replace

import pytest
from report_fixtures import build_document

from clauses.datamodel import Document
from clauses.suggest import suggest
from clauses.suggest.style import data_protection_laws, fit_style

NDA = {"min_survival_years": 2, "max_notice_hours": 72}
UK_TEXTS = [
    "MUTUAL NON-DISCLOSURE AGREEMENT",
    "This Agreement is made between Northwind Traders Ltd and Southwind Logistics Ltd.",
    "1. Confidentiality",
    "1.1 Each party shall keep the other party\u2019s \u201cConfidential Information\u201d confidential "
    "and shall not disclose it to any unauthorised person or organisation.",
    "2. General",
    "2.1 This Agreement is governed by the laws of England and Wales.",
]


def _document(texts: list[str]) -> Document:
    return build_document(texts, "contract.txt", "text", "\n".join(texts).encode())


def _wording(document: Document, element: str, *, weak: bool = False, doc_type: str = "nda") -> str:
    return suggest(
        document,
        element,
        profile_thresholds=NDA,
        weak=weak,
        reason="",
        evidence_clause_id=None,
        doc_type=doc_type,
    ).text


def test_suggest_style_uk_spelling_and_curly_quotes() -> None:
    document = _document(UK_TEXTS)
    text = _wording(document, "breach_notice")
    assert "unauthorised" in text and "unauthorized" not in text
    definition = _wording(document, "definition")
    assert "\u201c" in definition and '"' not in definition


def test_suggest_style_us_contract_keeps_us_spelling() -> None:
    texts = [t.replace("unauthorised", "unauthorized").replace("isation", "ization") for t in UK_TEXTS]
    text = _wording(_document(texts), "breach_notice")
    assert "unauthorized" in text


@pytest.mark.parametrize(
    ("words", "uk"),
    [
        ("any unauthorised person or ORGANISATION, whilst", True),  # ASCII, upper case too
        ("any unauthorized person or organization", False),
        ("any person at all", False),  # no hint either way
        ("any authorised, authorized or organized person", False),  # both: the more hints win
        ("any authorised, organised or authorized person", True),
        ("the authorised licence\u2019s holder", True),  # not ASCII
        ("the AUTHORİSED holder, whıls\u017ft", True),  # letters re.I reads as i and s
        ("the authorı\u017fed holder, whil\u017ft and an authorized one", True),
        ("the authorized license\u2019s holder, authorized", False),
    ],
)
def test_suggest_style_uk_spelling_read_from_the_contract(words: str, uk: bool) -> None:
    from clauses.suggest.style import uses_uk_spelling

    texts = [t.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"') for t in UK_TEXTS]
    texts = [t.replace("unauthorised person or organisation", words) for t in texts]
    assert uses_uk_spelling(_document(texts)) is uk


def test_suggest_style_hints_counted_as_the_regexes_count() -> None:
    from clauses.elements.gate import SAME_LENGTH_FOLD
    from clauses.suggest.style import _UK_HINTS, _UK_WORDS, _US_HINTS, _US_WORDS, _hints

    texts = [
        "ORGANISATIONS organised whilst-defence defences licence's xorganise authorisation_x _organise",
        "favour favor favourable favors behaviours behavior, unfavourable disfavor Defense DEFENCE",
        "an organisation\u2014organized; the authorı\u017fed user \u2018recognised\u2019 whil\u017ft",
        "",
    ]
    for text in texts:
        folded = text.lower().translate(SAME_LENGTH_FOLD)
        assert _hints(_UK_HINTS, _UK_WORDS, text, folded) == len(_UK_HINTS.findall(text))
        assert _hints(_US_HINTS, _US_WORDS, text, folded) == len(_US_HINTS.findall(text))


def test_suggest_style_uk_spelling_read_through_folded_letters_in_curly_quoted_text() -> None:
    """A dotless i or long s in a text that is not ASCII anyway (curly quotes) still reads as the
    letter a case-insensitive regex reads; curly quotes alone change nothing."""
    from clauses.suggest.style import _uk_spelling

    assert _uk_spelling("the \u2018Recipient\u2019 is authorı\u017fed by the organıſation")
    assert _uk_spelling("the \u2018Recipient\u2019 is authorised by the organisation")
    assert not _uk_spelling("the \u2018Recipient\u2019 is authorized by the organization")


@pytest.mark.parametrize(
    ("law", "named", "absent"),
    [
        ("the laws of England and Wales", "UK GDPR", "California"),
        ("the laws of the State of California", "California Consumer Privacy Act", "UK GDPR"),
        ("the laws of Ireland", "(EU) 2016/679", "California"),
        ("the laws of the State of Delaware", "applicable data protection laws", "GDPR"),
    ],
)
def test_suggest_style_data_protection_laws_follow_governing_law(law: str, named: str, absent: str) -> None:
    texts = UK_TEXTS[:-1] + [f"2.1 This Agreement is governed by {law}."]
    text = _wording(_document(texts), "data_protection")
    assert named in text and absent not in text
    for statute in ("Gramm-Leach-Bliley", "Health Insurance Portability"):
        assert statute not in text


def test_suggest_style_no_law_stated_says_applicable_laws() -> None:
    document = _document(UK_TEXTS[:-2])
    assert data_protection_laws(document) == "applicable data protection laws"


def test_suggest_style_no_space_before_punctuation() -> None:
    text = _wording(_document(UK_TEXTS), "exclusions")
    assert " ." not in text and " ," not in text
    assert fit_style("the Information .", _document(["x"])) == "the Information."


def test_suggest_style_employment_only_in_employment_agreements() -> None:
    document = _document(UK_TEXTS)
    assert "employment" not in _wording(document, "post_termination", doc_type="nda")
    assert "employment" not in _wording(document, "post_termination", weak=True, doc_type="vendor")
    assert "employment" in _wording(document, "post_termination", doc_type="employment")


def test_suggest_style_never_redefines_a_statutory_term() -> None:
    document = _document(UK_TEXTS)
    document = replace(document, vocabulary=replace(document.vocabulary, ci="Protected Health Information"))
    text = _wording(document, "definition")
    assert "Protected Health Information" not in text
    assert "\u201cConfidential Information\u201d means" in text


def test_suggest_style_remedies_stay_within_confidentiality() -> None:
    text = _wording(_document(UK_TEXTS), "remedies", weak=True)
    assert "injunctive relief" in text
    assert "cap on liability" not in text and "limitation or exclusion of liability" not in text


def test_suggest_style_names_the_contract_as_it_names_itself() -> None:
    from clauses.pipeline import analyze_document
    from clauses.profiles import load_profile
    from clauses.segment import plain_document

    text = (
        "APPOINTMENT OF CONSULTANT\n\nThis Appointment is made between Harlow Homes Ltd (the Client) and "
        "Ferris Engineering LLP (the Consultant).\n\n"
        "11. Confidentiality\n\n11.1 The Consultant shall keep confidential all information of the Client "
        "and shall not disclose it to any third party during this Appointment.\n\n"
        "11.2 The duties in clause 11.1 continue after the end of this Appointment.\n"
    )
    document = plain_document(text, path="a.txt", fmt="text", sha256="")
    analysis = analyze_document(document, load_profile("nda"))
    wording = [e.suggestion.text for e in analysis.elements if e.suggestion is not None]
    assert any("this Appointment" in w for w in wording)
    assert not any("this Agreement" in w for w in wording)
