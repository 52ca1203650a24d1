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


def _plain_numbered(document, items: list[tuple[int, str]]) -> None:
    for level, text in items:
        _numbered(document, text, level)


def _numbered_document():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    numbering.append(parse_xml(NUM))
    return document


def write_numbered_nda(path: Path) -> Path:
    document = _numbered_document()
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


def write_two_periods_services(path: Path) -> Path:
    """A services agreement whose confidentiality survives one year in 2.3 AND twelve months in 5.2.

    Also a payment term in days (never to be touched), and a data-protection
    "saving" clause that only preserves the Supplier's duties under the law (weak
    "in passing"): the redline must raise both periods and turn the saving clause
    into the duty itself.
    """
    document = _numbered_document()
    document.add_paragraph("SERVICES AGREEMENT")
    document.add_paragraph(
        'This Agreement is made between Harbour Analytics Inc. ("Customer") and Quayside Software Inc. '
        '("Supplier") for the supply of hosted reporting services (the "Services").'
    )
    _plain_numbered(document, [
        (0, "Fees"),
        (1, "Customer will pay each invoice within thirty (30) days after receiving it."),
        (0, "Confidentiality"),
        (1, '"Confidential Information" means all information disclosed by Customer to Supplier in '
            "connection with the Services, whether or not marked as confidential."),
        (1, "Supplier will keep Customer's Confidential Information confidential, will not disclose it to "
            "any third party other than its employees who need to know it and are bound by written duties "
            "of confidence no less strict than these, and will use it only to perform the Services."),
        (1, "Supplier's obligations under this Section 2 survive the termination of this Agreement for one "
            "(1) year."),
        (1, "Supplier will notify Customer of any unauthorised access to Customer's Confidential "
            "Information without undue delay and in any event within forty-eight (48) hours of becoming "
            "aware of it, and Customer may seek an injunction to restrain any breach of this Section 2."),
        (0, "Data Protection"),
        (1, "Nothing in this Agreement will limit Supplier's obligations under applicable data protection "
            "laws in respect of personal data processed in providing the Services."),
        (0, "Term"),
        (1, "This Agreement continues until either party ends it on ninety (90) days' written notice."),
        (1, "Supplier's duties of confidentiality continue for a period of twelve (12) months after "
            "termination of this Agreement."),
        (0, "General"),
        (1, "This Agreement is governed by the laws of the State of New York."),
    ])
    document.add_paragraph("Signed by: ____________________")
    document.save(str(path))
    return path


def write_blank_period_nda(path: Path) -> Path:
    """An NDA whose cover table leaves the confidentiality period blank: "____ years from [date]".

    The redline must write the position into the blank (a tracked edit inside the
    table cell, not a new clause) so the accepted contract has a period at all.
    """
    document = _numbered_document()
    document.add_paragraph("MUTUAL NON-DISCLOSURE AGREEMENT")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Purpose", "Evaluating a possible joint venture."
    table.cell(1, 0).text = "Confidentiality Period"
    table.cell(1, 1).text = (
        "Confidential Information stays protected for ____ years from [date], and trade secrets for "
        "as long as they remain trade secrets."
    )
    document.add_paragraph(
        'This Agreement is made between Larch Robotics Ltd and Birch Sensors Ltd (each a "party") for the '
        'purpose stated above (the "Purpose").'
    )
    _plain_numbered(document, [
        (0, "Confidentiality"),
        (1, '"Confidential Information" means all information disclosed by one party to the other in '
            "connection with the Purpose, whether or not marked as confidential."),
        (1, "Each party will keep the other party's Confidential Information confidential and will not "
            "disclose it to any third party without the other party's prior written consent."),
        (1, "The obligations of each party under this Section 1 survive the termination of this Agreement "
            "for the Confidentiality Period."),
        (0, "General"),
        (1, "This Agreement is governed by the laws of England and Wales."),
    ])
    document.add_paragraph("Signed by: ____________________")
    document.save(str(path))
    return path
