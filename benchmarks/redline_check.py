"""Measure the DOCX redline on real contracts: placement, numbering, edits in place, accept-all.

    python benchmarks/redline_check.py samples/*.docx samples/*.pdf \
        ../shared/real/agreements/docs/*.docx

Other formats (PDF, TXT, HTML) are measured on their DOCX rendition. For each
file: the redline is written, every change accepted (tests/accept_all.py), and
the accepted contract reviewed again with the same profile. Prints, per
file and in total: our insertions inside tables, inserted paragraphs with a typed
number where the sibling is numbered by Word, weak elements with an evidence
clause and how many of those were edited in place, and how many elements that
got a suggestion are present after accepting all. With LibreOffice installed
(``soffice``) it also checks the issue's last "done when": every numbered clause
of each original DOCX, and of each accepted redline, carries the label
LibreOffice renders for it (``--no-libreoffice`` skips this).
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from accept_all import accept_all  # noqa: E402
from test_parse_docx_numbering import numbering_against_libreoffice  # noqa: E402

from clauses.datamodel import MISSING, PRESENT, WEAK  # noqa: E402
from clauses.pipeline import analyze, load_shipped_model  # noqa: E402
from clauses.report.redline import write_redline  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TYPED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|\([a-z0-9]+\))\s")


def _ours(root: etree._Element, author: str) -> list[etree._Element]:
    return [i for i in root.iter(W + "ins") if i.get(W + "author") == author and i.getparent().tag == W + "p"]


def check(path: Path, model, out: Path) -> dict[str, int]:
    analysis = analyze(path, model=model)
    redline = out / f"{path.stem}{path.suffix.replace('.', '_')}.redline.docx"
    result = write_redline(analysis, path, redline, author="clauses-check")
    root = etree.fromstring(zipfile.ZipFile(redline).read("word/document.xml"))
    ours = _ours(root, "clauses-check")
    inserted_paragraphs = {i.getparent() for i in ours if i.find(f".//{W}t") is not None}
    whole = [p for p in inserted_paragraphs if all(
        r.getparent().tag == W + "ins" for r in p.findall(f".//{W}r") if r.find(W + "t") is not None)]
    in_tables = sum(1 for p in whole if next(p.iterancestors(W + "tbl"), None) is not None)
    typed = 0
    for paragraph in whole:
        text = "".join(t.text or "" for t in paragraph.iter(W + "t"))
        previous = paragraph.getprevious()
        while previous is not None and previous in whole:
            previous = previous.getprevious()
        numbered_by_word = previous is not None and previous.find(f"{W}pPr/{W}numPr") is not None
        typed += bool(_TYPED.match(text)) and numbered_by_word
    weak_with_evidence = [r.element for r in analysis.elements
                          if r.status == WEAK and r.evidence and r.suggestion is not None]
    accepted = accept_all(redline, out / f"{redline.stem}.accepted.docx")
    again = {r.element: r for r in analyze(accepted, profile=analysis.profile, model=model).elements}
    suggested = [r.element for r in analysis.elements if r.suggestion is not None]
    fixed = [e for e in suggested if again[e].status == PRESENT]
    still = {e: again[e].status for e in suggested if again[e].status != PRESENT}
    row = {
        "inserted": len(whole),
        "in_tables": in_tables,
        "typed_where_auto": typed,
        "weak_with_evidence": len(weak_with_evidence),
        "edited_in_place": sum(1 for e in weak_with_evidence if e in result.edited),
        "suggested": len(suggested),
        "present_after_accept": len(fixed),
        "missing_before": sum(1 for r in analysis.elements if r.suggestion and r.status == MISSING),
    }
    print(f"{path.name}: {row} not fixed: {still} dropped: {result.dropped}")
    return row


def main(paths: list[str]) -> None:
    libreoffice = "--no-libreoffice" not in paths and shutil.which("soffice") is not None
    paths = [p for p in paths if p != "--no-libreoffice"]
    model = load_shipped_model()
    total: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name in paths:
            row = check(Path(name), model, Path(folder))
            for key, value in row.items():
                total[key] = total.get(key, 0) + value
        print(f"TOTAL over {len(paths)} files: {total}")
        if libreoffice:
            originals = [Path(p) for p in paths if p.endswith(".docx")]
            accepted = sorted(Path(folder).glob("*.accepted.docx"))
            for label, files in (("original DOCX", originals), ("accepted redlines", accepted)):
                compared, differ = numbering_against_libreoffice(shutil.which("soffice"), files, Path(folder))
                print(f"numbering vs LibreOffice, {len(files)} {label}: {compared} numbered clauses "
                      f"compared, {len(differ)} differ {differ[:5]}")


if __name__ == "__main__":
    main(sys.argv[1:])
