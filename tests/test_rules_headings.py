"""Section headings as declared context (elements.toml ``headings``): bounded, never a cue of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from clauses.detect import detect
from clauses.detect.rules import HEADING_BOOST, HEADING_CEILING, HEADING_DAMP, context_adjusted
from clauses.elements import elements, load_elements
from clauses.errors import ConfigError
from clauses.segment import plain_document

FLOOR = 0.2


def test_rules_headings_boost_a_supported_clause_under_a_naming_heading() -> None:
    survival = elements()["post_termination"]
    boosted = context_adjusted(survival, 0.42, ("Survival", ""), "", FLOOR)
    assert boosted == pytest.approx(0.42 + HEADING_BOOST)
    # The parent heading counts as much as the clause's own.
    assert context_adjusted(survival, 0.42, ("General", "Term and Termination"), "", FLOOR) > 0.42
    assert context_adjusted(survival, 0.42, ("General", "Notices"), "", FLOOR) == 0.42


def test_rules_headings_never_make_an_element_without_support() -> None:
    survival = elements()["post_termination"]
    assert context_adjusted(survival, 0.1, ("Survival", ""), "", FLOOR) == 0.1


def test_rules_headings_boost_stops_at_the_ceiling_so_a_plain_clause_keeps_its_rank() -> None:
    survival = elements()["post_termination"]
    assert context_adjusted(survival, 0.55, ("Survival", ""), "", FLOOR) == HEADING_CEILING
    assert context_adjusted(survival, 0.8, ("Survival", ""), "", FLOOR) == 0.8


def test_rules_headings_damp_a_look_alike_and_both_cancel() -> None:
    audit = elements()["audit"]
    damped = context_adjusted(audit, 0.7, ("Quality Control", ""), "", FLOOR)
    assert damped == pytest.approx(0.7 - HEADING_DAMP)
    assert context_adjusted(audit, 0.7, ("Fees", "Audit"), "", FLOOR) == 0.7


def test_rules_headings_raise_the_detected_score_of_a_clause_under_survival() -> None:
    body = "The confidentiality duties in Section 3 survive."

    def best(heading: str) -> float:
        # A services agreement: an NDA would boost every survival clause (doc_types).
        text = f"MASTER SERVICES AGREEMENT\n\n9. {heading}\n\n9.1 {body}\n"
        document = plain_document(text, path="t.txt", fmt="text", sha256="")
        detection = next(d for d in detect(document) if d.element == "post_termination")
        return detection.score

    plain, under = best("General"), best("Survival")
    assert plain >= FLOOR
    assert 0 < under - plain <= HEADING_BOOST + 1e-9


def _widget(tmp_path: Path, extra_key: str = "", extra_table: str = "") -> Path:
    """elements.toml with one element, "widget": ``extra_key`` in its table, ``extra_table`` after it."""
    path = tmp_path / "elements.toml"
    path.write_text(
        '[widget]\ntitle = "W"\nsummary = "W."\ncore = false\ntemplate = "w.j2"\nquantity = ""\n'
        f"{extra_key}\n"
        "[[widget.cues]]\nname = \"w\"\npattern = '''widget'''\nscore = 0.6\n"
        f"{extra_table}",
        encoding="utf-8",
    )
    return path


def test_rules_headings_unknown_key_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="headings"):
        load_elements(_widget(tmp_path, extra_table="\n[widget.headings]\nlift = '''widgets'''\n"))


def test_rules_headings_contract_type_that_expects_the_element_boosts_like_a_heading() -> None:
    use = elements()["use_limitation"]
    assert "nda" in use.doc_types
    assert context_adjusted(use, 0.42, ("", ""), "nda", FLOOR) == pytest.approx(0.42 + HEADING_BOOST)
    assert context_adjusted(use, 0.42, ("", ""), "vendor", FLOOR) == 0.42
    assert context_adjusted(use, 0.1, ("", ""), "nda", FLOOR) == 0.1


def test_rules_headings_unknown_contract_type_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="doc_types"):
        load_elements(_widget(tmp_path, extra_key='doc_types = ["lease"]\n'))
