"""Plain text and Markdown backends.

Plain text keeps the decoded text as is (clause offsets point into it). Markdown
becomes the text a reader sees on the rendered page: no heading hashes, emphasis
markers, link syntax, inline HTML or table pipes, but list numbers kept, ordered
lists numbered the way they render.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from clauses.datamodel import Document
from clauses.parse import limits
from clauses.segment import Block, build_document, document_from_text, without_controls
from clauses.segment.paragraphs import paragraph_spans

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),  # before UTF-16: its BOM starts with UTF-16 LE's
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces (UTF-32, UTF-8, UTF-16), or None."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def decode(data: bytes) -> str:
    """Text from bytes: BOM first (UTF-32, UTF-8, UTF-16), then UTF-8, cp1252, latin-1.

    UTF-32 is looked for before UTF-16 because its little-endian BOM begins
    with UTF-16's: read as UTF-16, a UTF-32 file became text with a NUL after
    every letter, which the language check then called Portuguese.
    """
    bom = bom_encoding(data)
    if bom is not None:
        text = data.decode(bom, errors="replace")
    else:
        for encoding in ("utf-8", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")


def _check_text(text: str, path: str) -> None:
    """The document and line limits, checked on the decoded text before it is segmented."""
    limits.check(path, "characters of text", len(text), limits.MAX_DOCUMENT_CHARS, "MAX_DOCUMENT_CHARS")
    lines = text.count("\n") + 1
    limits.check(path, "lines of text", lines, limits.MAX_LINES, "MAX_LINES")


def read_text(data: bytes, *, path: str, sha256: str) -> Document:
    """A Document from a plain text file; clause offsets point into the decoded text."""
    text = without_controls(decode(data))
    _check_text(text, path)
    spans = paragraph_spans(text)
    limits.check_blocks(path, spans)
    placed = [(start, end, Block(text[start:end], source=i)) for i, (start, end) in enumerate(spans)]
    return document_from_text(text, placed, path=path, fmt="text", sha256=sha256, pages=None)


# ---------------------------------------------------------------- Markdown

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*))?$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d{1,9}[.)])\s+(?P<body>.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_CALLOUT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*", re.I)


# Every inline pattern is linear in the paragraph (a Markdown paragraph may be the
# whole file): a match attempt never scans past the next delimiter of its own
# kind, so no region is re-scanned from each of many openers. The patterns used
# before backtracked for 37 s on one crafted link.
_INLINE = (
    (re.compile(r"<!--(?:(?!<!--).)*?-->", re.S), ""),
    (re.compile(r"!\[([^\[\]]*)\]\([^()]*\)"), r"\1"),
    (re.compile(r"\[([^\[\]]+)\]\((?:[^()\[\]]|\([^()\[\]]*\))*\)"), r"\1"),
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^<>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^<>]*>"), ""),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![\w_])"), r"\1"),
    (re.compile(r"~~((?:(?!~~).)+?)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),
)


def clean_inline(text: str) -> str:
    """Markdown inline syntax and HTML tags removed, entities decoded."""
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    text = html.unescape(text)
    return re.sub(r"[ \t]+", " ", text).strip()


@dataclass
class _List:
    indent: int
    ordered: bool
    next_value: int
    delimiter: str


def _front_matter(lines: list[str]) -> tuple[int, str]:
    """Where YAML front matter ends, and its ``title:`` (shown as the page title)."""
    if lines and lines[0].strip() == "---":
        for i in range(1, min(len(lines), 200)):
            if lines[i].strip() in ("---", "..."):
                title = next(
                    (x.split(":", 1)[1].strip().strip("'\"") for x in lines[1:i] if x.startswith("title:")),
                    "",
                )
                return i + 1, title
    return 0, ""


def markdown_blocks(source: str) -> list[Block]:
    """Blocks of a Markdown document in reading order."""
    lines = source.split("\n")
    blocks: list[Block] = []
    para: list[str] = []
    lists: list[_List] = []
    para_is_item = False

    def flush() -> None:
        nonlocal para, para_is_item
        body = clean_inline(" ".join(x.strip() for x in para))
        body = _CALLOUT.sub("", body)
        if body:
            blocks.append(Block(body))
        para, para_is_item = [], False

    i, title = _front_matter(lines)
    if title:
        blocks.append(Block(clean_inline(title), heading=True, level=0))
    in_fence = False
    while i < len(lines):
        raw = lines[i]
        line = re.sub(r"^\s*(>\s?)+", "", raw)  # block quotes read as plain paragraphs
        i += 1
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if line.strip():
                blocks.append(Block(line.strip()))
            continue
        if not line.strip() or _LINK_DEF.match(line) or re.fullmatch(r"\s*<!--.*-->\s*", line):
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            lists.clear()
            level = len(heading.group(1)) - 1
            title = (heading.group(2) or "").rstrip().rstrip("#").rstrip()  # closing hashes: "## Term ##"
            blocks.append(Block(clean_inline(title), heading=True, level=level))
            continue
        if para and not para_is_item and _SETEXT.match(line) and not _ITEM.match(line):
            level = 0 if line.strip().startswith("=") else 1
            body = clean_inline(" ".join(x.strip() for x in para))
            para = []
            lists.clear()
            blocks.append(Block(body, heading=True, level=level))
            continue
        if _RULE.match(line):
            flush()
            continue
        if line.lstrip().startswith("|"):
            flush()
            if not _TABLE_SEP.match(line):
                cells = [clean_inline(c) for c in line.strip().strip("|").split("|")]
                row = " | ".join(c for c in cells if c)
                if row:
                    blocks.append(Block(row, in_table=True))
            continue
        item = _ITEM.match(line)
        if item:
            flush()
            para = [_list_label(item, lists) + item.group("body")]
            para_is_item = True
            continue
        indent = len(line) - len(line.lstrip())
        if not para and lists and indent < 2:
            lists.clear()  # an unindented paragraph ends the open lists
        para.append(line)
    flush()
    if title and any(b.heading and b.text == blocks[0].text for b in blocks[1:4]):
        blocks.pop(0)  # the page repeats its front-matter title as "# Title"
    return blocks


def _list_label(item: re.Match[str], lists: list[_List]) -> str:
    """The marker a reader sees: ordered items numbered from the list's first number."""
    indent = len(item.group("indent").expandtabs(4))
    marker = item.group("marker")
    ordered = marker[0].isdigit()
    while lists and lists[-1].indent > indent:
        lists.pop()
    if lists and lists[-1].indent == indent and lists[-1].ordered == ordered:
        current = lists[-1]
    else:
        if lists and lists[-1].indent == indent:
            lists.pop()
        current = _List(
            indent, ordered, int(marker[:-1]) if ordered else 0, marker[-1] if ordered else marker
        )
        lists.append(current)
    if not ordered:
        return "- " if marker != "*" else "• "
    value = current.next_value
    current.next_value += 1
    return f"{value}{current.delimiter} "


def read_markdown(data: bytes, *, path: str, sha256: str) -> Document:
    """A Document from Markdown, as the rendered page reads."""
    text = decode(data)
    _check_text(text, path)
    blocks = markdown_blocks(text)
    limits.check_blocks(path, blocks)
    return build_document(blocks, path=path, fmt="markdown", sha256=sha256)
