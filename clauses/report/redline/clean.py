"""Strip what could run or reach outside from the copy we send (issue 10).

A redline leaves our hands and is opened by someone else, so it must not carry
the original's active or outward-pointing content: macros (a ``.docm``'s
``vbaProject.bin``), relationships to outside targets (a remote template, a
linked image, an OLE link; web hyperlinks stay, as Word never fetches them on
opening), relationships whose target climbs out of the package, and fields that
pull in other files or programs (DDE, DDEAUTO, INCLUDEPICTURE, INCLUDETEXT,
IMPORT, LINK) - their last shown result is kept as plain text. Every drop is
listed in words so the report can say what the copy no longer has.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from lxml import etree

from clauses.report.redline.package import Package
from clauses.report.redline.wml import CT_NS, PKG_REL_NS, R_NS, parse_part, serialize, w

HYPERLINK_TYPE = R_NS + "/hyperlink"
MAIN_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_CONTENT = re.compile(r"vbaProject|vbaData|macroEnabled\.main|keyMapCustomizations|activeX", re.I)
_MACRO_PART = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml|customizations\.xml)$|/activeX/", re.I)
_DANGEROUS_FIELD = re.compile(r"^\s*(DDE|DDEAUTO|INCLUDEPICTURE|INCLUDETEXT|IMPORT|LINK)\b", re.I)
_REMOVED_WITH_LINK = {w("attachedTemplate"), w("subDoc")}


def clean_package(package: Package, source: Path) -> list[str]:
    """Remove macros, outside links and fetching fields from ``package``; what was dropped, in words."""
    dropped: list[str] = []
    types_name = "[Content_Types].xml"
    types = parse_part(source, types_name, package.parts[types_name])
    macro_parts = [name for name in package.parts if _MACRO_PART.search(name)]
    for name in macro_parts:
        package.drop(name)
        package.drop(posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels"))
        dropped.append(f"macro or control part {name}")
    for entry in list(types):
        content = entry.get("ContentType", "")
        if entry.tag == f"{{{CT_NS}}}Override" and "macroEnabled.main" in content:
            entry.set("ContentType", MAIN_DOCX)
        elif _MACRO_CONTENT.search(content):
            types.remove(entry)
    package.parts[types_name] = serialize(types)
    for rels_name in [n for n in package.parts if n.endswith(".rels")]:
        dropped += _clean_relationships(package, source, rels_name)
    for name in [n for n in package.parts if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)]:
        root = parse_part(source, name, package.parts[name])
        count = _neutralise_fields(root)
        if count:
            package.parts[name] = serialize(root)
            dropped.append(f"{count} field(s) fetching outside content in {name} (their text kept)")
    return dropped


def _clean_relationships(package: Package, source: Path, rels_name: str) -> list[str]:
    folder = posixpath.dirname(posixpath.dirname(rels_name))
    owner = posixpath.join(folder, posixpath.basename(rels_name)[: -len(".rels")])
    rels = parse_part(source, rels_name, package.parts[rels_name])
    removed: set[str] = set()
    dropped: list[str] = []
    for relation in list(rels.iter(f"{{{PKG_REL_NS}}}Relationship")):
        kind, target = relation.get("Type", ""), relation.get("Target", "")
        if relation.get("TargetMode") == "External":
            if kind == HYPERLINK_TYPE:
                continue
            dropped.append(f"link to outside content ({kind.rsplit('/', 1)[-1]}) in {owner or 'the package'}")
        else:
            resolved = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            )
            if not resolved.startswith("../") and resolved != ".." and resolved in package.parts:
                continue
            outside = resolved.startswith("..")
            if not outside and resolved not in package.parts and not _MACRO_PART.search(resolved):
                continue  # a missing part is the original's own defect, not a danger
            dropped.append(f"relationship to {target} from {owner or 'the package'}")
        removed.add(relation.get("Id", ""))
        relation.getparent().remove(relation)
    if removed:
        package.parts[rels_name] = serialize(rels)
        if owner in package.parts and owner.endswith(".xml"):
            root = parse_part(source, owner, package.parts[owner])
            _drop_references(root, removed)
            package.parts[owner] = serialize(root)
    return dropped


def _drop_references(root: etree._Element, removed: set[str]) -> None:
    """Remove r:id/r:link/r:embed attributes naming dropped relationships (and remote-template elements)."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        for attribute, value in list(element.attrib.items()):
            if attribute.startswith(f"{{{R_NS}}}") and value in removed:
                if element.tag in _REMOVED_WITH_LINK and element.getparent() is not None:
                    element.getparent().remove(element)
                    break
                del element.attrib[attribute]


def _neutralise_fields(root: etree._Element) -> int:
    count = 0
    for simple in list(root.iter(w("fldSimple"))):
        if _DANGEROUS_FIELD.match(simple.get(w("instr"), "")):
            parent = simple.getparent()
            for child in list(simple):
                simple.addprevious(child)
            parent.remove(simple)
            count += 1
    for instruction in list(root.iter(w("instrText"))):
        if instruction.getparent() is None or not _DANGEROUS_FIELD.match(instruction.text or ""):
            continue
        count += 1
        if not _unwrap_complex_field(instruction):
            instruction.text = ""  # the field spans paragraphs: leave it empty, so nothing is fetched
    return count


def _unwrap_complex_field(instruction: etree._Element) -> bool:
    """Remove a one-paragraph field's begin/instruction/separate/end runs, keeping its result."""
    paragraph = next(instruction.iterancestors(w("p")), None)
    if paragraph is None:
        return False
    runs = list(paragraph.iter(w("r")))
    here = runs.index(instruction.getparent()) if instruction.getparent() in runs else -1
    if here < 0:
        return False

    def kind(run: etree._Element) -> str:
        char = run.find(w("fldChar"))
        return char.get(w("fldCharType"), "") if char is not None else ""

    begin = next((i for i in range(here, -1, -1) if kind(runs[i]) == "begin"), None)
    end = next((i for i in range(here, len(runs)) if kind(runs[i]) == "end"), None)
    if begin is None or end is None or any(kind(runs[i]) == "begin" for i in range(begin + 1, end)):
        return False
    separate = next((i for i in range(begin, end) if kind(runs[i]) == "separate"), end)
    for index in list(range(begin, separate + 1)) + [end]:
        runs[index].getparent().remove(runs[index])
    return True
