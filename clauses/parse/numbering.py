"""Word automatic numbering, reconstructed the way Word displays it.

Word stores "7.2" or "(b)" not in the text but in ``numbering.xml``: a paragraph
names a list (``w:numId``) and a level (``w:ilvl``), directly or through its style;
the list points to an abstract definition whose levels say the start value, the
format (decimal, lowerLetter, lowerRoman, bullet...) and a template such as
"%1.%2" or "(%3)". Counters live per abstract definition (lists sharing one
continue each other), deeper levels restart when a higher one advances, and a
list with ``w:startOverride`` restarts its levels the first time it is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clauses.parse import limits
from clauses.segment.numerals import to_roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = "\u2022"


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False  # w:isLgl: show every level as decimal ("1.1" under "Article I")
    style: str = ""  # w:pStyle: the paragraph style tied to this level


@dataclass
class _ListState:
    counters: dict[int, int] = field(default_factory=dict)


def _val(element: object, tag: str, default: str = "") -> str:
    child = element.find(W + tag) if element is not None else None  # type: ignore[union-attr]
    return child.get(W + "val", default) if child is not None else default


def _int(value: str, default: int) -> int:
    return limits.bounded_int(value, default)


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb, cc.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(value: int, fmt: str) -> str:
    """One counter in a Word number format.

    Letters repeat one per 26 (a start of 10^12 asked for a 38 GB label) and
    roman numerals stop at 3999, so past ``limits.MAX_NUMBER_VALUE`` (Word's own
    maximum start) both show as decimal digits.
    """
    if value > limits.MAX_NUMBER_VALUE and fmt in ("lowerLetter", "upperLetter", "lowerRoman", "upperRoman"):
        return str(value)
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return to_roman(value)
    if fmt == "upperRoman":
        return to_roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


@dataclass(frozen=True)
class Styles:
    """What numbering and headings need from styles.xml, read once per distinct styles part.

    Contracts from one template share their styles part byte for byte, and it is
    often the biggest part of the package (a python-docx or corporate template
    carries hundreds of table and latent styles), so the reader caches this by
    the part's bytes instead of parsing it for every document.
    """

    names: dict[str, str] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    numpr: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    outline: dict[str, int] = field(default_factory=dict)


def read_styles(root: object | None) -> Styles:
    styles = Styles()
    if root is None:
        return styles
    for style in root.findall(W + "style"):  # type: ignore[attr-defined]
        sid = style.get(W + "styleId", "")
        styles.names[sid] = _val(style, "name", sid)
        based = _val(style, "basedOn")
        if based:
            styles.based_on[sid] = based
        ppr = style.find(W + "pPr")
        if ppr is None:
            continue
        numpr = ppr.find(W + "numPr")
        if numpr is not None:
            ilvl = _val(numpr, "ilvl")
            styles.numpr[sid] = (_val(numpr, "numId"), _int(ilvl, 0) if ilvl else None)
        outline = _val(ppr, "outlineLvl")
        if outline:
            styles.outline[sid] = _int(outline, 9)
    return styles


class Numbering:
    """Gives each numbered paragraph, in document order, the label Word shows."""

    def __init__(self, numbering_root: object | None, styles: Styles | None = None) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self.styles = styles or Styles()  # shared between documents: read, never changed
        self._states: dict[str, _ListState] = {}
        self._used: set[str] = set()
        if numbering_root is not None:
            self._read_numbering(numbering_root)

    # -- reading the definitions
    @staticmethod
    def _levels(parent: object) -> dict[int, Level]:
        levels = {}
        for lvl in parent.findall(W + "lvl"):  # type: ignore[attr-defined]
            ilvl = _int(lvl.get(W + "ilvl", "0"), 0)
            levels[ilvl] = Level(
                start=_int(_val(lvl, "start", "1"), 1),
                fmt=_val(lvl, "numFmt", "decimal"),
                text=_val(lvl, "lvlText", ""),
                legal=lvl.find(W + "isLgl") is not None and _val(lvl, "isLgl", "1") not in ("0", "false"),
                style=_val(lvl, "pStyle", ""),
            )
        return levels

    def _read_numbering(self, root: object) -> None:
        for abstract in root.findall(W + "abstractNum"):  # type: ignore[attr-defined]
            self.abstract[abstract.get(W + "abstractNumId", "")] = self._levels(abstract)
        for num in root.findall(W + "num"):  # type: ignore[attr-defined]
            starts: dict[int, int] = {}
            replaced: dict[int, Level] = {}
            for override in num.findall(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl", "0"), 0)
                start = override.find(W + "startOverride")
                if start is not None:
                    starts[ilvl] = _int(start.get(W + "val", "1"), 1)
                replaced.update({k: v for k, v in self._levels(override).items() if k == ilvl})
            self.nums[num.get(W + "numId", "")] = (_val(num, "abstractNumId"), starts, replaced)

    # -- per paragraph
    def style_chain(self, style_id: str) -> list[str]:
        chain, seen = [], set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            chain.append(style_id)
            style_id = self.styles.based_on.get(style_id, "")
        return chain

    def heading_level(self, style_id: str, outline: int | None) -> int | None:
        """0-based heading level from a Heading n / Title style or an outline level."""
        if outline is not None and outline < 9:
            return outline
        for sid in self.style_chain(style_id):
            name = self.styles.names.get(sid, sid).lower()
            m = re.fullmatch(r"heading\s*(\d)", name)
            if m:
                return int(m.group(1)) - 1
            if name == "title":
                return 0
            if sid in self.styles.outline and self.styles.outline[sid] < 9:
                return self.styles.outline[sid]
        return None

    def _numpr(self, ppr: object | None, style_id: str) -> tuple[str, int] | None:
        numpr = ppr.find(W + "numPr") if ppr is not None else None  # type: ignore[union-attr]
        if numpr is not None and numpr.find(W + "numId") is not None:
            num_id = _val(numpr, "numId")
            ilvl = _val(numpr, "ilvl")
            if num_id == "0":
                return None  # numbering explicitly removed
            if ilvl:
                return num_id, _int(ilvl, 0)
            return num_id, self._style_level(num_id, style_id)
        for sid in self.style_chain(style_id):
            if sid in self.styles.numpr:
                num_id, ilvl = self.styles.numpr[sid]
                if num_id == "0":
                    return None
                return num_id, ilvl if ilvl is not None else self._style_level(num_id, sid)
        return None

    def _style_level(self, num_id: str, style_id: str) -> int:
        abstract_id = self.nums.get(num_id, ("", {}, {}))[0]
        for ilvl, level in self.abstract.get(abstract_id, {}).items():
            if level.style and level.style == style_id:
                return ilvl
        return 0

    def label(self, ppr: object | None, style_id: str) -> str | None:
        """Advance the counters for this paragraph and return its label ("7.2", "(b)", "•").

        None when the paragraph is not numbered. Call once per paragraph in order.
        """
        found = self._numpr(ppr, style_id)
        if found is None or found[0] not in self.nums:
            return None
        num_id, ilvl = found
        abstract_id, starts, replaced = self.nums[num_id]
        levels = dict(self.abstract.get(abstract_id, {}))
        levels.update(replaced)
        if ilvl not in levels:
            return None
        state = self._states.setdefault(abstract_id, _ListState())
        if num_id not in self._used:
            self._used.add(num_id)
            for lvl in starts:
                for deeper in [k for k in state.counters if k >= lvl]:
                    del state.counters[deeper]
        counters = state.counters
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = starts.get(ilvl, levels[ilvl].start)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return BULLET
        if level.fmt == "none" and "%" not in level.text:
            return level.text.strip() or None

        def substitute(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            shown = levels.get(k, Level())
            value = counters.get(k, starts.get(k, shown.start))
            return format_number(value, "decimal" if level.legal else shown.fmt)

        text = re.sub(r"%(\d)", substitute, level.text).strip()
        return text or None
