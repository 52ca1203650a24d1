"""DOCX backend: body paragraphs and table rows in order, as Word displays them.

Tracked changes read as if accepted (insertions kept, deletions and moved-from
text dropped); headers, footers, comments and footnotes are other parts of the
package and never reach the clauses. Automatic numbering comes from
``numbering.py``.

The zip is inspected with ``zipfile`` before python-docx opens anything: too
many entries, too much declared uncompressed data or an extreme compression
ratio is a zip bomb, and an XML part with a DOCTYPE or ENTITY declaration is
refused without being parsed.
"""

from __future__ import annotations

import io
import re
import zipfile

from clauses.datamodel import Document
from clauses.errors import UnsafeInputError, UnsupportedFormatError
from clauses.parse.numbering import BULLET, Numbering, W
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


def check_package(data: bytes, path: str) -> None:
    """Refuse zip bombs, non-Word zips and XML parts declaring entities, before parsing."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = package.infolist()
        if len(entries) > MAX_ENTRIES:
            raise UnsafeInputError(
                path, f"{len(entries)} zip entries (limit {MAX_ENTRIES}); possible zip bomb, not opened"
            )
        total = sum(e.file_size for e in entries)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise UnsafeInputError(
                path,
                f"declares {total} bytes uncompressed (limit "
                f"{MAX_UNCOMPRESSED_BYTES}); possible zip bomb, not "
                "opened",
            )
        for entry in entries:
            ratio = entry.file_size / max(entry.compress_size, 1)
            if entry.file_size > RATIO_MIN_BYTES and ratio > MAX_RATIO:
                raise UnsafeInputError(
                    path, f"entry {entry.filename} compresses {ratio:.0f}:1; possible zip bomb, not opened"
                )
        names = {e.filename for e in entries}
        if "word/document.xml" not in names:
            raise UnsupportedFormatError(
                path, "a zip file but not a Word document; save the contract as .docx or PDF"
            )
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels")):
                with package.open(entry) as part:
                    head = part.read(MAX_UNCOMPRESSED_BYTES)
                if _DECLARATION.search(head) or _DECLARATION.search(
                    head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
                    if head[:2] in (b"\xff\xfe", b"\xfe\xff")
                    else b""
                ):
                    raise UnsafeInputError(
                        path, f"{entry.filename} declares XML entities; not expanded, file refused"
                    )


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

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.blocks: list[Block] = []

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
                self.blocks.append(Block(text, number=label, heading=heading is not None, level=heading))
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
                self.blocks.append(Block(row, in_table=True))

    def cell(self, tc: object) -> str:
        texts = []
        for p in tc.iter(W + "p"):  # type: ignore[attr-defined]
            text, label, _ = self.paragraph(p, in_table=True)
            if text:
                texts.append(f"{label} {text}" if label else text)
        return " ".join(" ".join(texts).split())


def read_docx(data: bytes, *, path: str, sha256: str) -> Document:
    """A Document from a .docx; zip, XML and python-docx errors reach the caller untranslated."""
    check_package(data, path)
    import docx  # python-docx, loaded only when a DOCX is read

    word = docx.Document(io.BytesIO(data))
    part = word.part
    try:
        numbering_root = part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering_root = None  # no numbering part: nothing is auto-numbered
    numbering = Numbering(numbering_root, word.styles.element)
    reader = _Reader(numbering)
    reader.body(word.element.body)
    return build_document(reader.blocks, path=path, fmt="docx", sha256=sha256)
