"""DOCX numbering regressions: the empty heading carrying a section break, and the 11 real DOCX.

Three of the 11 real DOCX agreements in ../shared/real end their cover page with
an empty numbered heading paragraph whose mark carries the section break; Word
and LibreOffice show no number there, and counting it made every later number
one too high ("2.1" where the document reads 1.1). The real-data tests are
skipped when ../shared/real is absent; the LibreOffice comparison also when
``soffice`` is not installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from copy import deepcopy
from pathlib import Path

import pytest
from docx.oxml.ns import nsdecls
from lxml import etree

from clauses.parse import parse

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REAL_DOCX = 11


def _with_empty_heading(source: Path, target: Path, *, section_break: bool) -> Path:
    """A copy of ``source`` with an empty paragraph numbered like its first "1" heading inserted before it."""
    document = parse(source)
    first = next(c for c in document.clauses if c.number == "1")
    with zipfile.ZipFile(source) as old:
        root = etree.fromstring(old.read("word/document.xml"))
        paragraph = list(root.find(f"{W}body").iter(f"{W}p"))[first.source[0]]
        empty = etree.Element(f"{W}p")
        empty.append(deepcopy(paragraph.find(f"{W}pPr")))
        if section_break:
            etree.SubElement(empty.find(f"{W}pPr"), f"{W}sectPr")
        paragraph.addprevious(empty)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
            for item in old.infolist():
                data = old.read(item.filename)
                if item.filename == "word/document.xml":
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                new.writestr(item.filename, data)
    return target


def _numbers(path: Path) -> list[str]:
    return [c.number for c in parse(path).clauses if c.number]


def test_docx_numbering_empty_heading_with_section_break_is_not_counted(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    source = fixtures_dir / "numbered.docx"
    copy = _with_empty_heading(source, tmp_path / "cover.docx", section_break=True)
    assert _numbers(copy) == _numbers(source)


def test_docx_numbering_empty_heading_without_section_break_still_counts(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    # Word shows a number on an empty numbered paragraph: only the section-break mark is exempt.
    source = fixtures_dir / "numbered.docx"
    copy = _with_empty_heading(source, tmp_path / "gap.docx", section_break=False)
    before, after = _numbers(source), _numbers(copy)
    # The empty paragraph shows its "1" (and is a clause of its own), the heading after it "2".
    assert before[:2] == ["Article I", "1"] and after[:3] == ["Article I", "1", "2"]


def _real_docx(real_dir: Path) -> list[Path]:
    files = sorted((real_dir / "agreements" / "docs").glob("*.docx"))
    if not files:
        pytest.skip("no real DOCX in agreements/docs")
    assert len(files) == REAL_DOCX
    return files


_DECIMAL = re.compile(r"^(\d+)(?:\.(\d+))?\.?$")


@pytest.mark.real
def test_docx_numbering_real_sections_run_from_one_without_gaps(real_dir: Path) -> None:
    """In every real DOCX, top-level numbers run 1, 2, 3 ... and N.k sits under N, k from 1."""
    checked = 0
    for path in _real_docx(real_dir):
        top, sub = 0, 0
        for clause in parse(path).clauses:
            match = _DECIMAL.match(clause.number.strip())
            if clause.in_table or match is None:
                continue
            section, item = int(match.group(1)), match.group(2)
            if item is None:
                if section == 1 and top > 0:
                    top = 0  # a second list (a schedule, the set-up steps) starts again at 1
                assert section == top + 1, f"{path.name}: section {clause.number} after {top}"
                top, sub = section, 0
            else:
                assert section == top, f"{path.name}: {clause.number} inside section {top}"
                assert int(item) == sub + 1, f"{path.name}: {clause.number} after {top}.{sub}"
                sub = int(item)
            checked += 1
    assert checked > 0


def _libreoffice_text(soffice: str, files: list[Path], out: Path) -> dict[str, list[str]]:
    profile = out / "lo-profile"
    completed = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "txt:Text (encoded):UTF8", "--outdir", str(out), *map(str, files)],
        capture_output=True, text=True, timeout=600, env={**os.environ, "HOME": str(out)},
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    lines = {}
    for path in files:
        text = (out / f"{path.stem}.txt").read_text(encoding="utf-8-sig")
        lines[path.name] = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return lines


def _shown_label(number: str, text: str) -> tuple[str, str]:
    """The label the clause text starts with ("(a)" for 2.4(a)) and the words after it."""
    words = " ".join(text.split())
    head = words.split(" ", 1)[0]
    bare = head.strip("().")
    if bare and number.strip().rstrip(".)").endswith(bare):
        return head, words[len(head) :].strip()
    return number, words


def numbering_against_libreoffice(soffice: str, files: list[Path], out: Path) -> tuple[int, list[str]]:
    """(numbered clauses compared, those whose label differs from the one LibreOffice renders).

    Also used by benchmarks/redline_check.py on the accepted redlines.
    """
    rendered = _libreoffice_text(soffice, files, out)
    compared, differ = 0, []
    for path in files:
        for clause in parse(path).clauses:
            if not clause.number or clause.in_table:
                continue
            label, words = _shown_label(clause.number, clause.text)
            key = words[:50]
            hits = [line for line in rendered[path.name] if key and key in line]
            if len(key) < 4 or not hits:
                continue  # a clause LibreOffice splits or joins differently says nothing about numbers
            shown = [line[: line.index(key)].strip().strip("().") for line in hits]
            compared += 1
            if label.strip("().") not in shown:
                differ.append(f"{path.name}: {clause.number} shown as {shown[:2]}")
    return compared, differ


@pytest.mark.real
@pytest.mark.slow
def test_docx_numbering_real_matches_libreoffice(real_dir: Path, tmp_path: Path) -> None:
    """Every numbered clause of the 11 real DOCX carries the label LibreOffice renders for it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    files = _real_docx(real_dir)
    compared, differ = numbering_against_libreoffice(soffice, files, tmp_path)
    print(f"\n{compared} numbered clauses compared with LibreOffice, {len(differ)} differ")
    assert compared > 500  # the 11 agreements hold about 650 numbered clauses
    assert differ == []


def _article_docx(path: Path, hidden: bool = False) -> Path:
    """Word's SEC style: an empty paragraph numbered "ARTICLE I" by numbering.xml, its title
    in the Heading 1 paragraph under it (``hidden``: the number's paragraph mark is hidden)."""
    from docx import Document as WordDocument
    from docx.oxml import parse_xml

    doc = WordDocument()
    numbering = doc.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="ARTICLE %1"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    for title, body in (("DEFINITIONS", "Terms have the meanings given here."), ("TERM", "It lasts.")):
        empty = doc.add_paragraph()
        vanish = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
        empty._p.insert(
            0,
            parse_xml(
                f'<w:pPr {nsdecls("w")}><w:numPr><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>'
                f"{vanish}</w:pPr>"
            ),
        )
        doc.add_heading(title, level=1)
        doc.add_paragraph(body)
    doc.save(str(path))
    return path


def test_docx_number_of_an_empty_paragraph_is_shown(tmp_path: Path) -> None:
    # Word and LibreOffice show "ARTICLE I" on the empty numbered paragraph; it was dropped with
    # the paragraph, so the article's clauses had no number.
    document = parse(_article_docx(tmp_path / "articles.docx"))
    numbered = [(c.number, c.heading) for c in document.clauses if c.number]
    assert numbered == [("Article I", "DEFINITIONS"), ("Article II", "TERM")]


def test_docx_number_of_a_hidden_empty_paragraph_stays_out(tmp_path: Path) -> None:
    document = parse(_article_docx(tmp_path / "hidden.docx", hidden=True))
    assert [c.number for c in document.clauses if c.number] == []
