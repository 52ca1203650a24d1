"""WordprocessingML helpers shared by the redline modules: names, parsing, ids, revisions.

Kept apart so the modules that insert, edit and comment speak the same XML and
hand out revision ids from one counter (Word refuses a package where two
revisions share an id).
"""

from __future__ import annotations

import re
from copy import deepcopy
from pathlib import Path

from lxml import etree

from clauses.errors import CorruptError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False
)
# Run properties that describe a revision or hide text: never copied onto our own runs.
_REVISION_RPR = ("rPrChange", "ins", "del", "vanish", "moveFrom", "moveTo")


def w(name: str) -> str:
    """The Clark name of a w: element or attribute."""
    return f"{{{W_NS}}}{name}"


def parse_part(source: Path, name: str, data: bytes) -> etree._Element:
    """An XML part's root; a part that is not well-formed is a Corrupt input, not a traceback."""
    try:
        return etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise CorruptError(str(source), f"{name} is not well-formed XML: {exc}") from exc


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def accepted_text(paragraph: etree._Element) -> str:
    """Paragraph text as if every tracked change were accepted (tabs and breaks as spaces)."""
    parts: list[str] = []
    for node in paragraph.iter(w("t"), w("tab"), w("br")):
        if any(a.tag in (w("del"), w("moveFrom")) for a in node.iterancestors()):
            continue
        parts.append(node.text or "" if node.tag == w("t") else " ")
    return "".join(parts)


def in_table(element: etree._Element) -> bool:
    return next(element.iterancestors(w("tbl")), None) is not None


def outermost_block(paragraph: etree._Element) -> etree._Element:
    """The body-level element holding ``paragraph``: itself, or the outermost table around it."""
    outer = paragraph
    for ancestor in paragraph.iterancestors(w("tbl"), w("sdt")):
        outer = ancestor
    return outer


class Ids:
    """Hands out w:id values above every id already used in the package's Word parts."""

    def __init__(self, parts: dict[str, bytes]) -> None:
        highest = 0
        for name, data in parts.items():
            if name.startswith("word/") and name.endswith(".xml"):
                for match in re.finditer(rb'w:id="(-?\d+)"', data):
                    highest = max(highest, int(match.group(1)))
        self._next = highest + 1

    def take(self) -> str:
        value, self._next = self._next, self._next + 1
        return str(value)


class Revisions:
    """Stamps our revisions and comments with one author and date, ids from one counter."""

    def __init__(self, ids: Ids, author: str, date: str) -> None:
        self.ids = ids
        self.author = author
        self.date = date

    def stamp(self, element: etree._Element) -> etree._Element:
        element.set(w("id"), self.ids.take())
        element.set(w("author"), self.author)
        element.set(w("date"), self.date)
        return element

    def ins(self, parent: etree._Element | None = None) -> etree._Element:
        element = etree.SubElement(parent, w("ins")) if parent is not None else etree.Element(w("ins"))
        return self.stamp(element)

    def delete(self) -> etree._Element:
        return self.stamp(etree.Element(w("del")))


def clean_run_properties(rpr: etree._Element | None) -> etree._Element | None:
    """A copy of a run's properties without revision marks or hidden-text flags."""
    if rpr is None:
        return None
    copy = deepcopy(rpr)
    for tag in _REVISION_RPR:
        for node in copy.findall(w(tag)):
            copy.remove(node)
    return copy


def text_run(text: str, rpr: etree._Element | None, *, deleted: bool = False) -> etree._Element:
    """A w:r holding ``text`` (as w:delText inside a deletion) with a copy of ``rpr``."""
    run = etree.Element(w("r"))
    if rpr is not None:
        run.append(clean_run_properties(rpr))
    node = etree.SubElement(run, w("delText" if deleted else "t"))
    node.text = text
    node.set(XML_SPACE, "preserve")
    return run
