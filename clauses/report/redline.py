"""A DOCX the reviewer can open in Word: suggestions as tracked insertions.

For a DOCX input the output is a copy of the original in which every suggestion
is a new paragraph marked as a tracked insertion by "clauses" (runs inside
``w:ins`` and the paragraph mark itself inserted, so accept/reject handles the
whole paragraph as one change), with a Word comment on it saying why. Everything
else in the package is copied byte for byte, so earlier tracked changes and
comments survive; new revision and comment ids start above every id in use.

For any other input (PDF, text, HTML) there is nothing to track changes
against, so the output is a new DOCX listing the suggested additions.

The source file is only ever read.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from collections.abc import Callable
from copy import deepcopy
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from clauses.atomic import atomic_path, write_bytes_atomic
from clauses.datamodel import Analysis, Clause, ElementResult
from clauses.errors import CorruptError, InputError

__all__ = ["AUTHOR", "write_redline", "redline_docx_bytes", "write_additions_docx"]

AUTHOR = "clauses"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_TYPE = R_NS + "/comments"
COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_SIGNATURE = re.compile(r"^\W*(?:in\s+witness\s+whereof|signed\s+by|signatures?\b)", re.IGNORECASE)
# Children of w:pPr that may precede w:numPr, in schema order (CT_PPrBase).
_BEFORE_NUMPR = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")
_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False
)


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def _normal(text: str) -> str:
    """Whitespace-collapsed, case-folded text, so clause and paragraph texts compare."""
    return " ".join(text.split()).casefold()


def _accepted_text(paragraph: etree._Element) -> str:
    """Paragraph text as if every tracked change were accepted."""
    parts: list[str] = []
    for node in paragraph.iter(_w("t"), _w("tab"), _w("br")):
        if any(a.tag in (_w("del"), _w("moveFrom")) for a in node.iterancestors()):
            continue
        parts.append(node.text or "" if node.tag == _w("t") else " ")
    return "".join(parts)


class _Ids:
    """Hands out w:id values above every id already used in the package."""

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


def _read_package(source: Path) -> tuple[list[zipfile.ZipInfo], dict[str, bytes]]:
    """Every entry of the package, read through the checked reader of ``clauses.parse.ooxml``.

    It refuses zip bombs and a DOCTYPE in any XML entry whatever its name or
    encoding, so nothing hostile is copied into the redline.
    """
    from clauses.parse.ooxml import open_package

    with open_package(source.read_bytes(), str(source)) as package:
        infos, parts = package.infos, package.read_all()
    if "word/document.xml" not in parts:
        raise CorruptError(str(source), "DOCX has no word/document.xml")
    return infos, parts


def _parse(source: Path, name: str, data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise CorruptError(str(source), f"{name} is not well-formed XML: {exc}") from exc


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _clause_paragraphs(
    paragraphs: list[etree._Element], clauses: tuple[Clause, ...]
) -> dict[str, etree._Element]:
    """Map clause id -> the body paragraph that ends it, matching text in reading order."""
    texts = [_normal(_accepted_text(p)) for p in paragraphs]
    found: dict[str, etree._Element] = {}
    cursor = 0
    for clause in clauses:
        wanted = _normal(clause.text)
        if not wanted:
            continue
        tail, head = wanted[-60:], wanted[:60]
        match = _find(texts, cursor, lambda t, w=wanted, e=tail: _ends_clause(t, w, e))
        if match is None:
            match = _find(texts, cursor, lambda t, h=head: bool(t) and h in t)
        if match is not None:
            found[clause.id] = paragraphs[match]
            cursor = match + 1
    return found


def _ends_clause(paragraph: str, clause: str, tail: str) -> bool:
    """True when the paragraph is the last (or only) paragraph of the clause."""
    if not paragraph:
        return False
    return paragraph.endswith(tail) or (len(paragraph) >= 8 and clause.endswith(paragraph))


def _find(texts: list[str], cursor: int, matcher: Callable[[str], bool]) -> int | None:
    """First index at or after ``cursor`` whose text matches, else anywhere (order quirks)."""
    for indexes in (range(cursor, len(texts)), range(len(texts))):
        found = next((i for i in indexes if matcher(texts[i])), None)
        if found is not None:
            return found
    return None


def _new_paragraph(
    neighbour: etree._Element | None, text: str, ids: _Ids, date: str, comment_id: str
) -> etree._Element:
    """A paragraph inserted as one tracked change, with its comment anchored on it."""
    paragraph = etree.Element(_w("p"))
    ppr = etree.SubElement(paragraph, _w("pPr"))
    run_props: etree._Element | None = None
    if neighbour is not None:
        old = neighbour.find(_w("pPr"))
        if old is not None:
            for child in old:
                if child.tag in (_w("numPr"), _w("rPr"), _w("sectPr"), _w("pPrChange")):
                    continue
                ppr.append(deepcopy(child))
        runs = [r for r in neighbour.iter(_w("r")) if r.find(_w("t")) is not None]
        if runs and runs[-1].find(_w("rPr")) is not None:
            run_props = deepcopy(runs[-1].find(_w("rPr")))
            for tag in ("rPrChange", "ins", "del", "vanish"):
                for node in run_props.findall(_w(tag)):
                    run_props.remove(node)
    # numId 0 switches off any list numbering the style would add; the number is literal text.
    position = sum(1 for child in ppr if etree.QName(child).localname in _BEFORE_NUMPR)
    numpr = etree.Element(_w("numPr"))
    etree.SubElement(numpr, _w("ilvl")).set(_w("val"), "0")
    etree.SubElement(numpr, _w("numId")).set(_w("val"), "0")
    ppr.insert(position, numpr)
    mark = etree.SubElement(ppr, _w("rPr"))
    _revision(etree.SubElement(mark, _w("ins")), ids, date)

    etree.SubElement(paragraph, _w("commentRangeStart")).set(_w("id"), comment_id)
    ins = _revision(etree.SubElement(paragraph, _w("ins")), ids, date)
    run = etree.SubElement(ins, _w("r"))
    if run_props is not None:
        run.append(run_props)
    node = etree.SubElement(run, _w("t"))
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    etree.SubElement(paragraph, _w("commentRangeEnd")).set(_w("id"), comment_id)
    ref_ins = _revision(etree.SubElement(paragraph, _w("ins")), ids, date)
    etree.SubElement(etree.SubElement(ref_ins, _w("r")), _w("commentReference")).set(_w("id"), comment_id)
    return paragraph


def _revision(element: etree._Element, ids: _Ids, date: str) -> etree._Element:
    element.set(_w("id"), ids.take())
    element.set(_w("author"), AUTHOR)
    element.set(_w("date"), date)
    return element


def _comment(comment_id: str, date: str, lines: list[str]) -> etree._Element:
    comment = etree.Element(_w("comment"))
    comment.set(_w("id"), comment_id)
    comment.set(_w("author"), AUTHOR)
    comment.set(_w("date"), date)
    comment.set(_w("initials"), "CL")
    for index, line in enumerate(lines):
        paragraph = etree.SubElement(comment, _w("p"))
        if index == 0:
            etree.SubElement(etree.SubElement(paragraph, _w("r")), _w("annotationRef"))
        node = etree.SubElement(etree.SubElement(paragraph, _w("r")), _w("t"))
        node.text = line
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return comment


def _comment_lines(result: ElementResult) -> list[str]:
    verb = "is weak" if result.status == "weak" else "is missing"
    return [
        f"{result.title} {verb} ({result.requirement}).",
        result.reason,
        "Suggested by clauses; accept or reject this insertion.",
    ]


def _ensure_comments_part(parts: dict[str, bytes], source: Path) -> etree._Element:
    """The comments part's root, created with its relationship and content type if absent."""
    rels_name = "word/_rels/document.xml.rels"
    rels = (
        _parse(source, rels_name, parts[rels_name])
        if rels_name in parts
        else etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    )
    target = next((r.get("Target") for r in rels if r.get("Type") == COMMENTS_TYPE), None)
    if target is None:
        taken = {r.get("Id") for r in rels}
        number = 1
        while f"rId{number}" in taken:
            number += 1
        relation = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
        relation.set("Id", f"rId{number}")
        relation.set("Type", COMMENTS_TYPE)
        relation.set("Target", "comments.xml")
        parts[rels_name] = _serialize(rels)
        target = "comments.xml"
    name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
    types = _parse(source, "[Content_Types].xml", parts["[Content_Types].xml"])
    if not any(o.get("PartName") == f"/{name}" for o in types.iter(f"{{{CT_NS}}}Override")):
        override = etree.SubElement(types, f"{{{CT_NS}}}Override")
        override.set("PartName", f"/{name}")
        override.set("ContentType", COMMENTS_CONTENT_TYPE)
        parts["[Content_Types].xml"] = _serialize(types)
    if name in parts:
        return _parse(source, name, parts[name])
    root = etree.Element(_w("comments"), nsmap={"w": W_NS})
    parts[name] = b""  # placeholder, filled by the caller
    root.set("_part", name)
    return root


def redline_docx_bytes(analysis: Analysis, source: Path, date: str | None = None) -> bytes:
    """The redlined copy of a DOCX as bytes; ``source`` is read, never written."""
    date = date or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    infos, parts = _read_package(source)
    ids = _Ids(parts)
    document = _parse(source, "word/document.xml", parts["word/document.xml"])
    body = document.find(_w("body"))
    if body is None:
        raise CorruptError(str(source), "word/document.xml has no body")
    paragraphs = list(body.iter(_w("p")))
    by_clause = _clause_paragraphs(paragraphs, analysis.document.clauses)
    signature = next((p for p in paragraphs if _SIGNATURE.match(_accepted_text(p))), None)
    comments = _ensure_comments_part(parts, source)
    comments_name = comments.attrib.pop("_part", None) or next(
        n for n in parts if n.endswith("comments.xml") and n.startswith("word/")
    )

    last_inserted: dict[str | None, etree._Element] = {}
    for result in analysis.elements:
        suggestion = result.suggestion
        if suggestion is None:
            continue
        text = f"{suggestion.number} {suggestion.text}" if suggestion.number else suggestion.text
        comment_id = ids.take()
        anchor = by_clause.get(suggestion.insert_after) if suggestion.insert_after else None
        previous = last_inserted.get(suggestion.insert_after)
        if anchor is not None:
            paragraph = _new_paragraph(anchor, text, ids, date, comment_id)
            (previous if previous is not None else _outside_table(anchor)).addnext(paragraph)
        elif signature is not None:
            paragraph = _new_paragraph(_previous_paragraph(signature), text, ids, date, comment_id)
            signature.addprevious(paragraph)
        else:
            paragraph = _new_paragraph(paragraphs[-1] if paragraphs else None, text, ids, date, comment_id)
            section = body.find(_w("sectPr"))  # must stay the body's last child
            if section is not None:
                section.addprevious(paragraph)
            else:
                body.append(paragraph)
        last_inserted[suggestion.insert_after] = paragraph
        comments.append(_comment(comment_id, date, _comment_lines(result)))

    parts["word/document.xml"] = _serialize(document)
    parts[comments_name] = _serialize(comments)
    return _write_package(infos, parts)


def _outside_table(paragraph: etree._Element) -> etree._Element:
    """The outermost table holding ``paragraph``, or the paragraph: new clauses go after a table."""
    outer = paragraph
    for ancestor in paragraph.iterancestors(_w("tbl")):
        outer = ancestor
    return outer


def _previous_paragraph(paragraph: etree._Element) -> etree._Element | None:
    previous = paragraph.getprevious()
    while previous is not None and previous.tag != _w("p"):
        previous = previous.getprevious()
    return previous


def _write_package(infos: list[zipfile.ZipInfo], parts: dict[str, bytes]) -> bytes:
    """Zip the parts back in their original order ([Content_Types].xml first), new ones last."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        written: set[str] = set()
        for info in infos:
            package.writestr(info, parts[info.filename], compress_type=zipfile.ZIP_DEFLATED)
            written.add(info.filename)
        for name in sorted(set(parts) - written):
            package.writestr(name, parts[name])
    return buffer.getvalue()


def write_additions_docx(analysis: Analysis, out_path: str | os.PathLike[str]) -> None:
    """A new DOCX listing the suggested additions (for inputs that are not DOCX)."""
    import docx  # python-docx; only needed here

    title = analysis.document.title or Path(analysis.document.path).name
    out = docx.Document()
    out.core_properties.title = f"Suggested additions to {title}"[:250]
    out.core_properties.author = AUTHOR
    out.add_heading(f"Suggested additions to {title}", level=1)
    out.add_paragraph(
        f"Profile: {analysis.profile}. Routing: {analysis.routing}, score {analysis.score}/100. "
        "Each entry below is a gap or weak element with wording to add to the contract."
    )
    gaps = [r for r in analysis.elements if r.suggestion is not None]
    if not gaps:
        out.add_paragraph("No additions are suggested.")
    for result in gaps:
        suggestion = result.suggestion
        assert suggestion is not None
        out.add_heading(f"{result.title} ({result.status})", level=2)
        out.add_paragraph(f"Why: {result.reason}")
        out.add_paragraph(f"Where: {suggestion.placement}")
        number = f"{suggestion.number} " if suggestion.number else ""
        out.add_paragraph(number + suggestion.text)
    with atomic_path(out_path) as temp:
        out.save(str(temp))


def write_redline(
    analysis: Analysis, source_path: str | os.PathLike[str], out_path: str | os.PathLike[str]
) -> None:
    """Write the redline for ``analysis`` to ``out_path``; never modifies ``source_path``."""
    source, target = Path(source_path), Path(out_path)
    if source.exists() and target.exists() and source.resolve() == target.resolve():
        raise InputError(str(source), "refusing to write the redline over its own source")
    if analysis.document.format != "docx":
        write_additions_docx(analysis, target)
        return
    data = source.read_bytes()
    if analysis.document.sha256 and hashlib.sha256(data).hexdigest() != analysis.document.sha256:
        raise InputError(str(source), "file changed since it was analysed (sha256 differs)")
    write_bytes_atomic(target, redline_docx_bytes(analysis, source))
