"""The safe Word-package reader: relationships followed, hostile content found whatever its name."""

from __future__ import annotations

import io
import zipfile

import hostile_files as hf
import pytest

from clauses.errors import CorruptError, UnsafeInputError
from clauses.parse import ooxml


def _package(data: bytes) -> ooxml.Package:
    return ooxml.open_package(data, "x.docx")


def test_ooxml_main_and_comments_parts_found_by_relationships() -> None:
    data = hf.docx_bytes(
        hf.paragraph("Text."),
        main="content/main.xml",
        parts={"notes/remarks.xml": f'<w:comments xmlns:w="{hf.W_NS}"/>'},
        related=[("comments", "../notes/remarks.xml")],
    )
    with _package(data) as package:
        assert package.main_part() == "content/main.xml"
        assert package.comments_part() == "notes/remarks.xml"


def test_ooxml_without_relationships_falls_back_to_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", hf._DOC + hf.paragraph("Text.") + hf._END)
    with _package(out.getvalue()) as package:
        assert package.main_part() == "word/document.xml"
        assert package.comments_part() is None


def test_ooxml_external_and_escaping_targets_listed_never_resolved() -> None:
    data = hf.docx_bytes(
        hf.paragraph("Text."),
        related=[("comments", "../../../x.xml"), ("image", "http://example.invalid/a.png")],
    )
    with _package(data) as package:
        assert package.comments_part() is None  # the escaping target is not a part
        unsafe = package.unsafe_relationships()
    assert sorted(r.target for _, r in unsafe) == ["../../../x.xml", "http://example.invalid/a.png"]
    assert all(r.part is None for _, r in unsafe)


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_ooxml_xml_codec_without_bom(codec: str) -> None:
    assert ooxml.xml_codec(' \n<?xml version="1.0"?><a/>'.encode(codec)) == (codec, 0)


def test_ooxml_xml_codec_not_xml() -> None:
    assert ooxml.xml_codec(b"\x89PNG\r\n\x1a\n") is None


def test_ooxml_doctype_in_any_part_name_refused() -> None:
    data = hf.docx_bytes(hf.paragraph("Text."), parts={"customXml/item1.bin": hf._LAUGHS})
    with pytest.raises(UnsafeInputError, match="customXml/item1.bin declares XML entities"):
        _package(data)


def test_ooxml_unusual_declared_encoding_refused() -> None:
    xml = '<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x+AD4-<a/>'
    with pytest.raises(UnsafeInputError, match="UTF-7"):
        _package(hf.docx_bytes(hf.paragraph("Text."), parts={"word/settings.xml": xml}))


def test_ooxml_parse_xml_refuses_doctype_the_parser_sees() -> None:
    # Whatever slipped past the prolog scan, the parsed tree is checked again.
    with pytest.raises(UnsafeInputError, match="declares XML entities"):
        ooxml.parse_xml(b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', "x.docx", "part.xml")


def test_ooxml_highest_id_bounded() -> None:
    parts = {"word/document.xml": b'<w:p w:id="12"/><w:p w:id="7"/>', "word/x.bin": b'w:id="99"'}
    assert ooxml.highest_id(parts, "x.docx") == 12
    with pytest.raises(CorruptError, match="5,000 digits.*MAX_XML_ID"):
        ooxml.highest_id({"word/document.xml": b'w:id="' + b"9" * 5000 + b'"'}, "x.docx")


def test_ooxml_part_over_size_limit_refused_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    from clauses.errors import TooLargeError
    from clauses.parse import limits

    monkeypatch.setattr(limits, "MAX_XML_PART_BYTES", 100)
    with _package(hf.docx_bytes(hf.paragraph("A longer text than one hundred bytes, surely."))) as package:
        with pytest.raises(TooLargeError, match="MAX_XML_PART_BYTES"):
            package.xml(package.main_part())


def test_ooxml_content_types_made_when_missing() -> None:
    data = hf.docx_bytes(hf.paragraph("Text."), content_types=False)
    with _package(data) as package:
        parts = package.read_all()
    assert ooxml.CONTENT_TYPES not in parts
    root = ooxml.content_types(parts, "x.docx")
    overrides = {o.get("PartName"): o.get("ContentType") for o in root.iter(f"{{{ooxml.CT_NS}}}Override")}
    assert overrides == {"/word/document.xml": ooxml.MAIN_CONTENT_TYPE}
    present = ooxml.content_types({ooxml.CONTENT_TYPES: hf._TYPES.encode()}, "x.docx")
    assert len(present.findall(f"{{{ooxml.CT_NS}}}Default")) == 2
