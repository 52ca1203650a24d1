"""HTML backend: the visible text, one block per paragraph, heading, list item or row.

Uses the standard library's ``html.parser`` so no new dependency is needed. It
never expands entities declared in a DOCTYPE: only the fixed HTML5 named
entities are decoded, so an XHTML file with ``<!ENTITY>`` tricks stays inert.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from clauses.datamodel import Document
from clauses.parse.text import decode
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
_DOCTYPE = re.compile(r"<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.I | re.S)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)


def _ol_label(value: int, kind: str) -> str:
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
    """Collects visible text into blocks while tracking lists, tables and hidden parts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._open: list[tuple[str, bool]] = []  # (tag, hides its content)
        self._text: list[str] = []
        self._lists: list[list] = []  # [kind or None for <ul>, next value]
        self._label = ""  # automatic <ol>/<ul> label waiting for the item's first text
        self._heading: int | None = None
        self._cells: list[str] | None = None  # inside a <tr>
        self._cell: list[str] | None = None
        self._pre = 0

    # -- helpers
    def _hidden(self) -> bool:
        return any(hides for _, hides in self._open)

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
        self.blocks.append(Block(text, heading=heading, level=self._heading))

    def _close_cell(self) -> None:
        if self._cell is not None and self._cells is not None:
            self._cells.append(re.sub(r"\s+", " ", "".join(self._cell)).strip())
        self._cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self._cells is not None:
            row = " | ".join(c for c in self._cells if c)
            if row:
                self.blocks.append(Block(row, in_table=True))
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
            self._open.append((tag, hides))
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
            start = attr.get("start", "1")
            self._lists.append([attr.get("type", "1") or "1", int(start) if start.isdigit() else 1])
        elif tag == "ul":
            self._lists.append([None, 0])
        elif tag == "li" and self._lists:
            kind, value = self._lists[-1]
            if attr.get("value", "").isdigit():
                value = int(attr["value"])
            self._label = "•" if kind is None else _ol_label(value, kind)
            self._lists[-1][1] = value + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _ in self._open):
            return
        was_hidden = self._hidden()
        while self._open:
            open_tag, _ = self._open.pop()
            if open_tag == tag:
                break
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
        if self._cell is not None:
            self._cell.append(data)
        else:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()
        self._close_row()


def _decode_html(data: bytes) -> str:
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return decode(data)


def html_blocks(source: str) -> list[Block]:
    """Visible blocks of an HTML page in reading order."""
    # html.parser does not understand a DOCTYPE's internal subset ("[ <!ENTITY ...> ]");
    # drop the whole declaration so none of it leaks into the text or gets expanded.
    source = _DOCTYPE.sub("", source)
    extractor = _Extractor()
    extractor.feed(source)
    extractor.close()
    return extractor.blocks


def read_html(data: bytes, *, path: str, sha256: str) -> Document:
    """A Document from an HTML or XHTML page."""
    blocks = html_blocks(_decode_html(data))
    return build_document(blocks, path=path, fmt="html", sha256=sha256)
