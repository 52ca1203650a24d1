"""Turn text into the clauses a lawyer cites.

Two ways in:

* ``segment_text(text)`` for plain text (TXT, and ContractNLI's raw texts): the
  text is split into paragraphs without being changed, so clause offsets point
  into the caller's own string.
* ``build_document(blocks, ...)`` for parsers that already know their paragraphs
  (DOCX, HTML, Markdown, PDF): each ``Block`` may carry the number Word displays,
  a heading flag, a page and whether it is a table row. The blocks are joined
  into ``Document.text`` and segmented the same way.

Both end in ``_clauses``: one paragraph is one clause, except that a heading line
("7. Confidentiality") absorbs the unnumbered paragraph right after it, so the
body is cited as Section 7. Numbers are read as a reader sees them ("7.2",
"(b)", "Article IV") and sub-items get their full citation ("7.2(b)") from a
stack of the lists currently open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from clauses.datamodel import Clause, Document
from clauses.segment.labels import (
    ABSOLUTE_STYLES,
    SALUTATION,
    Label,
    OpenList,
    inline_heading,
    is_ancestor,
    looks_like_heading,
    parse_label,
    place_label,
)
from clauses.segment.paragraphs import paragraph_spans
from clauses.segment.terms import find_defined_terms, find_parties, find_title
from clauses.segment.vocabulary import infer_vocabulary

BLOCK_SEPARATOR = "\n\n"

# Control characters become a space, and those that break lines a newline: one
# character for one, so every offset stays valid. Left in, they reached the
# terminal as escape sequences and broke the XML and spreadsheet writers.
_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROLS = str.maketrans(
    {
        **{chr(c): " " for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n"},
        **{c: "\n" for c in _LINE_BREAKS},
    }
)

_ANY_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def without_controls(text: str) -> str:
    """``text`` with control characters replaced one for one (tab and newline kept)."""
    return text.translate(_CONTROLS) if _ANY_CONTROL.search(text) else text


@dataclass(frozen=True)
class Block:
    """One paragraph or table row as a format parser found it."""

    text: str
    number: str | None = None  # label as displayed (Word numbering); None = read it from text
    heading: bool = False  # a heading style said so (Heading 1, <h2>, "## ")
    level: int | None = None  # heading level from the style, 0 = top
    page: int | None = None
    in_table: bool = False
    source: int | None = None  # DOCX: index of the (first) w:p in document order; None = block ordinal


def segment_text(text: str, wrapped: bool | None = None) -> tuple[Clause, ...]:
    """Clauses of plain text; offsets point into ``text`` itself."""
    spans = [(s, e, Block(text[s:e], source=i)) for i, (s, e) in enumerate(paragraph_spans(text, wrapped))]
    return _clauses(text, spans)


def plain_document(
    text: str, *, path: str, fmt: str, sha256: str, pages: int | None = None, wrapped: bool | None = None
) -> Document:
    """A Document whose text is ``text`` (control characters aside) unchanged, segmented as plain text."""
    text = without_controls(text)
    spans = [(s, e, Block(text[s:e], source=i)) for i, (s, e) in enumerate(paragraph_spans(text, wrapped))]
    return document_from_text(text, spans, path=path, fmt=fmt, sha256=sha256, pages=pages)


# ---------------------------------------------------------------- blocks


def join_blocks(blocks: list[Block]) -> tuple[str, list[tuple[int, int, Block]]]:
    """Document text made of the blocks, and where each block sits in it."""
    parts: list[str] = []
    placed: list[tuple[int, int, Block]] = []
    pos = 0
    for ordinal, block in enumerate(blocks):
        body = block.text.strip()
        if not body:
            continue
        if block.source is None:
            block = replace(block, source=ordinal)
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        parts.append(body)
        placed.append((pos, pos + len(body), block))
        pos += len(body)
    return without_controls("".join(parts)), placed


def build_document(
    blocks: list[Block], *, path: str, fmt: str, sha256: str, pages: int | None = None
) -> Document:
    """A Document from a parser's blocks, with clauses, title, parties and defined terms."""
    text, placed = join_blocks(blocks)
    return document_from_text(text, placed, path=path, fmt=fmt, sha256=sha256, pages=pages)


def document_from_text(
    text: str, placed: list[tuple[int, int, Block]], *, path: str, fmt: str, sha256: str, pages: int | None
) -> Document:
    """Finish a Document once its text and paragraph spans are known."""
    clauses = _clauses(text, placed)
    heading_flags = [c.text == c.heading or c.text.endswith(c.heading) for c in clauses[:12]]
    title = find_title([c.text for c in clauses[:12]], heading_flags)
    first_numbered = next((c.start for c in clauses if c.number and c.level == 0), len(text))
    preamble = text[: first_numbered if 300 <= first_numbered <= 4000 else 1500]
    document = Document(
        path=path,
        format=fmt,
        sha256=sha256,
        text=text,
        pages=pages,
        title=title,
        parties=find_parties(preamble),
        defined_terms=find_defined_terms(text),
        clauses=clauses,
    )
    return replace(document, vocabulary=infer_vocabulary(document))


# ---------------------------------------------------------------- clauses


@dataclass
class _Para:
    start: int
    end: int
    block: Block
    number: str
    level: int
    own_heading: str  # a heading line's title, or a run-in heading
    is_heading: bool
    numbered: bool
    style: str  # label style, so "1." under "A. Definitions" does not close it
    sources: tuple[int, ...] = ()  # the blocks' source positions (see Clause.source)


def _read_paragraph(
    text: str, start: int, end: int, block: Block, stack: list[OpenList], roots: dict[str, int]
) -> _Para:
    body = text[start:end]
    label = parse_label(body, stack)
    if block.number is not None:
        known = block.number.strip()
        label = parse_label(known + " ", stack) if known else None
        if label is not None:
            label = Label(label.display, label.style, label.value, len(known))
    number, level, rest = "", 0, body
    if label is not None and label.style == "bare":
        first_line = body[label.length :].strip().split("\n")[0]
        in_sequence = label.value == 1 or roots.get("decimal") == label.value - 1
        heading_like = looks_like_heading(first_line, True) and not first_line.endswith(".")
        label = (
            Label(label.display, "decimal", label.value, label.length)
            if in_sequence and heading_like and not block.in_table
            else None
        )
    if label is not None:
        rest = body[label.length :].strip().lstrip("-\u2013\u2014:.").strip()
        if block.in_table:  # a numbered row cites as printed and leaves the lists alone
            number, level = label.display, 0
        else:
            number, level = place_label(label, stack, roots)
    numbered = bool(number)
    is_heading = block.heading or looks_like_heading(rest, numbered)
    if label is not None and label.style not in ABSOLUTE_STYLES and not block.heading:
        # "a. Address" is a list item; only "B. TERMS OF AGREEMENT" reads as a heading.
        is_heading = is_heading and rest.isupper() and label.style != "bullet"
    is_heading = is_heading and not block.in_table
    if is_heading and not numbered:
        while stack and stack[-1].style not in ABSOLUTE_STYLES:
            stack.pop()
    own = rest.strip().rstrip(".:") if is_heading else inline_heading(rest)
    if own and not numbered and not is_heading and rest[len(own) :].lstrip().startswith(":"):
        own = ""  # "Place: ..." and "Address: ..." are form fields, not run-in headings
    style = label.style if label is not None and numbered else ""
    sources = (block.source,) if block.source is not None else ()
    return _Para(start, end, block, number, level, own, is_heading, numbered, style, sources)


def _join_bare_labels(paras: list[_Para]) -> list[_Para]:
    """Join "ARTICLE 1." with the heading line under it ("BACKGROUND") into one heading."""
    out: list[_Para] = []
    for para in paras:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.numbered
            and not prev.own_heading
            and para.is_heading
            and not para.numbered
            and prev.end - prev.start <= 16
            and not prev.block.in_table
            and not para.block.in_table
        ):
            out[-1] = _Para(
                prev.start,
                para.end,
                prev.block,
                prev.number,
                prev.level,
                para.own_heading,
                True,
                True,
                prev.style,
                prev.sources + para.sources,
            )
            continue
        out.append(para)
    return out


def _clauses(text: str, spans: list[tuple[int, int, Block]]) -> tuple[Clause, ...]:
    stack: list[OpenList] = []
    roots: dict[str, int] = {}  # last value seen at the root, per label style
    paras = [_read_paragraph(text, s, e, b, stack, roots) for s, e, b in spans]
    paras = _join_bare_labels(paras)
    merged: list[tuple[_Para, int, tuple[int, ...]]] = []  # paragraph, its clause's end, sources
    i = 0
    while i < len(paras):
        para, end, sources = paras[i], paras[i].end, paras[i].sources
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if (
            para.is_heading
            and nxt is not None
            and not nxt.numbered
            and not nxt.is_heading
            and not nxt.block.in_table
            and not para.block.in_table
        ):
            end = nxt.end
            sources += nxt.sources
            i += 1
        merged.append((para, end, sources))
        i += 1
    headings: list[tuple[str, str, int, str]] = []
    clauses: list[Clause] = []
    for para, end, sources in merged:
        if SALUTATION.match(text, para.start, end):
            headings.clear()  # the addressee's block above "Dear ..." heads no section of the letter
            heading, parent = "", ""
        else:
            heading, parent = _section_heading(para, headings, first=not clauses)
        clauses.append(
            Clause(
                id=f"c{len(clauses) + 1:04d}",
                number=para.number,
                heading=heading,
                text=text[para.start : end],
                start=para.start,
                end=end,
                page=para.block.page,
                in_table=para.block.in_table,
                level=para.level,
                source=sources,
                parent_heading=parent,
            )
        )
    return tuple(clauses)


def _section_heading(
    para: _Para, headings: list[tuple[str, str, int, str]], first: bool
) -> tuple[str, str]:
    """Track open section headings and return the one this paragraph sits under, and its parent.

    ``headings`` holds (number, label style, level, title). A numbered clause closes
    open numbered headings of its own label style that it is not part of: "8."
    closes "7. Confidentiality", "1." does not close "A. Definitions". The parent is
    the open heading one level up ("Confidentiality" for a clause of "7.3 Survival"),
    so detection can read both without re-deriving the outline.
    """
    if para.numbered:
        while (
            headings
            and headings[-1][0]
            and headings[-1][1] == para.style
            and not (is_ancestor(headings[-1][0], para.number))
        ):
            headings.pop()
    if para.is_heading or (para.numbered and para.own_heading):
        level = para.block.level if para.block.level is not None else para.level
        while (
            headings
            and headings[-1][2] >= level
            # "6.5 Duration" stays under "## 6. Confidentiality" whatever the two levels say (a
            # Markdown heading's level counts hashes, a numbered paragraph's counts dots).
            and not (para.numbered and headings[-1][0] and is_ancestor(headings[-1][0], para.number))
            and (
                not para.numbered
                or not headings[-1][0]
                or headings[-1][1] == para.style
                # "Article IX" closes the clauses of "Article VIII" whatever their numbering.
                or para.style == "article"
            )
        ):
            headings.pop()
        parent = headings[-1][3] if headings else ""
        if not first:  # the document title is no section heading
            headings.append((para.number, para.style, level, para.own_heading))
        return para.own_heading, parent
    if para.own_heading:
        return para.own_heading, headings[-1][3] if headings else ""
    if not headings:
        return "", ""
    return headings[-1][3], headings[-2][3] if len(headings) > 1 else ""
