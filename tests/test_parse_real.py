"""Every real agreement in ../shared/real/agreements parses or fails with an InputError.

Skipped when the folder is absent. Measured: all 51 files in docs/ parse; in bad/
the garbled-text PDF is refused as Scanned with --ocr never (auto would OCR it) and the
five foreign-language files parse.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from clauses.errors import InputError
from clauses.parse import parse

pytestmark = pytest.mark.real


def _files(real_dir: Path, folder: str) -> list[Path]:
    path = real_dir / "agreements" / folder
    if not path.is_dir():
        pytest.skip(f"agreements/{folder} is absent")
    return sorted(p for p in path.iterdir() if p.is_file())


@pytest.mark.parametrize("folder", ["docs", "bad"])
def test_parse_real_agreements(real_dir: Path, folder: str) -> None:
    files = _files(real_dir, folder)
    parsed, refused = [], []
    start = time.perf_counter()
    for path in files:
        try:
            document = parse(path, ocr="never")  # the garbled PDF would take minutes of OCR
        except InputError as error:  # anything else escaping is a defect and fails the test
            refused.append(error.one_line())
            continue
        parsed.append(path.name)
        for clause in document.clauses:
            assert document.text[clause.start : clause.end] == clause.text
    elapsed = time.perf_counter() - start
    print(f"\nagreements/{folder}: {len(parsed)}/{len(files)} parsed in {elapsed:.1f} s")
    for line in refused:
        print("  refused:", line)
    if folder == "docs":
        assert len(parsed) == len(files)
    else:
        assert any("GARBLED" in line and ": Scanned: " in line for line in refused)
