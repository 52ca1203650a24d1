"""clauses.detect: rules and classifier merged into explained evidence, with offsets into the document."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from detect_fixtures import ConstantModel, one_clause_nda

from clauses.datamodel import Detection, Document
from clauses.detect import (
    EVIDENCE_FLOOR,
    MAX_EVIDENCE,
    SHORT_CLAUSE_WORDS,
    SINGLE_SOURCE_MARGIN,
    blend,
    detect,
)
from clauses.elements import element_ids, elements
from clauses.resources import data_dir
from clauses.segment import plain_document

SUPPLY = """SUPPLY AGREEMENT

1. Definitions

"Confidential Information" means all technical and commercial information, whether written or oral, \
that the Buyer gives the Seller.

2. Delivery

The Seller shall deliver the goods to the warehouse of the Buyer every Monday.

3. Confidentiality

The Seller shall not disclose the Confidential Information to any third party without the prior \
written consent of the Buyer.

4. Security Incidents

The Seller shall notify the Buyer within 24 hours after becoming aware of any unauthorized access to \
the Confidential Information.

5. Fees

The Buyer shall pay each invoice within sixty days.

6. Survival

Sections {survives} shall survive termination for three years.
"""


def _document(survives: str = "3 and 5") -> Document:
    return plain_document(SUPPLY.format(survives=survives), path="supply.txt", fmt="text", sha256="")


def _by_element(detections: tuple[Detection, ...]) -> dict[str, Detection]:
    return {d.element: d for d in detections}


@pytest.fixture(scope="module")
def shipped_model():
    if not (data_dir("models") / "manifest.json").is_file():
        pytest.skip("models/manifest.json absent: run `clauses train`")
    from clauses.pipeline import load_shipped_model

    return load_shipped_model()


def test_detect_one_detection_per_element_in_order() -> None:
    detections = detect(_document())
    assert tuple(d.element for d in detections) == element_ids()


def test_detect_rules_only_finds_the_written_elements() -> None:
    found = _by_element(detect(_document()))
    expected_clause = {"definition": "1", "third_party": "3", "breach_notice": "4", "post_termination": "6"}
    for element, number in expected_clause.items():
        assert found[element].score >= 0.5, element
        assert found[element].evidence[0].number == number, element
    for element in ("remedies", "audit", "data_protection", "return_destruction"):
        assert found[element].score == 0.0
        assert found[element].evidence == ()


def test_detect_rules_only_model_score_mirrors_rule_score() -> None:
    for detection in detect(_document()):
        for evidence in detection.evidence:
            assert evidence.model_score == evidence.rule_score
            assert evidence.score == blend(evidence.rule_score, evidence.rule_score)


def test_detect_evidence_offsets_point_into_the_document_text() -> None:
    document = _document()
    clause_text = {c.id: c.text for c in document.clauses}
    for detection in detect(document):
        for evidence in detection.evidence:
            assert document.text[evidence.start : evidence.end] == clause_text[evidence.clause_id]
            for cue in evidence.cues:
                assert evidence.start <= cue.start < cue.end <= evidence.end
                assert cue.element == detection.element


def test_detect_cue_offsets_cover_the_matched_words() -> None:
    document = _document()
    notice = _by_element(detect(document))["breach_notice"].evidence[0]
    (cue,) = [c for c in notice.cues if c.name == "notify_unauthorized"]
    assert document.text[cue.start : cue.end].startswith("notify the Buyer")
    assert document.text[cue.start : cue.end].endswith("unauthorized")


def test_detect_evidence_carries_notice_and_survival_quantities() -> None:
    document = _document()
    found = _by_element(detect(document))
    (notice,) = found["breach_notice"].evidence[0].quantities
    assert (notice.kind, notice.value) == ("notice", 24.0)
    assert document.text[notice.start : notice.end] == "within 24 hours"
    (survival,) = found["post_termination"].evidence[0].quantities
    assert (survival.kind, survival.value, survival.text) == ("survival", 3.0, "three years")
    assert found["definition"].evidence[0].quantities == ()


def test_detect_survival_naming_confidentiality_section_gets_reference_cue() -> None:
    document = _document()
    survival = _by_element(detect(document))["post_termination"].evidence[0]
    (cue,) = [c for c in survival.cues if c.name == "survival_names_confidentiality"]
    assert document.text[cue.start : cue.end].startswith("Sections 3 and 5")
    assert survival.rule_score >= 0.85


def test_detect_survival_naming_other_sections_gets_no_reference_cue() -> None:
    with_confidentiality = _by_element(detect(_document("3 and 5")))["post_termination"]
    without = _by_element(detect(_document("2 and 5")))["post_termination"]
    cues = {c.name for ev in without.evidence for c in ev.cues}
    assert "survival_names_confidentiality" not in cues
    # Without the confidentiality words the survival cues alone are scaled down below "counts".
    assert without.score < 0.5 <= with_confidentiality.score


def test_detect_empty_document_has_nothing() -> None:
    document = plain_document("", path="empty.txt", fmt="text", sha256="")
    detections = detect(document, ConstantModel(0.9))
    assert all(d.score == 0.0 and d.evidence == () for d in detections)


def test_detect_model_probability_is_blended_with_rules() -> None:
    document = _document()
    found = _by_element(detect(document, ConstantModel(0.0)))
    definition = found["definition"].evidence[0]
    assert definition.model_score == 0.0
    assert definition.score == blend(definition.rule_score, 0.0)
    # A confident classifier alone brings in clauses the rules ignore.
    alone = _by_element(detect(document, ConstantModel(1.0)))["audit"]
    assert alone.evidence and all(ev.rule_score == 0.0 for ev in alone.evidence)
    assert alone.score == blend(0.0, 1.0) == pytest.approx(1.0 - SINGLE_SOURCE_MARGIN)


def test_detect_short_clause_damps_the_classifier() -> None:
    short = "The Seller acts fairly."
    long = "The Seller shall act fairly and in good faith towards the Buyer at all times."
    document = plain_document(f"{short}\n\n{long}", path="x.txt", fmt="text", sha256="")
    evidence = {ev.start: ev for ev in _by_element(detect(document, ConstantModel(1.0)))["audit"].evidence}
    assert evidence[0].model_score == pytest.approx(len(short.split()) / SHORT_CLAUSE_WORDS)
    assert evidence[len(short) + 2].model_score == 1.0


def test_detect_keeps_at_most_max_evidence_best_first() -> None:
    for detection in detect(_document(), ConstantModel(1.0)):
        scores = [ev.score for ev in detection.evidence]
        assert len(scores) <= MAX_EVIDENCE
        assert scores == sorted(scores, reverse=True)
        assert all(score >= EVIDENCE_FLOOR for score in scores)
        assert detection.score == (scores[0] if scores else 0.0)


@pytest.mark.parametrize(
    ("rule", "model", "expected"),
    [
        (0.0, 0.0, 0.0),
        (0.6, 0.6, 0.6),
        (1.0, 0.0, 1.0 - SINGLE_SOURCE_MARGIN),  # one sure source alone: its score less the margin
        (0.0, 1.0, 1.0 - SINGLE_SOURCE_MARGIN),
        (0.4, 0.2, 0.3),
    ],
)
def test_detect_blend(rule: float, model: float, expected: float) -> None:
    assert blend(rule, model) == pytest.approx(expected)


def test_detect_blend_is_monotonic_in_each_source() -> None:
    steps = [i / 10 for i in range(11)]
    for fixed in steps:
        by_rule = [blend(r, fixed) for r in steps]
        by_model = [blend(fixed, m) for m in steps]
        assert by_rule == sorted(by_rule)
        assert by_model == sorted(by_model)


def test_detect_with_shipped_model_finds_the_written_elements(shipped_model) -> None:
    document = _document()
    found = _by_element(detect(document, shipped_model))
    for element, number in {"definition": "1", "third_party": "3", "breach_notice": "4"}.items():
        assert found[element].score >= 0.5, element
        assert found[element].evidence[0].number == number
    for element in ("remedies", "return_destruction", "data_protection"):
        assert found[element].score < 0.5, element


def test_detect_with_shipped_model_keeps_the_reference_cue(shipped_model) -> None:
    survival = _by_element(detect(_document(), shipped_model))["post_termination"]
    assert survival.score >= 0.5
    assert "survival_names_confidentiality" in {c.name for c in survival.evidence[0].cues}


def test_detect_with_shipped_model_scores_stay_in_range(shipped_model) -> None:
    for detection in detect(_document(), shipped_model):
        for evidence in detection.evidence:
            assert 0.0 <= evidence.model_score <= 1.0
            assert 0.0 <= evidence.score <= 1.0


class _SentenceModel:
    """Scores use_limitation high only on short text mentioning the Purpose: a diluting long clause."""

    element_ids = element_ids()

    def predict(self, texts):
        out = np.zeros((len(texts), len(self.element_ids)))
        column = self.element_ids.index("use_limitation")
        for row, text in enumerate(texts):
            if "solely for the Purpose" in text:
                out[row, column] = 0.95 if len(text.split()) < 30 else 0.3
        return out


def test_detect_a_bundled_duty_is_found_in_its_sentence_and_quoted() -> None:
    clause = (
        "5. Obligations. The Recipient shall hold the Confidential Information in strict confidence and "
        "shall not disclose it to any third party without the prior written consent of the Discloser, save "
        "to its advisers who need to know it and are bound by equal duties. The Recipient shall use the "
        "Confidential Information solely for the Purpose. The Recipient shall keep records of every copy "
        "it makes and shall mark each copy as confidential."
    )
    document = plain_document(clause, path="t.txt", fmt="text", sha256="")
    found = _by_element(detect(document, _SentenceModel()))["use_limitation"]
    top = found.evidence[0]
    quoted = document.text[top.start : top.end]
    assert quoted.startswith("The Recipient shall use") and quoted.endswith("Purpose.")
    assert top.score >= 0.5 and top.model_score == pytest.approx(0.95)  # not the clause's diluted 0.3
    assert all(top.start <= cue.start < top.end for cue in top.cues)


def test_detect_blank_outside_the_quoted_sentence_does_not_weaken_it() -> None:
    text = (
        "MUTUAL NON-DISCLOSURE AGREEMENT\n\n5. Return\n\n5.1 On termination the Recipient shall return or "
        "destroy all Confidential Information and certify its destruction in writing. The Recipient shall "
        "pay the Discloser's reasonable costs of delivery within ____ days of an invoice.\n"
    )
    document = plain_document(text, path="t.txt", fmt="text", sha256="")
    top = next(d for d in detect(document) if d.element == "return_destruction").evidence[0]
    assert document.text[top.start : top.end].endswith("certify its destruction in writing.")
    assert top.blanks == ()


# Audit look-alikes a negation names, each a clause the classifier alone may read as audit:
# the receiver's own attestation, a platform watching its users, a quality walk-through.
AUDIT_LOOK_ALIKES = (
    "The Supplier holds a current ISO 27001 certificate and is assessed each year by an external "
    "certification body.",
    "The Operator may monitor use of the Platform to enforce its acceptable use rules.",
    "The Licensee shall let the Licensor's quality inspectors examine the finished goods before shipment.",
)


@pytest.mark.parametrize("text", AUDIT_LOOK_ALIKES)
def test_detect_a_negation_cancels_the_classifier_alone_on_an_audit_look_alike(text: str) -> None:
    # A model that finds audit everywhere: the look-alike's negation scales its word down
    # (audit's negations_cancel_model), as off-topic clauses are.
    found = _by_element(detect(one_clause_nda(text), ConstantModel(0.95)))["audit"]
    assert all(evidence.number != "2" for evidence in found.evidence)


def test_detect_a_negation_leaves_a_plain_audit_to_the_classifier() -> None:
    text = "The Discloser may check how the Recipient stores the Confidential Information."
    found = _by_element(detect(one_clause_nda(text), ConstantModel(0.95)))["audit"]
    assert found.evidence[0].number == "2"


def test_detect_negations_cancel_the_classifier_only_where_the_element_says_so() -> None:
    # use_limitation's negations cancel cues, not the classifier: its flag is off.
    assert elements()["audit"].negations_cancel_model
    assert not elements()["use_limitation"].negations_cancel_model


def test_detect_model_alone_is_the_lowest_score_a_clause_without_cues_can_show() -> None:
    """The clauses detect drops unread (no cue, classifier under MODEL_ALONE) score under the floor."""
    from clauses.detect import MODEL_ALONE

    below = [MODEL_ALONE * i / 1000 for i in range(1000)] + [np.nextafter(MODEL_ALONE, 0.0)]
    assert all(blend(0.0, model) < EVIDENCE_FLOOR for model in below)
    assert blend(0.0, MODEL_ALONE + 0.002) >= EVIDENCE_FLOOR  # and it is no lower than it must be


def test_detect_reading_every_clause_for_every_element_changes_nothing(shipped_model, monkeypatch) -> None:
    """Clauses without cues whose classifier score is under MODEL_ALONE, however their sentences
    score, are dropped unread (_without_evidence): read for negations and sentences, as every
    clause is when MODEL_ALONE lets every clause through, they give the same detections."""
    import clauses.detect
    from clauses.parse import parse

    fixtures = Path(__file__).parent / "fixtures"
    paths = sorted(data_dir("samples").glob("*.txt"))
    paths += sorted((fixtures / "own_ndas").glob("*.txt"))[:4]
    paths += sorted((fixtures / "own_agreements").glob("*"))[:4]
    documents = [_document()] + [parse(path) for path in paths if path.suffix in (".txt", ".md")]
    assert len(documents) >= 9
    skipping = [detect(document, shipped_model) for document in documents]
    monkeypatch.setattr(clauses.detect, "MODEL_ALONE", -1.0)  # every clause is read for every element
    monkeypatch.setattr(clauses.detect, "_without_evidence", lambda cues, model_score: False)
    assert [detect(document, shipped_model) for document in documents] == skipping


@pytest.mark.parametrize("probability, weak", [(0.9, True), (0.1, False)])
def test_detect_weak_wording_without_a_cue_counts_when_the_classifier_finds_the_clause(
    probability: float, weak: bool
) -> None:
    """Weak wording in a clause no cue fires in is read when the classifier alone finds the element
    there; when it does not, the clause gives no evidence, and its weak wording is not read."""
    text = "Only information that is marked as confidential at the time it is shared is covered."
    document = one_clause_nda(text)
    found = _by_element(detect(document, ConstantModel(probability), doc_type="nda"))["definition"]
    quoted = [ev for ev in found.evidence if text in document.text[ev.start : ev.end]]
    assert bool(quoted) == weak
    if weak:
        assert not quoted[0].cues
        assert "covers only information marked confidential in writing" in quoted[0].weak_signals
