"""clauses.suggest.edits: the words that make an element weak, changed in place and nothing else."""

from __future__ import annotations

import pytest
from report_fixtures import build_document

from clauses.datamodel import Evidence
from clauses.detect.quantities import survival_periods
from clauses.suggest.edits import edit_suggestion, edited_clauses

VENDOR = {"min_survival_years": 3.0, "max_notice_hours": 72.0}
NDA = {"min_survival_years": 2.0, "max_notice_hours": 72.0}


def _evidence(clause, quantities=()) -> Evidence:
    return Evidence(clause.id, clause.number, "", None, clause.start, clause.end, 0.9, 0.9, 0.9,
                    quantities=quantities)


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("Nothing in this Agreement shall limit either party's obligations under data protection law.",
         "Each party shall comply with its obligations under data protection law."),
        ("Nothing herein affects the obligations of the Supplier under applicable privacy laws.",
         "The Supplier will comply with its obligations under applicable privacy laws."),
        ("Nothing in this Agreement will restrict the parties' duties under the data protection laws.",
         "The parties will comply with their duties under the data protection laws."),
        ("Personal data is processed under the DPA, if any.", "Personal data is processed under the DPA."),
        # What the obligations concern, then the law: "obligations regarding Personal Data ... under".
        ("Nothing in this clause will reduce or limit Vendor's obligations regarding Personal Data held in "
         "Logs under the Data Protection Laws.",
         "Vendor will comply with its obligations regarding Personal Data held in Logs under the Data "
         "Protection Laws."),
        ("Nothing herein shall diminish the obligations of the Processor in relation to personal data under "
         "the GDPR.",
         "The Processor shall comply with its obligations in relation to personal data under the GDPR."),
    ],
)
def test_suggest_edits_saving_clause_becomes_the_duty(text: str, after: str) -> None:
    document = build_document([text], "x.txt", "text", b"x")
    clause = document.clauses[0]
    suggestion = edit_suggestion(document, "data_protection", [_evidence(clause)], thresholds=VENDOR,
                                 wording="Data Protection. Each party shall comply.")
    assert suggestion is not None and suggestion.kind == "edit"
    assert suggestion.after == after


def test_suggest_edits_every_short_period_among_the_evidence_and_nothing_else() -> None:
    texts = [
        "1.1 Customer will pay each invoice within thirty (30) days after receipt.",
        "2.3 The obligations in this Section 2 survive termination for one (1) year.",
        "5.2 The duties of confidence continue for eighteen (18) months after termination.",
    ]
    document = build_document(texts, "x.txt", "text", b"x")
    evidence = [_evidence(c, survival_periods(c.text, c.start)) for c in document.clauses[1:]]
    suggestion = edit_suggestion(
        document, "post_termination", evidence, thresholds=VENDOR, wording="Survival."
    )
    assert suggestion is not None and suggestion.placement == "edit Section 2.3 and Section 5.2 in place"
    changed = {clause.number: edits for clause, edits in edited_clauses(document, suggestion)}
    assert list(changed) == ["2.3", "5.2"]  # 1.1's payment term is not evidence and is never touched
    assert [e.text for e in changed["2.3"] + changed["5.2"]] == ["three (3) years"] * 2
    assert "three (3) years" in suggestion.after and suggestion.target == document.clauses[1].id


@pytest.mark.parametrize(
    ("text", "thresholds", "after"),
    [
        # At the NDA minimum: two years from signing leave less than two after termination.
        ("These obligations shall remain in force for two (2) years from the Effective Date.", NDA,
         "These obligations shall remain in force for two (2) years after the termination or expiry of "
         "this Agreement."),
        # Under the vendor minimum: the period is raised and re-anchored in one edit.
        ("The Recipient's duties under Section 4 survive termination, ending one year from the date hereof.",
         VENDOR,
         "The Recipient's duties under Section 4 survive termination, ending three (3) years after the "
         "termination or expiry of this Agreement."),
    ],
)
def test_suggest_edits_period_counted_from_signing_is_re_anchored_to_termination(
    text: str, thresholds: dict, after: str
) -> None:
    document = build_document([text], "x.txt", "text", b"x")
    clause = document.clauses[0]
    evidence = [_evidence(clause, survival_periods(clause.text, clause.start))]
    suggestion = edit_suggestion(
        document, "post_termination", evidence, thresholds=thresholds, wording="Survival."
    )
    assert suggestion is not None and suggestion.kind == "edit"
    assert suggestion.after == after
    # The repaired wording reads as a period after termination, no longer counted from signing.
    (period,) = survival_periods(after)
    assert period.value == thresholds["min_survival_years"] and not period.from_signing
