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
from dataclasses import dataclass

from clauses.datamodel import Clause, Document
from clauses.numerals import roman_value
from clauses.terms import find_defined_terms, find_parties, find_title

BLOCK_SEPARATOR = "\n\n"
# A document whose lines are all shorter than this is treated as hard-wrapped.
WRAP_WIDTH = 110


@dataclass(frozen=True)
class Block:
    """One paragraph or table row as a format parser found it."""

    text: str
    number: str | None = None  # label as displayed (Word numbering); None = read it from text
    heading: bool = False  # a heading style said so (Heading 1, <h2>, "## ")
    level: int | None = None  # heading level from the style, 0 = top
    page: int | None = None
    in_table: bool = False


@dataclass(frozen=True)
class Label:
    """A paragraph's leading number, parsed."""

    display: str  # as printed, without trailing punctuation: "7.2", "(b)", "a", "Article IV"
    style: str  # "decimal", "article", "bullet", or e.g. "lower_roman_paren"
    value: int  # ordinal, to tell "(i)" after "(h)" from roman "(i)"
    length: int  # characters of the paragraph the label occupies


@dataclass
class _Open:
    """A list level currently open while reading the document."""

    style: str
    value: int
    number: str  # full citation: "7.2(b)"
    level: int


_ABSOLUTE = ("decimal", "article")
_ARTICLE_WORDS = "ARTICLE|Article|SECTION|Section|CLAUSE|Clause|PART|Part|SCHEDULE|Schedule"
_LABEL_RE = re.compile(
    rf"""^(?:
      (?P<art>(?:{_ARTICLE_WORDS})\s+(?P<artnum>[IVXLC]+|\d{{1,3}}(?:\.\d{{1,3}})*|[A-Z]))\b\.?(?:\s*[-\u2013\u2014:](?=\s))?
     |(?P<dec>\d{{1,2}}(?:\.\d{{1,3}}){{1,4}}|\d{{1,2}}(?=\.))\.?
        (?P<decsub>(?:\((?:[a-z]{{1,4}}|[A-Z]|\d{{1,2}})\))*)
     |\((?P<par>[a-z]{{1,4}}|[A-Z]{{1,4}}|\d{{1,2}})\)
     |(?P<dot>[a-z]|[A-Z]|[ivx]{{2,5}}|[IVX]{{2,5}})(?P<dotp>[.)])
     |(?P<dig>\d{{1,2}})\)
     |(?P<bare>\d{{1,2}})(?=[ \t]+[A-Z])
     |(?P<bullet>[\u2022\u25aa\u25cf\u25e6\uf0b7\uf0a7\u00b7\u2023\u2043\u25cb\u2013\u2014*+o-])
    )(?=\s|$)""",
    re.X,
)
_SENTENCE_END = re.compile(r"[.;:!?][\"'”’)\]]*$")
_INLINE_HEADING = re.compile(r"^([A-Z][^.:;!?\n]{1,70}?)[.:]\s+(?=[A-Z“\"(0-9])")
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "from",
    "into",
    "upon",
    "under",
    "its",
    "their",
    "vs",
    "per",
    "&",
}


def _letter_value(letters: str) -> int:
    # "a" = 1 ... "z" = 26, "aa" = 27: the way Word and drafters continue long lists.
    return (len(letters) - 1) * 26 + ord(letters[0].lower()) - ord("a") + 1


def parse_label(text: str, stack: list[_Open] | None = None) -> Label | None:
    """Read the number a paragraph starts with; ``stack`` settles "(i)" as letter or roman."""
    m = _LABEL_RE.match(text)
    if not m:
        return None
    length = m.end()
    if m.group("art"):
        rest = text[length:].lstrip()
        if rest and (rest[0].islower() or rest[0] == "("):
            return None  # "Section 12 (Miscellaneous) of ..." is a reference, not a label
        word, num = m.group("art").split(None, 1)
        value = roman_value(num) or (int(num) if num.isdigit() else 0)
        return Label(f"{word.title()} {num}", "article", value, length)
    if m.group("dec"):
        dec = m.group("dec")
        first = int(dec.split(".")[0])
        return Label(dec + m.group("decsub"), "decimal", first, length)
    if m.group("bare"):
        # "1 INTERPRETATION": accepted only as a heading in sequence, see _read_paragraph.
        return Label(m.group("bare"), "bare", int(m.group("bare")), length)
    if m.group("bullet"):
        inner = text[length:]
        skipped = len(inner) - len(inner.lstrip())
        label = parse_label(inner.lstrip(), stack) if inner.strip()[:1] not in "-*+o•" else None
        if label is not None and label.style != "bullet":
            # "• (ii) ..." is the list item (ii); the bullet is decoration.
            return Label(label.display, label.style, label.value, length + skipped + label.length)
        return Label("", "bullet", 0, length)
    if m.group("dig"):
        return Label(m.group("dig") + ")", "digit_rparen", int(m.group("dig")), length)
    if m.group("par") is not None:
        chars, delim, display = m.group("par"), "paren", f"({m.group('par')})"
    else:
        chars = m.group("dot")
        delim = "dot" if m.group("dotp") == "." else "rparen"
        display = chars if delim == "dot" else chars + ")"
    if chars.isdigit():
        return Label(display, f"digit_{delim}", int(chars), length)
    case = "lower" if chars.islower() else "upper"
    style, value = _letter_or_roman(chars, case, delim, stack or [])
    return Label(display, style, value, length)


def _letter_or_roman(chars: str, case: str, delim: str, stack: list[_Open]) -> tuple[str, int]:
    """Decide whether "(i)", "(v)", "(x)" continue a lettered list or start a roman one."""
    letter_style, roman_style = f"{case}_letter_{delim}", f"{case}_roman_{delim}"
    roman = roman_value(chars)
    is_letter_run = len(set(chars.lower())) == 1
    if roman is None:
        return letter_style, _letter_value(chars)
    if len(chars) > 1 and not any(
        o.style == letter_style and o.value == 26 * (len(chars) - 1) + _letter_value(chars[0]) - 1
        for o in stack
    ):
        return roman_style, roman
    if is_letter_run and any(o.style == letter_style and o.value == _letter_value(chars) - 1 for o in stack):
        return letter_style, _letter_value(chars)
    if any(o.style == roman_style and o.value == roman - 1 for o in stack) or chars.lower() == "i":
        return roman_style, roman
    return letter_style, _letter_value(chars)


def _is_ancestor(parent: str, child: str) -> bool:
    return child.startswith(parent + ".") or child.startswith(parent + "(")


def _place(label: Label, stack: list[_Open], roots: dict[str, int]) -> tuple[str, int]:
    """Update the open lists with ``label``; return its full citation and nesting level."""
    if label.style == "bullet":
        return "", (stack[-1].level + 1 if stack else 0)
    if label.style == "article":
        stack.clear()
        stack.append(_Open("article", label.value, label.display, 0))
        return label.display, 0
    if label.style == "decimal":
        while stack and not (
            stack[-1].style == "article"
            or (stack[-1].style == "decimal" and _is_ancestor(stack[-1].number, label.display))
        ):
            stack.pop()
        level = label.display.count(".") + label.display.count("(")
        if level == 0:
            roots["decimal"] = label.value
        stack.append(_Open("decimal", label.value, label.display, level))
        return label.display, level
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].style == label.style:
            del stack[k:]
            break
    else:
        # "B." after "A. Definitions" whose list was closed by "1.", "2.": a root sibling.
        if label.value > 1 and roots.get(label.style) == label.value - 1:
            stack.clear()
    parent = stack[-1] if stack else None
    if parent is None:
        roots[label.style] = label.value
    if parent is None:
        number, level = label.display, 0
    else:
        core = label.display.strip("()")
        number, level = f"{parent.number}({core})", parent.level + 1
    stack.append(_Open(label.style, label.value, number, level))
    return number, level


def looks_like_heading(body: str, numbered: bool) -> bool:
    """A short title line: "CONFIDENTIALITY", "7. Confidentiality", "Term and Termination"."""
    body = body.strip()
    words = body.split()
    if not words or len(body) > 90 or len(words) > 12:
        return False
    if re.search(r"_{3}|…|\.{4}|\t|\|", body) or body[-1] in ",;:" or body[0].islower():
        return False
    letters = [c for c in body if c.isalpha()]
    if len(letters) < 3:
        return False
    if body.isupper():
        return True
    if body.endswith(".") and len(words) > 6:
        return False
    if numbered and len(words) <= 8 and not body.endswith("."):
        return True
    if not numbered and ":" in body:
        return False
    significant = [w for w in words if w.lower().strip("()“”\"',.") not in _SMALL_WORDS]
    capitalised = [w for w in significant if w[:1].isupper() or w[:1] in '“"(']
    title_case = bool(significant) and len(capitalised) == len(significant)
    return title_case and (numbered or len(words) <= 6)


def inline_heading(body: str) -> str:
    """The run-in heading of "Return of Materials. The Recipient shall...", or ""."""
    m = _INLINE_HEADING.match(body)
    if not m:
        return ""
    candidate = m.group(1).strip()
    words = candidate.split()
    if len(words) > 8 or not looks_like_heading(candidate, numbered=False):
        return ""
    return candidate.strip('“”"')


# ---------------------------------------------------------------- plain text


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when lines were broken at a fixed width, so single newlines are soft."""
    lengths = [len(x.strip()) for x in lines if x.strip()]
    if len(lengths) < 5:
        return False
    return max(lengths) <= WRAP_WIDTH and sum(n >= 50 for n in lengths) >= len(lengths) / 3


def breaks_paragraph(prev: str, line: str, width: int) -> bool:
    """Whether ``line`` starts a new paragraph in text broken at about ``width`` characters."""
    prev, line = prev.strip(), line.strip()
    if looks_like_heading(prev, parse_label(prev) is not None):
        return True
    label = parse_label(line)
    if label is not None and label.style != "bare":
        # "...any renewal under\nSection 11." or "a further ninety\n(90) days" is a wrapped
        # line; a label starts a clause after a finished line, "; and", or a short line.
        return bool(_SENTENCE_END.search(prev) or re.search(r"\b(and|or)$", prev) or len(prev) < 0.75 * width)
    if looks_like_heading(line, False) and line.isupper():
        return True
    short = len(prev) < 0.75 * width
    if _SENTENCE_END.search(prev):
        return short and not line[:1].islower()
    return short and not line[:1].islower() and len(prev) < 0.5 * width


def _continues_sentence(prev: str, line: str) -> bool:
    """A line that carries on a sentence broken mid-way ("...not\nless than thirty days")."""
    prev, line = prev.strip(), line.strip()
    return (
        line[:1].islower()
        and not _SENTENCE_END.search(prev)
        and parse_label(line) is None
        and not looks_like_heading(prev, False)
    )


def paragraph_spans(text: str, wrapped: bool | None = None) -> list[tuple[int, int]]:
    """Split ``text`` into paragraphs as (start, end) offsets, trimmed of whitespace.

    Blank lines always separate paragraphs. Inside a run of lines, a newline is a
    paragraph break unless the text is hard-wrapped, where ``breaks_paragraph``
    decides.
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append((pos, pos + len(body)))
        pos += len(raw)
    texts = [text[s:e] for s, e in lines]
    if wrapped is None:
        wrapped = _is_hard_wrapped(texts)
    width = max((len(t.strip()) for t in texts), default=0)
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    prev_text = ""
    for (s, e), line in zip(lines, texts, strict=True):
        if not line.strip():
            if current:
                spans.append(current)
            current = None
            continue
        if current is None:
            new = True
        elif wrapped:
            new = breaks_paragraph(prev_text, line, width)
        else:
            new = not _continues_sentence(prev_text, line)
        if new:
            if current:
                spans.append(current)
            current = (s, e)
        else:
            current = (current[0], e)
        prev_text = line
    if current:
        spans.append(current)
    return [_trim(text, s, e) for s, e in spans]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment_text(text: str, wrapped: bool | None = None) -> tuple[Clause, ...]:
    """Clauses of plain text; offsets point into ``text`` itself."""
    spans = [(s, e, Block(text[s:e])) for s, e in paragraph_spans(text, wrapped)]
    return _clauses(text, spans)


def plain_document(
    text: str, *, path: str, fmt: str, sha256: str, pages: int | None = None, wrapped: bool | None = None
) -> Document:
    """A Document whose text is ``text`` unchanged, segmented as plain text."""
    spans = [(s, e, Block(text[s:e])) for s, e in paragraph_spans(text, wrapped)]
    return document_from_text(text, spans, path=path, fmt=fmt, sha256=sha256, pages=pages)


# ---------------------------------------------------------------- blocks


def join_blocks(blocks: list[Block]) -> tuple[str, list[tuple[int, int, Block]]]:
    """Document text made of the blocks, and where each block sits in it."""
    parts: list[str] = []
    placed: list[tuple[int, int, Block]] = []
    pos = 0
    for block in blocks:
        body = block.text.strip()
        if not body:
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        parts.append(body)
        placed.append((pos, pos + len(body), block))
        pos += len(body)
    return "".join(parts), placed


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
    return Document(
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


def _read_paragraph(
    text: str, start: int, end: int, block: Block, stack: list[_Open], roots: dict[str, int]
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
            number, level = _place(label, stack, roots)
    numbered = bool(number)
    is_heading = block.heading or looks_like_heading(rest, numbered)
    if label is not None and label.style not in _ABSOLUTE and not block.heading:
        # "a. Address" is a list item; only "B. TERMS OF AGREEMENT" reads as a heading.
        is_heading = is_heading and rest.isupper() and label.style != "bullet"
    is_heading = is_heading and not block.in_table
    if is_heading and not numbered:
        while stack and stack[-1].style not in _ABSOLUTE:
            stack.pop()
    own = rest.strip().rstrip(".:") if is_heading else inline_heading(rest)
    if own and not numbered and not is_heading and rest[len(own) :].lstrip().startswith(":"):
        own = ""  # "Place: ..." and "Address: ..." are form fields, not run-in headings
    style = label.style if label is not None and numbered else ""
    return _Para(start, end, block, number, level, own, is_heading, numbered, style)


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
            )
            continue
        out.append(para)
    return out


def _clauses(text: str, spans: list[tuple[int, int, Block]]) -> tuple[Clause, ...]:
    stack: list[_Open] = []
    roots: dict[str, int] = {}  # last value seen at the root, per label style
    paras = [_read_paragraph(text, s, e, b, stack, roots) for s, e, b in spans]
    paras = _join_bare_labels(paras)
    merged: list[tuple[_Para, int]] = []  # paragraph and the end offset of its clause
    i = 0
    while i < len(paras):
        para, end = paras[i], paras[i].end
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
            i += 1
        merged.append((para, end))
        i += 1
    headings: list[tuple[str, str, int, str]] = []
    clauses: list[Clause] = []
    for para, end in merged:
        heading = _section_heading(para, headings, first=not clauses)
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
            )
        )
    return tuple(clauses)


def _section_heading(para: _Para, headings: list[tuple[str, str, int, str]], first: bool) -> str:
    """Track open section headings and return the one this paragraph sits under.

    ``headings`` holds (number, label style, level, title). A numbered clause closes
    open numbered headings of its own label style that it is not part of: "8."
    closes "7. Confidentiality", "1." does not close "A. Definitions".
    """
    if para.numbered:
        while (
            headings
            and headings[-1][0]
            and headings[-1][1] == para.style
            and not (_is_ancestor(headings[-1][0], para.number))
        ):
            headings.pop()
    if para.is_heading or (para.numbered and para.own_heading):
        level = para.block.level if para.block.level is not None else para.level
        while (
            headings
            and headings[-1][2] >= level
            and (not para.numbered or not headings[-1][0] or headings[-1][1] == para.style)
        ):
            headings.pop()
        if not first:  # the document title is no section heading
            headings.append((para.number, para.style, level, para.own_heading))
        return para.own_heading
    if para.own_heading:
        return para.own_heading
    return headings[-1][3] if headings else ""
