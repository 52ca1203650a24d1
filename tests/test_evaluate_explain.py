"""clauses evaluate --explain: each wrong verdict with the clause used and the label's evidence."""

from __future__ import annotations

from clauses.datamodel import MISSING, PRESENT, Analysis, Cue, ElementResult, Evidence
from clauses.elements import element_ids
from clauses.evaluate import ElementLabel, LabelledDocument, score
from clauses.segment import plain_document

TEXT = (
    "1. The Recipient shall keep the information secret.\n\n"
    "2. Either party may seek injunctive relief in the courts of Ontario.\n\n"
    "3. This Agreement is governed by the laws of Ontario."
)


def _analysis(statuses: dict[str, tuple[str, int | None]]) -> Analysis:
    document = plain_document(TEXT, path="t.txt", fmt="text", sha256="")
    results = []
    for element in element_ids():
        status, row = statuses.get(element, (MISSING, None))
        evidence: tuple[Evidence, ...] = ()
        if row is not None:
            clause = document.clauses[row]
            cue = Cue(element, "some_cue", 0.8, clause.start, clause.start + 5)
            evidence = (
                Evidence(
                    clause.id, clause.number, "", None, clause.start, clause.end, 0.7, 0.8, 0.6, cues=(cue,)
                ),
            )
        results.append(ElementResult(element, element, "optional", "low", status, 0.8, "why", evidence))
    return Analysis(document, "evaluation", "", "GREEN", 100, tuple(results), "test")


def _labelled(labels: dict[str, ElementLabel]) -> LabelledDocument:
    return LabelledDocument("doc-a", lambda: None, labels)  # type: ignore[arg-type,return-value]


def test_evaluate_explain_names_the_clause_used_for_a_false_present() -> None:
    pairs = [(_labelled({"remedies": ElementLabel(False, False)}), _analysis({"remedies": (PRESENT, 1)}))]
    details = score(iter(pairs)).scores["remedies"].details
    assert len(details) == 1
    assert details[0].startswith("FP doc-a (present, confidence 0.80)")
    assert "§2 score 0.70 (rule 0.80, model 0.60) cues some_cue" in details[0]
    assert "injunctive relief" in details[0]


def test_evaluate_explain_quotes_the_label_for_a_false_missing() -> None:
    label = ElementLabel(True, False, spans=((0, 52),))
    pairs = [(_labelled({"third_party": label}), _analysis({}))]
    details = score(iter(pairs)).scores["third_party"].details
    assert len(details) == 1 and details[0].startswith("FN doc-a (missing")
    assert "label: '1. The Recipient shall keep the information secret.'" in details[0]
    assert "best:  nothing scored" in details[0]


def test_evaluate_explain_lists_a_wrong_weak_flag_and_not_a_right_verdict() -> None:
    pairs = [
        (
            _labelled({"third_party": ElementLabel(True, True, quotes=("keep the information secret",))}),
            _analysis({"third_party": (PRESENT, 0)}),
        ),
        (_labelled({"third_party": ElementLabel(True, False)}), _analysis({"third_party": (PRESENT, 0)})),
    ]
    details = score(iter(pairs)).scores["third_party"].details
    assert len(details) == 1
    assert details[0].startswith("WEAK doc-a (present")
    assert "label weak=True" in details[0] and "keep the information secret" in details[0]
