"""Read a contract file into a ``Document``.

``parse(path)`` checks the file (exists, is a file, under the size limit), reads
its bytes once, sniffs the format from the signature before the extension, and
hands the bytes to one backend module per format (one row of ``_FORMATS``).
This is the only place where library exceptions (pypdf, zipfile, lxml, python-docx,
codecs) become ``InputError`` subclasses; the backends raise our own errors for
what they recognise (encrypted, scanned, unsafe) and let the rest through.

The input is opened read-only and never written.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clauses.datamodel import Document
from clauses.errors import (
    CorruptError,
    EmptyDocumentError,
    InputError,
    TooLargeError,
    UnsupportedFormatError,
)
from clauses.parse.limits import MAX_FILE_BYTES

__all__ = [
    "INPUT_EXTENSIONS",
    "MAX_FILE_BYTES",
    "READ_EXTENSIONS",
    "REFUSED_EXTENSIONS",
    "parse",
    "sniff_format",
]


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
# The one table of input extensions. READ: extension -> backend (the bytes' signature wins).
# REFUSED: recognised and reported as unsupported, so a batch shows them instead of dropping them.
# INPUT: what a batch picks up when it walks a folder.
READ_EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
REFUSED_EXTENSIONS = frozenset({".doc", ".rtf", ".odt", ".pages"})
INPUT_EXTENSIONS = frozenset(READ_EXTENSIONS) | REFUSED_EXTENSIONS


@dataclass(frozen=True)
class _Format:
    """One row of the format table: the backend and the foreign errors it may let through."""

    name: str
    read: Callable[[bytes, str, str, str | None], Document]  # (data, path, sha256, password)
    # The library errors it may let through; a function, so pypdf or lxml is imported only when a
    # file of that format fails (an ``except`` clause evaluates its expression only then).
    foreign_errors: Callable[[], tuple[type[BaseException], ...]]
    what: str  # words for the error message: "PDF", "DOCX"


def _pdf(data: bytes, path: str, sha: str, password: str | None, ocr: str = "auto") -> Document:
    from clauses.parse import pdfium  # PDFium first, pypdf (pdf.py) as its fallback

    return pdfium.read_pdf(data, path=path, sha256=sha, password=password, ocr=ocr)


def _docx(data: bytes, path: str, sha: str, password: str | None) -> Document:
    from clauses.parse import docx

    return docx.read_docx(data, path=path, sha256=sha)


def _text(data: bytes, path: str, sha: str, password: str | None) -> Document:
    from clauses.parse import text

    return text.read_text(data, path=path, sha256=sha)


def _markdown(data: bytes, path: str, sha: str, password: str | None) -> Document:
    from clauses.parse import text

    return text.read_markdown(data, path=path, sha256=sha)


def _html(data: bytes, path: str, sha: str, password: str | None) -> Document:
    from clauses.parse import html

    return html.read_html(data, path=path, sha256=sha)


def _pdf_errors() -> tuple[type[BaseException], ...]:
    from pypdf.errors import PyPdfError
    from pypdfium2 import PdfiumError

    # pypdf in lenient mode still fails on damaged objects with plain Python errors.
    return (
        PyPdfError,
        PdfiumError,
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        AttributeError,
        RecursionError,
        EOFError,
        zlib.error,
        struct.error,
        OverflowError,
    )


def _docx_errors() -> tuple[type[BaseException], ...]:
    from lxml import etree

    return (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        KeyError,
        ValueError,
        EOFError,
        etree.XMLSyntaxError,
        zlib.error,
        NotImplementedError,
    )


def _text_errors() -> tuple[type[BaseException], ...]:
    return (UnicodeDecodeError, ValueError)


def _formats() -> dict[str, _Format]:
    return {
        "pdf": _Format("pdf", _pdf, _pdf_errors, "PDF"),
        "docx": _Format("docx", _docx, _docx_errors, "DOCX"),
        "text": _Format("text", _text, _text_errors, "text"),
        "markdown": _Format("markdown", _markdown, _text_errors, "Markdown"),
        "html": _Format("html", _html, _text_errors, "HTML"),
    }


def sniff_format(head: bytes, path: str) -> str:
    """Format name from the file's first bytes, then its extension.

    Raises UnsupportedFormatError for formats recognised but not read.
    """
    ext = Path(path).suffix.lower()
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx"
    if head.startswith(_OLE2):
        from clauses.errors import EncryptedError

        if _ENCRYPTED_PACKAGE in head:
            raise EncryptedError(
                path, "password-protected Office file; remove the password in Word and save as .docx"
            )
        raise UnsupportedFormatError(path, "legacy Word .doc (OLE2) is not read; convert to .docx or PDF")
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFormatError(path, "RTF is not read; convert to .docx or PDF")
    if head.startswith(_IMAGES) or head[:12].startswith(b"RIFF") and head[8:12] == b"WEBP":
        raise UnsupportedFormatError(path, "scanned image: run OCR and convert to PDF with a text layer")
    start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<?xml") and b"<html" in head[:4096].lower():
        return "html"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:256]:
        return "html"
    if ext in REFUSED_EXTENSIONS:
        raise UnsupportedFormatError(path, f"{ext} is not read; convert to .docx or PDF")
    if ext in (".pdf", ".docx"):
        return READ_EXTENSIONS[ext]  # wrong signature: the backend reports it as damaged
    from clauses.parse.text import bom_encoding

    if b"\x00" in head[:4096] and bom_encoding(head) in (None, "utf-8-sig"):
        raise UnsupportedFormatError(
            path, "binary file of unknown format; save the contract as .docx, PDF, text or HTML"
        )
    return READ_EXTENSIONS.get(ext, "text")


def _read_checked(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, after checks that need no reading (missing, directory, size)."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise InputError(name, "file not found; check the path") from exc
    except OSError as exc:
        raise InputError(
            name, f"cannot access the file ({exc.strerror}); check the path and permissions"
        ) from exc
    if path.is_dir():
        raise InputError(name, "is a directory; pass a contract file")
    if not path.is_file():
        raise InputError(name, "is not a regular file; pass a contract file")
    if info.st_size > max_bytes:
        raise TooLargeError(
            name,
            f"{info.st_size} bytes is over the {max_bytes}-byte limit; "
            "raise it with --max-size if the file is trusted",
        )
    if info.st_size == 0:
        raise EmptyDocumentError(name, "the file is empty; pass a contract with text")
    try:
        with open(path, "rb") as handle:  # read-only: inputs are never modified
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(name, f"cannot read the file ({exc.strerror}); check permissions") from exc


def parse(
    path: str | os.PathLike[str],
    *,
    password: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    ocr: str = "auto",
) -> Document:
    """Parse a contract file (PDF, DOCX, TXT, Markdown, HTML) into a Document.

    ``ocr`` (auto, always, never) says which PDF pages are read by OCR; see
    ``clauses.parse.pdfium``. Raises an ``InputError`` subclass for every file
    that cannot be analysed.
    """
    data = _read_checked(Path(path), max_bytes)
    return parse_bytes(data, str(path), password=password, max_bytes=max_bytes, ocr=ocr)


def parse_bytes(
    data: bytes, name: str, *, password: str | None = None, max_bytes: int = MAX_FILE_BYTES, ocr: str = "auto"
) -> Document:
    """Parse a contract's bytes, read elsewhere (a cluster worker gets them from the client).

    ``name`` is the path the user knows the file by: errors and the Document carry it.
    """
    if ocr not in ("auto", "always", "never"):
        raise ValueError(f"ocr must be auto, always or never, not {ocr!r}")
    if len(data) > max_bytes:  # grew after stat, or bytes that never were a checked file
        raise TooLargeError(name, f"over the {max_bytes}-byte limit; raise it with --max-size")
    if not data:
        raise EmptyDocumentError(name, "the file is empty; pass a contract with text")
    fmt = _formats()[sniff_format(data[:8192], name)]
    sha = hashlib.sha256(data).hexdigest()
    try:
        if fmt.name == "pdf":
            document = _pdf(data, name, sha, password, ocr)
        else:
            document = fmt.read(data, name, sha, password)
    except InputError:
        raise
    except fmt.foreign_errors() as exc:
        if type(exc).__name__ == "DependencyError":  # pypdf: AES needs the cryptography package
            from clauses.errors import EncryptedError

            raise EncryptedError(
                name, "AES-encrypted; install the 'cryptography' package or remove the password"
            ) from exc
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise CorruptError(
            name,
            f"cannot be read as {fmt.what}, damaged or truncated "
            f"({type(exc).__name__}: {detail}); re-export the file",
        ) from exc
    if not document.text.strip() or not document.clauses:
        raise EmptyDocumentError(name, "no text found in the document; check it is the right file")
    _check_segmented(document, name)
    return document


def _check_segmented(document: Document, name: str) -> None:
    """The limits on what detection will read, checked before it runs (segmentation is linear)."""
    from clauses.parse import limits

    chars = len(document.text)
    limits.check(name, "characters of text", chars, limits.MAX_DOCUMENT_CHARS, "MAX_DOCUMENT_CHARS")
    limits.check(name, "clauses", len(document.clauses), limits.MAX_CLAUSES, "MAX_CLAUSES")
    longest = max((c.end - c.start for c in document.clauses), default=0)
    limits.check(name, "characters in one clause", longest, limits.MAX_CLAUSE_CHARS, "MAX_CLAUSE_CHARS")
