"""clauses.pipeline: parse -> detect -> judge -> suggest on the shipped samples.

The samples' deliberate gaps (samples/make_samples.py): the NDA's duties survive
only one (1) year and it has no breach-notification clause; the services
agreement notifies security incidents "as soon as practicable" and has no audit
right.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clauses.datamodel import MISSING, PRESENT, RED, WEAK, YELLOW, Analysis
from clauses.elements import element_ids
from clauses.parse import parse
from clauses.pipeline import analyze, analyze_document, choose_profile, load_shipped_model
from clauses.profiles import load_profile
from clauses.resources import data_dir

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
FIXTURES = REPO / "tests" / "fixtures" / "detect"


@pytest.fixture(scope="module")
def model():
    if not (data_dir("models") / "manifest.json").is_file():
        pytest.skip("models/manifest.json absent: run `clauses train`")
    return load_shipped_model()


@pytest.fixture(scope="module")
def nda(model) -> Analysis:
    return analyze(SAMPLES / "mutual-nda.txt", model=model)


@pytest.fixture(scope="module")
def services(model) -> Analysis:
    return analyze(SAMPLES / "services-agreement.txt", model=model)


def _status(analysis: Analysis) -> dict[str, str]:
    return {r.element: r.status for r in analysis.elements}


def _result(analysis: Analysis, element: str):
    return next(r for r in analysis.elements if r.element == element)


def test_pipeline_nda_has_13_results_in_element_order(nda: Analysis) -> None:
    assert tuple(r.element for r in nda.elements) == element_ids()


def test_pipeline_nda_infers_the_nda_profile(nda: Analysis) -> None:
    assert nda.profile == "nda"
    assert nda.profile_reason.startswith("inferred nda")
    assert "NON-DISCLOSURE" in nda.profile_reason


def test_pipeline_nda_breach_notice_is_missing(nda: Analysis) -> None:
    result = _result(nda, "breach_notice")
    assert result.status == MISSING
    assert (result.requirement, result.severity) == ("required", "medium")


def test_pipeline_nda_one_year_survival_is_weak(nda: Analysis) -> None:
    result = _result(nda, "post_termination")
    assert result.status == WEAK
    assert "1 year" in result.reason and "2 years" in result.reason
    assert result.evidence[0].number == "8.2"


def test_pipeline_nda_written_elements_are_present_where_written(nda: Analysis) -> None:
    where = {
        "definition": "1.1",
        "third_party": "3.1",
        "remedies": "9.1",
        "compelled_disclosure": "5.1",
        "use_limitation": "2.1",
        "return_destruction": "6.1",
        "safeguards": "3.3",
    }
    for element, number in where.items():
        result = _result(nda, element)
        assert result.status == PRESENT, element
        assert result.evidence[0].number == number, element
    assert _result(nda, "exclusions").evidence[0].number.startswith("4.1")
    assert _result(nda, "personnel").evidence[0].number.startswith("3.2")


def test_pipeline_nda_missing_breach_notice_is_negotiated_not_escalated(nda: Analysis) -> None:
    # Every other required element is there: the gaps are breach notice (missing, medium) and
    # a one-year survival (weak), both points to negotiate.
    assert nda.routing == YELLOW
    assert 0 < nda.score < 100


def test_pipeline_nda_evidence_offsets_point_into_the_document(nda: Analysis) -> None:
    """Evidence is its whole clause, or one sentence of it (a clause of several sentences)."""
    clauses = {c.id: c for c in nda.document.clauses}
    for result in nda.elements:
        for evidence in result.evidence:
            clause = clauses[evidence.clause_id]
            assert clause.start <= evidence.start < evidence.end <= clause.end
            quoted = nda.document.text[evidence.start : evidence.end]
            assert quoted == clause.text or quoted in clause.text


def test_pipeline_nda_suggestions_for_gaps_only_with_distinct_numbers(nda: Analysis) -> None:
    gaps = [
        r
        for r in nda.elements
        if r.requirement in ("required", "recommended") and r.status in (MISSING, WEAK)
    ]
    assert {r.element for r in gaps} == {"breach_notice", "post_termination"}
    for result in nda.elements:
        assert (result.suggestion is not None) == (result in gaps), result.element
    # A weak element with evidence is edited in place; a missing one gets a new, numbered clause.
    survival = _result(nda, "post_termination").suggestion
    assert survival is not None and survival.kind == "edit" and survival.number == ""
    assert survival.target == _result(nda, "post_termination").evidence[0].clause_id
    assert [(nda.document.text[e.start : e.end], e.text) for e in survival.edits] == [
        ("one (1) year", "two (2) years")
    ]
    assert "one (1) year" in survival.before and "two (2) years" in survival.after
    numbers = [r.suggestion.number for r in gaps if r.suggestion and r.suggestion.kind == "insert"]
    assert numbers and all(numbers)
    assert len(set(numbers)) == len(numbers)
    for result in gaps:
        assert result.suggestion and result.suggestion.element == result.element
        assert result.suggestion.text.strip()


def test_pipeline_nda_model_version_is_the_manifest_version(nda: Analysis) -> None:
    manifest = json.loads((data_dir("models") / "manifest.json").read_text(encoding="utf-8"))
    assert nda.model_version == manifest["model_version"]


def test_pipeline_nda_certificate_of_destruction_is_not_audit(nda: Analysis) -> None:
    assert _result(nda, "audit").status == MISSING


def test_pipeline_nda_docx_judges_like_the_text(model, nda: Analysis) -> None:
    from_docx = analyze(SAMPLES / "mutual-nda.docx", model=model)
    assert _status(from_docx) == _status(nda)
    assert from_docx.routing == nda.routing


def test_pipeline_services_infers_vendor_and_flags_its_gaps(services: Analysis) -> None:
    assert services.profile == "vendor"
    notice = _result(services, "breach_notice")
    assert notice.status == WEAK
    assert "as soon as practicable" in notice.reason
    audit = _result(services, "audit")
    assert (audit.status, audit.requirement) == (MISSING, "recommended")
    assert audit.suggestion is not None
    # The vendor profile reviews for the customer: the only remedies clause (10.2, an
    # indemnity) binds the customer, so remedies are missing and the routing is RED;
    # read for either side, as before issue 12, the same contract is YELLOW.
    assert services.side == "customer"
    remedies = _result(services, "remedies")
    assert remedies.status == MISSING
    assert remedies.reason.startswith("section 10.2 binds you (Customer), not the vendor")
    assert services.routing == RED


def test_pipeline_services_for_either_side_is_yellow(model) -> None:
    either = analyze(SAMPLES / "services-agreement.txt", model=model, side="either", suggestions=False)
    assert _result(either, "remedies").status != MISSING
    assert either.routing == YELLOW


def test_pipeline_explicit_profile_changes_thresholds(model) -> None:
    analysis = analyze(SAMPLES / "mutual-nda.txt", "vendor", model=model, suggestions=False)
    assert analysis.profile == "vendor"
    assert analysis.profile_reason == "profile 'vendor' given by the user"
    survival = _result(analysis, "post_termination")
    assert survival.status == WEAK and "3 years" in survival.reason


def test_pipeline_playbook_profile_object(model) -> None:
    playbook = load_profile(str(FIXTURES / "playbook_custom.toml"))
    document = parse(SAMPLES / "mutual-nda.txt")
    analysis = analyze_document(document, playbook, model=model)
    assert analysis.profile == "acme-strict"
    assert "given by the user" in analysis.profile_reason
    assert "5 years" in _result(analysis, "post_termination").reason
    assert _result(analysis, "audit").requirement == "required"


def test_pipeline_suggestions_can_be_turned_off(model) -> None:
    document = parse(SAMPLES / "mutual-nda.txt")
    analysis = analyze_document(document, "nda", model=model, suggestions=False)
    assert all(r.suggestion is None for r in analysis.elements)
    assert _result(analysis, "breach_notice").status == MISSING


def test_pipeline_choose_profile_auto_and_named() -> None:
    document = parse(SAMPLES / "mutual-nda.txt")
    assert choose_profile(document, "auto")[0].name == "nda"
    assert choose_profile(document, "employment")[0].name == "employment"


def test_pipeline_shipped_model_is_loaded_once(model) -> None:
    assert load_shipped_model() is model


def test_pipeline_nda_reports_show_the_pipeline_numbers(nda: Analysis) -> None:
    """Suggestions are numbered once, in the pipeline; the writers print them as given."""
    from clauses.report.structured import analysis_to_dict

    numbers = {r.element: r.suggestion.number for r in nda.elements if r.suggestion is not None}
    written = {
        e["id"]: e["suggestion"]["section_number"]
        for e in analysis_to_dict(nda)["elements"]
        if e["suggestion"] is not None
    }
    assert written == numbers


def test_pipeline_doc_type_is_inferred_once_whatever_the_profile(model) -> None:
    path = data_dir("corpus") / "contracts"
    nda_text = next(p for p in sorted(path.glob("*.txt")) if "nda" in p.name.lower())
    auto = analyze(nda_text, model=model)
    forced = analyze(nda_text, "vendor", model=model)
    assert auto.doc_type == forced.doc_type == auto.profile
    assert forced.profile == "vendor"


def test_pipeline_new_clause_goes_with_the_non_disclosure_duty_when_no_heading_names_it() -> None:
    """"Article 3. University Obligations" holds the duties; no heading says "confidential"."""
    from clauses.pipeline import analyze_document
    from clauses.profiles import load_profile
    from clauses.segment import plain_document

    text = (
        "EVALUATION AGREEMENT\n\nARTICLE 1. PURPOSE\n\n1.1 Company wishes to show University its "
        "sensors.\n\nARTICLE 2. DEFINITIONS\n\n2.1 \"Confidential Information\" means all information "
        "Company discloses.\n\n"
        "ARTICLE 3. UNIVERSITY OBLIGATIONS\n\n3.1 University shall use Confidential Information only for "
        "the evaluation.\n\n3.2 University shall not disclose Confidential Information to any third party "
        "without Company's prior written consent.\n\n3.3 The obligations in this Article do not apply to "
        "information that:\n\n(a) is public; or\n\n(b) was known to University.\n\n"
        "ARTICLE 9. GENERAL\n\n9.1 This Agreement is governed by the laws of North Dakota.\n"
    )
    document = plain_document(text, path="u.txt", fmt="text", sha256="")
    analysis = analyze_document(document, load_profile("nda"))
    inserted = [e.suggestion for e in analysis.elements if e.suggestion and e.suggestion.kind == "insert"]
    assert inserted
    clauses = {c.id: c for c in analysis.document.clauses}
    for suggestion in inserted:
        assert clauses[suggestion.insert_after].number.startswith("3.3"), suggestion
        assert suggestion.number.startswith("3."), suggestion
    assert "3.4" in {s.number for s in inserted}  # after 3.3's list, not an item "(c)" of it
