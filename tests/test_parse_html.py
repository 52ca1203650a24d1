"""HTML: visible text only, blocks per element, automatic <ol> numbers, inert entities."""

from __future__ import annotations

from pathlib import Path

import pytest

from clauses.parse import parse
from clauses.parse.html import html_blocks


@pytest.fixture(scope="module")
def page(fixtures_dir: Path):
    return parse(fixtures_dir / "page.html")


@pytest.mark.parametrize(
    "secret", ["SCRIPTSECRET", "HIDDENSECRET", "STYLESECRET", "NOSCRIPTSECRET", "Ignored title", "color: red"]
)
def test_html_invisible_text_dropped(page, secret: str) -> None:
    assert secret not in page.text


def test_html_ordered_lists_numbered(page) -> None:
    numbers = [c.number for c in page.clauses if c.number]
    assert numbers == ["1", "2", "2(a)", "2(b)", "3"]
    assert any(c.text == "3. Beta keeps records of processing." for c in page.clauses)
    assert "at rest & in transit" in page.text


def test_html_headings_title_table(page) -> None:
    assert page.title == "Data Processing Terms"
    assert page.clauses[1].heading == "Security"
    assert [c.text for c in page.clauses if c.in_table] == ["Sub-processor | Country", "Cloudy Inc | Ireland"]


def test_html_doctype_entities_never_expanded() -> None:
    source = '<!DOCTYPE html [<!ENTITY boom "EXPANDED">]><html><body><p>A &boom; B</p></body></html>'
    texts = [b.text for b in html_blocks(source)]
    assert texts == ["A &boom; B"]


def test_html_ol_type_and_start() -> None:
    blocks = html_blocks('<ol type="i" start="3"><li>third</li><li>fourth</li></ol>')
    assert [b.text for b in blocks] == ["iii. third", "iv. fourth"]
