"""Generate the sample contracts from their plain-text sources.

The sources ``samples/<name>.txt`` are the contracts as written (fictitious
parties, our own wording) and are themselves the TXT samples. Each is rendered as:

* ``<name>.docx``: Word AUTOMATIC numbering (numbering.xml), the way drafters
  number clauses, so the parser has to rebuild "7.2" and "(b)";
* ``<name>.pdf``: fpdf2, with a running header and "Page N of M" footers;
* ``services-agreement.html``: headings, paragraphs and ``<ol type="a">`` lists.

Deliberate weaknesses, for the demo: the NDA's duties survive only one (1) year
and it has no breach-notification clause; the services agreement notifies
security incidents "as soon as practicable" and has no audit right.

Run: ``python samples/make_samples.py`` (deterministic output).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SAMPLES = {
    "mutual-nda": "Northwind / Harbor Lane - Mutual NDA - Confidential",
    "services-agreement": "Cobalt Ledger / Meridian Health - SaaS Agreement - Confidential",
}
NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="1">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
      <w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>
      <w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/>
      <w:pPr><w:ind w:left="1440" w:hanging="720"/></w:pPr></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""
_LEVELS = [
    (re.compile(r"^(\d+)\.\s+(.+)$"), 0),
    (re.compile(r"^(\d+\.\d+)\s+(.+)$"), 1),
    (re.compile(r"^\(([a-z])\)\s+(.+)$"), 2),
]


def read_source(name: str) -> list[tuple[int | None, str, str]]:
    """Paragraphs as (numbering level or None, label, text without the label)."""
    source = (HERE / f"{name}.txt").read_text(encoding="utf-8")
    paragraphs = []
    for block in source.strip().split("\n\n"):
        block = " ".join(block.split())
        for pattern, level in _LEVELS:
            m = pattern.match(block)
            if m:
                paragraphs.append((level, m.group(1), m.group(2)))
                break
        else:
            paragraphs.append((None, "", block))
    return paragraphs


def _check_labels(paragraphs: list[tuple[int | None, str, str]]) -> None:
    """The source's printed numbers must be the ones Word's counters will show."""
    counters = [0, 0, 0]
    for level, label, _ in paragraphs:
        if level is None:
            continue
        counters[level] += 1
        counters[level + 1 :] = [0] * (2 - level)
        shown = [str(counters[0]), f"{counters[0]}.{counters[1]}", chr(ord("a") + counters[2] - 1)][level]
        assert shown == label, f"source says {label}, Word would show {shown}"


def write_docx(name: str, paragraphs: list[tuple[int | None, str, str]]) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.author = "clauses samples"
    document.styles["Normal"].font.size = Pt(11)
    part = document.part.numbering_part
    for child in list(part.element):
        part.element.remove(child)
    for child in parse_xml(NUMBERING):
        part.element.append(child)
    for index, (level, _, text) in enumerate(paragraphs):
        if index == 0:
            document.add_paragraph(text, style="Title")
            continue
        style = "Heading 1" if level == 0 else None
        paragraph = document.add_paragraph(text, style=style)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
                )
            )
    document.save(str(HERE / f"{name}.docx"))


def write_pdf(name: str, paragraphs: list[tuple[int | None, str, str]], running: str) -> None:
    from fpdf import FPDF

    class Contract(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 6, running, align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Contract(format="Letter")
    pdf.set_creation_date(
        __import__("datetime").datetime(2025, 1, 1, tzinfo=__import__("datetime").timezone.utc)
    )
    pdf.alias_nb_pages()
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    for index, (level, label, text) in enumerate(paragraphs):
        if index == 0:
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(0, 9, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
            continue
        if level == 0:
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 11.5)
            pdf.multi_cell(0, 7, f"{label}. {text}", new_x="LMARGIN", new_y="NEXT")
            continue
        pdf.set_font("Helvetica", size=11)
        indent = {None: 0, 1: 0, 2: 10}[level]
        pdf.set_x(pdf.l_margin + indent)
        shown = {None: text, 1: f"{label} {text}", 2: f"({label}) {text}"}[level]
        pdf.multi_cell(pdf.epw - indent, 6, shown, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
    pdf.output(str(HERE / f"{name}.pdf"))


def write_html(name: str, paragraphs: list[tuple[int | None, str, str]]) -> None:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(paragraphs[0][2].title())}</title>",
        "<style>body{font-family:Georgia,serif;max-width:46em;margin:auto}</style>",
        "</head><body>",
    ]
    open_list = False
    for index, (level, label, text) in enumerate(paragraphs):
        body = html.escape(text, quote=False)
        if level != 2 and open_list:
            out.append("</ol>")
            open_list = False
        if index == 0:
            out.append(f"<h1>{body}</h1>")
        elif level == 0:
            out.append(f'<h2 id="s{label}">{label}. {body}</h2>')
        elif level == 1:
            out.append(f"<p>{label} {body}</p>")
        elif level == 2:
            if not open_list:
                out.append('<ol type="a">')
                open_list = True
            out.append(f"  <li>{body}</li>")
        else:
            out.append(f"<p>{body}</p>")
    if open_list:
        out.append("</ol>")
    out.append("</body></html>\n")
    (HERE / f"{name}.html").write_text("\n".join(out), encoding="utf-8")


def main() -> None:
    for name, running in SAMPLES.items():
        paragraphs = read_source(name)
        _check_labels(paragraphs)
        source = (HERE / f"{name}.txt").read_text(encoding="utf-8")
        source.encode("latin-1")  # fpdf2's core fonts are latin-1 only
        write_docx(name, paragraphs)
        write_pdf(name, paragraphs, running)
        if name == "services-agreement":
            write_html(name, paragraphs)
        print(f"wrote samples/{name}.*")


if __name__ == "__main__":
    main()
