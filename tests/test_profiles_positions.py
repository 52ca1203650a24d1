"""Playbooks with the firm's positions: extends, preferred/fallback thresholds, [wording]."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_fixtures import build_document

from clauses.datamodel import PRESENT, WEAK, Detection, Evidence, Quantity
from clauses.errors import ConfigError
from clauses.judge import judge_element
from clauses.profiles import load_profile
from clauses.suggest import suggest


def _playbook(folder: Path, text: str) -> Path:
    path = folder / "acme.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_profiles_positions_extends_a_built_in(tmp_path: Path) -> None:
    path = _playbook(
        tmp_path,
        'name = "acme"\nextends = "vendor"\n'
        '[elements]\naudit = { requirement = "required", severity = "low" }\n',
    )
    playbook, vendor = load_profile(str(path)), load_profile("vendor")
    assert playbook.name == "acme"
    assert playbook.min_survival_years == vendor.min_survival_years
    assert playbook.rule("audit").requirement == "required" and playbook.rule("audit").severity == "low"
    assert playbook.rule("breach_notice") == vendor.rule("breach_notice")  # inherited
    with pytest.raises(ConfigError, match="extends must name a built-in profile"):
        load_profile(str(_playbook(tmp_path, 'name = "x"\nextends = "nope"\n[elements]\n')))


def _survival(years: float) -> Detection:
    quantity = Quantity("survival", years, f"{years:g} years", 0, 10)
    evidence = Evidence("c1", "8.2", "", None, 0, 10, 0.9, 0.9, 0.9, quantities=(quantity,))
    return Detection("post_termination", 0.9, (evidence,))


def test_profiles_positions_preferred_and_fallback(tmp_path: Path) -> None:
    path = _playbook(
        tmp_path,
        'name = "acme"\nextends = "nda"\n'
        "[thresholds]\nmin_survival_years = { preferred = 5, fallback = 3 }\n",
    )
    playbook = load_profile(str(path))
    assert judge_element(_survival(5), playbook).status == PRESENT
    fallback = judge_element(_survival(3), playbook)
    assert fallback.status == WEAK and fallback.reason.startswith("acceptable fallback")
    short = judge_element(_survival(2), playbook)
    assert short.status == WEAK and not short.reason.startswith("acceptable fallback")


@pytest.mark.parametrize(
    ("thresholds", "message"),
    [
        ("min_survival_years = { preferred = 3, fallback = 5 }", "fallback must be at most"),
        ("max_notice_hours = { preferred = 72, fallback = 24 }", "fallback must be at least"),
        ("max_notice_hours = { fallback = 24 }", "preferred = N"),
    ],
)
def test_profiles_positions_bad_fallback_is_one_line(tmp_path: Path, thresholds: str, message: str) -> None:
    path = _playbook(tmp_path, f'name = "acme"\nextends = "nda"\n[thresholds]\n{thresholds}\n')
    with pytest.raises(ConfigError, match=message):
        load_profile(str(path))


def test_profiles_positions_firm_wording(tmp_path: Path) -> None:
    (tmp_path / "wording").mkdir()
    (tmp_path / "wording" / "audit.j2").write_text(
        "Audit. ACME may audit {{ recipient }} once a year on {{ notice_hours|count('hour') }} notice.",
        encoding="utf-8",
    )
    path = _playbook(tmp_path, 'name = "acme"\nextends = "nda"\n[wording]\naudit = "wording/audit.j2"\n')
    playbook = load_profile(str(path))
    template = dict(playbook.wording)["audit"]
    texts = ["NDA", "1. Confidentiality", "1.1 The Recipient shall keep it secret."]
    document = build_document(texts, "x.txt", "text", b"x")
    text = suggest(
        document,
        "audit",
        profile_thresholds=playbook.thresholds,
        weak=False,
        reason="",
        evidence_clause_id=None,
        template_path=template,
    ).text
    assert text == "Audit. ACME may audit the Recipient once a year on seventy-two (72) hours notice."


@pytest.mark.parametrize(
    ("entry", "content", "message"),
    [
        ('nope = "a.j2"', "x", "unknown element id 'nope'"),
        ('audit = "missing.j2"', None, "cannot read missing.j2"),
        ('audit = "a.j2"', "{% if %}", "a.j2 line 1"),
    ],
)
def test_profiles_positions_bad_wording_is_one_line(
    tmp_path: Path, entry: str, content: str | None, message: str
) -> None:
    if content is not None:
        (tmp_path / "a.j2").write_text(content, encoding="utf-8")
    path = _playbook(tmp_path, f'name = "acme"\nextends = "nda"\n[wording]\n{entry}\n')
    with pytest.raises(ConfigError, match=message) as raised:
        load_profile(str(path))
    assert "\n" not in str(raised.value)
