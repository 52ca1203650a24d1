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

import io
import posixpath
import re
import zipfile
from collections import OrderedDict
from functools import lru_cache

from clauses.datamodel import Document
from clauses.errors import UnsafeInputError, UnsupportedFormatError
from clauses.parse.numbering import BULLET, Numbering, Styles, W, read_styles
from clauses.segment import Block, build_document

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5_000
MAX_RATIO = 100  # uncompressed / compressed, checked for entries over RATIO_MIN_BYTES
RATIO_MIN_BYTES = 10 * 1024 * 1024
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)
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


PROLOG_BYTES = 4096  # enough for an XML declaration and a comment or two before the root
STYLES_CACHE = 8  # distinct styles parts kept per process
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_PART_TYPES = {"/styles": "styles", "/numbering": "numbering"}
_styles_cache: OrderedDict[bytes, Styles] = OrderedDict()


@lru_cache(maxsize=1)
def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _declares(data: bytes) -> bool:
    """True when XML bytes (UTF-8, or UTF-16 with a byte-order mark) contain a DOCTYPE or ENTITY."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        data = data.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    return _DECLARATION.search(data) is not None


def _prolog_declares(head: bytes) -> bool | None:
    """Whether the prolog in ``head`` has a DOCTYPE; None when ``head`` ends inside the prolog.

    XML allows a DOCTYPE (the only place an ENTITY can be declared) solely in
    the prolog, before the root element, between which only the XML
    declaration, processing instructions, comments and white space can come.
    """
    at = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while at < len(head) and head[at] in b" \t\r\n":
            at += 1
        if at >= len(head):
            return None
        if head.startswith(b"<?", at):
            end = head.find(b"?>", at)
            at = end + 2
        elif head.startswith(b"<!--", at):
            end = head.find(b"-->", at)
            at = end + 3
        else:
            return head.startswith(b"<!", at)
        if end < 0:
            return None


def check_package(package: zipfile.ZipFile, path: str) -> None:
    """Refuse zip bombs, non-Word zips and XML parts declaring entities, before parsing.

    Every XML part is checked, not only those the reader parses, because the
    redline writer copies and edits the package. Only each part's prolog is
    decompressed, unless it is unusually long or the part is UTF-16.
    """
    entries = package.infolist()
    if len(entries) > MAX_ENTRIES:
        raise UnsafeInputError(
            path, f"{len(entries)} zip entries (limit {MAX_ENTRIES}); possible zip bomb, not opened"
        )
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise UnsafeInputError(
            path,
            f"declares {total} bytes uncompressed (limit {MAX_UNCOMPRESSED_BYTES}); "
            "possible zip bomb, not opened",
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > RATIO_MIN_BYTES and ratio > MAX_RATIO:
            raise UnsafeInputError(
                path, f"entry {entry.filename} compresses {ratio:.0f}:1; possible zip bomb, not opened"
            )
    for entry in entries:
        if not entry.filename.endswith((".xml", ".rels")):
            continue
        with package.open(entry) as part:
            head = part.read(PROLOG_BYTES)
            declared = None if head[:2] in (b"\xff\xfe", b"\xfe\xff") else _prolog_declares(head)
            if declared is None:
                declared = _declares(head + part.read(MAX_UNCOMPRESSED_BYTES))
        if declared:
            raise UnsafeInputError(
                path, f"{entry.filename} declares XML entities; not expanded, file refused"
            )


def _relationships(package: zipfile.ZipFile, source: str, parser) -> dict[str, str]:
    """Relationship type suffix ("/styles") -> part name, for the part ``source`` ("" = package)."""
    from lxml import etree

    folder, name = posixpath.split(source)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = etree.fromstring(package.read(rels_name), parser)
    except KeyError:
        return {}
    found: dict[str, str] = {}
    for rel in root.iter(_REL):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found.setdefault(kind[kind.rfind("/") :], posixpath.normpath(part))
    return found


def _styles(data: bytes | None, parser) -> Styles:
    if data is None:
        return Styles()
    cached = _styles_cache.get(data)
    if cached is None:
        from lxml import etree

        cached = read_styles(etree.fromstring(data, parser))
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


class _Reader:
    """Walks the document body in order, numbering paragraphs as it goes."""

    def __init__(self, numbering: Numbering, body: object) -> None:
        self.numbering = numbering
        self.blocks: list[Block] = []
        # Every w:p of the main part in document order: Clause.source points here.
        # The list keeps the element proxies alive, so lxml hands back the same ones.
        self._paragraphs = list(body.iter(W + "p"))  # type: ignore[attr-defined]
        self.position = {p: i for i, p in enumerate(self._paragraphs)}

    def paragraph(self, p: object, in_table: bool = False) -> tuple[str, str | None, int | None]:
        ppr = p.find(W + "pPr")  # type: ignore[attr-defined]
        style = ""
        outline = None
        if ppr is not None:
            pstyle = ppr.find(W + "pStyle")
            style = pstyle.get(W + "val", "") if pstyle is not None else ""
            out = ppr.find(W + "outlineLvl")
            if out is not None and (out.get(W + "val") or "").isdigit():
                outline = int(out.get(W + "val"))
        label = self.numbering.label(ppr, style)
        text = paragraph_text(p).strip()
        heading = None if in_table else self.numbering.heading_level(style, outline)
        return text, label, heading

    def body(self, parent: object) -> None:
        for child in parent:  # type: ignore[attr-defined]
            tag = child.tag
            if tag == W + "p":
                text, label, heading = self.paragraph(child)
                if not text:
                    continue
                if label == BULLET:
                    text, label = f"{BULLET} {text}", ""
                elif label:
                    text = f"{label} {text}"
                self.blocks.append(
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
                self.blocks.append(Block(row, in_table=True, source=self.position.get(first)))

    def cell(self, tc: object) -> str:
        texts = []
        for p in tc.iter(W + "p"):  # type: ignore[attr-defined]
            text, label, _ = self.paragraph(p, in_table=True)
            if text:
                texts.append(f"{label} {text}" if label else text)
        return " ".join(" ".join(texts).split())


def read_docx(data: bytes, *, path: str, sha256: str) -> Document:
    """A Document from a .docx; zip and XML errors reach the caller untranslated."""
    from lxml import etree

    parser = _parser()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        check_package(package, path)
        main = _relationships(package, "", parser).get(_OFFICE_DOCUMENT, "word/document.xml")
        if main not in package.NameToInfo:
            raise UnsupportedFormatError(
                path, "a zip file but not a Word document; save the contract as .docx or PDF"
            )
        parts = {
            _PART_TYPES[kind]: package.read(name)
            for kind, name in _relationships(package, main, parser).items()
            if kind in _PART_TYPES and name in package.NameToInfo
        }
        body = etree.fromstring(package.read(main), parser).find(W + "body")
    if body is None:
        raise UnsupportedFormatError(path, f"{main} has no document body; not a Word document")
    numbering_root = etree.fromstring(parts["numbering"], parser) if "numbering" in parts else None
    numbering = Numbering(numbering_root, _styles(parts.get("styles"), parser))
    reader = _Reader(numbering, body)
    reader.body(body)
    return build_document(reader.blocks, path=path, fmt="docx", sha256=sha256)
