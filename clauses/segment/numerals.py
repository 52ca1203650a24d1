"""Numerals read and written in one place: roman numerals (segmenter, DOCX and HTML
numbering, suggestions) and English number words (quantities read "seventy-two
(72) hours", suggestions write it)."""

from __future__ import annotations

import re

_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_VALID = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_PARTS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman_value(letters: str) -> int | None:
    """Value of a well-formed roman numeral in any case, or None when it is not one."""
    low = letters.lower()
    if not low or not _VALID.match(low):
        return None
    total = 0
    for i, char in enumerate(low):
        value = _VALUES[char]
        total += -value if i + 1 < len(low) and _VALUES[low[i + 1]] > value else value
    return total


MAX_ROMAN = 3999  # "mmmcmxcix": standard roman numerals stop here


def to_roman(value: int) -> str:
    """Lower-case roman numeral of ``value`` (1..3999); "" below 1, decimal digits above 3999.

    Above 3999 there is no standard numeral, and writing one "m" per thousand
    made a crafted start value of 10^15 run for hours.
    """
    if value > MAX_ROMAN:
        return str(value)
    out = ""
    for amount, numeral in _PARTS:
        while value >= amount:
            out, value = out + numeral, value - amount
    return out


ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(value: int) -> str:
    """Spell a whole number 0..999999 in English words ("seventy-two")."""
    if value < 0 or value >= 1_000_000:
        return str(value)
    if value < 20:
        return ONES[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return f"{ONES[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")
    thousands, rest = divmod(value, 1000)
    joiner = " and " if 0 < rest < 100 else " "
    return f"{number_words(thousands)} thousand" + (f"{joiner}{number_words(rest)}" if rest else "")
