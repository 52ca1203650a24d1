"""DOCX backend: body paragraphs and table rows in order, as Word displays them.

Tracked changes read as if accepted (insertions kept, deletions and moved-from
text dropped); headers, footers, comments and footnotes are other parts of the
package and never reach the clauses. Automatic numbering comes from
``numbering.py``.

The package is read with ``zipfile`` and lxml, not python-docx's object model:
only the main document, numbering and styles parts are parsed (python-docx
parses every part it knows, which is most of the time spent on a DOCX), and
the styles part, often the biggest and shared by every contract made from one
template, is read once per distinct content. Before anything is parsed, too
many entries, too much declared uncompressed data or an extreme compression
ratio is a zip bomb, and an XML part with a DOCTYPE (and so any ENTITY)
declaration is refused. python-docx writes the redlines (clauses/report).
"""

from __future__ import annotations

from collections import OrderedDict

from clauses.datamodel import Document
from clauses.errors import UnsupportedFormatError
from clauses.parse import limits
from clauses.parse.numbering import BULLET, Numbering, Styles, W, read_styles
from clauses.parse.ooxml import NUMBERING, STYLES, open_package, parse_xml
from clauses.segment import Block, build_document

_SKIPPED = {
    W + "del",
    W + "moveFrom",
    W + "delText",
    W + "instrText",
    W + "delInstrText",
    W + "commentReference",
    W + "footnoteReference",
    W + "endnoteReference",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}
_CELL_SEPARATOR = " | "

STYLES_CACHE = 8  # distinct styles parts kept per process
_styles_cache: OrderedDict[bytes, Styles] = OrderedDict()


def _styles(data: bytes | None, path: str, name: str) -> Styles:
    if data is None:
        return Styles()
    cached = _styles_cache.get(data)
    if cached is None:
        cached = read_styles(parse_xml(data, path, name))
        _styles_cache[data] = cached
        if len(_styles_cache) > STYLES_CACHE:
            _styles_cache.popitem(last=False)
    else:
        _styles_cache.move_to_end(data)
    return cached


def paragraph_text(p: object) -> str:
    """A paragraph's text with tracked changes accepted and fields shown as their result."""
    parts: list[str] = []

    def walk(element: object) -> None:
        for child in element:  # type: ignore[attr-defined]
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED or tag == W + "pPr":
                continue
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "softHyphen":
                continue
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _hidden_mark(p: object) -> bool:
    """The paragraph mark is hidden (w:vanish), so Word shows no number for an empty paragraph."""
    vanish = p.find(f"{W}pPr/{W}rPr/{W}vanish")  # type: ignore[attr-defined]
    return vanish is not None and vanish.get(W + "val", "true") not in ("0", "false")


class _Reader:
    """Walks the document body in order, numbering paragraphs as it goes."""

    def __init__(self, numbering: Numbering, body: object, path: str = "") -> None:
        self.numbering = numbering
        self.path = path
        self.blocks: list[Block] = []
        # Every w:p of the main part in document order: Clause.source points here.
        # The list keeps the element proxies alive, so lxml hands back the same ones.
        self._paragraphs = list(body.iter(W + "p"))  # type: ignore[attr-defined]
        self.position = {p: i for i, p in enumerate(self._paragraphs)}

    def _add(self, block: Block) -> None:
        self.blocks.append(block)
        if len(self.blocks) > limits.MAX_BLOCKS:  # stop as soon as the limit is passed
            limits.check_blocks(self.path, self.blocks)

    def paragraph(self, p: object, in_table: bool = False) -> tuple[str, str | None, int | None]:
        ppr = p.find(W + "pPr")  # type: ignore[attr-defined]
        style = ""
        outline = None
        if ppr is not None:
            pstyle = ppr.find(W + "pStyle")
            style = pstyle.get(W + "val", "") if pstyle is not None else ""
            out = ppr.find(W + "outlineLvl")
            if out is not None:
                outline = limits.bounded_int(out.get(W + "val"), -1)
                outline = outline if outline >= 0 else None
        text = paragraph_text(p).strip()
        # An empty paragraph whose mark carries a section break (the end of a cover page)
        # shows no number in Word or LibreOffice, so it must not advance the counters:
        # counting it puts every later number of its list one ahead of the document.
        if not text and ppr is not None and ppr.find(W + "sectPr") is not None:
            label = None
        else:
            label = self.numbering.label(ppr, style)
        heading = None if in_table else self.numbering.heading_level(style, outline)
        return text, label, heading

    def body(self, parent: object) -> None:
        for child in parent:  # type: ignore[attr-defined]
            tag = child.tag
            if tag == W + "p":
                text, label, heading = self.paragraph(child)
                if not text and (not label or label == BULLET or _hidden_mark(child)):
                    continue
                if label == BULLET:
                    text, label = f"{BULLET} {text}", ""
                elif label:
                    # An empty numbered paragraph still shows its number ("ARTICLE I" above the
                    # Heading paragraph with the article's title, as SEC-style agreements are
                    # made in Word): the number stays, for the title to join it as one heading.
                    text = f"{label} {text}" if text else label
                self._add(
                    Block(
                        text,
                        number=label,
                        heading=heading is not None,
                        level=heading,
                        source=self.position.get(child),
                    )
                )
            elif tag == W + "tbl":
                self.table(child)
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"):
                self.body(child)

    def table(self, tbl: object) -> None:
        for tr in tbl.iter(W + "tr"):  # type: ignore[attr-defined]
            owner = next(tr.iterancestors(W + "tbl"), None)
            if owner is not tbl:
                continue  # rows of nested tables are read inside their cell
            cells = []
            for tc in tr.findall(W + "tc"):
                cells.append(self.cell(tc))
            row = _CELL_SEPARATOR.join(c for c in cells if c)
            if row:
                first = next(tr.iter(W + "p"), None)
                self._add(Block(row, in_table=True, source=self.position.get(first)))

    def cell(self, tc: object) -> str:
        texts = []
        for p in tc.iter(W + "p"):  # type: ignore[attr-defined]
            text, label, _ = self.paragraph(p, in_table=True)
            if text:
                texts.append(f"{label} {text}" if label else text)
        return " ".join(" ".join(texts).split())


def _check_body(body: object, path: str) -> None:
    """Paragraphs, table rows and characters counted before any paragraph is read."""
    paragraphs = sum(1 for _ in body.iter(W + "p"))  # type: ignore[attr-defined]
    limits.check(path, "paragraphs (empty ones included)", paragraphs, limits.MAX_LINES, "MAX_LINES")
    rows = sum(1 for _ in body.iter(W + "tr"))  # type: ignore[attr-defined]
    limits.check(path, "table rows", rows, limits.MAX_TABLE_ROWS, "MAX_TABLE_ROWS")
    chars = sum(len(t.text or "") for t in body.iter(W + "t"))  # type: ignore[attr-defined]
    limits.check(path, "characters of text", chars, limits.MAX_DOCUMENT_CHARS, "MAX_DOCUMENT_CHARS")


def read_docx(data: bytes, *, path: str, sha256: str) -> Document:
    """A Document from a .docx, read through the checked package of ``ooxml``."""
    with open_package(data, path) as package:
        main = package.main_part()
        body = package.xml(main).find(W + "body")
        if body is None:
            raise UnsupportedFormatError(path, f"{main} has no document body; not a Word document")
        _check_body(body, path)
        styles_name = package.related(main, STYLES)
        numbering_name = package.related(main, NUMBERING)
        styles = _styles(package.read(styles_name), path, styles_name) if styles_name else Styles()
        numbering_root = package.xml(numbering_name) if numbering_name else None
    reader = _Reader(Numbering(numbering_root, styles), body, path)
    reader.body(body)
    limits.check_blocks(path, reader.blocks)
    return build_document(reader.blocks, path=path, fmt="docx", sha256=sha256)
