"""Classes of wording and structure that our own service and commercial agreements
(tests/fixtures/own_agreements, issue 11) showed the detector getting wrong.

Every sentence here was written for these tests, in several drafting styles beyond
the fixture documents; each test fails on the detector before its fix.
"""

from __future__ import annotations

from clauses.evaluate.profile import evaluation_profile
from clauses.pipeline import analyze_document
from clauses.segment import plain_document


def _analyse(text: str, doc_type: str = "other") -> dict:
    document = plain_document(text, path="t.txt", fmt="text", sha256="")
    analysis = analyze_document(document, evaluation_profile(doc_type), suggestions=False)
    return {result.element: result for result in analysis.elements}


def _outline(text: str) -> list[tuple[str, str, str]]:
    document = plain_document(text, path="t.txt", fmt="text", sha256="")
    return [(c.number, c.heading, c.parent_heading) for c in document.clauses]


# ---- Structure: "Section 8.01" under "ARTICLE VIII / CONFIDENTIALITY" (SEC-exhibit style) ----


def test_sec_style_sections_sit_under_their_article_heading() -> None:
    text = (
        "TECHNOLOGY LICENSE AGREEMENT\n\n"
        "ARTICLE VI\nPROPRIETARY RIGHTS\n\n"
        "Section 6.01. Secrecy. The Licensee shall hold the Technology in trust.\n\n"
        "Section 6.02. Term of Duties. The foregoing duties continue.\n\n"
        "ARTICLE VII\nGENERAL\n\n"
        "Section 7.01. Notices. Notices shall be in writing.\n"
    )
    outline = {number: (heading, parent) for number, heading, parent in _outline(text)}
    assert outline["Section 6.01"] == ("Secrecy", "PROPRIETARY RIGHTS")
    assert outline["Section 6.02"] == ("Term of Duties", "PROPRIETARY RIGHTS")
    # The next article closes the last one's sections: its parent is not "Term of Duties".
    assert outline["Article VII"] == ("GENERAL", "")
    assert outline["Section 7.01"] == ("Notices", "GENERAL")


def test_decimal_clauses_of_an_article_are_closed_by_the_next_article() -> None:
    text = (
        "SUPPLY AGREEMENT\n\n"
        "ARTICLE 12\nNON-DISCLOSURE\n\n"
        "12.1 Duty. Neither party shall reveal the other's secrets.\n\n"
        "12.2 Duration. These duties last beyond expiry.\n\n"
        "ARTICLE 13\nFORCE MAJEURE\n\n"
        "13.1 Events. Neither party is liable for delays beyond its control.\n"
    )
    outline = {number: (heading, parent) for number, heading, parent in _outline(text)}
    assert outline["12.2"] == ("Duration", "NON-DISCLOSURE")
    assert outline["Article 13"] == ("FORCE MAJEURE", "")
