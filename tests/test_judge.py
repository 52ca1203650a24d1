"""clauses.judge: present, weak or missing against a profile, each with a reason; routing and score."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from clauses.datamodel import (
    GREEN,
    MISSING,
    PRESENT,
    RED,
    WEAK,
    YELLOW,
    Cue,
    Detection,
    ElementResult,
    Evidence,
    Quantity,
)
from clauses.judge import ONLY_DEFINES, PRESENT_THRESHOLD, judge, judge_element, route
from clauses.profiles import Profile, load_profile


@pytest.fixture(scope="module")
def nda() -> Profile:
    return load_profile("nda")


@pytest.fixture(scope="module")
def vendor() -> Profile:
    return load_profile("vendor")


def _evidence(
    score: float = 0.9,
    quantities: tuple[Quantity, ...] = (),
    weak: tuple[str, ...] = (),
    number: str = "8.2",
    cue: str = "some_cue",
) -> Evidence:
    return Evidence(
        clause_id="c0010",
        number=number,
        heading="Term",
        page=None,
        start=100,
        end=200,
        score=score,
        rule_score=score,
        model_score=score,
        cues=(Cue("x", cue, 0.8, 110, 120),),
        quantities=quantities,
        weak_signals=weak,
    )


def _detection(element: str, *evidence: Evidence) -> Detection:
    return Detection(element, evidence[0].score if evidence else 0.0, tuple(evidence))


def _survival(years: float, words: str) -> Detection:
    return _detection(
        "post_termination", _evidence(quantities=(Quantity("survival", years, words, 150, 160),))
    )


def _notice(hours: float | None, words: str) -> Detection:
    return _detection("breach_notice", _evidence(quantities=(Quantity("notice", hours, words, 150, 160),)))


def test_judge_survival_shorter_than_minimum_is_weak_naming_both_figures(nda: Profile) -> None:
    result = judge_element(_survival(1.0, "one (1) year"), nda)
    assert result.status == WEAK
    assert "1 year" in result.reason and "2 years" in result.reason
    assert '"one (1) year"' in result.reason


def test_judge_survival_meeting_minimum_is_present(nda: Profile) -> None:
    result = judge_element(_survival(3.0, "three (3) years"), nda)
    assert result.status == PRESENT
    assert "section 8.2" in result.reason


def test_judge_survival_perpetual_is_present(nda: Profile) -> None:
    assert judge_element(_survival(math.inf, "perpetually"), nda).status == PRESENT


def test_judge_survival_threshold_comes_from_the_profile(nda: Profile, vendor: Profile) -> None:
    two_years = _survival(2.0, "two (2) years")
    assert judge_element(two_years, nda).status == PRESENT
    result = judge_element(two_years, vendor)
    assert result.status == WEAK
    assert "3 years" in result.reason


def test_judge_survival_shortest_period_decides(nda: Profile) -> None:
    detection = _detection(
        "post_termination",
        _evidence(
            quantities=(
                Quantity("survival", 5.0, "five years", 150, 160),
                Quantity("survival", 0.5, "six months", 170, 180),
            )
        ),
    )
    result = judge_element(detection, nda)
    assert result.status == WEAK
    assert "6 months" in result.reason


def test_judge_survival_period_of_a_lesser_clause_does_not_decide(nda: Profile) -> None:
    # The best clause says confidentiality lasts five years; a lesser supporting clause
    # holds a twelve-month non-solicitation period: the best clause's period decides.
    detection = _detection(
        "post_termination",
        _evidence(0.95, quantities=(Quantity("survival", 5.0, "five years", 150, 160),)),
        _evidence(0.7, quantities=(Quantity("survival", 1.0, "twelve (12) months", 170, 180),), number="9"),
    )
    assert judge_element(detection, nda).status == PRESENT
    # When the best clause names no period, the next clause that does decides.
    detection = _detection(
        "post_termination",
        _evidence(0.95),
        _evidence(0.7, quantities=(Quantity("survival", 1.0, "one (1) year", 170, 180),), number="9"),
    )
    assert judge_element(detection, nda).status == WEAK


def test_judge_survival_without_a_figure_is_present(nda: Profile) -> None:
    assert judge_element(_detection("post_termination", _evidence()), nda).status == PRESENT


@pytest.mark.parametrize(
    ("hours", "words", "status", "reason_words"),
    [
        (None, "as soon as practicable", WEAK, "no outer time limit"),
        (None, "within a reasonable time", WEAK, "no outer time limit"),
        (120.0, "within 5 days", WEAK, "120 hours"),
        (0.0, "promptly", PRESENT, "section 8.2"),
        (0.0, "without undue delay", PRESENT, "section 8.2"),
        (72.0, "within 72 hours", PRESENT, "section 8.2"),
        (24.0, "within 24 hours", PRESENT, "section 8.2"),
    ],
)
def test_judge_breach_notice_window(
    nda: Profile, hours: float | None, words: str, status: str, reason_words: str
) -> None:
    result = judge_element(_notice(hours, words), nda)
    assert result.status == status
    assert reason_words in result.reason
    if status == WEAK:
        assert "72" in result.reason and words in result.reason


def test_judge_breach_notice_without_any_deadline_is_weak(nda: Profile) -> None:
    result = judge_element(_detection("breach_notice", _evidence()), nda)
    assert result.status == WEAK
    assert "no outer time limit" in result.reason


def test_judge_breach_notice_numeric_limit_beats_immediate_wording(nda: Profile) -> None:
    detection = _detection(
        "breach_notice",
        _evidence(
            quantities=(
                Quantity("notice", 0.0, "without undue delay", 150, 170),
                Quantity("notice", 96.0, "in any event within 96 hours", 175, 200),
            )
        ),
    )
    result = judge_element(detection, nda)
    assert result.status == WEAK
    assert "96 hours" in result.reason


def test_judge_nothing_found_is_missing(nda: Profile) -> None:
    result = judge_element(_detection("remedies"), nda)
    assert result.status == MISSING
    assert result.reason == "no clause provides remedies"
    assert (result.requirement, result.severity) == ("required", "high")
    assert result.confidence == 1.0


def test_judge_below_threshold_is_missing_naming_the_closest_clause(nda: Profile) -> None:
    result = judge_element(_detection("remedies", _evidence(score=PRESENT_THRESHOLD - 0.1)), nda)
    assert result.status == MISSING
    assert "section 8.2" in result.reason and "0.40" in result.reason
    assert result.evidence


def test_judge_weak_signal_on_every_supporting_clause_makes_weak(nda: Profile) -> None:
    reason = "only 'reasonable efforts' with no standard of care"
    result = judge_element(_detection("safeguards", _evidence(weak=(reason,))), nda)
    assert result.status == WEAK
    assert reason in result.reason and "section 8.2" in result.reason


def test_judge_one_clean_clause_outweighs_a_weak_one(nda: Profile) -> None:
    detection = _detection(
        "safeguards",
        _evidence(score=0.9, weak=("only 'reasonable efforts' with no standard of care",)),
        _evidence(score=0.8, number="9.1"),
    )
    assert judge_element(detection, nda).status == PRESENT


def test_judge_present_reason_names_the_cues(nda: Profile) -> None:
    result = judge_element(_detection("remedies", _evidence(cue="injunction")), nda)
    assert result.status == PRESENT
    assert "injunction" in result.reason
    assert result.confidence == 0.9


def test_judge_element_not_in_profile_is_optional(nda: Profile) -> None:
    result = judge_element(_detection("audit"), nda)
    assert (result.requirement, result.severity, result.status) == ("optional", "low", MISSING)


def _result(requirement: str, severity: str, status: str, element: str = "definition") -> ElementResult:
    return ElementResult(element, element, requirement, severity, status, 0.9, "")


def test_judge_route_missing_required_high_is_red() -> None:
    routing, _ = route((_result("required", "high", MISSING), _result("required", "medium", PRESENT)))
    assert routing == RED


def test_judge_route_missing_required_medium_is_yellow() -> None:
    routing, _ = route((_result("required", "high", PRESENT), _result("required", "medium", MISSING)))
    assert routing == YELLOW


def test_judge_route_weak_is_yellow() -> None:
    routing, _ = route((_result("required", "high", WEAK), _result("recommended", "low", PRESENT)))
    assert routing == YELLOW


def test_judge_route_weak_recommended_is_yellow() -> None:
    routing, _ = route((_result("required", "high", PRESENT), _result("recommended", "low", WEAK)))
    assert routing == YELLOW


def test_judge_route_recommended_missing_only_is_green() -> None:
    routing, score = route((_result("required", "high", PRESENT), _result("recommended", "low", MISSING)))
    assert routing == GREEN
    assert score == 75


def test_judge_route_red_is_not_downgraded_by_later_gaps() -> None:
    routing, _ = route(
        (
            _result("required", "high", MISSING),
            _result("required", "medium", MISSING),
            _result("required", "medium", WEAK),
        )
    )
    assert routing == RED


def test_judge_route_optional_elements_do_not_count() -> None:
    assert route((_result("optional", "low", MISSING),)) == (GREEN, 100)
    assert route((_result("required", "high", PRESENT), _result("optional", "low", MISSING))) == (GREEN, 100)


def test_judge_route_score_all_present_is_100_all_missing_is_0() -> None:
    assert route((_result("required", "high", PRESENT), _result("required", "medium", PRESENT)))[1] == 100
    assert route((_result("required", "high", MISSING), _result("required", "medium", MISSING)))[1] == 0


def test_judge_route_score_is_monotonic_in_each_status() -> None:
    order = (MISSING, WEAK, PRESENT)
    base = [
        _result("required", "high", PRESENT),
        _result("required", "medium", WEAK),
        _result("recommended", "low", MISSING),
    ]
    for position in range(len(base)):
        scores = []
        for status in order:
            changed = list(base)
            old = changed[position]
            changed[position] = _result(old.requirement, old.severity, status)
            scores.append(route(tuple(changed))[1])
        assert scores[0] < scores[1] < scores[2], position


def test_judge_route_high_severity_weighs_more_than_low() -> None:
    high_missing = route((_result("required", "high", MISSING), _result("recommended", "low", PRESENT)))[1]
    low_missing = route((_result("required", "high", PRESENT), _result("recommended", "low", MISSING)))[1]
    assert high_missing < low_missing


def test_judge_judges_every_detection_and_routes(nda: Profile) -> None:
    detections = (_survival(1.0, "one (1) year"), _notice(0.0, "promptly"), _detection("remedies"))
    results, routing, score = judge(detections, nda)
    assert [r.status for r in results] == [WEAK, PRESENT, MISSING]
    assert routing == RED
    assert 0 < score < 100


def test_judge_statuses_are_str_enums_that_read_as_text() -> None:
    import json

    from clauses.datamodel import MISSING, RED, Routing, Status

    assert MISSING is Status.MISSING and MISSING == "missing" and f"{MISSING}" == "missing"
    assert str(RED) == "RED" and Routing("RED") is RED
    assert json.dumps({"s": Status.WEAK}) == '{"s": "weak"}'

def _calibration():
    from clauses.detect.calibration import CALIBRATION_VERSION, Calibration
    from clauses.elements import element_ids

    row = {"scores": [0.0, 0.3, 0.6, 1.0], "present": [0.02, 0.2, 0.8, 0.99]}
    row.update(weak_right=0.5, present_right=0.97)
    return Calibration.from_data(
        {"version": CALIBRATION_VERSION, "elements": {e: dict(row) for e in element_ids()}}, element_ids()
    )


def test_judge_calibrated_confidence_is_probability_the_verdict_is_right(nda: Profile) -> None:
    calibration = _calibration()
    strong = judge_element(_detection("third_party", _evidence(1.0)), nda, calibration=calibration)
    assert strong.status == PRESENT and strong.confidence == pytest.approx(0.99 * 0.97, abs=1e-3)
    assert not strong.needs_review
    borderline = judge_element(_detection("third_party", _evidence(0.6)), nda, calibration=calibration)
    assert borderline.status == PRESENT and borderline.confidence == pytest.approx(0.8 * 0.97, abs=1e-3)
    assert borderline.needs_review
    nothing = judge_element(_detection("audit"), nda, calibration=calibration)
    assert nothing.status == MISSING and nothing.confidence == pytest.approx(0.98)
    assert not nothing.needs_review
    near = judge_element(_detection("audit", _evidence(0.3)), nda, calibration=calibration)
    assert near.status == MISSING and near.confidence == pytest.approx(0.8) and near.needs_review


def test_judge_weak_verdict_carries_the_weak_flag_rate(nda: Profile) -> None:
    detection = _detection("safeguards", _evidence(1.0, weak=("only reasonable efforts",)))
    weak = judge_element(detection, nda, calibration=_calibration())
    assert weak.status == WEAK and weak.needs_review
    assert weak.confidence == pytest.approx(0.99 * 0.5, abs=1e-3)


def test_judge_without_calibration_flags_low_raw_confidence(nda: Profile) -> None:
    high = judge_element(_detection("third_party", _evidence(0.95)), nda)
    low = judge_element(_detection("third_party", _evidence(0.6)), nda)
    assert not high.needs_review and low.needs_review and low.confidence == 0.6



def test_judge_definition_weakness_is_decided_by_the_defining_clauses(nda: Profile) -> None:
    marked = "covers only information marked confidential in writing"
    recital = replace(_evidence(score=0.6, number=""), cues=())
    # A recital the classifier reads as scope defines nothing: the marked-only definition stays weak.
    weak = judge_element(_detection("definition", _evidence(weak=(marked,)), recital), nda)
    assert weak.status == WEAK and marked in weak.reason
    # A second clause that does define the term (a cue of its own) and is not marked-only clears it.
    present = judge_element(_detection("definition", _evidence(weak=(marked,)), _evidence(number="1.2")), nda)
    assert present.status == PRESENT
    # Other elements still weigh every supporting clause.
    efforts = "only 'reasonable efforts' with no standard of care"
    safeguards = judge_element(_detection("safeguards", _evidence(weak=(efforts,)), recital), nda)
    assert safeguards.status == PRESENT


def test_judge_survival_counted_from_signing_at_the_minimum_is_weak(nda: Profile, vendor: Profile) -> None:
    """Two years from the Effective Date leave less than two after termination: short of the NDA minimum."""

    def signed(years: float) -> Detection:
        period = Quantity("survival", years, f"{years:g} years", 150, 160, signing_anchor_end=185)
        return _detection("post_termination", _evidence(quantities=(period,)))

    weak = judge_element(signed(2.0), nda)
    assert weak.status == WEAK
    assert "from the date of the agreement" in weak.reason and "needs 2 years" in weak.reason
    assert judge_element(signed(3.0), nda).status == PRESENT
    assert judge_element(signed(3.0), vendor).status == WEAK
    assert judge_element(_survival(2.0, "two years"), nda).status == PRESENT


def test_judge_data_protection_definitions_weigh_neither_way(nda: Profile) -> None:
    """A clause that only defines the data or the law neither clears nor makes weakness."""
    passing = "data protection is referred to only in passing"
    definition = _evidence(score=0.8, weak=(ONLY_DEFINES,), number="1.4")
    saving = judge_element(_detection("data_protection", _evidence(weak=(passing,)), definition), nda)
    assert saving.status == WEAK and passing in saving.reason
    # Only a definition found: the duty may sit in a clause the detector missed; not weak.
    alone = judge_element(_detection("data_protection", definition), nda)
    assert alone.status == PRESENT
    duty = judge_element(_detection("data_protection", _evidence(), definition), nda)
    assert duty.status == PRESENT


def test_judge_definition_weak_reason_comes_from_a_defining_clause(nda: Profile) -> None:
    marked = "covers only information marked confidential in writing"
    recital = replace(_evidence(score=0.95, number=""), cues=())
    result = judge_element(_detection("definition", recital, _evidence(score=0.9, weak=(marked,))), nda)
    assert result.status == WEAK and result.reason == f"{marked} (section 8.2)"
