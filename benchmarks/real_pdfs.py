"""Real contracts as PDFs, rendered by LibreOffice at bench time (never committed).

``../shared/real`` holds real agreements as DOCX, Markdown, HTML and PDF, and real
NDAs as ContractNLI texts. Each one that is not a PDF already is rendered to PDF
by ``soffice --headless --convert-to pdf`` into a cache folder (a temporary
folder by default), so the PDF path can be measured on real wording and length
and compared with the text of its source:

* DOCX and HTML are rendered as they are (Word numbering, headers and footers
  stay what LibreOffice lays out);
* Markdown and ContractNLI texts are first turned into plain text (Markdown
  through clauses' own reader, so ``##`` and ``**`` do not reach the PDF), then
  rendered;
* the SEC EDGAR PDFs in agreements/docs are used as they are ("originals").

``build(folder)`` returns ``{"nda": [...], "agreements": [...], "edgar": [...]}``
and a map from each rendered PDF to the file it was rendered from.

The renderings' font decides bare pypdf's speed, the floor scale.py's ratio is
set against: plain text renders in LibreOffice's monospace font, which is
Liberation Mono where ``fonts-liberation2`` is installed and DejaVu Sans Mono
where it is not, and pypdf reads the same 111 NDAs about three times more slowly
in DejaVu (15-17 s against 3.1 s here). ``fonts(pdf)`` names the fonts so the
floor can be said with the rendering it was measured on.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOP = HERE.parent
REAL = TOP.parent / "shared" / "real"


def _soffice(sources: list[Path], out: Path) -> None:
    """Render ``sources`` to PDF into ``out`` in one LibreOffice process (its start-up costs seconds)."""
    command = shutil.which("soffice") or shutil.which("libreoffice")
    if command is None:
        raise SystemExit("LibreOffice (soffice) is needed to render the real contracts to PDF")
    profile = out / ".lo-profile"
    for start in range(0, len(sources), 40):
        subprocess.run(
            [
                command,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                *map(str, sources[start : start + 40]),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=900,
        )


def build(folder: Path, real: Path = REAL) -> tuple[dict[str, list[Path]], dict[Path, Path]]:
    """The real PDFs by group, and the file each rendered PDF was made from; rendered once into ``folder``."""
    if not real.is_dir():
        raise SystemExit(f"{real} is absent: the real-PDF rows need ../shared/real")
    sys.path.insert(0, str(TOP))
    from clauses.parse import parse

    staged = folder / "staged"
    staged.mkdir(parents=True, exist_ok=True)
    rendered = folder / "pdf"
    rendered.mkdir(exist_ok=True)
    groups: dict[str, list[Path]] = {"nda": [], "agreements": [], "edgar": []}
    origin: dict[Path, Path] = {}
    todo: list[Path] = []

    def stage(group: str, source: Path, staged_file: Path) -> None:
        target = rendered / f"{staged_file.stem}.pdf"
        groups[group].append(target)
        origin[target] = staged_file  # what was rendered: the reference text of the PDF
        if not target.exists():
            todo.append(staged_file)

    for split in ("dev.json", "train-sample.json"):
        path = real / "contractnli" / split
        if not path.exists():
            continue
        for document in json.loads(path.read_text(encoding="utf-8"))["documents"]:
            staged_file = staged / f"nli-{Path(split).stem}-{document['id']}.txt"
            if not staged_file.exists():
                staged_file.write_text(document["text"], encoding="utf-8")
            stage("nda", path, staged_file)
    for source in sorted((real / "agreements" / "docs").iterdir()):
        suffix = source.suffix.lower()
        if suffix == ".pdf":
            groups["edgar"].append(source)
        elif suffix in (".docx", ".html"):
            staged_file = staged / source.name
            if not staged_file.exists():
                shutil.copyfile(source, staged_file)
            stage("agreements", source, staged_file)
        elif suffix == ".md":
            staged_file = staged / f"{source.stem}.txt"
            if not staged_file.exists():
                staged_file.write_text(parse(source).text, encoding="utf-8")
            stage("agreements", source, staged_file)
    if todo:
        print(f"rendering {len(todo)} real contracts to PDF with LibreOffice ...", file=sys.stderr)
        _soffice(todo, rendered)
    for group in ("nda", "agreements"):
        missing = [p for p in groups[group] if not p.exists()]
        if missing:
            print(f"LibreOffice did not render {len(missing)} files, e.g. {missing[0].name}", file=sys.stderr)
        groups[group] = [p for p in groups[group] if p.exists()]
    return groups, origin


def fonts(pdf: Path) -> list[str]:
    """The base font names of ``pdf``'s first page without the subset prefix ("LiberationMono")."""
    from pypdf import PdfReader

    page = PdfReader(pdf).pages[0]
    found = page.get("/Resources", {}).get_object().get("/Font", {}).get_object()
    names = {str(font.get_object().get("/BaseFont", "")).lstrip("/") for font in found.values()}
    return sorted(name.split("+", 1)[-1] for name in names if name)
