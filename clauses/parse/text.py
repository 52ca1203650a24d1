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
from clauses.segment import Block, build_document, plain_document


def decode(data: bytes) -> str:
    """Text from bytes: BOM first (UTF-8, UTF-16), then UTF-8, cp1252, latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        for encoding in ("utf-8", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")


def read_text(data: bytes, *, path: str, sha256: str) -> Document:
    """A Document from a plain text file; clause offsets point into the decoded text."""
    return plain_document(decode(data), path=path, fmt="text", sha256=sha256)


# ---------------------------------------------------------------- Markdown

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d{1,9}[.)])\s+(?P<body>.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_CALLOUT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*", re.I)


def clean_inline(text: str) -> str:
    """Markdown inline syntax and HTML tags removed, entities decoded."""
    text = re.sub(r"<!--.*?-->", "", text)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<((?:https?|mailto):[^>\s]+)>", r"\1", text)
    text = re.sub(r"</?[A-Za-z][^<>]*>", "", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", r"\1", text)
    text = re.sub(r"~~(.+?)~~", r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>~])", r"\1", text)
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
            blocks.append(Block(clean_inline(heading.group(2)), heading=True, level=level))
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
    blocks = markdown_blocks(decode(data))
    return build_document(blocks, path=path, fmt="markdown", sha256=sha256)
