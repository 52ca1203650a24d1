"""Format parity: what DOCX and PDF parsing loses, measured on our own labelled contracts.

    python benchmarks/format_parity.py [--set own_agreements ...] [--keep DIR] [--list]

Each document of the chosen own sets (tests/fixtures/own_*, TXT or Markdown with
labels.jsonl) is rendered the way agreements are made in Word: python-docx with a
Title and Heading styles, leading clause numbers ("1.", "1.1", "(a)", "(i)",
"Article I") moved into real automatic numbering (numbering.xml, so the number
is not in the paragraph text) whenever Word's counters would show the same
number ("Section 1.01" stays typed: LibreOffice 7.4 ignores w:isLgl and prints
"Section I.01"), justified body text, a running header (title and
"Confidential"), a footer "Page X of Y" from PAGE/NUMPAGES fields, and Markdown
tables as Word tables. LibreOffice (headless) then prints that DOCX to PDF in two
layouts: ``pdf`` (Letter, one column) and ``pdf2`` (A5, narrow margins, automatic
hyphenation). The same labels are evaluated on TXT, DOCX, PDF and PDF2 (files are
matched by stem, as ``clauses evaluate`` does), and per format it prints the
verdicts that differ from the TXT version (presence, weak flag, evidence hit), per
element, and parse-level differences per document (clause numbers lost or added,
running lines left in clauses, sentences cut in two, words that are not in the
source).

Renderings go to a temporary folder (``--keep DIR`` keeps them there). Needs
``soffice`` for the PDF formats; without it only DOCX is measured.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docx import Document as WordDocument  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Inches, Pt  # noqa: E402

from clauses.datamodel import MISSING, WEAK, Analysis  # noqa: E402
from clauses.evaluate import evidence_hit, folder_documents, run_analyses  # noqa: E402
from clauses.parse.text import decode, markdown_blocks  # noqa: E402
from clauses.segment.labels import looks_like_heading  # noqa: E402
from clauses.segment.numerals import to_roman  # noqa: E402
from clauses.segment.paragraphs import paragraph_spans  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
FORMATS = ("docx", "pdf", "pdf2")

# ---------------------------------------------------------------- source paragraphs


@dataclass
class Para:
    """One paragraph of the source as a drafter would type it in Word."""

    text: str
    heading: int | None = None  # 0-based heading level, None for body text
    row: list[str] | None = None  # a table row's cells


def source_paragraphs(path: Path) -> list[Para]:
    """The source's paragraphs: Markdown through the Markdown reader, text by blank lines."""
    text = decode(path.read_bytes())
    if path.suffix.lower() in (".md", ".markdown"):
        out = []
        for block in markdown_blocks(text):
            if block.in_table:
                out.append(Para(block.text, row=[c.strip() for c in block.text.split(" | ")]))
            else:
                out.append(Para(block.text, heading=block.level if block.heading else None))
        return out
    out = []
    for start, end in paragraph_spans(text):
        lines = [x.strip() for x in text[start:end].split("\n") if x.strip()]
        first = lines[0]
        if re.fullmatch(r"(?:ARTICLE|Article)\s+[IVXLC\d]+\.?", first) and 1 < len(lines) <= 3:
            out.append(Para(f"{first} {' '.join(lines[1:])}", heading=0))
            continue
        body = " ".join(lines)
        short = len(body) < 90 and not body.rstrip().endswith((".", ";", ":", ","))
        capitals = body.upper() == body
        heading = 0 if short and capitals and looks_like_heading(_strip_number(body), True) else None
        if (
            heading is None
            and short
            and re.match(r"^\d+\.\s+[A-Z]", body)
            and looks_like_heading(_strip_number(body), True)
        ):
            heading = 1
        out.append(Para(body, heading=heading))
    return out


def _strip_number(text: str) -> str:
    return re.sub(r"^(?:(?:ARTICLE|Article|Section|SECTION)\s+)?[\dIVXLC]+(?:\.\d+)*\.?\s*", "", text)


# ---------------------------------------------------------------- numbering

# Two abstract lists as drafters set them up: decimal ("1." / "1.1" / "1.1.1" / "(a)" / "(i)")
# and article ("ARTICLE I" / "Section 1.01" / "(a)" / "(i)"). Label patterns say which level a
# paragraph's leading number is; the number moves to numbering.xml only when Word's counters
# would show exactly it, so the DOCX displays the same numbers as the source.
DECIMAL = [
    ("decimal", "%1."),
    ("decimal", "%1.%2"),
    ("decimal", "%1.%2.%3"),
    ("lowerLetter", "(%4)"),
    ("lowerRoman", "(%5)"),
]
ARTICLE = [
    ("upperRoman", "ARTICLE %1"),
    ("decimalZero", "Section %1.%2"),
    ("lowerLetter", "(%3)"),
    ("lowerRoman", "(%4)"),
]
_PATTERNS = [
    ("article", 0, re.compile(r"^ARTICLE\s+([IVXLC]+)\.?(?=\s|$)\s*")),
    ("decimal", 2, re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{1,2})\.?(?=\s)\s*")),
    ("decimal", 1, re.compile(r"^(\d{1,2})\.(\d{1,2})\.?(?=\s)\s*")),
    ("decimal", 0, re.compile(r"^(\d{1,2})\.(?=\s)\s*")),
    ("sub", 0, re.compile(r"^\(([a-z])\)(?=\s)\s*")),
    ("sub", 1, re.compile(r"^\(([ivx]+)\)(?=\s)\s*")),
]


_ANY_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|\([a-z]+\)|ARTICLE\s+[IVX]+|Section\s+\d)")


def _fmt(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return to_roman(value).upper()
    if fmt == "lowerRoman":
        return to_roman(value)
    if fmt == "lowerLetter":
        return chr(ord("a") + value - 1)
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


class Counters:
    """Word's counters for the two lists, to predict what an automatic number shows."""

    def __init__(self) -> None:
        self.state: dict[str, dict[int, int]] = {"decimal": {}, "article": {}}
        self.last = "decimal"  # the list "(a)" and "(i)" belong to: the last one used

    def shown(self, kind: str, ilvl: int, counters: dict[int, int]) -> str:
        levels = DECIMAL if kind == "decimal" else ARTICLE
        fmt, template = levels[ilvl]

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            legal = kind == "article" and ilvl == 1  # Section 1.01 is w:isLgl: %1 in digits
            return _fmt(counters.get(k, 1), "decimal" if legal and k == 0 else levels[k][0])

        return re.sub(r"%(\d)", sub, template)

    def try_number(self, text: str) -> tuple[str, int, str] | None:
        """(list, level, text without its number) when Word would show this paragraph's number."""
        for kind, ilvl, pattern in _PATTERNS:
            m = pattern.match(text)
            if m is None:
                continue
            if kind == "sub":
                kind = self.last
                ilvl = ilvl + (3 if kind == "decimal" else 2)
            trial = {k: v for k, v in self.state[kind].items() if k <= ilvl}
            trial[ilvl] = trial.get(ilvl, 0) + 1
            for k in range(ilvl):
                trial.setdefault(k, 1)
            printed = m.group(0).strip().rstrip(".")
            if self.shown(kind, ilvl, trial).rstrip(".") != printed:
                return None
            self.state[kind] = trial
            self.last = kind
            return kind, ilvl, text[m.end() :]
        return None


def _add_numbering(doc: WordDocument) -> dict[str, str]:
    """Abstract lists and their w:num in numbering.xml; returns list name -> numId."""
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    ids = {}
    for index, (name, levels) in enumerate((("decimal", DECIMAL), ("article", ARTICLE))):
        abstract_id = str(90 + index)
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), abstract_id)
        for ilvl, (fmt, template) in enumerate(levels):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(ilvl))
            for tag, value in (("w:start", "1"), ("w:numFmt", fmt)):
                child = OxmlElement(tag)
                child.set(qn("w:val"), value)
                lvl.append(child)
            if name == "article" and ilvl == 1:
                lvl.append(OxmlElement("w:isLgl"))
            for tag, value in (("w:lvlText", template), ("w:lvlJc", "left")):
                child = OxmlElement(tag)
                child.set(qn("w:val"), value)
                lvl.append(child)
            ppr = OxmlElement("w:pPr")
            ind = OxmlElement("w:ind")
            ind.set(qn("w:left"), str(360 * (ilvl + 1)))
            ind.set(qn("w:hanging"), "360")
            ppr.append(ind)
            lvl.append(ppr)
            abstract.append(lvl)
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = OxmlElement("w:num")
        num_id = str(90 + index)
        num.set(qn("w:numId"), num_id)
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), abstract_id)
        num.append(ref)
        numbering.append(num)
        ids[name] = num_id
    return ids


def _set_number(paragraph: object, num_id: str, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    numpr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(ilvl)), ("w:numId", num_id)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        numpr.append(child)
    ppr.append(numpr)


def _field(paragraph: object, instruction: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)  # type: ignore[attr-defined]


# ---------------------------------------------------------------- rendering


@dataclass
class Rendered:
    automatic: int = 0  # paragraphs whose number went to numbering.xml
    typed: int = 0  # numbered paragraphs left with the number typed (Word would show another)


def render_docx(source: Path, out: Path, layout: str = "letter") -> Rendered:
    """``source`` as a Word agreement (see the module docstring); ``layout`` "a5" hyphenates."""
    paras = source_paragraphs(source)
    doc = WordDocument()
    section = doc.sections[0]
    if layout == "a5":
        section.page_width, section.page_height = Inches(5.83), Inches(8.27)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Inches(0.6))
        settings = doc.settings.element
        hyphen = OxmlElement("w:autoHyphenation")
        settings.append(hyphen)
    else:
        section.page_width, section.page_height = Inches(8.5), Inches(11)
    doc.styles["Normal"].font.size = Pt(10.5 if layout == "letter" else 9.5)
    ids = _add_numbering(doc)
    counters = Counters()
    stats = Rendered()
    title = next((p.text for p in paras if p.heading is not None or p.row is None), source.stem)
    header = section.header.paragraphs[0]
    header.text = f"{title[:60]}\tConfidential"
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows: list[list[str]] = []

    def flush_table() -> None:
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = doc.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells):
                table.cell(r, c).text = cell
        rows.clear()

    for index, para in enumerate(paras):
        if para.row is not None:
            rows.append(para.row)
            continue
        flush_table()
        text = para.text
        numbered = counters.try_number(text)
        if numbered is None and _ANY_NUMBER.match(text):
            stats.typed += 1
        if index == 0 and para.heading is not None:
            paragraph = doc.add_paragraph(text, style="Title")
            continue
        if para.heading is not None:
            paragraph = doc.add_heading(numbered[2] if numbered else text, level=min(para.heading + 1, 3))
        else:
            paragraph = doc.add_paragraph(numbered[2] if numbered else text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if numbered:
            _set_number(paragraph, ids[numbered[0]], numbered[1])
            stats.automatic += 1
    flush_table()
    doc.save(str(out))
    return stats


def to_pdf(docx_files: list[Path], outdir: Path) -> None:
    """LibreOffice prints the DOCX files to PDF in ``outdir`` (one soffice run for all)."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file:///tmp/parity_lo_{os.getpid()}",  # runs must not share one
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
        timeout=1200,
    )


# ---------------------------------------------------------------- comparing


def _status(analysis: Analysis, element: str) -> str:
    result = next(r for r in analysis.elements if r.element == element)
    return "missing" if result.status == MISSING else "weak" if result.status == WEAK else "present"


_PAGE_LINE = re.compile(r"\bPage \d+ of \d+\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")


def parse_causes(src: Analysis, other: Analysis, title: str) -> dict[str, list[str]]:
    """Parse-level differences of ``other`` against the source's parse."""
    causes: dict[str, list[str]] = {}
    a = [c.number for c in src.document.clauses if c.number]
    b = [c.number for c in other.document.clauses if c.number]
    lost = sorted((Counter(a) - Counter(b)).elements())
    added = sorted((Counter(b) - Counter(a)).elements())
    if lost:
        causes["numbers lost"] = lost
    if added:
        causes["numbers added"] = added
    running = [
        c.text[:70]
        for c in other.document.clauses
        if _PAGE_LINE.search(c.text) or (title[:30] in c.text and "Confidential" in c.text and c.start > 0)
    ]
    if running:
        causes["running header/footer in a clause"] = running
    cut = []
    clauses = other.document.clauses
    for prev, nxt in zip(clauses, clauses[1:], strict=False):
        if not prev.in_table and prev.text.rstrip()[-1:].isalpha() and nxt.text[:1].islower():
            cut.append(f"{prev.text[-30:]!r} | {nxt.text[:30]!r}")
    if cut:
        causes["sentence cut in two clauses"] = cut
    src_words = {w.lower() for w in _WORD.findall(src.document.text)}
    new_words = sorted({w for w in _WORD.findall(other.document.text) if w.lower() not in src_words})
    new_words = [w for w in new_words if w not in ("Confidential", "Page") and w not in title]
    if new_words:
        causes["words not in the source"] = new_words[:12]
    gone = len(src.document.clauses) - len(other.document.clauses)
    if abs(gone) > max(2, len(src.document.clauses) // 10):
        causes["clause count"] = [f"{len(src.document.clauses)} -> {len(other.document.clauses)}"]
    return causes


def measure(sets: list[str], work: Path, model: object) -> int:
    have_soffice = shutil.which("soffice") is not None
    formats = FORMATS if have_soffice else ("docx",)
    totals = {f: Counter() for f in formats}
    per_element = {f: Counter() for f in formats}
    cause_totals = {f: Counter() for f in formats}
    verdicts = 0
    lines: list[str] = []
    stats = Rendered()
    for name in sets:
        folder = FIXTURES / name
        labels = folder / "labels.jsonl"
        sources = [p for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md") and p.stem != "README"]
        out = {f: work / name / f for f in formats}
        for f in ("docx", "a5docx"):
            (work / name / f).mkdir(parents=True, exist_ok=True)
        for source in sources:
            one = render_docx(source, out["docx"] / f"{source.stem}.docx")
            stats.automatic += one.automatic
            stats.typed += one.typed
            if have_soffice:
                render_docx(source, work / name / "a5docx" / f"{source.stem}.docx", layout="a5")
        if have_soffice:
            to_pdf(sorted(out["docx"].glob("*.docx")), out["pdf"])
            to_pdf(sorted((work / name / "a5docx").glob("*.docx")), out["pdf2"])
        base = {i.key: (i, a) for i, a in run_analyses(folder_documents(folder, labels), model)}
        for f in formats:
            for item, analysis in run_analyses(folder_documents(out[f], labels), model):
                stem = item.key
                src_item, src = base[stem]
                if isinstance(analysis, str) or isinstance(src, str):
                    why = analysis if isinstance(analysis, str) else src
                    lines.append(f"{f} {name}/{stem}: not analysed: {why}")
                    continue
                for element, label in item.labels.items():
                    if f == formats[0]:
                        verdicts += 1
                    s, o = _status(src, element), _status(analysis, element)
                    kind = ""
                    if (s == "missing") != (o == "missing"):
                        kind = "presence"
                    elif s != o:
                        kind = "weak"
                    elif s != "missing" and label.present:
                        if evidence_hit(src, element, label) != evidence_hit(analysis, element, label):
                            kind = "evidence"
                    if kind:
                        totals[f][kind] += 1
                        per_element[f][element] += 1
                        lines.append(f"{f} {name}/{stem} {element}: {kind} txt={s} {f}={o}")
                title = src.document.title or stem
                for cause, found in parse_causes(src, analysis, title).items():
                    cause_totals[f][cause] += 1
                    lines.append(f"{f} {name}/{stem} cause: {cause}: {found[:6]}")
    print(f"numbers given to numbering.xml: {stats.automatic}; left typed: {stats.typed}")
    for f in formats:
        diff = sum(totals[f].values())
        print(f"== {f}: {diff} of {verdicts} verdicts differ from TXT ({dict(totals[f])})")
        print(f"   per element: {dict(per_element[f].most_common())}")
        print(f"   documents with each parse-level cause: {dict(cause_totals[f].most_common())}")
    print()
    print("\n".join(lines))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", help="own set under tests/fixtures (default: all own_*)")
    parser.add_argument("--keep", type=Path, help="render into this folder and keep it")
    args = parser.parse_args()
    sets = args.set or sorted(p.name for p in FIXTURES.glob("own_*") if (p / "labels.jsonl").exists())
    from clauses.pipeline import load_shipped_model

    model = load_shipped_model()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return measure(sets, args.keep, model)
    with tempfile.TemporaryDirectory(prefix="parity_") as work:
        return measure(sets, Path(work), model)


if __name__ == "__main__":
    sys.exit(main())
