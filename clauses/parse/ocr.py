"""OCR of PDF pages with Tesseract (through pytesseract), for scans without a text layer.

Pages are rendered with pypdfium2 at ``OCR_DPI`` in grey and read by the
``tesseract`` program, one thread per process (``OMP_THREAD_LIMIT=1``): a batch
already runs one worker per core, and Tesseract's own threads on top of that
make a 300 dpi page take 7-8 s instead of 2-2.5 s on a 2-core machine.

Each page comes back as its lines (Tesseract's block/paragraph/line layout) and
the mean word confidence (0-100), so the caller can mark OCR'd text and warn
when the confidence is below ``OCR_MIN_CONFIDENCE``.

Neither pytesseract nor the tesseract program is a core dependency
(``pip install "clauses[ocr]"`` and the system package); when either is missing
``ocr_unavailable`` says exactly what to install.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass

OCR_DPI = 300  # Tesseract's models are trained on ~300 dpi text; lower loses small print
OCR_LANGUAGE = "eng"  # the cues, model and templates are English
OCR_MIN_CONFIDENCE = 80.0  # mean word confidence below this: the text may be wrong, warn the reader
INSTALL_HINT = (
    'install OCR: pip install "clauses[ocr]" and the Tesseract program '
    "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng; macOS: brew install tesseract)"
)


# A speck of dust read as a full stop inside a sentence ("complied. with"): a period after a
# lowercase word of 3+ letters and before a lowercase word, which English prose (abbreviations aside)
# does not write; left in, it splits the sentence the cues and the classifier read.
_SPECK_STOP = re.compile(r"(?<=[a-z]{3})\.(?= [a-z])")


def clean_line(line: str) -> str:
    """One OCR'd line with the stray full stops of specks removed."""
    return _SPECK_STOP.sub("", line)


class OcrFailed(Exception):
    """Tesseract could not read a page (missing language data, a crash); the caller names the file."""


@dataclass(frozen=True)
class OcrText:
    """One page read by OCR: its lines in reading order and the mean word confidence."""

    lines: tuple[str, ...]
    confidence: float  # 0-100, mean over the words Tesseract recognised; 0.0 when none


def ocr_unavailable() -> str | None:
    """Why OCR cannot run here (with how to fix it), or None when it can."""
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return f"the pytesseract package is not installed; {INSTALL_HINT}"
    command = os.environ.get("CLAUSES_TESSERACT", "tesseract")
    if shutil.which(command) is None:
        return f"the tesseract program is not found; {INSTALL_HINT}"
    return None


def _single_thread() -> None:
    """One OCR thread per worker process: set before tesseract starts (it inherits the environment)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def lines_from_data(data: dict[str, list]) -> OcrText:
    """Lines and mean confidence from pytesseract's ``image_to_data`` dictionary."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        lines.setdefault(key, []).append(word)
        confidences.append(conf)
    text = tuple(clean_line(" ".join(words)) for _, words in sorted(lines.items()))
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrText(text, round(mean, 1))


def ocr_page(page: object) -> OcrText:
    """OCR one pypdfium2 page; Tesseract's own failures become ``OcrFailed``."""
    import pytesseract

    _single_thread()
    command = os.environ.get("CLAUSES_TESSERACT")
    if command:
        pytesseract.pytesseract.tesseract_cmd = command
    image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()  # type: ignore[attr-defined]
    try:
        data = pytesseract.image_to_data(
            image, lang=OCR_LANGUAGE, config="--psm 3", output_type=pytesseract.Output.DICT
        )
    except (pytesseract.TesseractError, pytesseract.TesseractNotFoundError, OSError) as error:
        detail = " ".join(str(error).split())[:160] or type(error).__name__
        raise OcrFailed(detail) from error
    return lines_from_data(data)
