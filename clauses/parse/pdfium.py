"""PDF backend on pypdfium2 (PDFium, the PDF engine of Chromium), with OCR for pages without text.

Why a second backend beside ``pdf.py`` (pypdf): on the real PDFs in
``../shared/real`` PDFium extracts text 6-10 times faster with the same words
(see ``benchmarks/pdf_text.py``), and it renders pages, which OCR needs. pypdf
stays the fallback for what PDFium does not open (damaged files, encryption it
refuses) and the judge of a text layer PDFium reads as unusable, so its precise
errors (Encrypted, Corrupt, Scanned) still reach the user.

``--ocr`` decides what happens to pages without a usable text layer:

* ``auto`` (default): a page with (almost) no text that carries an image is
  OCR'd, and every page when the text layer is garbled (fonts without a
  character map). When Tesseract is missing, a contract that needs OCR gets a
  Scanned error saying how to install it.
* ``always``: every page is OCR'd, whatever its text layer says.
* ``never``: no OCR; a scan is a Scanned error as before.

Lines from either source go through the same header/footer removal and
paragraph joining as pypdf's (``pdf.strip_running_lines``, ``pdf.paragraphs``).
"""

from __future__ import annotations

import re

from clauses.datamodel import Document, OcrPage
from clauses.errors import EmptyDocumentError, ScannedError, TooLargeError
from clauses.parse import limits, pdf
from clauses.segment import build_document
from clauses.segment.numerals import number_words

OCR_MODES = ("auto", "always", "never")
MAX_OCR_PAGES = 300  # at 2-2.5 s a page on one core, 10-12 minutes: beyond that, a split is kinder
_SOFT_HYPHEN = "\ufffe"  # PDFium's mark for a hyphen at a line break it has joined across


_BROKEN = re.compile(r"(\w+)\ufffe(\w+)")
_HYPHENATED = re.compile(r"\b\w+-\w+\b")


_NUMBER_WORDS = frozenset(number_words(n) for n in (*range(1, 21), 30, 40, 50, 60, 70, 80, 90)) | {
    "hundred",
    "thousand",
    "half",
    "third",
    "quarter",
}
_WORD_MARKS = ("-", ",", ".", ";", ":", "(", ")", '"', "\u201c", "\u201d", "'s", "\u2019s")


def dehyphenate(texts: list[str]) -> list[str]:
    """Resolve PDFium's line-break hyphens: ``confiden|tial`` becomes one word, ``non|public`` keeps
    its hyphen when the document spells it with one elsewhere (or a capital follows, ``Non-Disclosure``).

    PDFium marks the drafter's hyphen at a line end ("third-|party") as it marks the
    typesetter's, so a compound written once lost its hyphen ("thirdparty"). A break between
    two words the document uses elsewhere ("third", "party"; "non" of "non-exclusive") keeps
    the hyphen too, unless the document spells the joined word ("whenever").
    """
    if not any(_SOFT_HYPHEN in t for t in texts):  # nothing to resolve: no need to list compounds
        return list(texts)
    compounds = {w.lower() for t in texts for w in _HYPHENATED.findall(t)}
    # The document's words, listed once when the first break needs them: whitespace cuts the
    # text after hyphens and common punctuation became spaces, 2-3 times cheaper than a regex
    # over a long agreement (a broken pair holds U+FFFE, so it is no word of the set).
    words: set[str] = set()

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        keep = f"{left}-{right}".lower() in compounds or not (left[-1].islower() and right[0].islower())
        if not keep and not words:
            plain = "\n".join(texts).lower()
            for mark in _WORD_MARKS:
                plain = plain.replace(mark, " ")
            words.update(plain.split())
        if not keep and (left + right).lower() not in words:
            # Three letters at least: "in|form" and "re|view" are syllables, whatever "in" is.
            halves = min(len(left), len(right)) >= 3 and left.lower() in words
            # A number word makes compounds ("forty-eight", "twelve-month") with a number word or
            # a word of the document, where "ten|ant" and "one|rous" are syllables.
            number = left.lower() in _NUMBER_WORDS and right.lower() in _NUMBER_WORDS
            keep = number or ((halves or left.lower() in _NUMBER_WORDS) and right.lower() in words)
        return f"{left}-{right}" if keep else left + right

    return [_BROKEN.sub(join, t).replace(_SOFT_HYPHEN, "-") if _SOFT_HYPHEN in t else t for t in texts]


def _lines(text: str) -> list[str]:
    """Visual lines of PDFium's page text."""
    return [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]


def _has_image(page: object) -> bool:
    import pypdfium2.raw as raw

    return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))  # type: ignore[attr-defined]


def _page_texts(document: object, path: str) -> list[str]:
    """Each page's text, within the limits pdf.py (pypdf) enforces (clauses/parse/limits.py)."""
    limits.check(path, "pages", len(document), limits.MAX_PDF_PAGES, "MAX_PDF_PAGES")  # type: ignore[arg-type]
    texts: list[str] = []
    chars = 0
    for page in document:  # type: ignore[attr-defined]
        textpage = page.get_textpage()
        texts.append(textpage.get_text_range())
        textpage.close()
        chars += len(texts[-1])
        limits.check(path, "characters of text", chars, limits.MAX_DOCUMENT_CHARS, "MAX_DOCUMENT_CHARS")
    return texts


def _needs_ocr(document: object, texts: list[str], mode: str, garbled: bool) -> list[int]:
    """0-based indices of the pages to OCR under ``mode``; ``garbled``: ``pdf.garbled`` of the pages."""
    if mode == "never":
        return []
    if mode == "always" or garbled:
        return list(range(len(texts)))
    return [
        i
        for i, text in enumerate(texts)
        if len(text.strip()) < pdf.MIN_CHARS_PER_PAGE and _has_image(document[i])  # type: ignore[index]
    ]


def _usable(texts: list[str], garbled: bool) -> bool:
    """The text layer alone is good enough (pypdf's bar: enough characters, not garbled)."""
    return sum(len(t.strip()) for t in texts) >= pdf.MIN_CHARS_PER_PAGE * len(texts) and not garbled


def _fallback(data: bytes, path: str, sha256: str, password: str | None, mode: str) -> Document:
    """pypdf's reading, its Scanned error completed with what --ocr can do about it."""
    try:
        return pdf.read_pdf(data, path=path, sha256=sha256, password=password)
    except ScannedError as error:
        from clauses.parse.ocr import ocr_unavailable

        if mode == "never":
            raise ScannedError(path, f"{error}; or use --ocr auto") from None
        missing = ocr_unavailable()
        hint = missing or "no page image to OCR (--ocr always forces OCR of every page)"
        raise ScannedError(path, f"{error}; {hint}") from None


def read_pdf(
    data: bytes, *, path: str, sha256: str, password: str | None = None, ocr: str = "auto"
) -> Document:
    """A Document from a PDF, with OCR where ``ocr`` asks for it; see the module docstring."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError:  # encrypted, damaged: pypdf says precisely what is wrong
        return _fallback(data, path, sha256, password, ocr)
    try:
        if len(document) == 0:
            raise EmptyDocumentError(path, "the PDF has no pages; check it is the right file")
        texts = _page_texts(document, path)
        garbled = pdf.garbled("".join(texts))  # once: both questions below ask it
        wanted = _needs_ocr(document, texts, ocr, garbled)
        if len(wanted) > MAX_OCR_PAGES:
            raise TooLargeError(
                path,
                f"{len(wanted):,} pages to OCR is over the limit of {MAX_OCR_PAGES:,} (MAX_OCR_PAGES in "
                "clauses/parse/pdfium.py: ~2.5 s a page); split the scan or raise it if the file is trusted",
            )
        if wanted:
            from clauses.parse.ocr import ocr_unavailable

            missing = ocr_unavailable()
            if missing is not None:
                if ocr == "always" or not _usable(texts, garbled):
                    raise ScannedError(path, f"pages without a text layer need OCR, but {missing}")
                wanted = []  # a usable text layer with a few image-only pages: read what is there
        if not wanted and not _usable(texts, garbled):
            return _fallback(data, path, sha256, password, ocr)
        pages = [_lines(text) for text in dehyphenate(texts)]
        marks = []
        if wanted:
            from clauses.parse.ocr import OcrFailed, ocr_page

            for i in wanted:
                try:
                    read = ocr_page(document[i])
                except OcrFailed as error:
                    raise ScannedError(path, f"OCR of page {i + 1} failed ({error})") from None
                pages[i] = list(read.lines)
                marks.append(OcrPage(page=i + 1, confidence=read.confidence))
        count = len(texts)
    finally:
        document.close()
    if marks and not any(pages):
        raise ScannedError(path, "OCR found no text on the pages; check the scan is a contract")
    lines = sum(len(page) for page in pages)
    limits.check(path, "lines of text", lines, limits.MAX_LINES, "MAX_LINES")
    blocks = pdf.paragraphs(pdf.strip_running_lines(pages))
    limits.check_blocks(path, blocks)
    built = build_document(blocks, path=path, fmt="pdf", sha256=sha256, pages=count)
    if not marks:
        return built
    from dataclasses import replace

    return replace(built, ocr=tuple(marks))
