"""Format parity: a DOCX or PDF rendering of our own labelled document reads as its source.

The renderings in tests/fixtures/parity (see its README) were made by
benchmarks/format_parity.py; each lost verdicts to parsing before the fixes of
issue 11 (numbers glued to their text, paragraphs in capitals cut per line, the first
line of a clause taken for a heading, a title over two lines, an article number on an
empty numbered paragraph).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clauses.datamodel import MISSING, WEAK
from clauses.evaluate import evidence_hit, labelled_documents
from clauses.evaluate.profile import evaluation_profile
from clauses.parse import parse
from clauses.pipeline import analyze_document, load_shipped_model

FIXTURES = Path(__file__).parent / "fixtures"
CASES = [
    ("own_agreements", "07_software_license_sec", "07_software_license_sec.docx"),
    ("own_ndas", "02_sec_exhibit_mutual_nda", "02_sec_exhibit_mutual_nda.pdf"),
    ("own_ndas", "12_plain_english_mutual_nda", "12_plain_english_mutual_nda.pdf"),
    ("own_agreements", "06_employment_ciiaa", "06_employment_ciiaa_a5.pdf"),
]


def _verdicts(path: Path, item) -> tuple[dict[str, tuple[str, bool]], list[str]]:
    document = parse(path)
    analysis = analyze_document(
        document, evaluation_profile(item.doc_type), model=load_shipped_model(), suggestions=False
    )
    verdicts = {}
    for result in analysis.elements:
        label = item.labels.get(result.element)
        if label is None:
            continue
        status = "missing" if result.status == MISSING else "weak" if result.status == WEAK else "present"
        hit = status != "missing" and label.present and evidence_hit(analysis, result.element, label)
        verdicts[result.element] = (status, hit)
    return verdicts, [c.number for c in document.clauses if c.number]


@pytest.mark.parametrize(("folder", "stem", "rendered"), CASES)
def test_rendering_gives_the_verdicts_of_its_source(folder: str, stem: str, rendered: str) -> None:
    source_dir = FIXTURES / folder
    item = next(i for i in labelled_documents(source_dir / "labels.jsonl", source_dir) if i.key == stem)
    source = next(p for p in source_dir.iterdir() if p.stem == stem)
    expected, numbers = _verdicts(source, item)
    got, got_numbers = _verdicts(FIXTURES / "parity" / rendered, item)
    assert got == expected
    assert got_numbers == numbers
