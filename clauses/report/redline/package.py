"""Reading and writing the Word package (the zip) the redline is made from.

The source is read through the parser's checked package reader
(``clauses.parse.ooxml``: zip bombs, a DOCTYPE in any XML entry whatever its
name or encoding) before any part is used: the redline opens the same untrusted
file the parser did, must refuse it the same way, and must copy nothing hostile.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from clauses.errors import CorruptError


class Package:
    """The parts of a DOCX by name, with the zip entries' order and metadata kept for writing."""

    def __init__(self, infos: list[zipfile.ZipInfo], parts: dict[str, bytes]) -> None:
        self.infos = infos
        self.parts = parts

    def drop(self, name: str) -> None:
        self.parts.pop(name, None)

    def to_bytes(self) -> bytes:
        """Zip the parts back in their original order ([Content_Types].xml first), new ones last."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            written: set[str] = set()
            for info in self.infos:
                if info.filename in self.parts:
                    package.writestr(info, self.parts[info.filename], compress_type=zipfile.ZIP_DEFLATED)
                written.add(info.filename)
            for name in sorted(set(self.parts) - written):
                package.writestr(name, self.parts[name])
        return buffer.getvalue()


def read_package(source: Path, data: bytes) -> Package:
    """Every entry of the DOCX in ``data``, through the checked reader; InputErrors for bad packages."""
    from clauses.parse.ooxml import open_package

    with open_package(data, str(source)) as package:
        infos = [info for info in package.infos if not info.is_dir()]
        parts = package.read_all()
    if "word/document.xml" not in parts or "[Content_Types].xml" not in parts:
        raise CorruptError(str(source), "DOCX has no word/document.xml")
    return Package(infos, parts)


SETTINGS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
SETTINGS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
# Children of w:settings that come before w:trackRevisions (CT_Settings is a sequence: Word
# refuses a settings part whose children are out of order).
_BEFORE_TRACK = (
    "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
    "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
    "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
    "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
    "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles "
    "stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions"
).split()


def enable_track_revisions(package: Package, source: Path) -> None:
    """Switch on Track Changes in the output, so the counterparty's own edits are tracked too."""
    from lxml import etree

    from clauses.report.redline.wml import CT_NS, PKG_REL_NS, W_NS, parse_part, serialize, w

    parts = package.parts
    rels_name = "word/_rels/document.xml.rels"
    rels = (
        parse_part(source, rels_name, parts[rels_name])
        if rels_name in parts
        else etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    )
    target = next((r.get("Target") for r in rels if r.get("Type") == SETTINGS_TYPE), None)
    if target is None:
        taken = {r.get("Id") for r in rels}
        number = next(n for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
        relation = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
        relation.set("Id", f"rId{number}")
        relation.set("Type", SETTINGS_TYPE)
        relation.set("Target", "settings.xml")
        parts[rels_name] = serialize(rels)
        target = "settings.xml"
        types = parse_part(source, "[Content_Types].xml", parts["[Content_Types].xml"])
        override = etree.SubElement(types, f"{{{CT_NS}}}Override")
        override.set("PartName", "/word/settings.xml")
        override.set("ContentType", SETTINGS_CONTENT_TYPE)
        parts["[Content_Types].xml"] = serialize(types)
    name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
    if name in parts:
        settings = parse_part(source, name, parts[name])
    else:
        settings = etree.Element(w("settings"), nsmap={"w": W_NS})
    if settings.find(w("trackRevisions")) is None:
        position = 0
        for index, child in enumerate(settings):
            if isinstance(child.tag, str) and etree.QName(child).localname in _BEFORE_TRACK:
                position = index + 1
        settings.insert(position, etree.Element(w("trackRevisions")))
    parts[name] = serialize(settings)
