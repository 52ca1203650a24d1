"""PDFium (pypdfium2) against pypdf on real PDFs: speed, and how good the text is.

    python benchmarks/pdf_text.py     # renders ../shared/real with LibreOffice once, then measures
    python benchmarks/pdf_text.py --folder /tmp/real-pdfs

For every LibreOffice rendering of a real contract (benchmarks/real_pdfs.py) the
text clauses makes of the PDF with each backend (``clauses.parse.pdf``: pypdf;
``clauses.parse.pdfium``: PDFium, OCR off) is compared with the text clauses
makes of the file it was rendered from:

* word recall: the share of the source's words (lowercase, multiset) found in the
  PDF's text; word precision the other way round (running headers, footers and
  page numbers left in lower it);
* numbering: the share of the source's section numbers ("7.2", "(b)") found as
  section numbers of the PDF's clauses;
* hyphenation: PDFium's line-break hyphens met, and words of the PDF's text
  that are a source word split or glued at a hyphen.

The SEC EDGAR PDFs (no source beside them) are compared backend against backend.
Speed: bare page-text extraction and clauses' whole PDF parse, one process,
documents/s. Results print as Markdown and go to benchmarks/pdf_text.md.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOP = HERE.parent
_WORD = re.compile(r"\w+")


def _words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def _overlap(reference: Counter[str], other: Counter[str]) -> tuple[int, int]:
    return sum((reference & other).values()), sum(reference.values())


def _read(backend: str, path: Path):
    from clauses.parse import pdf, pdfium

    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if backend == "pypdf":
        return pdf.read_pdf(data, path=str(path), sha256=sha)
    return pdfium.read_pdf(data, path=str(path), sha256=sha, ocr="never")


def _bare(backend: str, path: Path) -> int:
    if backend == "pypdf":
        import pypdf

        return len("".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages))
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    size = sum(len(page.get_textpage().get_text_range()) for page in document)
    document.close()
    return size


def _speed(files: list[Path], work) -> float:
    started = time.perf_counter()
    for path in files:
        work(path)
    return len(files) / (time.perf_counter() - started)


def quality(files: list[Path], origin: dict[Path, Path]) -> dict[str, dict[str, float]]:
    """Recall, precision, numbering and hyphenation of each backend against the sources."""
    from clauses.parse import parse

    totals = {b: Counter() for b in ("pypdf", "pdfium")}
    for path in files:
        source = parse(origin[path])
        reference = _words(source.text)
        numbers = {c.number for c in source.clauses if c.number}
        hyphenated = {w.lower() for w in re.findall(r"\b\w+-\w+\b", source.text)}
        plain = set(reference)
        for backend in totals:
            document = _read(backend, path)
            got = _words(document.text)
            hit, size = _overlap(reference, got)
            precise, extracted = _overlap(got, reference)
            found = numbers & {c.number for c in document.clauses if c.number}
            joined = {h: h.replace("-", "") for h in hyphenated}
            glued = sum(1 for j in joined.values() if j in got and j not in plain)
            totals[backend].update(
                hit=hit, size=size, precise=precise, extracted=extracted, numbers=len(numbers),
                numbers_found=len(found), glued=glued, hyphenated=len(hyphenated),
            )
    return {
        backend: {
            "recall": t["hit"] / max(1, t["size"]),
            "precision": t["precise"] / max(1, t["extracted"]),
            "numbering": t["numbers_found"] / max(1, t["numbers"]),
            "glued": t["glued"],
            "hyphenated": t["hyphenated"],
        }
        for backend, t in totals.items()
    }


def agreement(files: list[Path]) -> float:
    """Word recall of PDFium's text against pypdf's, for PDFs without a source."""
    hit = size = 0
    for path in files:
        h, s = _overlap(_words(_read("pypdf", path).text), _words(_read("pdfium", path).text))
        hit, size = hit + h, size + s
    return hit / max(1, size)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "clauses-real-pdfs")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(TOP))
    sys.path.insert(0, str(HERE))
    from real_pdfs import build

    groups, origin = build(args.folder)
    lines = [
        "# PDF text: PDFium (pypdfium2) against pypdf on real contracts",
        "",
        "`python benchmarks/pdf_text.py`. LibreOffice renderings of ../shared/real (ContractNLI NDAs; "
        "agreements from DOCX, Markdown, HTML) against the text clauses reads from the rendered file; "
        "SEC EDGAR PDFs backend against backend. One process, documents/s.",
        "",
        "| PDFs | docs | backend | bare extraction docs/s | clauses parse docs/s | word recall | "
        "word precision | section numbers found | hyphenated words glued |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for group in ("nda", "agreements"):
        files = groups[group]
        scores = quality(files, origin)
        for backend in ("pypdf", "pdfium"):
            bare = _speed(files, lambda p, b=backend: _bare(b, p))
            full = _speed(files, lambda p, b=backend: _read(b, p))
            s = scores[backend]
            lines.append(
                f"| {group} | {len(files)} | {backend} | {bare:.1f} | {full:.1f} | {s['recall']:.4f} | "
                f"{s['precision']:.4f} | {s['numbering']:.3f} | {s['glued']} of {s['hyphenated']} |"
            )
            print(lines[-1], file=sys.stderr)
    edgar = groups["edgar"]
    for backend in ("pypdf", "pdfium"):
        bare = _speed(edgar, lambda p, b=backend: _bare(b, p))
        full = _speed(edgar, lambda p, b=backend: _read(b, p))
        lines.append(f"| edgar | {len(edgar)} | {backend} | {bare:.1f} | {full:.1f} | - | - | - | - |")
    lines += ["", f"EDGAR PDFs: word recall of PDFium's text against pypdf's {agreement(edgar):.4f}.", ""]
    text = "\n".join(lines)
    print(text)
    (HERE / "pdf_text.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
