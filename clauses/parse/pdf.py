"""PDF backend (pypdf): text per page, running headers and footers removed, lines
rejoined into paragraphs, each block keeping the page it starts on.

pypdf reads damaged files leniently (``strict=False``) and reports through the
``pypdf`` logger and ``warnings``; both are silenced for the duration of one
parse only, so a contract's quirks never clutter the user's terminal.
"""

from __future__ import annotations

import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO

from clauses.datamodel import Document
from clauses.errors import EmptyDocumentError, EncryptedError, ScannedError
from clauses.parse import limits
from clauses.segment import Block, build_document
from clauses.segment.paragraphs import breaks_paragraph

MIN_CHARS_PER_PAGE = 20  # below this on average, the PDF has no usable text layer
ZONE_LINES = 3  # lines at the top and bottom of a page where running headers live
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?#(?:\s*(?:of|/)\s*#)?$|^[-\u2013\u2014]\s*#\s*[-\u2013\u2014]$|^#\s*\|?$", re.I
)
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _hyphen_break(line: str) -> bool:
    """``line`` ends in a letter and a hyphen (regex ``[A-Za-z]-$``, read from the end)."""
    if line.endswith("\n"):  # as "$" matches before a final newline
        line = line[:-1]
    return len(line) >= 2 and line[-1] == "-" and line[-2] in _ASCII_LETTERS


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's log records and warnings for this block only."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _unlock(reader: object, path: str, password: str | None) -> None:
    """Open an encrypted PDF with the given password, or the empty one many PDFs carry."""
    from pypdf import PasswordType

    for candidate in ([password] if password is not None else []) + [""]:
        if reader.decrypt(candidate) != PasswordType.NOT_DECRYPTED:  # type: ignore[attr-defined]
            return
    if password is not None:
        raise EncryptedError(path, "encrypted and the password given does not open it; check --password")
    raise EncryptedError(path, "encrypted; pass --password")


_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def _normal(line: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", line.lower())).strip()


def _zone(lines: list[str]) -> int:
    # Short pages get a thinner zone, so a few body lines are not taken for headers.
    return min(ZONE_LINES, max(1, len(lines) // 4))


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove headers, footers and page numbers repeated at the top or bottom of pages."""
    counts: Counter[str] = Counter()
    for lines in pages:
        size = _zone(lines)
        zone = {_normal(x) for x in lines[:size] + lines[-size:]}
        counts.update(zone)
    needed = max(2, math.ceil(0.5 * len(pages)))
    running = {n for n, c in counts.items() if c >= needed} if len(pages) >= 2 else set()
    cleaned = []
    for lines in pages:
        size = _zone(lines)
        # Only the zone can hold a running line: the body between is kept without being normalised.
        if len(lines) <= 2 * size:  # the zones meet or overlap: every line is in one
            cleaned.append([x for x in lines if not _running(x, running)])
            continue
        head = [x for x in lines[:size] if not _running(x, running)]
        tail = [x for x in lines[-size:] if not _running(x, running)]
        cleaned.append(head + lines[size:-size] + tail)
    return cleaned


def _running(line: str, running: set[str]) -> bool:
    """A line of the top or bottom zone that is a running header, footer or page number."""
    norm = _normal(line)
    return norm in running or _PAGE_NUMBER.match(norm) is not None


# A clause number run into its text at the start of a line: Word separates an automatic number
# from the text by a tab, which a PDF prints as a gap with no space character, so the text layer
# reads '1.1"Affiliate" means' or '(a)Records'. Only a capitalised word, the article "A" ('9.2A
# party may') or an opening quote after the number counts, so '1.5x the fees', '(s)he' and an
# inserted clause '6.6A Independent Contractors' stay as written.
_GLUED_LABEL = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.|\((?:[a-z]{1,4}|[A-Z]|\d{1,3})\))(?=[A-Z][A-Za-z]|A\s+[a-z]|[\"“‘'])"
)


def _spaced_label(line: str) -> str:
    """``line`` with a space between a leading clause number and the text glued to it."""
    if not line[:1].isdigit() and line[:1] != "(":  # most lines: no regex
        return line
    glued = _GLUED_LABEL.match(line)
    return line if glued is None else f"{line[: glued.end()]} {line[glued.end() :]}"


_TITLE_LINES = 3  # the first lines of the first page, where a title sits
_TITLE_END = re.compile(r"(?:agreement|contract|deed|undertaking|addendum|terms|nda)$", re.I)


def _title_lines(page: list[str]) -> list[str]:
    """The first page's lines with a title printed over two lines joined into one.

    A title in a large font wraps ("Mutual Confidentiality" / "Agreement"); read as two
    headings, the document's title became "Agreement". Two heading lines in the same case,
    the first naming no document and holding no figure ("EXHIBIT 10.14" stays apart), the
    second not much longer than the first (a wrap fills the first line or balances the two)
    and ending in the word that names the document, are one title.
    """
    from clauses.segment.labels import looks_like_heading
    from clauses.segment.terms import names_document

    for i in range(min(_TITLE_LINES, len(page) - 1)):
        first, second = page[i], page[i + 1]
        if (
            _TITLE_END.search(second)
            and not names_document(first)
            and first.isupper() == second.isupper()
            # A wrap fills the first line, or balances the two: "CONFIDENTIAL" above a longer title
            # is a marking.
            and len(second) <= 1.25 * len(first)
            and not any(c.isdigit() for c in first)
            and len(first.split()) + len(second.split()) <= 10
            and looks_like_heading(first, False)
            and looks_like_heading(second, False)
        ):
            return [*page[:i], f"{first} {second}", *page[i + 2 :]]
    return page


_NUMBER_START = re.compile(r"^([A-Z]\.?)?(\d{1,3}(?:\.\d{1,3})*)\.?\s+(?=[A-Z\"“])")
_Number = tuple[str, tuple[int, ...]]  # a letter prefix ("C" of "C10.", "" for "3.5") and the figures


def _leading_number(line: str) -> _Number | None:
    """The decimal number a line opens with ("3.5", "C10.", "A.2") when a capital or a quote
    follows it (a sentence, not a figure: "30 days")."""
    if not (line[:1].isdigit() or (line[:1].isupper() and line[1:2] in ".0123456789")):
        return None  # most lines: no regex
    match = _NUMBER_START.match(line)
    if match is None:
        return None
    return (match.group(1) or "").rstrip("."), tuple(int(x) for x in match.group(2).split("."))


def _next_number(line: str, last: _Number | None) -> _Number | None:
    """The number ``line`` opens with when it is the next one after ``last`` ("3.5" after "3.4",
    "4" after "3.4", "C10." after "C9."), else None."""
    found = _leading_number(line) if last is not None else None
    if found is None or last is None or found[0] != last[0]:
        return None
    parts, before = found[1], last[1]
    depth = len(parts)
    if depth > len(before):
        return None
    return found if parts[:-1] == before[: depth - 1] and parts[-1] == before[depth - 1] + 1 else None


def paragraphs(pages: list[list[str]]) -> list[Block]:
    """Join visual lines into paragraphs; a hyphen at a line end joins the word halves.

    Without the gaps between paragraphs (the text layer has none), a line starts a paragraph
    by what it reads (``breaks_paragraph``), and also when it opens with the next number of
    the list ("3.5 Response" after 3.4, "C10." after "C9.") even though the line before ends
    no sentence or fills the width: a table row, a list without a full stop or a full last
    line before it joined the clause to them.
    """
    if pages:
        pages = [_title_lines(pages[0]), *pages[1:]]
    lines = [(n + 1, _spaced_label(line)) for n, page in enumerate(pages) for line in page]
    lengths = sorted(len(line) for _, line in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    blocks: list[Block] = []
    text, page, prev = "", 0, ""
    last: _Number | None = None  # the number of the last paragraph that started with one
    for number, line in lines:
        following = _next_number(line, last)
        if text and line[:1].islower() and _hyphen_break(prev):
            text = text[:-1] + line
        elif text and following is None and not breaks_paragraph(prev, line, width):
            text = f"{text} {line}"
        else:
            if text:
                blocks.append(Block(text, page=page))
            text, page = line, number
            last = following or _leading_number(line) or last
        prev = line
    if text:
        blocks.append(Block(text, page=page))
    return blocks


_CONTROLS = tuple(chr(code) for code in range(32) if not chr(code).isspace())
_ANY_CONTROL = re.compile("[" + "".join(map(re.escape, _CONTROLS)) + "]")
_LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
_VOWELLESS_WORD = re.compile(r"\b[B-DF-HJ-NP-TV-XZb-df-hj-np-tv-xz]{3,}\b")  # a whole word, no aeiouy


def garbled(text: str) -> bool:
    """True when a text layer is unreadable: control characters, or Latin "words"
    without vowels ("7KLV DJUHHPHQW"), as fonts without a Unicode map produce.

    Counted in C (str.split, str.count, one regex each): a loop over every
    character and a regex per word took ~40% of reading a text PDF with PDFium.
    ``str.split()`` splits on exactly the characters ``str.isspace`` accepts.
    Control characters are counted only when one regex finds any: with none the
    first test is false, and a text with no visible character has no vowelless word.
    """
    if _ANY_CONTROL.search(text) is not None:  # rare: counted only then
        visible = sum(map(len, text.split()))  # characters that are not whitespace
        if sum(map(text.count, _CONTROLS)) > 0.05 * visible:
            return True
    voweless = len(_VOWELLESS_WORD.findall(text))
    if voweless <= 15:  # 0.3 of at least 50 words: too few to matter, so the words need no count
        return False
    words = len(_LATIN_WORD.findall(text))
    return words >= 50 and voweless > 0.3 * words


def _declared_pages(reader: object) -> int:
    """The page count the page tree's root declares, 0 when it declares none.

    Counting the pages for real resolves every page object (3.5 s for 20,000
    here), so the declared count is checked first.
    """
    try:
        count = reader.trailer["/Root"]["/Pages"]["/Count"]  # type: ignore[attr-defined]
    except (KeyError, TypeError, AttributeError):
        return 0
    return count if isinstance(count, int) else 0


def read_pdf(data: bytes, *, path: str, sha256: str, password: str | None = None) -> Document:
    """A Document from a PDF's text layer; pypdf errors reach the caller untranslated."""
    from pypdf import PdfReader

    with _quiet_pypdf():
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted:
            _unlock(reader, path, password)
        declared = _declared_pages(reader)  # cheap: no page is read to know it
        limits.check(path, "pages", declared, limits.MAX_PDF_PAGES, "MAX_PDF_PAGES")
        pages = reader.pages  # counted for real: /Count may lie
        limits.check(path, "pages", len(pages), limits.MAX_PDF_PAGES, "MAX_PDF_PAGES")
        texts = []
        chars = 0
        for page in pages:
            texts.append(page.extract_text() or "")
            chars += len(texts[-1])
            limits.check(path, "characters of text", chars, limits.MAX_DOCUMENT_CHARS, "MAX_DOCUMENT_CHARS")
    if not texts:
        raise EmptyDocumentError(path, "the PDF has no pages; check it is the right file")
    if sum(len(t.strip()) for t in texts) < MIN_CHARS_PER_PAGE * len(texts):
        raise ScannedError(path, "no text layer (scanned?); run OCR first")
    if garbled("".join(texts)):
        raise ScannedError(path, "text layer is garbled (fonts without a character map); run OCR first")
    pages = [[x.strip() for x in t.replace("\r", "\n").split("\n") if x.strip()] for t in texts]
    lines = sum(len(page) for page in pages)
    limits.check(path, "lines of text", lines, limits.MAX_LINES, "MAX_LINES")
    blocks = paragraphs(strip_running_lines(pages))
    limits.check_blocks(path, blocks)
    return build_document(blocks, path=path, fmt="pdf", sha256=sha256, pages=len(texts))
