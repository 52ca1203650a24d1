"""Split plain text into paragraphs without changing it, so offsets point into the caller's string.

Hard-wrapped text (PDF extractions, e-mailed contracts) breaks lines at a fixed
width; there a single newline is soft and a paragraph ends at a blank line, a
numbered line or the end of a sentence. Elsewhere every line is a paragraph.
"""

from __future__ import annotations

import re

from clauses.segment.labels import ends_sentence, inline_heading, looks_like_heading, parse_label
from clauses.segment.numerals import number_words

# A document whose lines are all shorter than this is treated as hard-wrapped.
WRAP_WIDTH = 110


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when lines were broken at a fixed width, so single newlines are soft."""
    lengths = [len(x.strip()) for x in lines if x.strip()]
    if len(lengths) < 5:
        return False
    return max(lengths) <= WRAP_WIDTH and sum(n >= 50 for n in lengths) >= len(lengths) / 3


_AND_OR_END = re.compile(r"\b(and|or)$")
_FIGURE_FIRST = re.compile(r"^\((\d{1,6})\)")
_WORD_BREAKS = re.compile(r"[\s-]+")


def _repeats_figure(prev: str, line: str) -> bool:
    """A line opening with the figure of the number word that ends the previous one ("a period
    of eighteen" / "(18) months"): the drafter's "eighteen (18)" broken by a newline, not a list item."""
    figure = _FIGURE_FIRST.match(line)
    if figure is None:
        return False
    words = _WORD_BREAKS.sub(" ", number_words(int(figure.group(1))))
    tail = _WORD_BREAKS.sub(" ", prev.lower()).rstrip()
    return tail.endswith(words) and (len(tail) == len(words) or not tail[-len(words) - 1].isalpha())


# A bracketed remark with its own label ("[Drafting note: ...", "[NTD: ...", "[Note: ..."): a
# paragraph of its own under a clause, where a placeholder ("[Company name] shall") has no colon.
_BRACKETED_REMARK = re.compile(r"^\[[A-Za-z][^\]\n:]{0,40}:")


def _wrapped_capitals(prev: str, line: str, width: int) -> bool:
    """``prev`` and ``line`` are lines of a paragraph in capitals broken at the page width:
    ``prev`` as long as the body's lines and ending no sentence (a heading in capitals is a
    short line of its own), and ``line`` in capitals too (a body in lower case follows a heading)."""
    return len(prev) >= 0.75 * width and prev.isupper() and line.isupper() and not ends_sentence(prev)


def _heading_line(prev: str, line: str) -> bool:
    """``prev`` is a heading line of its own, not the first line of a wrapped numbered clause.

    A numbered line of eight words or fewer reads as a heading ("4.2 Return of Materials"), and
    on a narrow page so does the first line of a clause ("(a) Position. The Company employs
    the"): a run-in heading with text after it, or a next line that goes on in lower case,
    says the sentence runs on.
    """
    label = parse_label(prev)
    if not looks_like_heading(prev, label is not None):
        return False
    if label is None or prev.isupper():
        return True
    if line[:1].islower():
        return False
    rest = prev[label.length :].strip()
    own = inline_heading(rest)
    return not (own and len(rest) > len(own) + 2)


def breaks_paragraph(prev: str, line: str, width: int) -> bool:
    """Whether ``line`` starts a new paragraph in text broken at about ``width`` characters."""
    prev, line = prev.strip(), line.strip()
    capitals = _wrapped_capitals(prev, line, width)
    if not capitals and _heading_line(prev, line):
        return True
    label = parse_label(line)
    if label is not None and _repeats_figure(prev, line):
        return False
    if label is not None and label.style != "bare":
        # "...any renewal under\nSection 11." or "a further ninety\n(90) days" is a wrapped
        # line; a label starts a clause after a finished line, "; and", or a short line.
        # "...breach of Section 4 or / Section 5." is a reference: only a list item follows "or".
        listed = label.style != "article" and _AND_OR_END.search(prev) is not None
        return bool(ends_sentence(prev) or listed or len(prev) < 0.75 * width)
    if line[:1] == "[" and ends_sentence(prev) and _BRACKETED_REMARK.match(line):
        return True
    if line.isupper() and not capitals and looks_like_heading(line, False):  # isupper: cheap, mostly False
        return True
    short = len(prev) < 0.75 * width
    if ends_sentence(prev):
        return short and not line[:1].islower()
    return short and not line[:1].islower() and len(prev) < 0.5 * width


# A defined-term parenthetical that opens a line: '("Recipient").', '(the "Company")',
# '(hereinafter "Supplier")'. It names the party or term of the line before, never starts a
# paragraph of its own (a list label such as "(a)" is no quote and is excluded by parse_label).
_TERM_PARENTHETICAL = re.compile(
    r"""\((the\s+|hereinafter\s+(referred\s+to\s+as\s+|called\s+)?|each\s+an?\s+|collectively\s+|together\s+)?[\"“'‘]"""
)


def _continues_sentence(prev: str, line: str) -> bool:
    """A line that carries on a sentence broken mid-way ("...not\nless than thirty days",
    "...and Beta Inc\n("Recipient").")."""
    prev, line = prev.strip(), line.strip()
    return _repeats_figure(prev, line) or (
        (line[:1].islower() or _TERM_PARENTHETICAL.match(line) is not None)
        and not ends_sentence(prev)
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
