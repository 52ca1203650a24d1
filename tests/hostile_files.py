"""Hostile single files, generated, and a child process that parses one and prints the outcome.

Each ``make_*`` function writes one input of issue 10's "single files" table
into a folder and returns its path. Nothing here is copied from a real
contract: the text is ours, repeated or crafted.

Run as a script (``python tests/hostile_files.py FILE [--password P] [--language]``)
it parses FILE (and with ``--language`` checks it reads as English) and prints one
JSON line: the error's kind and one-line message, or what was read. The tests
run it in a fresh process under a memory limit and a time limit.
"""

from __future__ import annotations

import io
import json
import random
import sys
import zipfile
from pathlib import Path

CONTRACT = [
    "MUTUAL NON-DISCLOSURE AGREEMENT",
    "1. Confidential Information. Each party shall keep the other party's confidential information secret.",
    "2. Use. The recipient shall use the confidential information only to evaluate the proposed transaction.",
    "3. Term. The obligations in this agreement survive for five years after its termination or expiry.",
    "4. Return. On request the recipient shall return or destroy all copies of the confidential information.",
]
BODIES = [x.split(". ", 1)[1] for x in CONTRACT[1:]]  # the clauses without their numbers

# ---------------------------------------------------------------- PDF


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(pages: int, lines: list[str] = CONTRACT) -> bytes:
    """A PDF of ``pages`` pages sharing one content stream: small to write, costly to read page by page."""
    content = "BT /F1 10 Tf 72 720 Td 14 TL " + " ".join(f"({_pdf_text(x)}) '" for x in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [" + " ".join(f"{5 + i} 0 R" for i in range(pages)) + f"] /Count {pages} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
    objects += [page + "/Contents 4 0 R >>"] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{o:010d} 00000 n \n" for o in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def make_pdf_pages(folder: Path, pages: int) -> Path:
    path = folder / f"pages-{pages}.pdf"
    path.write_bytes(pdf_bytes(pages))
    return path


def make_aes_pdf(folder: Path, algorithm: str, user_password: str) -> Path:
    """A two-page PDF encrypted with AES (``"AES-128"`` or ``"AES-256"``); pypdf needs cryptography."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(2))))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    path = folder / f"{algorithm.lower()}-{'open' if not user_password else 'locked'}.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


# ---------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOC = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>'
_END = "</w:body></w:document>"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">' for i in range(1, 10))
    + f']>\n<w:styles xmlns:w="{W_NS}"><w:style w:styleId="x"><w:name w:val="&lol9;"/></w:style></w:styles>'
)


def paragraph(text: str, num_id: int | None = None) -> str:
    numbering = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    return f"<w:p>{numbering if num_id else ''}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _rels(entries: list[tuple[str, str, str]]) -> str:
    rels = "".join(f'<Relationship Id="{i}" Type="{_REL}/{t}" Target="{to}"/>' for i, t, to in entries)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    )


_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def docx_bytes(
    body: str | bytes,
    *,
    main: str = "word/document.xml",
    parts: dict[str, str | bytes] | None = None,
    related: list[tuple[str, str]] = (),
    content_types: bool = True,
) -> bytes:
    """A Word package: ``body`` is the main part (whole, when bytes), ``related`` its (type, target) list."""
    folder, base = main.rsplit("/", 1)
    files: dict[str, str | bytes] = {
        "_rels/.rels": _rels([("rId1", "officeDocument", main)]),
        main: body if isinstance(body, bytes) else _DOC + body + _END,
        f"{folder}/_rels/{base}.rels": _rels([(f"rId{i + 10}", t, to) for i, (t, to) in enumerate(related)]),
    }
    if content_types:
        files["[Content_Types].xml"] = _TYPES
    files.update(parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in files.items():
            package.writestr(name, data)
    return out.getvalue()


def make_docx(folder: Path, name: str, body: str | bytes, **kwargs) -> Path:
    path = folder / name
    path.write_bytes(docx_bytes(body, **kwargs))
    return path


def numbering_xml(fmt: str, start: int | str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">'
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def make_docx_numbering(folder: Path, fmt: str, start: int | str) -> Path:
    body = "".join(paragraph(x, num_id=1) for x in BODIES)
    return make_docx(
        folder,
        f"numbering-{fmt}-{len(str(start))}.docx",
        body,
        parts={"word/numbering.xml": numbering_xml(fmt, start)},
        related=[("numbering", "numbering.xml")],
    )


def make_docx_paragraphs(folder: Path, count: int) -> Path:
    body = "".join(paragraph(f"Item {i}.") for i in range(count))
    return make_docx(folder, f"paragraphs-{count}.docx", body)


def make_docx_table(folder: Path, rows: int) -> Path:
    row = "<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>"
    body = "<w:tbl>" + "".join(row.format(paragraph(f"Item {i}"), paragraph("Price 10")) for i in range(rows))
    return make_docx(folder, f"table-{rows}.docx", body + "</w:tbl>")


def make_docx_huge_part(folder: Path, megabytes: int) -> Path:
    """A DOCX whose document.xml is ``megabytes`` MB, compressing about 15:1 (no zip bomb)."""
    rng = random.Random(7)
    words = ["alpha", "beta", "gamma", "delta", "secret", "party", "notice", "term", "shall", "the"]
    pool = [paragraph(" ".join(rng.choices(words, k=12)) + f" {rng.randrange(10**9)}") for _ in range(4000)]
    chunk = "".join(pool).encode()
    path = folder / f"document-{megabytes}mb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("_rels/.rels", _rels([("rId1", "officeDocument", "word/document.xml")]))
        package.writestr("[Content_Types].xml", _TYPES)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(_DOC.encode())
            written = 0
            while written < megabytes * 1024 * 1024:
                part.write(chunk)
                written += len(chunk)
            part.write(_END.encode())
    return path


def make_docx_laughs(folder: Path, part_name: str, kind: str) -> Path:
    """Billion laughs in a part named ``part_name`` (``word/styles.dat``), related as ``kind``."""
    target = part_name.split("/", 1)[1]
    return make_docx(
        folder,
        f"laughs-{kind}-{part_name.rsplit('.', 1)[1]}.docx",
        "".join(paragraph(x) for x in CONTRACT),
        parts={part_name: _LAUGHS.replace("w:styles", "w:numbering" if kind == "numbering" else "w:styles")},
        related=[(kind, target)],
    )


def make_docx_doctype_encoded(folder: Path, codec: str) -> Path:
    """document.xml with a DOCTYPE, encoded in ``codec`` with no byte-order mark."""
    xml = (
        f'<?xml version="1.0" encoding="{codec.split("-")[0].upper()}-{codec.split("-")[1]}"?>'
        '<!DOCTYPE w:document [<!ENTITY x "ENTITY TEXT">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{paragraph(CONTRACT[1] + " &x;")}</w:body></w:document>'
    )
    return make_docx(folder, f"doctype-{codec}.docx", xml.encode(codec))


def make_docx_elsewhere(folder: Path) -> Path:
    """Main part at content/main.xml, its comments at notes/remarks.xml: found only by relationships."""
    comments = f'<?xml version="1.0"?><w:comments xmlns:w="{W_NS}"></w:comments>'
    return make_docx(
        folder,
        "elsewhere.docx",
        "".join(paragraph(x) for x in CONTRACT),
        main="content/main.xml",
        parts={"notes/remarks.xml": comments},
        related=[("comments", "../notes/remarks.xml")],
    )


def make_docx_no_content_types(folder: Path) -> Path:
    return make_docx(folder, "no-types.docx", "".join(paragraph(x) for x in CONTRACT), content_types=False)


def make_docx_long_id(folder: Path, digits: int) -> Path:
    body = "".join(paragraph(x) for x in CONTRACT)
    body += f'<w:p><w:bookmarkStart w:id="{"9" * digits}" w:name="b"/><w:r><w:t>End.</w:t></w:r></w:p>'
    return make_docx(folder, f"id-{digits}.docx", body)


# ---------------------------------------------------------------- HTML, text, Markdown


def _html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>NDA</title></head><body>{body}</body></html>"


def contract_html() -> str:
    return "<h1>" + CONTRACT[0] + "</h1>" + "".join(f"<p>{x}</p>" for x in CONTRACT[1:])


def make(folder: Path, name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def make_html_roman(folder: Path, attribute: str, value: str) -> Path:
    items = "".join(f"<li>{x}</li>" for x in BODIES)
    if attribute == "value":
        items = f'<li value="{value}">{BODIES[0]}</li>' + items
        start = ""
    else:
        start = f' start="{value}"'
    page = _html(f'<h1>{CONTRACT[0]}</h1><ol type="i"{start}>{items}</ol>')
    return make(folder, f"ol-{attribute}-{len(value)}.html", page)


def make_html_nested(folder: Path, tag: str, depth: int, closed: bool) -> Path:
    inner = f"<{tag}>" * depth + "<p>" + CONTRACT[1] + "</p>" + (f"</{tag}>" * depth if closed else "")
    return make(folder, f"nested-{tag}-{depth}.html", _html(contract_html() + inner))


def make_html_doctype(folder: Path, kind: str) -> Path:
    """A DOCTYPE that sent the old removal regex into exponential or quadratic backtracking."""
    page = "<html><body>" + contract_html() + "</body></html>"
    if kind == "pairs":  # exponential: each "[]" could end the subset or be part of a longer one
        return make(folder, "doctype-pairs.html", page + "<!DOCTYPE " + "[]" * 40)
    return make(folder, "doctype-repeated.html", page + "<!DOCTYPE [" * 20000)  # unterminated: to the end


def make_big(folder: Path, name: str, megabytes: float, unit: str) -> Path:
    repeats = int(megabytes * 1024 * 1024 / len(unit)) + 1
    return make(folder, name, unit * repeats)


def make_section_digits(folder: Path, digits: int, fmt: str) -> Path:
    number = "7" * digits
    if fmt == "html":
        items = "".join(f"<li>{x}</li>" for x in CONTRACT[1:])
        page = _html(f'<h1>{CONTRACT[0]}</h1><ol start="{number}">{items}</ol>')
        return make(folder, "section-digits.html", page)
    definitions = f"{number}. Definitions. Words have their usual meaning."
    text = "\n\n".join([CONTRACT[0], definitions, *CONTRACT[1:]])
    return make(folder, f"section-digits.{fmt}", text)


# ---------------------------------------------------------------- the child process


def outcome(path: str, password: str | None = None, language: bool = False) -> dict:
    """What parsing (and with ``language``, the English check) gives: an error or what was read."""
    from clauses.errors import ClausesError
    from clauses.parse import parse

    try:
        document = parse(path, password=password)
        result = {
            "kind": None,
            "title": document.title,
            "numbers": [c.number for c in document.clauses[:40]],
            "texts": [c.text[:120] for c in document.clauses[:40]],
            "clauses": len(document.clauses),
        }
        if language:
            from clauses.detect.language import require_english

            require_english(document)  # raises UnsupportedLanguageError ("Portuguese" before)
            result["english"] = True
        return result
    except ClausesError as exc:
        return {"kind": exc.kind, "line": exc.one_line()}


if __name__ == "__main__":
    args = sys.argv[1:]
    password = args[args.index("--password") + 1] if "--password" in args else None
    print(json.dumps(outcome(args[0], password=password, language="--language" in args)))
