"""clauses.report.redline: real tracked insertions and comments in a copy of the DOCX."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pypdf
import pytest
from lxml import etree
from report_fixtures import (
    EXISTING_DELETION,
    EXISTING_INSERTION,
    PARAGRAPHS,
    accepted_text,
    build_analysis,
    build_document,
    document_from_docx,
    write_contract_docx,
)

from clauses.datamodel import Analysis, ElementResult, Suggestion
from clauses.errors import InputError
from clauses.report.redline import write_additions_docx, write_redline

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def _body_texts(path: Path) -> list[str]:
    body = _part(path, "word/document.xml").find(f"{W}body")
    return [accepted_text(p) for p in body.iter(f"{W}p")]


@pytest.fixture()
def redlined(tmp_path: Path) -> tuple[Path, Path, Analysis, bytes, int]:
    source = write_contract_docx(tmp_path / "nda.docx")
    before, mtime = source.read_bytes(), source.stat().st_mtime_ns
    analysis = build_analysis(document_from_docx(source))
    out = tmp_path / "nda.redline.docx"
    write_redline(analysis, source, out)
    return source, out, analysis, before, mtime


def test_report_redline_input_untouched(redlined: tuple) -> None:
    source, _, _, before, mtime = redlined
    assert source.read_bytes() == before
    assert source.stat().st_mtime_ns == mtime


def test_report_redline_opens_and_inserts_tracked_paragraphs(redlined: tuple) -> None:
    _, out, analysis, _, _ = redlined
    docx.Document(str(out))  # opens
    root = _part(out, "word/document.xml")
    ours = [i for i in root.iter(f"{W}ins") if i.get(f"{W}author") == "clauses"]
    inserted_text = ["".join(t.text for t in i.iter(f"{W}t")) for i in ours]
    suggestions = [r.suggestion for r in analysis.elements if r.suggestion]
    for suggestion in suggestions:
        assert f"{suggestion.number} {suggestion.text}" in inserted_text
    for paragraph in root.iter(f"{W}p"):
        runs = [i for i in paragraph.findall(f"{W}ins") if i.get(f"{W}author") == "clauses"]
        if not runs:
            continue
        # The paragraph break before the new paragraph is the tracked one, as Word records Enter.
        previous = paragraph.getprevious()
        mark = previous.find(f"{W}pPr/{W}rPr/{W}ins")
        assert mark is not None and mark.get(f"{W}author") == "clauses"
        # The contract types its numbers, so the new clause types its number and joins no list.
        assert paragraph.find(f"{W}pPr/{W}numPr") is None
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", mark.get(f"{W}date"))
    # in order, after 2.4 and before "3. General"
    texts = _body_texts(out)
    start = next(i for i, t in enumerate(texts) if t.startswith("2.4 "))
    numbers = [t.split(" ")[0] for t in texts[start + 1 : start + 1 + len(suggestions)]]
    assert numbers == [s.number for s in suggestions]
    assert texts[start + 1 + len(suggestions)] == "3. General"


def test_report_redline_comments_anchored(redlined: tuple) -> None:
    _, out, _, _, _ = redlined
    root = _part(out, "word/document.xml")
    comments = _part(out, "word/comments.xml")
    comment_ids = {c.get(f"{W}id") for c in comments.iter(f"{W}comment")}
    ours = {c.get(f"{W}id") for c in comments.iter(f"{W}comment") if c.get(f"{W}author") == "clauses"}
    starts = {e.get(f"{W}id") for e in root.iter(f"{W}commentRangeStart")}
    ends = {e.get(f"{W}id") for e in root.iter(f"{W}commentRangeEnd")}
    refs = {e.get(f"{W}id") for e in root.iter(f"{W}commentReference")}
    assert len(ours) == 8
    assert ours <= starts and ours <= ends and ours <= refs
    assert refs <= comment_ids
    texts = ["".join(t.text for t in c.iter(f"{W}t")) for c in comments.iter(f"{W}comment")]
    assert "Check governing law." in texts  # the original comment survives
    # The default audience is the counterparty: plain reasons, no scores, offsets or profile names.
    authors = [c.get(f"{W}author") for c in comments.iter(f"{W}comment")]
    ours_text = [t for a, t in zip(authors, texts, strict=True) if a == "clauses"]
    assert any("notified within a fixed time" in t for t in ours_text)
    for text in ours_text:
        assert not re.search(r"\d|offset|profile|scored|clauses", text), text


def test_report_redline_keeps_existing_revisions_and_unique_ids(redlined: tuple) -> None:
    _, out, _, _, _ = redlined
    root = _part(out, "word/document.xml")
    theirs = [i for i in root.iter(f"{W}ins") if i.get(f"{W}author") == "Earlier Reviewer"]
    assert ["".join(t.text for t in i.iter(f"{W}t")) for i in theirs] == [EXISTING_INSERTION]
    deletions = list(root.iter(f"{W}del"))
    assert [d.findtext(f".//{W}delText") for d in deletions] == [EXISTING_DELETION]
    revision_ids = [e.get(f"{W}id") for e in root.iter(f"{W}ins", f"{W}del")]
    assert len(revision_ids) == len(set(revision_ids))
    ours = [int(e.get(f"{W}id")) for e in root.iter(f"{W}ins") if e.get(f"{W}author") == "clauses"]
    assert min(ours) > 8  # above the existing ids 7 and 8


def test_report_redline_creates_comments_part(tmp_path: Path) -> None:
    source = tmp_path / "plain.docx"
    document = docx.Document()
    for text in (
        "AGREEMENT",
        "1. Confidentiality",
        "1.1 The Recipient shall keep it secret.",
        "IN WITNESS WHEREOF the parties sign.",
    ):
        document.add_paragraph(text)
    document.save(str(source))
    with zipfile.ZipFile(source) as package:
        assert "word/comments.xml" not in package.namelist()
    analysis = build_analysis(document_from_docx(source))
    out = tmp_path / "plain.redline.docx"
    write_redline(analysis, source, out)
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert "word/comments.xml" in names
    assert 'PartName="/word/comments.xml"' in types
    assert "relationships/comments" in rels
    reopened = docx.Document(str(out))
    assert len(list(reopened.comments)) == sum(1 for r in analysis.elements if r.suggestion)


def _audit_without_anchor(source: Path) -> Analysis:
    """An analysis whose one suggestion (a new section 4, audit) names no clause to follow."""
    loose = Suggestion(
        "audit", "Audit. The Recipient shall permit audits.", "4.", None, "before the signature block"
    )
    result = ElementResult(
        "audit",
        "Audit and verification",
        "recommended",
        "low",
        "missing",
        0.9,
        "No audit right.",
        suggestion=loose,
    )
    return replace(build_analysis(document_from_docx(source)), elements=(result,))


def test_report_redline_before_signature_when_no_anchor(tmp_path: Path) -> None:
    source = write_contract_docx(tmp_path / "nda.docx")
    out = tmp_path / "sig.docx"
    write_redline(_audit_without_anchor(source), source, out)
    texts = [t for t in _body_texts(out) if t]
    index = texts.index("4. Audit. The Recipient shall permit audits.")
    assert texts[index + 1].startswith("IN WITNESS WHEREOF")


def test_report_redline_refuses_changed_source(redlined: tuple, tmp_path: Path) -> None:
    source, _, analysis, _, _ = redlined
    other = tmp_path / "other.docx"
    document = docx.Document()
    document.add_paragraph("Different.")
    document.save(str(other))
    with pytest.raises(InputError, match="sha256"):
        write_redline(analysis, other, tmp_path / "x.docx")
    with pytest.raises(InputError):
        write_redline(analysis, source, source)


def test_report_redline_for_text_input_is_a_tracked_rendition(tmp_path: Path) -> None:
    source = tmp_path / "nda.txt"
    source.write_text("NON-DISCLOSURE AGREEMENT\n2. Confidentiality\n", encoding="utf-8")
    texts = [
        "NON-DISCLOSURE AGREEMENT",
        "1. Definitions",
        "1.1 Terms.",
        "2. Confidentiality",
        "2.1 The Recipient shall keep it.",
        "2.2 Use.",
        "2.3 Survival one year.",
        "2.4 Exclusions.",
    ]
    document = build_document(texts, str(source), "text", source.read_bytes())
    analysis = build_analysis(document)
    out = tmp_path / "additions.docx"
    before = source.read_bytes()
    write_redline(analysis, source, out)
    assert source.read_bytes() == before
    # The contract itself, rebuilt from its clauses, with the suggestions as tracked insertions.
    texts = [t for t in _body_texts(out) if t]
    numbers = [r.suggestion.number for r in analysis.elements if r.suggestion]
    original = [t for t in texts if t.split(" ")[0] not in numbers]
    assert original == [c.text for c in document.clauses]
    root = _part(out, "word/document.xml")
    ours = ["".join(t.text for t in i.iter(f"{W}t")) for i in root.iter(f"{W}ins")]
    assert any(t.startswith("2.7 Notice of Unauthorized Disclosure.") for t in ours)
    start = texts.index("2.4 Exclusions.")
    assert [t.split(" ")[0] for t in texts[start + 1 :]] == numbers
    # The plain list of changes is still there for callers who want only that.
    listing = tmp_path / "list.docx"
    write_additions_docx(analysis, listing)
    paragraphs = [p.text for p in docx.Document(str(listing)).paragraphs]
    assert paragraphs[0] == "Suggested additions to Non-Disclosure Agreement"
    # Every "where" names a section of the original, never one that exists only in a suggestion.
    wheres = [p for p in paragraphs if p.startswith("Where: ")]
    assert wheres and set(wheres) == {"Where: after Section 2.4 (Confidentiality)"}


@pytest.mark.slow
def test_report_redline_converts_with_libreoffice(redlined: tuple, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    _, out, analysis, _, _ = redlined
    profile = tmp_path / "lo-profile"
    completed = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert completed.returncode == 0, completed.stderr
    pdf = tmp_path / "pdf" / "nda.redline.pdf"
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    text = text.replace("- ", "-")
    notice = next(r.suggestion for r in analysis.elements if r.element == "breach_notice")
    assert "Notice of Unauthorized Disclosure. The Recipient shall notify the Company" in text
    assert notice.number in text


def test_report_redline_end_to_end_with_parser(tmp_path: Path) -> None:
    """The path this test exists for: a parse error here is a failure, never a skip."""
    from clauses.parse import parse

    source = write_contract_docx(tmp_path / "nda.docx")
    document = parse(source)
    analysis = build_analysis(document)
    out = tmp_path / "e2e.docx"
    write_redline(analysis, source, out)
    texts = [t for t in _body_texts(out) if t]
    inserted = [t for t in texts if "Notice of Unauthorized Disclosure" in t]
    assert len(inserted) == 1
    assert inserted[0].startswith("2.7 Notice of Unauthorized Disclosure. The Recipient")
    start = next(i for i, t in enumerate(texts) if t.startswith("2.4 "))
    assert texts[start + 1].startswith("2.5 ") and texts[start + 3] == inserted[0]


def _spaced_contract(path: Path) -> Path:
    """The sample contract typed with an empty paragraph between clauses, as text imports are."""
    document = docx.Document()
    for text in PARAGRAPHS:
        document.add_paragraph(text)
        document.add_paragraph("")
    document.save(str(path))
    return path


def _mark_inserted(paragraph: etree._Element) -> bool:
    return paragraph.find(f"{W}pPr/{W}rPr/{W}ins") is not None


def test_report_redline_keeps_blank_line_spacing_of_spaced_documents(tmp_path: Path) -> None:
    source = _spaced_contract(tmp_path / "spaced.docx")
    analysis = build_analysis(document_from_docx(source))
    out = tmp_path / "spaced.redline.docx"
    write_redline(analysis, source, out)
    body = _part(out, "word/document.xml").find(f"{W}body")
    paragraphs = list(body.iter(f"{W}p"))
    texts = [accepted_text(p) for p in paragraphs]
    at = next(i for i, t in enumerate(texts) if "Notice of Unauthorized Disclosure" in t)
    # clause before, new blank, new clause, a blank: spaced like its neighbours, and the
    # new blank is part of the tracked insertion (its mark and the one before it inserted).
    assert texts[at - 2].strip() and texts[at - 1] == "" and texts[at + 1] == ""
    assert _mark_inserted(paragraphs[at - 2]) and _mark_inserted(paragraphs[at - 1])
    assert paragraphs[at - 1].find(f"{W}pPr/{W}numPr") is None
    assert not any(a == b == "" for a, b in zip(texts, texts[1:], strict=False)), "two blank lines in a row"
    added = len(paragraphs) - len(docx.Document(str(source)).element.body.findall(f".//{W}p"))
    assert added == 2 * len(write_redline(analysis, source, tmp_path / "again.docx").inserted)


def test_report_redline_adds_no_blank_paragraphs_to_unspaced_documents(redlined: tuple) -> None:
    source, out, *_ = redlined
    before = sum(1 for p in _body_texts(source) if not p.strip())
    assert sum(1 for p in _body_texts(out) if not p.strip()) == before


def test_report_redline_spaces_a_clause_put_before_the_signature_block(tmp_path: Path) -> None:
    source = _spaced_contract(tmp_path / "spaced.docx")
    out = tmp_path / "sig.docx"
    write_redline(_audit_without_anchor(source), source, out)
    texts = _body_texts(out)
    at = texts.index("4. Audit. The Recipient shall permit audits.")
    assert texts[at - 1] == "" and texts[at + 1] == "" and texts[at + 2].startswith("IN WITNESS WHEREOF")
    assert texts[at - 2].startswith("3.1 ")
