"""The one safe reader of Word packages (zip + XML), for the DOCX parser and the redline.

Everything hostile is decided on what the package holds, never on what its
parts are called:

* the zip directory first: too many entries, too much declared uncompressed
  data, an extreme compression ratio (a zip bomb) or an oversized XML part is
  refused before anything is decompressed (``zipfile`` never returns more than
  the declared size, so the declared sizes bound the work);
* every entry whose bytes are XML, in whichever encoding (UTF-8, UTF-16 or
  UTF-32, with or without a byte-order mark), has its prolog decoded and is
  refused when it declares a DOCTYPE (the only place an ENTITY can live):
  ``styles.dat`` or ``numbering.XML`` is checked like ``document.xml``. An
  XML part in any other encoding is refused, since our check could not read
  it while libxml2 might;
* every part that is parsed is parsed without entities, network or DTD, and
  refused again if the parsed tree still reports a DOCTYPE;
* the main part and the parts related to it are found through the
  relationships (``_rels/.rels``, then ``<part>.rels``), not by their usual
  names; a target outside the package (``../../x.xml``) or an external one is
  never read, and is listed so the redline can drop it;
* numbers read from the XML (``w:id``) are bounded.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache

from clauses.errors import CorruptError, UnsafeInputError, UnsupportedFormatError
from clauses.parse import limits

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CONTENT_TYPES = "[Content_Types].xml"
OFFICE_DOCUMENT = "/officeDocument"
COMMENTS = "/comments"
STYLES = "/styles"
NUMBERING = "/numbering"
PROLOG_BYTES = 4096  # enough for an XML declaration and a comment or two before the root
MAX_PROLOG_BYTES = 1024 * 1024  # a prolog longer than this (comments before the root) is crafted

# (byte-order mark, codec); without a mark, the codec in which the bytes start
# with "<" after white space (XML 1.0, Appendix F), UTF-32 before UTF-16 before
# UTF-8, since "<" in UTF-32 also reads as "<" in UTF-16 and UTF-8.
_MARKS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_UNMARKED = ("utf-32-be", "utf-32-le", "utf-16-be", "utf-16-le", "utf-8")
_UNIT = {"utf-32-be": 4, "utf-32-le": 4, "utf-16-be": 2, "utf-16-le": 2, "utf-8": 1}
_DECLARED = re.compile(r"""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")
# Encodings in which the ASCII-based check above reads the prolog correctly.
_ASCII_BASED = re.compile(r"(utf-?8|us-ascii|ascii|iso-8859-\d+|latin-?1|windows-125\d|cp125\d)$", re.I)
_ID = re.compile(rb'w:id="(-?\d+)"')


@lru_cache(maxsize=1)
def parser():
    """lxml parser that never resolves entities, loads a DTD or touches the network."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


def xml_codec(head: bytes) -> tuple[str, int] | None:
    """(codec, byte-order mark length) of XML bytes, or None when ``head`` is not XML at all."""
    for mark, codec in _MARKS:
        if head.startswith(mark):
            return codec, len(mark)
    start = head.lstrip(b" \t\r\n")
    if start[:1] == b"<" and start[1:2] not in (b"\x00", b""):
        return "utf-8", 0  # the common case: "<?xml" in an ASCII-based encoding
    for codec in _UNMARKED:
        sample = head[:256]
        sample = sample[: len(sample) - len(sample) % _UNIT[codec]]
        if sample.decode(codec, errors="replace").lstrip(" \t\r\n").startswith("<"):
            return codec, 0
    return None


def prolog_declares(text: str) -> bool | None:
    """Whether the prolog at the start of ``text`` has a DOCTYPE; None when it ends inside the prolog.

    XML allows a DOCTYPE (the only place an ENTITY can be declared) solely in
    the prolog, before the root element, between which only the XML
    declaration, processing instructions, comments and white space can come.
    """
    at = 0
    while True:
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        if at >= len(text):
            return None
        if text.startswith("<?", at):
            end = text.find("?>", at)
            at = end + 2
        elif text.startswith("<!--", at):
            end = text.find("-->", at)
            at = end + 3
        else:
            return text.startswith("<!", at)
        if end < 0:
            return None


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part; ``part`` is the package part it names, None when not one."""

    id: str
    type: str  # the full type URI
    target: str  # as written
    external: bool  # TargetMode="External": a URL or file outside the package
    part: str | None  # resolved part name, None when external or escaping the package


class Package:
    """A Word package opened for reading, every entry checked before any XML is parsed."""

    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise CorruptError(path, f"not a readable DOCX (zip: {exc}); re-save the file") from exc
        self.infos = self._zip.infolist()
        self.names = {info.filename for info in self.infos}
        self._relationships: dict[str, list[Relationship]] = {}
        self._check_directory()
        for info in self.infos:
            self._check_entry(info)

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    # -- checks
    def _check_directory(self) -> None:
        path = self.path
        if len(self.infos) > limits.MAX_ZIP_ENTRIES:
            raise UnsafeInputError(
                path,
                f"{len(self.infos):,} zip entries (limit {limits.MAX_ZIP_ENTRIES:,}, MAX_ZIP_ENTRIES in "
                "clauses/parse/limits.py); possible zip bomb, not opened",
            )
        total = sum(info.file_size for info in self.infos)
        if total > limits.MAX_UNCOMPRESSED_BYTES:
            raise UnsafeInputError(
                path,
                f"declares {total:,} bytes uncompressed (limit {limits.MAX_UNCOMPRESSED_BYTES:,}, "
                "MAX_UNCOMPRESSED_BYTES in clauses/parse/limits.py); possible zip bomb, not opened",
            )
        for info in self.infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > limits.RATIO_MIN_BYTES and ratio > limits.MAX_RATIO:
                raise UnsafeInputError(
                    path,
                    f"entry {info.filename} compresses {ratio:.0f}:1 (limit {limits.MAX_RATIO}:1, MAX_RATIO "
                    "in clauses/parse/limits.py); possible zip bomb, not opened",
                )

    def _check_entry(self, info: zipfile.ZipInfo) -> None:
        """Refuse an entry that is XML (in any encoding) and declares a DOCTYPE, or hides its encoding."""
        if info.is_dir() or info.file_size == 0:
            return
        with self._zip.open(info) as part:
            head = part.read(PROLOG_BYTES)
            found = xml_codec(head)
            if found is None:
                return  # not XML: an image, a font, vbaProject.bin
            codec, skip = found
            while True:
                unit = _UNIT[codec]
                usable = len(head) - (len(head) - skip) % unit
                text = head[skip:usable].decode(codec, errors="replace")
                declared = _DECLARED.match(text)
                if codec == "utf-8" and declared and not _ASCII_BASED.match(declared.group(1)):
                    raise UnsafeInputError(
                        self.path,
                        f"{info.filename} is XML in the encoding {declared.group(1)!r}, which Word does not "
                        "write and the safety check cannot read; file refused",
                    )
                verdict = prolog_declares(text)
                if verdict is not None:
                    break
                more = part.read(PROLOG_BYTES * 4)
                if not more:
                    break
                head += more
                if len(head) > MAX_PROLOG_BYTES:
                    raise UnsafeInputError(
                        self.path,
                        f"{info.filename} has over {MAX_PROLOG_BYTES:,} bytes before its root element",
                    )
        if verdict:
            raise UnsafeInputError(
                self.path, f"{info.filename} declares XML entities (a DOCTYPE); not expanded, file refused"
            )

    # -- reading
    def read(self, name: str) -> bytes:
        """A part's bytes; an XML part over ``MAX_XML_PART_BYTES`` is refused before decompressing."""
        info = self._zip.getinfo(name)
        limits.check(
            self.path,
            f"bytes in the part {name}",
            info.file_size,
            limits.MAX_XML_PART_BYTES,
            "MAX_XML_PART_BYTES",
        )
        return self._zip.read(info)

    def read_all(self) -> dict[str, bytes]:
        """Every entry's bytes, for a writer that copies the package (each was checked on opening)."""
        return {info.filename: self._zip.read(info) for info in self.infos}

    def xml(self, name: str):
        """A part parsed safely; refused if the parsed tree still carries a DOCTYPE."""
        return parse_xml(self.read(name), self.path, name)

    def relationships(self, source: str) -> list[Relationship]:
        """The relationships of part ``source`` ("" for the package itself), in document order."""
        cached = self._relationships.get(source)
        if cached is not None:
            return cached
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        found: list[Relationship] = []
        if rels_name not in self.names:
            self._relationships[source] = found
            return found
        for rel in self.xml(rels_name).iter(f"{{{REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            external = (rel.get("TargetMode") or "").lower() == "external"
            part = None if external else _resolve(folder, target)
            found.append(Relationship(rel.get("Id", ""), rel.get("Type", ""), target, external, part))
        self._relationships[source] = found
        return found

    def related(self, source: str, kind: str) -> str | None:
        """The first part of relationship type ending in ``kind`` ("/styles") that the package holds."""
        for rel in self.relationships(source):
            if rel.type.endswith(kind) and rel.part in self.names:
                return rel.part
        return None

    def main_part(self) -> str:
        """The main document part named by ``_rels/.rels`` (``word/document.xml`` when there are none)."""
        main = self.related("", OFFICE_DOCUMENT)
        if main is None and "word/document.xml" in self.names and not self.relationships(""):
            main = "word/document.xml"
        if main is None:
            raise UnsupportedFormatError(
                self.path, "a zip file but not a Word document; save the contract as .docx or PDF"
            )
        return main

    def comments_part(self) -> str | None:
        """The comments part of the main document, wherever the relationships put it."""
        return self.related(self.main_part(), COMMENTS)

    def unsafe_relationships(self) -> list[tuple[str, Relationship]]:
        """(source part, relationship) for every external or package-escaping relationship."""
        out = []
        for name in sorted(self.names):
            if name.endswith(".rels") and "/_rels/" in "/" + name:
                folder = posixpath.dirname(posixpath.dirname(name))
                source = posixpath.join(folder, posixpath.basename(name)[: -len(".rels")])
                source = "" if name == "_rels/.rels" else source
                out += [(source, r) for r in self.relationships(source) if r.external or r.part is None]
        return out


def _resolve(folder: str, target: str) -> str | None:
    """The part a relative or absolute internal target names, None when it leaves the package."""
    if not target or "\\" in target or ":" in target.split("/")[0]:
        return None
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    part = posixpath.normpath(joined)
    if part.startswith("../") or part in ("..", ".") or part.startswith("/"):
        return None
    return part


def parse_xml(data: bytes, path: str, name: str):
    """XML bytes parsed with ``parser()``; a DOCTYPE seen by the parser is refused."""
    from lxml import etree

    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        detail = " ".join(str(exc).split())[:120]
        raise CorruptError(path, f"{name} is not well-formed XML ({detail}); re-save the file") from exc
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise UnsafeInputError(path, f"{name} declares XML entities (a DOCTYPE); not expanded, file refused")
    return root


def highest_id(parts: dict[str, bytes], path: str) -> int:
    """The highest ``w:id`` in the Word parts, refusing ids over ``MAX_XML_ID`` (5,000 digits crashed)."""
    highest = 0
    for name, data in parts.items():
        if not name.startswith("word/") or not name.endswith(".xml"):
            continue
        for match in _ID.finditer(data):
            digits = match.group(1).lstrip(b"-")
            value = limits.bounded_int(match.group(1).decode("ascii"), limits.MAX_XML_ID + 1)
            if len(digits) > limits.MAX_NUMBER_DIGITS or value > limits.MAX_XML_ID:
                raise CorruptError(
                    path,
                    f"{name} has a w:id of {len(digits):,} digits, over {limits.MAX_XML_ID:,} (MAX_XML_ID in "
                    "clauses/parse/limits.py); re-save the file in Word",
                )
            highest = max(highest, value)
    return highest


MAIN_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DEFAULT_TYPES = (
    ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
    ("xml", "application/xml"),
)


def content_types(parts: dict[str, bytes], path: str, main: str = "word/document.xml"):
    """The parsed ``[Content_Types].xml``, or, when the package has none, the one it needs.

    Word opens a package without it only after repair; a writer that copies
    the package can add this one (the defaults and the main part's type).
    """
    from lxml import etree

    if CONTENT_TYPES in parts:
        return parse_xml(parts[CONTENT_TYPES], path, CONTENT_TYPES)
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    for extension, kind in _DEFAULT_TYPES:
        etree.SubElement(root, f"{{{CT_NS}}}Default", Extension=extension, ContentType=kind)
    etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=f"/{main}", ContentType=MAIN_CONTENT_TYPE)
    return root


def open_package(data: bytes, path: str) -> Package:
    """The checked package of a DOCX's bytes (use as a context manager)."""
    return Package(data, path)
