"""Judging from a side (issue 12): a duty counts only when it binds the other side, on contracts we wrote.

The fixtures in tests/fixtures/side are small contracts written for these tests:
a one-way SaaS terms document whose every confidentiality duty binds the
customer, its mirror binding the provider, a mutual NDA, a one-way NDA, an
employment agreement, and a cover page with the standard terms it incorporates.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clauses.datamodel import GREEN, MISSING, PRESENT, RED, YELLOW, Analysis
from clauses.pipeline import analyze, load_shipped_model

SIDE = Path(__file__).resolve().parent / "fixtures" / "side"
DUTIES = ("third_party", "breach_notice", "remedies", "safeguards", "data_protection", "use_limitation")


@pytest.fixture(scope="module")
def model():
    return load_shipped_model()


def _result(analysis: Analysis, element: str):
    return next(r for r in analysis.elements if r.element == element)


def test_judge_side_vendor_terms_are_red_for_the_customer(model) -> None:
    """The issue's case: the vendor's own terms bind only the customer, so the customer gets nothing."""
    analysis = analyze(SIDE / "saas_customer_bound.txt", "vendor", model=model)
    assert analysis.side == "customer"  # the vendor profile's default side
    assert analysis.side_parties == ("Customer",)
    assert analysis.routing == RED
    for element in DUTIES:
        result = _result(analysis, element)
        assert result.status == MISSING, element
        assert result.evidence[0].binds == ("Customer",)
        assert "binds you (Customer), not the vendor" in result.reason
        assert "no clause binding the vendor (Provider) provides" in result.reason


def test_judge_side_vendor_terms_are_judged_as_before_for_the_vendor(model) -> None:
    vendor = analyze(SIDE / "saas_customer_bound.txt", "vendor", model=model, side="vendor")
    either = analyze(SIDE / "saas_customer_bound.txt", "vendor", model=model, side="either")
    assert [r.status for r in vendor.elements] == [r.status for r in either.elements]
    assert (vendor.routing, vendor.score) == (either.routing, either.score)
    assert vendor.side_parties == ("Provider",)
    breach = _result(vendor, "breach_notice")
    assert breach.status == PRESENT and breach.evidence[0].binds == ("Customer",)
    assert breach.evidence[0].protects == ("Provider",)
    # The blank survival period is named whichever side reads it (present: the spec's weak
    # test is a period shorter than the minimum, and a blank states none).
    survival = _result(vendor, "post_termination")
    assert survival.status == PRESENT and '; left blank: "' in survival.reason
    assert "section 2.8" in survival.reason


def test_judge_side_mirror_terms_bind_the_provider(model) -> None:
    analysis = analyze(SIDE / "saas_provider_bound.txt", "vendor", model=model)
    assert analysis.side == "customer"
    for element in DUTIES:
        result = _result(analysis, element)
        assert result.status == PRESENT, element
        assert result.evidence[0].binds == ("Provider",)
    assert analysis.routing == GREEN
    # Seen from the provider, the same duties bind "you".
    provider = analyze(SIDE / "saas_provider_bound.txt", "vendor", model=model, side="vendor")
    assert _result(provider, "safeguards").status == MISSING
    assert "binds you (Provider), not the customer" in _result(provider, "safeguards").reason


def test_judge_side_mutual_nda_counts_from_either_party(model) -> None:
    either = analyze(SIDE / "mutual_nda.txt", model=model)
    assert either.profile == "nda" and either.side == "either"
    assert _result(either, "third_party").evidence[0].binds == ("Alder", "Birchfield")
    for side in ("Alder", "Birchfield Analytics Inc."):
        analysis = analyze(SIDE / "mutual_nda.txt", model=model, side=side)
        assert analysis.side == side and not analysis.warnings
        assert [r.status for r in analysis.elements] == [r.status for r in either.elements]
    # "discloser" names both parties of a mutual NDA: said in one line, judged for either.
    discloser = analyze(SIDE / "mutual_nda.txt", model=model, side="discloser")
    assert discloser.side == "either"
    assert any("every party plays it" in w for w in discloser.warnings)


def test_judge_side_one_way_nda_from_each_side(model) -> None:
    discloser = analyze(SIDE / "one_way_nda.txt", model=model, side="discloser")
    assert discloser.side_parties == ("Discloser",)
    assert discloser.routing == GREEN
    assert _result(discloser, "breach_notice").evidence[0].binds == ("Recipient",)
    recipient = analyze(SIDE / "one_way_nda.txt", model=model, side="recipient")
    assert recipient.routing == RED
    result = _result(recipient, "return_destruction")
    assert result.status == MISSING
    assert "binds you (Recipient), not the discloser" in result.reason
    # A party's legal name resolves like its role.
    by_name = analyze(SIDE / "one_way_nda.txt", model=model, side="Dunmore Consulting LLC")
    assert [r.status for r in by_name.elements] == [r.status for r in recipient.elements]


def test_judge_side_employment_defaults_to_the_employer(model) -> None:
    employer = analyze(SIDE / "employment.txt", model=model)
    assert employer.profile == "employment" and employer.side == "employer"
    post = _result(employer, "post_termination")
    assert post.status == PRESENT and post.evidence[0].binds == ("Employee",)
    assert post.evidence[0].protects == ("Employer",)
    assert employer.routing in (GREEN, YELLOW)
    employee = analyze(SIDE / "employment.txt", model=model, side="employee")
    assert employee.routing == RED
    assert "binds you (Employee), not the employer" in _result(employee, "post_termination").reason


def test_judge_side_unresolved_side_falls_back_to_either_in_one_line(model) -> None:
    analysis = analyze(SIDE / "one_way_nda.txt", model=model, side="employer")
    either = analyze(SIDE / "one_way_nda.txt", model=model, side="either")
    assert analysis.side == "either"
    assert [w for w in analysis.warnings if "employer" in w] == [
        "side 'employer' could not be resolved to a party of this contract "
        "(parties: Discloser (discloser), Recipient (recipient)); judged for either side"
    ]
    assert [r.status for r in analysis.elements] == [r.status for r in either.elements]


def test_judge_side_cover_page_alone_is_not_red(model) -> None:
    analysis = analyze(SIDE / "cover" / "cover_page.txt", model=model)
    assert analysis.routing != RED
    assert analysis.warnings[0].startswith("the operative terms are not all in this file")
    assert "Harbourline Mutual NDA Standard Terms" in analysis.warnings[0]
    missing = [r for r in analysis.elements if r.status == MISSING and r.requirement == "required"]
    assert missing and all(r.reason.startswith("not in this document") for r in missing)
    # The signature lines ("By: ____") are not blanks.
    assert analysis.blanks == ()


def test_judge_side_playbook_side_is_used(model, tmp_path: Path) -> None:
    playbook = tmp_path / "vendor-side.toml"
    playbook.write_text(
        'name = "vendor-side"\nside = "vendor"\n[elements]\n'
        'third_party = { requirement = "required", severity = "high" }\n',
        encoding="utf-8",
    )
    from clauses.profiles import load_profile

    analysis = analyze(SIDE / "saas_customer_bound.txt", load_profile(str(playbook)), model=model)
    assert analysis.side == "vendor"
    assert _result(analysis, "third_party").status == PRESENT
    override = analyze(
        SIDE / "saas_customer_bound.txt", load_profile(str(playbook)), model=model, side="customer"
    )
    assert _result(override, "third_party").status == MISSING
