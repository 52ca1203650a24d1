"""Which clause is quoted as an element's evidence (issue 11): the one a lawyer would point to.

The weak flag is read from the evidence, and a reviewer checks the quote, so
choosing the right clause matters even when the element is found: a lead-in is
quoted with the list it introduces.

Every contract here is our own short writing.
"""

from __future__ import annotations

import pytest

from clauses.datamodel import Analysis
from clauses.pipeline import analyze_document, load_shipped_model
from clauses.profiles import load_profile
from clauses.segment import plain_document


@pytest.fixture(scope="module")
def model():
    return load_shipped_model(None)


def _analyze(text: str, model, profile: str = "vendor") -> Analysis:
    document = plain_document(text, path="contract.txt", fmt="text", sha256="")
    return analyze_document(document, load_profile(profile), model=model, suggestions=False)


def _quote(analysis: Analysis, element: str) -> str:
    result = next(r for r in analysis.elements if r.element == element)
    assert result.evidence, f"{element}: no evidence"
    top = result.evidence[0]
    return analysis.document.text[top.start : top.end]


SURVIVAL_LIST = """MASTER SERVICES AGREEMENT

9. Confidentiality

The Supplier shall keep the Client's Confidential Information secret and shall not disclose it to \
any third party without the Client's prior written consent.

14. Term and Termination

14.5 Consequences of termination. The following clauses shall survive the expiry or termination \
of this Agreement: Clause 6 (Charges), Clause 9 (Confidentiality), Clause 12 (Liability) and \
Clause 17 (Governing Law). On termination the Supplier shall hand over all work in progress to the \
Client within ten Business Days, and the Client shall pay for the work handed over at the rates in \
Schedule 2.
"""


def test_a_lead_in_ending_in_a_colon_is_quoted_with_its_list(model) -> None:
    # The sentence that scores is the lead-in; the list that names Confidentiality is what it says.
    quote = _quote(_analyze(SURVIVAL_LIST, model), "post_termination")
    assert "The following clauses shall survive" in quote
    assert "Clause 9 (Confidentiality)" in quote
    assert "work in progress" not in quote  # the list ends the quote, not the clause


SERVICE_DEFINITIONS = """HOSTING SERVICES AGREEMENT

1. Definitions

1.1 "Customer Data" means all data, text, images and records in electronic form that the Customer \
or its users upload to, store in or process through the Hosting Service, including personal data.

1.2 "Hosting Service" means the managed server capacity described in the Order.

8. Confidentiality

8.1 "Confidential Information" means any information a party discloses to the other that is marked \
as confidential at the time of disclosure.

8.2 The receiving party shall not disclose the other party's Confidential Information to any third \
party without its prior written consent.
"""


def test_the_definition_of_confidential_information_outranks_a_data_definition(model) -> None:
    # Both define a scope; the one the confidentiality duties use is quoted, and its weakness
    # (marked information only) is what a reviewer must see first.
    analysis = _analyze(SERVICE_DEFINITIONS, model)
    assert '"Confidential Information" means' in _quote(analysis, "definition")


HEADING_ALONE = """MUTUAL CONFIDENTIALITY AGREEMENT

1. Each party shall keep the other's Confidential Information confidential and shall not disclose \
it to anyone except its employees who need to know it.

Return or Destruction of Confidential Information

2. Within ten days after a written request from the disclosing party, the recipient shall hand \
back the originals it received and confirm in writing that it has erased every copy, note and \
extract it made, except one archival copy held by its legal department.
"""


def test_a_heading_alone_is_not_the_evidence(model) -> None:
    # The spec: a heading is not an operative provision. Its words name the element plainly,
    # but the clause under it states the duty and its terms (the deadline, the copy kept).
    quote = _quote(_analyze(HEADING_ALONE, model, "nda"), "return_destruction")
    assert quote.startswith("2. Within ten days")


NOTICE_TWICE = """SOFTWARE SUBSCRIPTION TERMS

3. Use of the Service

The Customer shall notify the Provider immediately of any unauthorised use of the Service or any \
other breach of security that comes to its attention.

9. Confidentiality

9.1 Each party shall hold the other's Confidential Information in confidence and shall not disclose \
it to any third party except its employees who need to know it.

9.2 If the Provider learns that the Customer's Confidential Information has been disclosed \
without authority, it shall promptly inform the Customer.
"""


def test_a_near_tie_goes_to_the_clause_under_the_confidentiality_heading(model) -> None:
    # Both clauses state a notice of unauthorised use; the one in the confidentiality section
    # is the duty over the other's information, the other a customer's own account hygiene.
    quote = _quote(_analyze(NOTICE_TWICE, model), "breach_notice")
    assert quote.startswith("9.2 If the Provider learns")


def test_confidence_is_the_strongest_clause_s_whichever_is_quoted_first() -> None:
    # Without a calibration the confidence is the raw score of the best clause; quoting a
    # near-tie clause first must not lower it.
    from clauses.datamodel import Detection, Evidence
    from clauses.judge import judge_element

    def evidence(score: float, number: str) -> Evidence:
        return Evidence("c" + number, number, "", None, 0, 10, score, score, score)

    detection = Detection("breach_notice", 0.9, (evidence(0.85, "9.2"), evidence(0.9, "3")))
    result = judge_element(detection, load_profile("vendor"))
    assert result.evidence[0].number == "9.2"
    assert result.confidence == 0.9
