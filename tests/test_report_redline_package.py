"""The redline reads its input package through the checked reader of clauses.parse.ooxml."""

from __future__ import annotations

from pathlib import Path

import hostile_files as hf
import pytest

from clauses.errors import UnsafeInputError
from clauses.report.redline import _read_package


def test_redline_read_package_refuses_entities_in_any_part(tmp_path: Path) -> None:
    path = hf.make_docx_laughs(tmp_path, "word/styles.dat", "styles")
    with pytest.raises(UnsafeInputError, match="word/styles.dat declares XML entities"):
        _read_package(path)


def test_redline_read_package_reads_every_entry(tmp_path: Path) -> None:
    path = hf.make_docx(tmp_path, "plain.docx", hf.paragraph("Text."))
    infos, parts = _read_package(path)
    assert {i.filename for i in infos} == set(parts) >= {"word/document.xml", "[Content_Types].xml"}
