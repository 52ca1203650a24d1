"""The redline is a clean package: no macros, outside links, fetching fields or escaping targets."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from redline_fixtures import write_numbered_nda

from clauses.pipeline import analyze
from clauses.report.redline import write_redline

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FIELD_RESULT = "Northwind logo here"


def _booby_trap(source: Path, target: Path) -> Path:
    """A .docm-like copy of ``source`` carrying every kind of content the redline must drop."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            raw = old.read(item.filename)
            data = raw.decode("utf-8") if item.filename.endswith((".xml", ".rels")) else None
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml"
                ).replace(
                    "</Types>",
                    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    "</Relationships>",
                    f'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
                    f'vbaProject" Target="vbaProject.bin"/>'
                    f'<Relationship Id="rIdPic" Type="{REL}/image" Target="http://example.invalid/t.png" '
                    f'TargetMode="External"/>'
                    f'<Relationship Id="rIdEsc" Type="{REL}/image" Target="../../../etc/passwd"/>'
                    f'<Relationship Id="rIdWeb" Type="{REL}/hyperlink" Target="https://example.invalid/" '
                    f'TargetMode="External"/></Relationships>',
                )
            elif item.filename == "word/document.xml":
                fields = (
                    '<w:p><w:fldSimple w:instr=" DDEAUTO excel sheet1 "><w:r><w:t>cached</w:t></w:r>'
                    "</w:fldSimple></w:p>"
                    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    '<w:r><w:instrText xml:space="preserve">'
                    ' INCLUDEPICTURE "http://example.invalid/x.png" \\d </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>'
                    f"{FIELD_RESULT}</w:t></w:r>"
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
                )
                data = data.replace("<w:body>", "<w:body>" + fields, 1)
            new.writestr(item, data.encode("utf-8") if data is not None else raw)
        new.writestr("word/vbaProject.bin", b"\x00macro")
    return target


def test_report_redline_clean_package(tmp_path: Path) -> None:
    source = _booby_trap(write_numbered_nda(tmp_path / "plain.docx"), tmp_path / "trap.docx")
    analysis = analyze(source)
    out = tmp_path / "trap.redline.docx"
    result = write_redline(analysis, source, out)
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
        body = package.read("word/document.xml").decode()
    assert "word/vbaProject.bin" not in names
    assert "macroEnabled" not in types and "vbaProject" not in types
    assert "vbaProject" not in rels and "example.invalid/t.png" not in rels and "passwd" not in rels
    assert "https://example.invalid/" in rels  # web hyperlinks are kept: never fetched on opening
    assert not re.search(r"DDE|INCLUDEPICTURE", body)
    assert FIELD_RESULT in body and "cached" in body  # the fields' shown text stays
    assert result is not None
    said = " ".join(result.dropped)
    for words in ("vbaProject.bin", "outside content (image)", "../../../etc/passwd", "2 field(s)"):
        assert words in said, said
