"""HTML backend: the visible text, one block per paragraph, heading, list item or row.

Uses the standard library's ``html.parser`` so no new dependency is needed. It
never expands entities declared in a DOCTYPE: only the fixed HTML5 named
entities are decoded, so an XHTML file with ``<!ENTITY>`` tricks stays inert.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from html.parser import HTMLParser

from clauses.datamodel import Document
from clauses.errors import UnsafeInputError
from clauses.parse import limits
from clauses.parse.text import bom_encoding, decode
from clauses.segment import Block, build_document
from clauses.segment.labels import parse_label
from clauses.segment.numerals import to_roman

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "svg",
    "math",
    "iframe",
    "object",
    "select",
    "button",
    "canvas",
}
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
_BLOCK = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "blockquote",
    "dt",
    "dd",
    "header",
    "footer",
    "nav",
    "main",
    "aside",
    "table",
    "ul",
    "ol",
    "dl",
    "pre",
    "address",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "details",
    "summary",
    "hr",
    "br",
    "caption",
    "center",
    "body",
}
_IMPLICIT_CLOSE = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)
# Codecs a page may declare: Python also knows "idna", "punycode", "unicode_escape",
# "rot13" and the like, which are no document charsets (idna raised a confusing
# "Corrupt"); anything else falls back to the byte-order mark, UTF-8 or cp1252.
_PAGE_CHARSETS = re.compile(
    r"utf[-_]?(8|16|32)|ascii|latin|iso8859|cp\d+|mac|koi8|shift_jis|euc|gb|big5|iso2022|hz|johab|tis|kz"
)


def _ol_label(value: int, kind: str) -> str:
    if value > limits.MAX_NUMBER_VALUE and kind in ("a", "A", "i", "I"):
        return f"{value}."  # see numbering.format_number: no label thousands of letters long
    if kind in ("a", "A"):
        letters = ""
        n = value
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return (letters.upper() if kind == "A" else letters) + "."
    if kind in ("i", "I"):
        out = to_roman(value)
        return (out.upper() if kind == "I" else out) + "."
    return f"{value}."


class _Extractor(HTMLParser):
    """Collects visible text into blocks while tracking lists, tables and hidden parts.

    Every callback costs constant time whatever the nesting (open tags are
    counted by name, hiding ones by number): scanning the open elements on each
    callback made 100,000 nested or unclosed tags run for minutes. The limits
    (depth, characters, rows, blocks) are checked as the page is read, so a huge
    page stops at the limit, not after being read whole.
    """

    def __init__(self, path: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.blocks: list[Block] = []
        self._open: list[tuple[str, bool]] = []  # (tag, hides its content)
        self._open_names: Counter[str] = Counter()
        self._hiding = 0  # open elements that hide their content
        self._chars = 0
        self._rows = 0
        self._text: list[str] = []
        self._lists: list[list] = []  # [kind or None for <ul>, next value]
        self._label = ""  # automatic <ol>/<ul> label waiting for the item's first text
        self._heading: int | None = None
        self._cells: list[str] | None = None  # inside a <tr>
        self._cell: list[str] | None = None
        self._pre = 0

    # -- helpers
    def _hidden(self) -> bool:
        return self._hiding > 0

    def _push(self, tag: str, hides: bool) -> None:
        self._open.append((tag, hides))
        self._open_names[tag] += 1
        self._hiding += hides
        if len(self._open) > limits.MAX_NESTING_DEPTH:
            raise UnsafeInputError(
                self.path,
                f"HTML elements nested over {limits.MAX_NESTING_DEPTH:,} deep (MAX_NESTING_DEPTH in "
                "clauses/parse/limits.py); not read",
            )

    def _pop(self) -> str:
        tag, hides = self._open.pop()
        self._open_names[tag] -= 1
        self._hiding -= hides
        return tag

    def _add_block(self, block: Block) -> None:
        self.blocks.append(block)
        if len(self.blocks) > limits.MAX_BLOCKS:  # checked as the page is read: stop early
            limits.check_blocks(self.path, self.blocks)

    def _flush(self) -> None:
        text = "".join(self._text)
        self._text = []
        text = text.strip() if self._pre else re.sub(r"\s+", " ", text).strip()
        if not text:
            return
        if self._label:
            if self._label == "•" or parse_label(text) is None:
                text = f"{self._label} {text}"
            self._label = ""
        heading = self._heading is not None
        self._add_block(Block(text, heading=heading, level=self._heading))

    def _close_cell(self) -> None:
        if self._cell is not None and self._cells is not None:
            self._cells.append(re.sub(r"\s+", " ", "".join(self._cell)).strip())
        self._cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self._cells is not None:
            row = " | ".join(c for c in self._cells if c)
            if row:
                self._rows += 1
                limits.check(self.path, "table rows", self._rows, limits.MAX_TABLE_ROWS, "MAX_TABLE_ROWS")
                self._add_block(Block(row, in_table=True))
        self._cells = None

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        hides = (
            tag in _SKIP
            or "hidden" in attr
            or bool(_HIDDEN_STYLE.search(attr.get("style", "")))
            or attr.get("type", "").lower() == "hidden"
        )
        if tag in _IMPLICIT_CLOSE and self._open and self._open[-1][0] == tag:
            self.handle_endtag(tag)
        if tag not in _VOID:
            self._push(tag, hides)
        if self._hidden():
            return
        if tag in ("tr",):
            self._flush()
            self._close_row()
            self._cells = []
        elif tag in ("td", "th"):
            if self._cells is None:
                self._flush()
                self._cells = []
            self._close_cell()
            self._cell = []
        elif tag in _BLOCK and self._cell is None:
            self._flush()
        elif tag in _BLOCK or tag == "br":
            self._cell.append(" ")
        if tag == "pre":
            self._pre += 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = int(tag[1]) - 1
        elif tag == "ol":
            start = limits.bounded_int(attr.get("start"), 1)
            self._lists.append([attr.get("type", "1") or "1", start])
        elif tag == "ul":
            self._lists.append([None, 0])
        elif tag == "li" and self._lists:
            kind, value = self._lists[-1]
            value = limits.bounded_int(attr.get("value"), value)
            self._label = "•" if kind is None else _ol_label(value, kind)
            self._lists[-1][1] = value + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self._open_names[tag]:
            return
        was_hidden = self._hidden()
        while self._open and self._pop() != tag:
            pass
        if was_hidden and self._hidden():
            return
        if was_hidden:
            return  # leaving a hidden element: nothing of it was collected
        if tag in ("td", "th"):
            self._close_cell()
        elif tag == "tr":
            self._close_row()
        elif tag == "table":
            self._close_row()
        elif tag in _BLOCK and self._cell is None:
            self._flush()
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = None
        elif tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        elif tag == "li":
            self._label = ""

    def handle_data(self, data: str) -> None:
        if self._hidden():
            return
        self._chars += len(data)
        limits.check(
            self.path, "characters of HTML text", self._chars, limits.MAX_DOCUMENT_CHARS, "MAX_DOCUMENT_CHARS"
        )
        if self._cell is not None:
            self._cell.append(data)
        else:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()
        self._close_row()


def _decode_html(data: bytes) -> str:
    if bom_encoding(data) is not None:
        return decode(data)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
            if _PAGE_CHARSETS.match(codec):
                text = data.decode(codec, errors="replace")
                return text.replace("\r\n", "\n").replace("\r", "\n")
        except (LookupError, UnicodeError):
            pass
    return decode(data)


_DOCTYPE_START = re.compile(r"<!DOCTYPE", re.I)
_DECLARATION_STOP = re.compile(r"[\[>]")


def _declaration_end(source: str, at: int) -> int:
    """Where the declaration that continues at ``at`` ends: its ">" outside "[...]", or the text's end."""
    while True:
        stop = _DECLARATION_STOP.search(source, at)
        if stop is None:
            return len(source)
        if stop.group() == ">":
            return stop.end()
        close = source.find("]", stop.end())
        if close < 0:
            return len(source)
        at = close + 1


def drop_doctypes(source: str) -> str:
    """``source`` without its DOCTYPE declarations, internal subset ("[ <!ENTITY ...> ]") included.

    html.parser does not understand an internal subset, so the whole declaration
    goes, and none of it leaks into the text or is expanded. A scan that only
    moves forward: the regex used before backtracked over a crafted DOCTYPE for
    minutes.
    """
    out: list[str] = []
    pos = 0
    while (found := _DOCTYPE_START.search(source, pos)) is not None:
        out.append(source[pos : found.start()])
        pos = _declaration_end(source, found.end())
    out.append(source[pos:])
    return "".join(out)


def html_blocks(source: str, path: str = "") -> list[Block]:
    """Visible blocks of an HTML page in reading order; a limit hit raises for ``path``."""
    extractor = _Extractor(path)
    extractor.feed(drop_doctypes(source))
    extractor.close()
    return extractor.blocks


def read_html(data: bytes, *, path: str, sha256: str) -> Document:
    """A Document from an HTML or XHTML page."""
    blocks = html_blocks(_decode_html(data), path)
    return build_document(blocks, path=path, fmt="html", sha256=sha256)
