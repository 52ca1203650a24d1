"""A small NDA numbered by Word (numbering.xml, not typed), for the redline's edit and placement tests.

Written with python-docx plus raw XML: a two-level list ("1." headings, "1.1"
clauses), a cover table whose row mentions confidentiality (no insertion may land
there), a survival clause whose "one (1) year" is split over two italic runs (the
edit must split runs and keep their formatting), an earlier reviewer's tracked
insertion and a signature block.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

NUM_ID = "7"
ABSTRACT = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="70">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="792" w:hanging="432"/></w:pPr></w:lvl>
</w:abstractNum>
"""
NUM = f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="70"/></w:num>'
EARLIER = " and its professional advisers"  # an earlier reviewer's tracked insertion in 2.1


def _numbered(document, text: str, level: int, runs: list[tuple[str, bool]] | None = None):
    paragraph = document.add_paragraph()
    for chunk, italic in runs or [(text, False)]:
        run = paragraph.add_run(chunk)
        run.italic = italic or None
        if level == 0:
            run.bold = True
    ppr = paragraph._p.get_or_add_pPr()
    numpr = parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'
    )
    ppr.insert(0, numpr)
    return paragraph


def write_numbered_nda(path: Path) -> Path:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    numbering.append(parse_xml(NUM))
    document.add_paragraph("MUTUAL NON-DISCLOSURE AGREEMENT")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Purpose", "Evaluating a possible supply agreement."
    table.cell(1, 0).text, table.cell(1, 1).text = "Confidentiality", "As set out in Section 2 below."
    document.add_paragraph(
        'This Agreement is made between Northwind Traders Ltd ("Company") and Southwind Logistics Ltd '
        '("Recipient") for the purpose of evaluating a possible supply agreement (the "Purpose").'
    )
    _numbered(document, "Definitions", 0)
    _numbered(
        document,
        '"Confidential Information" means all information disclosed by the Company to the Recipient, '
        "whether or not marked as confidential.",
        1,
    )
    _numbered(document, "Confidentiality", 0)
    first = _numbered(
        document,
        "The Recipient shall keep the Confidential Information strictly confidential and shall not "
        "disclose it to any third party without the Company's prior written consent.",
        1,
    )
    _numbered(
        document,
        "The Recipient shall use the Confidential Information only for the Purpose and shall use "
        "reasonable efforts to protect it from unauthorised access.",
        1,
    )
    _numbered(
        document,
        "",
        1,
        runs=[
            ("The obligations of the Recipient under this Section 2 survive termination of this Agreement "
             "for one (1) ye", True),
            ("ar after the date of termination.", True),
        ],
    )
    _numbered(document, "General", 0)
    _numbered(document, "This Agreement is governed by the laws of England and Wales.", 1)
    document.add_paragraph("IN WITNESS WHEREOF the parties have signed this Agreement.")
    document.add_paragraph("Signed by: ____________________")
    insertion = etree.SubElement(first._p, qn("w:ins"))
    for name, value in (("w:id", "41"), ("w:author", "Earlier Reviewer"), ("w:date", "2026-01-05T09:00:00Z")):
        insertion.set(qn(name), value)
    text = etree.SubElement(etree.SubElement(insertion, qn("w:r")), qn("w:t"))
    text.text = EARLIER
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    document.save(str(path))
    return path
