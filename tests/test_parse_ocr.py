"""OCR of scanned PDFs: a scan made here from a sample contract reads like its text version.

The scan is made by the test: the sample NDA's text is typeset into a two-page
PDF, each page is rendered to a grey image at 300 dpi, turned by a slight skew
and sprinkled with noise, and the images are saved as a PDF without any text
layer. Two pages keep the OCR time small (Tesseract reads a page in 2-5 s here).
Skipped when Tesseract or pytesseract is absent (``clauses[ocr]``).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from clauses.errors import ScannedError
from clauses.parse import parse
from clauses.parse.ocr import clean_line, lines_from_data, ocr_unavailable

REPO = Path(__file__).resolve().parent.parent
_ASCII = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"}
)
needs_ocr = pytest.mark.skipif(ocr_unavailable() is not None, reason="Tesseract or pytesseract absent")


def _text_pdf(target: Path) -> Path:
    """The sample NDA typeset small enough for two pages, with numbered sections as in the TXT."""
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=9.5)
    text = (REPO / "samples" / "mutual-nda.txt").read_text(encoding="utf-8")
    for paragraph in text.split("\n\n"):
        body = " ".join(paragraph.split()).translate(_ASCII)  # the core fonts are Latin-1 only
        if body:
            pdf.multi_cell(0, 4.6, body, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(str(target))
    return target


def _scan(source: Path, target: Path, *, skew: float = 0.5, noise: float = 0.001, seed: int = 7) -> Path:
    """Images of ``source``'s pages as a scanner would make them: skewed, speckled, no text layer."""
    import pypdfium2 as pdfium
    from PIL import Image

    rng = random.Random(seed)
    pages = []
    document = pdfium.PdfDocument(str(source))
    for page in document:
        image = page.render(scale=300 / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
        pixels = image.load()
        width, height = image.size
        for _ in range(int(width * height * noise)):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 90, 170))
        pages.append(image)
    document.close()
    pages[0].save(target, "PDF", resolution=300.0, save_all=True, append_images=pages[1:])
    return target


@pytest.fixture(scope="module")
def scanned_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("ocr")
    text = _text_pdf(folder / "nda-text.pdf")
    return text, _scan(text, folder / "nda-scan.pdf")


def test_ocr_lines_from_data_groups_words_and_averages_confidence() -> None:
    data = {
        "text": ["", "Confidential", "Information", "means", "", "7.2"],
        "conf": [-1, 90, 80, 70, -1, 40],
        "block_num": [1, 1, 1, 1, 2, 2],
        "par_num": [0, 1, 1, 1, 1, 1],
        "line_num": [0, 1, 1, 2, 1, 1],
    }
    read = lines_from_data(data)
    assert read.lines == ("Confidential Information", "means", "7.2")
    assert read.confidence == 70.0


def test_ocr_clean_line_drops_speck_stops_inside_a_sentence() -> None:
    line = "it has complied. with Section 6.1. The Party"
    assert clean_line(line) == "it has complied with Section 6.1. The Party"
    assert clean_line("Acme Inc. and Beta Ltd. agree") == "Acme Inc. and Beta Ltd. agree"  # capital before


def test_ocr_never_refuses_a_scan_with_the_way_out(scanned_pair: tuple[Path, Path]) -> None:
    with pytest.raises(ScannedError, match="--ocr auto"):
        parse(scanned_pair[1], ocr="never")


def test_ocr_missing_tesseract_says_how_to_install(
    scanned_pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAUSES_TESSERACT", "/nonexistent/tesseract")
    with pytest.raises(ScannedError, match=r"apt-get install tesseract-ocr") as caught:
        parse(scanned_pair[1])
    assert 'pip install "clauses[ocr]"' in str(caught.value)


@needs_ocr
def test_ocr_scan_finds_the_same_elements_as_its_text_version(scanned_pair: tuple[Path, Path]) -> None:
    from clauses.pipeline import analyze

    text_pdf, scan_pdf = scanned_pair
    typed = analyze(text_pdf, suggestions=False)
    scanned = analyze(scan_pdf, suggestions=False)
    assert typed.document.ocr == ()
    assert [mark.page for mark in scanned.document.ocr] == [1, 2]
    assert all(mark.confidence > 50 for mark in scanned.document.ocr)
    assert scanned.warnings and scanned.warnings[0].startswith("text from OCR, pages 1, 2")
    assert {r.element: r.status for r in scanned.elements} == {r.element: r.status for r in typed.elements}
    assert scanned.profile == typed.profile and scanned.routing == typed.routing
    # the numbering survives OCR: nearly all section numbers are read the same (a "1.1" may become "4.1")
    numbers = {c.number for c in typed.document.clauses if c.number}
    found = numbers & {c.number for c in scanned.document.clauses if c.number}
    assert len(numbers) >= 20 and len(found) >= 0.9 * len(numbers)


@needs_ocr
def test_ocr_always_reads_a_text_pdf_too(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 7, "1. Confidentiality\n\nThe Recipient shall keep Confidential Information secret.")
    pdf.output(str(tmp_path / "one.pdf"))
    assert parse(tmp_path / "one.pdf").ocr == ()
    document = parse(tmp_path / "one.pdf", ocr="always")
    assert [mark.page for mark in document.ocr] == [1]
    assert "Confidential Information" in document.text


def test_ocr_option_on_the_command_line_gives_one_line(fixtures_dir: Path) -> None:
    from typer.testing import CliRunner

    from clauses.cli import app

    result = CliRunner().invoke(app, ["parse", str(fixtures_dir / "scanned.pdf"), "--ocr", "never"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "Scanned:" in result.stderr and "--ocr auto" in result.stderr
    bad = CliRunner().invoke(app, ["check", str(fixtures_dir / "scanned.pdf"), "--ocr", "sometimes"])
    assert bad.exit_code == 2


def test_ocr_warnings_name_the_pages_and_the_confidence_bar() -> None:
    from dataclasses import replace

    from clauses.datamodel import OcrPage
    from clauses.parse.ocr import OCR_MIN_CONFIDENCE
    from clauses.pipeline import ocr_warnings
    from clauses.segment import plain_document

    text = "1. Confidentiality\n\nKeep it secret."
    document = plain_document(text, path="x.pdf", fmt="pdf", sha256="0" * 64)
    assert ocr_warnings(document) == ()
    marked = replace(document, ocr=(OcrPage(1, 93.0), OcrPage(3, OCR_MIN_CONFIDENCE - 20)))
    first, second = ocr_warnings(marked)
    assert first.startswith("text from OCR, pages 1, 3")
    assert "OCR_MIN_CONFIDENCE" in second and "page 3 (60)" in second
