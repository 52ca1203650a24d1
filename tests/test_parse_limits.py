"""The named limits: numbers read within bounds, and errors that name the limit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clauses.errors import TooLargeError
from clauses.parse import limits


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12), (" -3 ", -3), ("+4", 4), ("9" * 5000, 1), ("1e3", 1), ("\u00b2", 1), ("", 1), (None, 1)],
)
def test_limits_bounded_int(text: str | None, expected: int) -> None:
    assert limits.bounded_int(text, 1) == expected


def test_limits_check_names_the_constant() -> None:
    limits.check("a.pdf", "pages", 10, 10, "MAX_PDF_PAGES")  # at the limit: accepted
    with pytest.raises(TooLargeError) as info:
        limits.check("a.pdf", "pages", 11, 10, "MAX_PDF_PAGES")
    assert info.value.one_line() == (
        "a.pdf: TooLarge: pages: 11 is over the limit of 10 (MAX_PDF_PAGES in clauses/parse/limits.py); "
        "raise it there if the file is trusted"
    )


def test_limits_every_constant_has_a_reason() -> None:
    source = Path(limits.__file__).read_text(encoding="utf-8")
    for line in source.splitlines():
        if re.match(r"MAX_\w+ = ", line):
            assert "  # " in line, line


def test_limits_pyproject_declares_cryptography_for_aes_pdfs() -> None:
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    dependencies = pyproject.split("dependencies = [", 1)[1].split("]", 1)[0]
    assert re.search(r'"cryptography[<>=!~ ]', dependencies)
