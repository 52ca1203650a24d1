"""clauses.elements: the shipped definitions load; bad definitions fail at load naming the culprit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clauses.elements import ELEMENTS_FILE, QUANTITY_KINDS, core_ids, element_ids, elements, load_elements
from clauses.errors import ConfigError

SPEC_ORDER = (
    "definition",
    "third_party",
    "post_termination",
    "breach_notice",
    "remedies",
    "exclusions",
    "compelled_disclosure",
    "use_limitation",
    "return_destruction",
    "safeguards",
    "personnel",
    "data_protection",
    "audit",
)

# A minimal valid element; the tests below break one thing at a time.
GOOD_ELEMENT = """
[widget]
title = "Widget clause"
summary = "A clause about widgets."
core = false
template = "widget.j2"
quantity = ""

[[widget.cues]]
name = "widget_word"
pattern = '''\\bwidgets?\\b'''
score = 0.6
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "elements.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_elements_shipped_file_has_13_ids_in_spec_order() -> None:
    assert element_ids() == SPEC_ORDER


def test_elements_core_are_the_first_five() -> None:
    assert core_ids() == SPEC_ORDER[:5]


def test_elements_every_element_has_cues_template_and_known_quantity() -> None:
    for element in elements().values():
        assert element.cues, element.id
        assert element.template == f"{element.id}.j2"
        assert element.quantity in QUANTITY_KINDS
        assert all(0 < cue.score <= 1 for cue in element.cues), element.id


def test_elements_quantities_are_on_survival_and_notice() -> None:
    kinds = {e.id: e.quantity for e in elements().values() if e.quantity}
    assert kinds == {"post_termination": "survival", "breach_notice": "notice"}


def test_elements_patterns_are_case_insensitive() -> None:
    cue = elements()["remedies"].cues[0]
    assert cue.regex.flags & re.IGNORECASE


def test_elements_load_elements_reads_a_minimal_file(tmp_path: Path) -> None:
    loaded = load_elements(_write(tmp_path, GOOD_ELEMENT))
    assert list(loaded) == ["widget"]
    assert loaded["widget"].cues[0].regex.search("Two WIDGETS")


def test_elements_load_elements_default_is_the_shipped_file() -> None:
    assert tuple(load_elements(ELEMENTS_FILE)) == SPEC_ORDER


def test_elements_bad_regex_names_element_and_pattern(tmp_path: Path) -> None:
    text = GOOD_ELEMENT.replace("\\bwidgets?\\b", "(unclosed")
    assert "(unclosed" in text
    with pytest.raises(ConfigError) as caught:
        load_elements(_write(tmp_path, text))
    assert "widget" in str(caught.value)
    assert "widget_word" in str(caught.value)
    assert "regex" in str(caught.value)


def test_elements_bad_weak_unless_regex_names_the_signal(tmp_path: Path) -> None:
    text = GOOD_ELEMENT + (
        "\n[[widget.weak]]\nname = \"few_widgets\"\npattern = 'few'\nunless = '[oops'\nreason = \"few\"\n"
    )
    with pytest.raises(ConfigError, match=r"widget: pattern 'few_widgets\.unless'"):
        load_elements(_write(tmp_path, text))


def test_elements_unknown_key_names_element_and_key(tmp_path: Path) -> None:
    text = GOOD_ELEMENT.replace('quantity = ""', 'quantity = ""\ncolour = "blue"')
    with pytest.raises(ConfigError) as caught:
        load_elements(_write(tmp_path, text))
    assert "widget" in str(caught.value)
    assert "colour" in str(caught.value)


def test_elements_missing_score_names_element_and_pattern(tmp_path: Path) -> None:
    text = GOOD_ELEMENT.replace("score = 0.6\n", "")
    with pytest.raises(ConfigError) as caught:
        load_elements(_write(tmp_path, text))
    assert "widget" in str(caught.value)
    assert "widget_word" in str(caught.value)
    assert "score" in str(caught.value)


@pytest.mark.parametrize("score", ["0", "1.5", "-0.2", '"high"'])
def test_elements_out_of_range_score_is_rejected(tmp_path: Path, score: str) -> None:
    text = GOOD_ELEMENT.replace("score = 0.6", f"score = {score}")
    with pytest.raises(ConfigError, match="widget_word"):
        load_elements(_write(tmp_path, text))


def test_elements_unknown_quantity_names_element(tmp_path: Path) -> None:
    text = GOOD_ELEMENT.replace('quantity = ""', 'quantity = "duration"')
    with pytest.raises(ConfigError) as caught:
        load_elements(_write(tmp_path, text))
    assert "widget" in str(caught.value)
    assert "quantity" in str(caught.value)


def test_elements_missing_title_names_element_and_key(tmp_path: Path) -> None:
    text = GOOD_ELEMENT.replace('title = "Widget clause"\n', "")
    with pytest.raises(ConfigError, match=r"widget: missing key 'title'"):
        load_elements(_write(tmp_path, text))


def test_elements_element_without_cues_is_rejected(tmp_path: Path) -> None:
    text = GOOD_ELEMENT.split("[[widget.cues]]")[0]
    with pytest.raises(ConfigError, match="widget: no cues"):
        load_elements(_write(tmp_path, text))


def test_elements_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read element definitions"):
        load_elements(_write(tmp_path, "[widget\ntitle = 1"))


def test_elements_cue_without_pattern_names_element_and_cue(tmp_path: Path) -> None:
    text = GOOD_ELEMENT.replace("pattern = '''\\bwidgets?\\b'''\n", "")
    assert "pattern" not in text
    with pytest.raises(ConfigError, match="widget_word"):
        load_elements(_write(tmp_path, text))


def test_elements_unknown_key_in_weak_signal_is_rejected(tmp_path: Path) -> None:
    text = GOOD_ELEMENT + (
        "\n[[widget.weak]]\nname = \"few_widgets\"\npattern = 'few'\nunles = 'many'\nreason = \"few\"\n"
    )
    with pytest.raises(ConfigError, match="unles"):
        load_elements(_write(tmp_path, text))
