"""Options shared by several commands, kept apart so ``review.py`` and ``__init__.py`` both import them."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


class OcrMode(str, Enum):
    """Which PDF pages are read by OCR (see ``clauses.parse.pdfium``)."""

    auto = "auto"
    always = "always"
    never = "never"


OcrOption = Annotated[
    OcrMode,
    typer.Option(
        "--ocr",
        case_sensitive=False,
        help="OCR for scanned PDFs: auto (pages without a text layer), always (every page), never. "
        'Needs Tesseract: pip install "clauses[ocr]" plus the tesseract-ocr system package.',
    ),
]
