"""Every limit the readers enforce, named once, with the reason for its value.

A contract is at most a few hundred pages; a file far beyond that is a mistake
or an attack, and reading it anyway costs minutes and gigabytes (the hostile
files of issue 10 took 40-120 s and up to 3.9 GB). Each limit is checked
before the work it protects, and the error names the constant, so a user with
a genuine outlier knows which limit was hit and how to raise it.

Only the file size has a command-line option (``--max-size``); the others are
module constants, raised by changing this file (or, from Python, by setting the
attribute before calling ``clauses.parse.parse``: the readers look them up at
call time).
"""

from __future__ import annotations

from clauses.errors import TooLargeError

# -- the file
MAX_FILE_BYTES = 50 * 1024 * 1024  # 50 MB: far above any contract, well below memory trouble

# -- the text a document yields, whatever its format
MAX_DOCUMENT_CHARS = 1_500_000  # ~500 dense pages; 2.1 million characters took 11.4 s to review here
MAX_CLAUSE_CHARS = 200_000  # ~60 pages in one paragraph; beyond, segmentation has failed, not the drafter
MAX_CLAUSES = 8_000  # a 300-page contract has ~3,000; 6,000 short ones took 5.8 s to review here
MAX_BLOCKS = 3 * MAX_CLAUSES  # paragraphs and rows to segment: a clause joins at most 3 (fixed at import)
MAX_LINES = 100_000  # lines of text, or DOCX paragraphs with empty ones: 1,000 pages of 60 lines, and room
MAX_TABLE_ROWS = 10_000  # schedules and price lists included; each row becomes a clause to review

# -- PDF
MAX_PDF_PAGES = 1_000  # 2,000 pages of a few lines each took 13.7 s to review here (5.6 s to parse)

# -- Word packages (zip) and their XML parts
MAX_ZIP_ENTRIES = 5_000  # a Word file has tens of parts; thousands means a crafted archive
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # all parts together, as declared by the zip directory
MAX_XML_PART_BYTES = 40 * 1024 * 1024  # one XML part: lxml needs ~10x its size, so 1 GB is not reached
MAX_RATIO = 100  # uncompressed / compressed, checked for entries over RATIO_MIN_BYTES
RATIO_MIN_BYTES = 10 * 1024 * 1024  # small parts compress well (repeated markup) and are harmless
MAX_XML_ID = 10**9  # w:id and similar counters: Word writes 32-bit values; more digits is crafted

# -- numbers as displayed
MAX_NUMBER_VALUE = 32_767  # Word's own maximum list start; beyond it letters and roman show as decimal
MAX_NUMBER_DIGITS = 18  # digits read from a start value, section number or id before it is ignored

# -- nesting
MAX_NESTING_DEPTH = 1_000  # open HTML elements; browsers cap the tree near 512, real pages stay under 100


def too_large(path: str, what: str, found: int, limit: int, name: str) -> TooLargeError:
    """The one-line error for a limit hit: what, how much, which constant, how to raise it."""
    return TooLargeError(
        path,
        f"{what}: {found:,} is over the limit of {limit:,} ({name} in clauses/parse/limits.py); "
        "raise it there if the file is trusted",
    )


def check(path: str, what: str, found: int, limit: int, name: str) -> None:
    """Raise ``too_large`` when ``found`` exceeds ``limit``."""
    if found > limit:
        raise too_large(path, what, found, limit, name)


def check_blocks(path: str, blocks: list) -> None:
    """The paragraphs a reader found, before segmenting them (0.1 ms each here)."""
    check(path, "paragraphs and rows", len(blocks), MAX_BLOCKS, "MAX_BLOCKS")


def bounded_int(text: str | None, default: int, digits: int = MAX_NUMBER_DIGITS) -> int:
    """A decimal integer from ``text``, or ``default`` when it is none or too long.

    More than ``digits`` digits gives ``default`` without converting: Python
    refuses to convert strings of over 4,300 digits (a ValueError traceback
    before), and no genuine start value, level or id is that long.
    """
    if text is None or len(text) > digits + 3:  # a sign and white space around the digits
        return default
    try:
        value = int(text)
    except ValueError:
        return default
    return value if abs(value) < 10**digits else default
