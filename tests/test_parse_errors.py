"""Every bad input gives its own InputError subclass, and inputs are never modified."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import BAD_INPUTS

from clauses.errors import (
    InputError,
    TooLargeError,
    UnsafeInputError,
)
from clauses.parse import parse, sniff_format


@pytest.mark.parametrize(("name", "error", "words"), BAD_INPUTS)
def test_parse_bad_input_error_class(fixtures_dir: Path, name: str, error: type, words: str) -> None:
    with pytest.raises(error, match=words) as info:
        parse(fixtures_dir / name)
    line = info.value.one_line()
    assert "\n" not in line and line.startswith(str(fixtures_dir / name) + ": ")


def test_parse_over_size_limit_checked_before_reading(fixtures_dir: Path) -> None:
    with pytest.raises(TooLargeError, match="--max-size"):
        parse(fixtures_dir / "multipage.pdf", max_bytes=100)


def test_parse_missing_file_and_directory(fixtures_dir: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        parse(fixtures_dir / "nope.pdf")
    with pytest.raises(InputError, match="directory"):
        parse(fixtures_dir)


def test_parse_declared_zip_size_over_limit(tmp_path: Path, fixtures_dir: Path) -> None:
    import zipfile

    from clauses.parse import limits

    limit = limits.MAX_UNCOMPRESSED_BYTES
    limits.MAX_UNCOMPRESSED_BYTES = 1000  # module constant, restored below
    try:
        with pytest.raises(UnsafeInputError, match="uncompressed"):
            parse(fixtures_dir / "numbered.docx")
    finally:
        limits.MAX_UNCOMPRESSED_BYTES = limit
    assert zipfile.is_zipfile(fixtures_dir / "numbered.docx")


@pytest.mark.parametrize(
    ("head", "ext", "fmt"),
    [
        (b"%PDF-1.7", ".txt", "pdf"),
        (b"PK\x03\x04", ".pdf", "docx"),
        (b"<!DOCTYPE html><html>", ".txt", "html"),
        (b"  <html lang=en>", ".md", "html"),
        (b"# Title", ".md", "markdown"),
        (b"Plain words", ".dat", "text"),
    ],
)
def test_parse_sniff_signature_before_extension(head: bytes, ext: str, fmt: str) -> None:
    assert sniff_format(head, f"contract{ext}") == fmt


GOOD_INPUTS = [
    "numbered.docx",
    "multipage.pdf",
    "bom.txt",
    "terms.md",
    "page.html",
    "encrypted.pdf",
    "entity.docx",
    "bomb.docx",
]


@pytest.mark.parametrize("name", GOOD_INPUTS)
def test_parse_leaves_input_unchanged(fixtures_dir: Path, name: str) -> None:
    path = fixtures_dir / name
    before, stat = path.read_bytes(), os.stat(path)
    try:
        document = parse(path)
        import hashlib

        assert document.sha256 == hashlib.sha256(before).hexdigest()
    except InputError:
        pass
    after = os.stat(path)
    assert path.read_bytes() == before
    assert (after.st_mtime_ns, after.st_size) == (stat.st_mtime_ns, stat.st_size)
