"""A small "Accept All Changes" for tests: what the contract reads once every revision is accepted.

Insertions are kept (their wrapper removed), deletions and moved-from text
dropped, a deleted paragraph mark joins its paragraph to the next, and recorded
property changes are forgotten. Enough for the revisions the redline writes and
the ones Word writes in our fixtures; not a general implementation.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _accept(root: etree._Element) -> None:
    for tag in ("del", "moveFrom"):
        for node in list(root.iter(W + tag)):
            parent = node.getparent()
            if parent is None:
                continue
            holder = parent.getparent()
            if parent.tag == W + "rPr" and holder is not None and holder.tag == W + "pPr":
                _join_with_next(parent.getparent().getparent())
                continue
            parent.remove(node)
    for tag in ("ins", "moveTo"):
        for node in list(root.iter(W + tag)):
            parent = node.getparent()
            if parent is None:
                continue
            if parent.tag == W + "rPr":
                parent.remove(node)  # an inserted paragraph mark or run property: simply accepted
                continue
            for child in list(node):
                node.addprevious(child)
            parent.remove(node)
    for tag in ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange"):
        for node in list(root.iter(W + tag)):
            node.getparent().remove(node)


def _join_with_next(paragraph: etree._Element) -> None:
    following = paragraph.getnext()
    mark = paragraph.find(f"{W}pPr/{W}rPr/{W}del")
    if mark is not None:
        mark.getparent().remove(mark)
    if following is None or following.tag != W + "p":
        return
    at = 1 if following.find(W + "pPr") is not None else 0
    for child in list(paragraph):
        if child.tag != W + "pPr":
            following.insert(at, child)
            at += 1
    paragraph.getparent().remove(paragraph)


def accept_all(source: Path, target: Path) -> Path:
    """Write ``target``: ``source`` with every tracked change in its main part accepted."""
    with zipfile.ZipFile(source) as old:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
            for item in old.infolist():
                data = old.read(item.filename)
                if item.filename == "word/document.xml":
                    root = etree.fromstring(data)
                    _accept(root)
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                new.writestr(item, data)
    target.write_bytes(buffer.getvalue())
    return target
